/* oracle.h — what core_mmu must answer for one access: the TLB mirror says whether it
 * hits, the reference translator (iss/sv32.h, run on the bench's memory image) says what
 * a walk reads and writes and how it ends, and the platform's PMA rules complete it.
 *
 * A hit is answered from the cached entry (priv spec 4.3.2 allows the cached leaf to
 * stand for the step-2 reads): its permissions, A/D policy, then the physical checks.
 * A miss — or a store that hits a D=0 entry under Svadu, which must update D in memory —
 * walks: the expected walker traffic is exactly the reference's PTE reads and A/D write,
 * in order; a successful walk fills the TLB and the access then completes through the
 * new entry (which is cross-checked against the reference's own result).
 */
#ifndef MMU_ORACLE_H
#define MMU_ORACLE_H

#include <stdbool.h>
#include <stdint.h>

#include "pmp.h"
#include "tlbm.h"

typedef enum { ACC_FETCH, ACC_LOAD, ACC_LR, ACC_STORE, ACC_AMO, ACC_N } bacc_t;
extern const char *const bacc_name[ACC_N];

/* The architectural state core_mmu sees (slow-changing inputs). */
typedef struct {
    unsigned priv;                /* PRV_U / PRV_S / PRV_M */
    bool mprv;
    unsigned mpp;
    bool sum, mxr, adue;
    uint32_t satp;
    pmp_t pmp;
} mmu_state_t;

typedef struct {
    bool we;
    uint64_t addr;
    uint32_t data;                /* value read, or value written */
} memop_t;

#define ORACLE_MAX_OPS 16

/* A change made to a PTE by "another agent" between the walker's read of a leaf and its
 * Svadu re-read (the walk must notice and restart): applied just before op number at. */
typedef struct {
    bool on;
    unsigned at;
    uint64_t addr;
    uint32_t val;
} inject_t;

typedef struct {
    /* the access */
    bool is_i;
    bacc_t acc;
    uint32_t va;
    unsigned eff_priv;
    bool mprv_data;               /* an M-mode load/store with MPRV=1 */
    bool xlate;
    unsigned asid;
    /* TLB */
    uint32_t hit_mask;
    int hit_idx;                  /* lowest hit, -1 on a miss */
    bool walk;                    /* walker traffic expected */
    /* answer */
    int cause;                    /* -1: translated, pa valid */
    uint32_t pa;
    /* walk */
    inject_t inject;
    unsigned nops;
    memop_t ops[ORACLE_MAX_OPS];
    int level;                    /* leaf level found by the walk, -1 none */
    unsigned restarts;            /* Svadu compare failures */
    bool ad_write;
    bool fill;
    tlbm_entry_t fill_e;
    /* coverage */
    int size;                     /* 0 none/bare, 1 4 KiB, 2 4 MiB */
    bool pmp_denied;              /* some PMP check on its path denies (or would: target) */
    bool stale;                   /* a hit whose entry differs from what memory says now */
} expect_t;

unsigned oracle_eff_priv(const mmu_state_t *st, bool is_i);
bool oracle_xlate(const mmu_state_t *st, bool is_i);
unsigned oracle_pf_cause(bacc_t acc);
unsigned oracle_af_cause(bacc_t acc);

/* Predict the access against TLB mirror t (not modified). want_inject: if the walk ends
 * with a Svadu A/D write, change the leaf PTE just before the walker's re-read of it (the
 * change is picked from inject_rand; x->inject says where and what, for the memory
 * model to apply at the same walker access). */
void oracle_predict(const mmu_state_t *st, const tlbm_t *t, bool is_i, bacc_t acc,
                    uint32_t va, bool want_inject, uint32_t inject_rand, expect_t *x);

/* The answer through one cached entry (the hit path). *upd: Svadu must walk instead. */
void oracle_from_entry(const mmu_state_t *st, bacc_t acc, unsigned eff_priv, uint32_t va,
                       const tlbm_entry_t *e, int *cause, uint32_t *pa, bool *upd);

/* Run the reference translator with PMP off and no side effects (bookkeeping). */
bool oracle_peek(const mmu_state_t *st, unsigned eff_priv, uint32_t va, bacc_t acc,
                 int *level, uint64_t *pte_addr, uint32_t *pte, uint32_t *gptr);

/* Print the state and the walk path of va (PTE addresses and values) to stderr. */
void oracle_describe_state(const mmu_state_t *st);
void oracle_describe_path(const mmu_state_t *st, uint32_t va);
void oracle_describe_ops(const char *what, const memop_t *ops, unsigned n);

#endif
