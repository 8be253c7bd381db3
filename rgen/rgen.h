/* rgen.h — the random program generator: shared state and the interfaces between its files.
 *
 *   main.c     options, program skeleton (start-up, blocks, privilege switches, end)
 *   rng.c      seeded PRNG (splitmix64 + xoshiro256**) and the value pools
 *   emit.c     assembly output, labels, registers, instruction counting, statistics
 *   runtime.c  fixed parts of every program: trap vectors, M/S handlers, landing page
 *   items.c    random body items (ALU, memory, AMO, LR/SC, branches, traps, interrupts)
 *   csrs.c     CSR items: the CSR map of docs/csr.md with a value policy per CSR, PMP
 *   paging.c   --paging: page-table model, PTE edits with their sfence.vma, satp/ASIDs
 *
 * The generator tracks the architectural state that decides what its own sequences do
 * (privilege, the mstatus trap/enable bits, delegation, PMP, page tables, ASIDs). The
 * tracking is exact by construction: every instruction that could change that state is
 * emitted by the generator with a known value, and the handlers only change what the
 * tracker models (MPP/SPP/xPIE, interrupt sources). Safety never depends on tracking:
 * see layout.h and rgen/README.md.
 */
#ifndef RGEN_H
#define RGEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "layout.h"

/* ---- rng.c ---- */
typedef struct {
    uint64_t s[4];
} rng_t;

void rng_seed(rng_t *r, uint64_t seed);
uint64_t rng_next(rng_t *r);
uint32_t rng_u32(rng_t *r);
uint32_t rng_below(rng_t *r, uint32_t n);           /* uniform in [0, n), n > 0 */
int32_t rng_range(rng_t *r, int32_t lo, int32_t hi); /* uniform in [lo, hi] */
bool rng_chance(rng_t *r, unsigned percent);
unsigned rng_weighted(rng_t *r, const unsigned *weights, unsigned n);
uint32_t rng_value(rng_t *r);   /* interesting operand value, never an RG_MAGIC value */

/* ---- statistics: what the generator emitted (--stats) ---- */
enum {
    K_ALU, K_ALUI, K_LUI, K_MULDIV, K_LI, K_LOAD, K_STORE, K_AMO, K_LRSC,
    K_BRANCH, K_BRANCH_MISALIGNED, K_JUMP, K_BADJUMP, K_PROBE, K_CSR, K_CSR_ILLEGAL,
    K_ILLEGAL, K_ECALL, K_EBREAK, K_XRET_ILLEGAL, K_FENCE, K_FENCEI, K_SFENCE,
    K_IRQ, K_WFI, K_WFI_TRAP, K_MSTATUS, K_DELEG, K_PMP, K_SATP, K_PTE_EDIT, K_ADUE,
    K_MPRV, K_LOOP, K_DEVICE, K_SWITCH_MRET, K_SWITCH_SRET, K_SWITCH_ECALL,
    K_COUNT
};
extern const char *const kind_names[K_COUNT];

/* ---- tracked machine state ---- */
typedef struct {
    uint8_t cfg[16];
    uint32_t addr[16];
} pmp_model_t;

#define PT_NTABLES (RG_NROOTS + 2 + RG_NTEST_TABLES)
#define PT_KLOW    RG_NROOTS
#define PT_KMAIN   (RG_NROOTS + 1)
#define PT_TEST(i) (RG_NROOTS + 2 + (i))
#define PT_TS0     PT_TEST(0)   /* shared by all roots at VPN1 0x100; may hold G leaves */
#define PT_TCLINT  PT_TEST(1)   /* shared by all roots at the CLINT's VPN1 */
#define NASIDS     4

typedef struct {
    uint32_t pte[PT_NTABLES][1024];     /* the tables as the program has them now */
    uint32_t initial[PT_NTABLES][1024]; /* ... and at start-up (what pt_emit writes) */
    uint32_t asid[NASIDS];      /* the ASID values this program uses */
    int asid_root[NASIDS];      /* root whose entries the TLB may hold for it, -1 none */
} pt_model_t;

