/* iss_priv.h — the model's state and the interfaces between its files.
 *
 *   exec.c    decode/execute loop (iss_step, iss_run)
 *   csr.c     CSR file, access rules, counters
 *   trap.c    trap entry, interrupt selection, mret/sret, wfi
 *   mmu.c     software TLB, translation glue (sv32.c), physical memory access
 *   devices.c RAM/UART/CLINT/finisher registers     iss.c  handle, ELF, HTIF, getters
 *
 * Counters are lazy: the hot loop only increments `steps`; mcycle/minstret/mtime are
 * brought up to date by counters_sync() before anything reads or writes them.
 */
#ifndef ISS_PRIV_H
#define ISS_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include "arch.h"
#include "devices.h"
#include "iss.h"
#include "pmp.h"
#include "sv32.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define EXC_NONE 0xFFFFFFFFu          /* "no exception" return value */
#define BIT(n) (1u << (n))
#define MSTATUS_MPP_MASK (3u << MSTATUS_MPP_LO)
#define HPM_COUNTERS 8                /* mhpmcounter3..10 */

/* Software TLB: direct mapped, one array per access kind, 4 KiB virtual pages.
 * A hit means: translation, PMP and PMA all allow the access to the whole page, and
 * the page is RAM at host address addend + va. Entries exist only for pages whose
 * A (and for tlb_w, D) bits were already set, so a hit never skips an A/D update. */
#define TLB_BITS 8
#define TLB_SIZE (1u << TLB_BITS)
#define TLB_INVALID 0xFFFFFFFFu
typedef struct {
    uint32_t tag;                     /* va >> 12, or TLB_INVALID */
    uint32_t ppage;                   /* physical page base (for retire records) */
    uintptr_t addend;                 /* host pointer = addend + va */
} tlb_ent_t;

struct iss {
    uint32_t x[32];
    uint32_t pc;
    unsigned priv;
    unsigned ls_priv;                 /* effective privilege of loads/stores (MPRV) */

    /* step accounting: the run loop stops when steps reaches batch_end */
    uint64_t steps, notretired, batch_end;
    uint64_t sync_steps, sync_retired;

    tlb_ent_t tlb_x[TLB_SIZE], tlb_r[TLB_SIZE], tlb_w[TLB_SIZE];

    /* CSRs */
    uint32_t mstatus, medeleg, mideleg, mie, mip_sw, mtvec, mcounteren, mcountinhibit;
    uint32_t menvcfg, menvcfgh, mscratch, mepc, mcause, mtval;
    uint32_t stvec, scounteren, senvcfg, sscratch, sepc, scause, stval, satp;
    uint64_t mcycle, minstret, hpmcounter[HPM_COUNTERS];
    uint32_t hpmevent[HPM_COUNTERS];
    pmp_t pmp;

    bool resv_valid;                  /* LR/SC reservation (physical word address) */
    uint32_t resv_addr;

    /* co-simulation */
    uint32_t irq_ovr_mask, irq_ovr_bits;
    bool mmio_ovr_valid, mtime_manual, htif_manual;
    bool no_m;                        /* no M extension (iss_config_t) */
    uint32_t mmio_ovr;

    devices_t dev;
    iss_retire_t *rec;                /* record being filled by iss_step, else NULL */

    /* ELF / HTIF */
    uint32_t tohost, fromhost, sig_begin, sig_end;
    bool htif_low_stored;             /* the low word of tohost was stored, request pending */
    uint64_t htif_due;                /* step at which a low-word-only request is taken, or 0 */
    bool exited;
    int exit_code;
};

/* csr.c */
void csr_reset(iss_t *s);
void counters_sync(iss_t *s);
uint32_t csr_mip(iss_t *s);
/* Execute the CSR part of a Zicsr instruction: checks csr.md's access rules.
 * Returns false for an illegal instruction; else *old is the value read. */
bool csr_instr(iss_t *s, unsigned csr, unsigned funct3, uint32_t src, bool writes, uint32_t *old);
bool csr_read(iss_t *s, unsigned csr, uint32_t *v);
bool csr_write(iss_t *s, unsigned csr, uint32_t v);
void hpm_event(iss_t *s, unsigned ev);

/* trap.c */
void trap_enter(iss_t *s, uint32_t cause, uint32_t tval);   /* epc = s->pc */
int irq_select(iss_t *s);                                  /* cause code or -1 */
bool irq_take(iss_t *s);                                   /* took one: s->pc = vector */
void do_mret(iss_t *s);
void do_sret(iss_t *s);
void wfi_wait(iss_t *s);
void priv_changed(iss_t *s);                               /* ls_priv, TLB, batch */

/* mmu.c — slow paths. Return EXC_NONE or the exception cause (tval = va). */
void mmu_flush(iss_t *s);
uint32_t mmu_fetch(iss_t *s, uint32_t va, uint32_t *insn);
uint32_t mmu_load(iss_t *s, uint32_t va, unsigned size, uint32_t *val);
uint32_t mmu_store(iss_t *s, uint32_t va, unsigned size, uint32_t val);
/* For LR/SC/AMO: translate, require RAM, return host pointer and physical address. */
uint32_t mmu_amo_ptr(iss_t *s, uint32_t va, sv32_access_t acc, uint32_t **host, uint32_t *pa);

/* iss.c */
void htif_store_hook(iss_t *s, uint32_t pa);
void iss_htif_poll(iss_t *s);
void iss_request_exit(iss_t *s, int code);

/* Stop the current batch after this step (something may have changed interrupts). */
static inline void batch_break(iss_t *s)
{
    s->batch_end = s->steps + 1;
}

static inline unsigned mstatus_mpp(const iss_t *s)
{
    return (s->mstatus >> MSTATUS_MPP_LO) & 3;
}

#endif
