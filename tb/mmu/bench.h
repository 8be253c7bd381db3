/* bench.h — the MMU bench's run options and the cycle-level sequencer (seq.c), shared
 * with the DPI glue and command line (main.c). */
#ifndef MMU_BENCH_H
#define MMU_BENCH_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    uint64_t seed;
    uint64_t count;               /* checks to run */
    bool overlap;                 /* let TLB entries overlap (multi-hit spec probe) */
    uint64_t log_from;            /* print every check from this one (0: never) */
    unsigned itlb, dtlb;          /* TLB entries of this build */
    uint32_t ram_bytes;
} bench_opts_t;

extern bench_opts_t opts;

/* seq.c */
void seq_init(void);
/* One cycle: outputs of the cycle that ends in, inputs of the next one out.
 * Returns MMU_RC_* bits. */
int seq_cycle(uint32_t status, uint32_t i_paddr, uint32_t d_paddr, uint32_t ptw_addr,
              uint32_t ptw_wdata, uint32_t *ctl, uint32_t *i_vaddr, uint32_t *d_vaddr,
              uint32_t *sfence_vaddr, uint32_t *ptw_rdata);
/* The slow-changing inputs (after MMU_RC_STATE). */
void seq_state(uint32_t *mode, uint32_t *satp, uint32_t pmpcfg[4], uint32_t pmpaddr[16]);
bool seq_failed(void);
uint64_t seq_checks(void);
uint64_t seq_cycles(void);

#endif
