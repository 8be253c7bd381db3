/* pmp.h — physical memory protection (priv spec 1.12, 3.7) with the WARL choices of
 * docs/csr.md: 16 entries, 4-byte granularity, OFF/TOR/NA4/NAPOT, L bit.
 *
 * Pure functions over a pmp_t; used by the ISS and by the reference translator
 * (sv32.h). Privilege values are PRV_U/PRV_S/PRV_M from arch.h; permissions are
 * PMP_PERM_R/W/X (the cfg bit positions of arch.h).
 */
#ifndef PMP_H
#define PMP_H

#include <stdbool.h>
#include <stdint.h>
#include "arch.h"

#define PMP_ENTRIES 16
#define PMP_PERM_R (1u << PMPCFG_R)
#define PMP_PERM_W (1u << PMPCFG_W)
#define PMP_PERM_X (1u << PMPCFG_X)
#define PMP_PERM_RWX (PMP_PERM_R | PMP_PERM_W | PMP_PERM_X)

typedef struct {
    uint8_t cfg[PMP_ENTRIES];     /* pmpcfg bytes as stored */
    uint32_t addr[PMP_ENTRIES];   /* pmpaddr: physical address bits 33:2 */
} pmp_t;

/* Is an access of `size` bytes (1, 2 or 4; naturally aligned) at 34-bit physical
 * address pa, made at privilege priv, granted all permissions in `perm`?
 * The lowest-numbered entry that matches any byte decides; a partial match fails;
 * no match: M succeeds, S/U fail (all 16 entries are implemented). */
bool pmp_check(const pmp_t *p, uint64_t pa, unsigned size, unsigned priv, unsigned perm);

/* Permissions granted to every byte of the 4 KiB physical page at page_base for
 * privilege priv, or -1 when different parts of the page get different answers
 * (an entry boundary falls inside the page). Used to cache page-level verdicts. */
int pmp_page_perms(const pmp_t *p, uint64_t page_base, unsigned priv);

/* CSR views: pmpcfg0..3 (idx 0..3) and pmpaddr0..15, with csr.md's write rules
 * (locked bytes/addresses ignore writes, bits 6:5 read 0, R=0 W=1 stores W=0). */
uint32_t pmp_read_cfg(const pmp_t *p, unsigned idx);
void pmp_write_cfg(pmp_t *p, unsigned idx, uint32_t val);
uint32_t pmp_read_addr(const pmp_t *p, unsigned i);
void pmp_write_addr(pmp_t *p, unsigned i, uint32_t val);

#endif
