/* sv32.h — the reference Sv32 translator (priv spec 1.12, 4.3.2) with PMP and the
 * Svade/Svadu A/D policies. Used by the ISS on a software-TLB miss and by the MMU
 * unit bench as the oracle for the RTL TLB + walker.
 *
 * Contract:
 *  - The caller applies MPRV: `priv` is the effective privilege of the access
 *    (for M-mode loads/stores with mstatus.MPRV=1 it is mstatus.MPP). Fetches always
 *    use the current privilege.
 *  - No translation ("bare") when priv is M or satp.MODE is 0: paddr = va.
 *  - PTE reads are 32-bit physical reads through mem->read32, checked by PMP as
 *    S-mode reads; an A/D write-back goes through mem->write32, checked by PMP as an
 *    S-mode write. A PMP denial, a read32/write32 failure (bus error, not RAM) or a PTE
 *    address >= 2^32 is an access fault of the original access type.
 *  - The final physical address is checked against PMP with the effective privilege
 *    and must be < 2^32 (the SoC's space), else access fault. Other PMA rules (which
 *    device accepts fetches, AMOs, ...) are the caller's.
 *  - Svade (adue = false): A=0, or a store/AMO with D=0 -> page fault.
 *    Svadu (adue = true): the walker sets A (and D for store/AMO) with an atomic
 *    read-compare-write of the PTE; if the PTE changed since it was read, the walk
 *    restarts (step 2).
 *  - Nothing is cached: every call walks.
 */
#ifndef SV32_H
#define SV32_H

#include <stdbool.h>
#include <stdint.h>
#include "pmp.h"

typedef enum { SV32_FETCH, SV32_LOAD, SV32_STORE, SV32_AMO } sv32_access_t;

/* Physical memory view: 32-bit words at 4-aligned 34-bit addresses.
 * Each returns false on a bus error or an address that holds no memory. */
typedef struct {
    bool (*read32)(void *ctx, uint64_t pa, uint32_t *val);
    bool (*write32)(void *ctx, uint64_t pa, uint32_t val);
    void *ctx;
} sv32_mem_t;

typedef struct {
    uint32_t satp;
    unsigned priv;          /* effective privilege: PRV_U, PRV_S or PRV_M */
    bool sum, mxr;          /* mstatus.SUM, mstatus.MXR */
    bool adue;              /* menvcfg.ADUE (Svadu) */
    const pmp_t *pmp;       /* NULL: no PMP checks at all */
} sv32_cfg_t;

typedef struct {
    int cause;              /* -1: success; else CAUSE_* of arch.h */
    uint64_t paddr;         /* translated address (valid when cause < 0) */
    int level;              /* -1 bare, 0 4 KiB page, 1 4 MiB megapage (leaf level) */
    uint32_t pte;           /* leaf PTE as read (before any A/D update) */
    uint64_t pte_addr;      /* its physical address */
    unsigned nreads;        /* PTE reads performed (a restart can add more) */
    bool pte_written;       /* an A/D update was stored ... */
    uint32_t pte_new;       /* ... with this value, at pte_addr */
} sv32_result_t;

/* Translate va for access type acc. Returns res->cause (-1 on success). */
int sv32_translate(const sv32_cfg_t *cfg, const sv32_mem_t *mem, uint32_t va,
                   sv32_access_t acc, sv32_result_t *res);

/* The page-fault and access-fault causes of an access type. */
unsigned sv32_page_fault_cause(sv32_access_t acc);
unsigned sv32_access_fault_cause(sv32_access_t acc);

#endif