typedef struct {
    /* options */
    uint64_t seed;
    unsigned length;            /* body instructions to emit (approximate) */
    unsigned budget;            /* traps allowed before the handlers end the run */
    bool paging;
    bool stats;
    bool selfcheck;             /* emit model-vs-machine checks at block starts */
    bool uarch_events;          /* mhpmevent may select TLB-miss/walk events */
    FILE *out;
    rng_t rng;

    /* tracked architectural state */
    unsigned priv;
    bool mie, sie, mprv, sum, mxr, tvm, tw, tsr;
    uint32_t medeleg, mideleg;
    bool adue;
    uint32_t satp;
    pmp_model_t pmp;
    pt_model_t pt;

    /* emission */
    unsigned emitted;           /* body instructions emitted so far */
    unsigned nscope;            /* label scopes handed out */
    int section;                /* 0 .rgen.text_s, 1 .rgen.text_u, -1 other */
    uint32_t no_write;          /* registers random code must not write (bit per x) */
    unsigned scope, scope_idx, scope_limit; /* item list being generated: label scope,
                                               this item, farthest branch target */
    bool in_loop;
    unsigned nblocks;
    unsigned long count[K_COUNT];
} gen_t;

/* ---- emit.c ---- */
extern const char *const reg_names[32];
#define REG_RA 1
#define REG_SP 2
#define REG_GP 3
#define REG_TP 4
#define REG_A6 16
#define REG_A7 17

void out(gen_t *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ins(gen_t *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ins_n(gen_t *g, unsigned n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void emit_li(gen_t *g, unsigned rd, uint32_t v);
void emit_la(gen_t *g, unsigned rd, const char *label);
void emit_section(gen_t *g, int section);
unsigned rand_rd(gen_t *g);             /* a destination random code may write (x0 too) */
unsigned rand_wreg(gen_t *g);           /* a writable register, never x0 */
unsigned rand_rs(gen_t *g);             /* any source register */
unsigned new_label(gen_t *g);
void count(gen_t *g, int kind);

/* ---- runtime.c ---- */
void emit_prologue(gen_t *g);           /* header, start-up code up to the first switch */
void emit_handlers(gen_t *g);
void emit_static_data(gen_t *g);        /* landing page, state block, data, page tables */
void emit_link_script(FILE *f);

/* ---- items.c ---- */
void gen_items(gen_t *g, unsigned n);   /* a list of n random items in the current priv */
void gen_wfi(gen_t *g);
void clear_mprv(gen_t *g);              /* M: make loads/stores untranslated, unchecked */

/* ---- csrs.c ---- */
void gen_csr_item(gen_t *g);
void gen_mstatus_item(gen_t *g);
void gen_deleg_item(gen_t *g);
void gen_pmp_item(gen_t *g);
void pmp_init(gen_t *g);                /* start-up PMP programming */
bool pmp_allows(const gen_t *g, uint32_t paddr, unsigned priv, char access);
void emit_tvec_la(gen_t *g, unsigned reg, bool machine, unsigned modes);
void set_mstatus_tracked(gen_t *g, uint32_t v);
uint32_t mstatus_bias(gen_t *g, uint32_t v);
uint32_t medeleg_random(gen_t *g);       /* never both ecall-from-U and -S */

/* ---- paging.c ---- */
void pt_build(gen_t *g);                /* random initial tables (paging only) */
void pt_emit(gen_t *g);                 /* the tables as data */
uint32_t pt_initial_satp(gen_t *g);
void gen_satp_item(gen_t *g);
void gen_pte_edit_item(gen_t *g);
void gen_adue_item(gen_t *g);
uint32_t pt_satp_random(gen_t *g, unsigned *root, unsigned *asid_idx);
void pt_satp_written(gen_t *g, uint32_t satp);  /* model + fence after an executed write */
uint32_t test_va(gen_t *g);             /* a virtual address in a test window */
bool pt_access_ok(const gen_t *g, uint32_t va, char acc);  /* a hint, S/U only */

#endif
