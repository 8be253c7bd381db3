/* world.h — the random world the MMU bench plays in: address spaces (root page tables,
 * ASIDs), their page tables in the physical memory model, PMP configurations, the
 * architectural state, the choice of virtual addresses, and PTE edits made behind the
 * TLBs' back.
 *
 * Page tables: each address space maps a set of 4 MiB regions; a region's L1 PTE is a
 * pointer to an L0 table (own, shared with other spaces, or the root itself), a megapage
 * (aligned or not), invalid or reserved. Global regions have the same L1 PTE in every
 * space. Tables sit mostly in RAM, some outside (devices, holes, above 2^32). Leaves get
 * every R/W/X/U/G/A/D combination, including reserved W-without-R, and targets in RAM,
 * in devices, in holes and above 2^32.
 */
#ifndef MMU_WORLD_H
#define MMU_WORLD_H

#include <stdbool.h>
#include <stdint.h>

#include "oracle.h"
#include "rng.h"
#include "tlbm.h"

#define WORLD_SPACES 6

void world_init(rng_t *rng);
void world_build(void);                       /* new page tables (memory cleared first) */

/* Random changes to the architectural state (not the PMP). */
void world_random_state(mmu_state_t *st);
/* satp naming address space i (or a random root). */
uint32_t world_satp(int space);
/* A fresh random PMP configuration (written through the pmpcfg/pmpaddr WARL rules). */
void world_random_pmp(const mmu_state_t *st, pmp_t *pmp);

/* A virtual address worth accessing in the current address space. */
uint32_t world_pick_va(const mmu_state_t *st, bool is_i);
void world_note_va(bool is_i, uint32_t va, unsigned asid);   /* for re-use: TLB hits */
/* The root of a space whose ASID is asid, or -1. */
int world_space_of_asid(unsigned asid);

/* A PTE edit made without sfence.vma. On return va and asid name a translation that the
 * edit may affect (for a following sfence), addr the edited PTE. */
typedef struct {
    uint64_t addr;
    uint32_t old, val;
    uint32_t va;
    unsigned asid;
    bool global;
} pte_edit_t;
void world_edit_pte(const mmu_state_t *st, const tlbm_t *itlb, const tlbm_t *dtlb,
                    pte_edit_t *ed);

#endif
