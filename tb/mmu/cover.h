/* cover.h — functional coverage of the MMU bench and its event counters.
 *
 * The cross: page size (none/bare, 4 KiB, 4 MiB) x privilege (S, U, M+MPRV: an M-mode
 * load/store with MPRV=1, M: any other M-mode access) x access type (fetch, load, LR,
 * store, SC/AMO) x outcome (ok, page fault, access fault) x A/D policy (Svade, Svadu) x
 * PMP verdict (allowed, denied: some PMP check on the access's path denies — the PTE
 * reads and A/D write as S-mode, the target with the access's privilege — even when a
 * page fault comes first). Bins that cannot happen are excluded with their reason; the
 * run fails when a possible bin is empty, or when a required scenario never happened.
 */
#ifndef MMU_COVER_H
#define MMU_COVER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "oracle.h"

typedef struct {
    uint64_t checks, i_checks, d_checks;
    uint64_t hits, walks, walk_fills, walk_faults, bare;
    uint64_t wf_noleaf_pf, wf_leaf_pf, wf_pte_af, fill_af;   /* how walks ended */
    uint64_t stale_hits;              /* hits whose entry no longer matches memory */
    uint64_t stale_pf;                /* ... of which answered with a page fault */
    uint64_t ad_writes;               /* Svadu PTE writes checked */
    uint64_t svadu_hit_upgrades;      /* stores that hit a D=0 entry and walked (Svadu) */
    uint64_t restarts;                /* Svadu re-read found the PTE changed */
    uint64_t gnt_stalls;              /* walker request cycles without grant */
    uint64_t walk_ok_holds;           /* cycles an I-TLB miss waited for i_walk_ok */
    uint64_t i_walks;
    uint64_t abandoned;               /* fetches dropped before their walk was allowed */
    uint64_t concurrent;              /* cycles with both channels requesting */
    uint64_t i_hit_during_d_walk;
    uint64_t resets, world_builds, pmp_configs, state_changes, pte_edits, overlap_sfences;
    uint64_t sfence[4], sfence_dropped[4], sfence_kept[4];   /* form: va*1 + asid*2 */
    uint64_t probes;                  /* accesses probing entries after an sfence */
    uint64_t evictions;               /* fills replacing the pseudo-LRU victim */
    uint64_t multi_hits;              /* --overlap only */
    /* walk latency (added cycles, no grant stall): 4K, 4M, 4K with A/D write */
    unsigned lat_min[3], lat_max[3];
    uint64_t lat_sum[3], lat_n[3];
} stats_t;

extern stats_t stats;

void cover_init(void);
void cover_access(const expect_t *x, const mmu_state_t *st);
/* Print the cross and the counters; returns the number of problems (empty bins and
 * missing scenarios). full: the whole table, else only a summary and the empty bins. */
unsigned cover_report(FILE *f, bool full);

#endif
