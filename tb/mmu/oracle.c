/* oracle.c — expected answers of core_mmu; see oracle.h. */
#include <stdio.h>
#include <string.h>

#include "arch.h"
#include "oracle.h"
#include "physmem.h"
#include "sv32.h"

#define BIT(n) (1u << (n))
#define SATP_ASID(s) (((s) >> SATP_ASID_LO) & ((1u << SATP_ASID_BITS) - 1))
#define SATP_PPN(s) ((s) & ((1u << SATP_PPN_BITS) - 1))

const char *const bacc_name[ACC_N] = { "fetch", "load", "lr", "store", "amo" };

static bool is_store(bacc_t acc)
{
    return acc == ACC_STORE || acc == ACC_AMO;
}

unsigned oracle_pf_cause(bacc_t acc)
{
    return acc == ACC_FETCH ? CAUSE_FETCH_PAGE_FAULT
         : is_store(acc)    ? CAUSE_STORE_PAGE_FAULT : CAUSE_LOAD_PAGE_FAULT;
}

unsigned oracle_af_cause(bacc_t acc)
{
    return acc == ACC_FETCH ? CAUSE_FETCH_ACCESS
         : is_store(acc)    ? CAUSE_STORE_ACCESS : CAUSE_LOAD_ACCESS;
}

unsigned oracle_eff_priv(const mmu_state_t *st, bool is_i)
{
    /* priv spec 3.1.6.3: MPRV applies to loads and stores only */
    return (!is_i && st->priv == PRV_M && st->mprv) ? st->mpp : st->priv;
}

bool oracle_xlate(const mmu_state_t *st, bool is_i)
{
    return (st->satp >> SATP_MODE_BIT) && oracle_eff_priv(st, is_i) != PRV_M;
}

static sv32_access_t ref_acc(bacc_t acc)
{
    switch (acc) {
    case ACC_FETCH: return SV32_FETCH;
    case ACC_LOAD:
    case ACC_LR:    return SV32_LOAD;
    case ACC_STORE: return SV32_STORE;
    default:        return SV32_AMO;
    }
}

/* PMP permissions an access needs (priv spec 3.7.1: an AMO needs R and W). */
static unsigned pmp_perm(bacc_t acc)
{
    switch (acc) {
    case ACC_FETCH: return PMP_PERM_X;
    case ACC_LOAD:
    case ACC_LR:    return PMP_PERM_R;
    case ACC_STORE: return PMP_PERM_W;
    default:        return PMP_PERM_R | PMP_PERM_W;
    }
}

static bool final_pmp_ok(const mmu_state_t *st, bacc_t acc, unsigned priv, uint64_t pa)
{
    return pmp_check(&st->pmp, pa & ~3ull, 4, priv, pmp_perm(acc));
}

/* Physical checks of the final address (docs/platform.md; PMP): cause or -1. */
static int final_check(const mmu_state_t *st, bacc_t acc, unsigned priv, uint64_t pa)
{
    bool pma_ok;
    if (pa >> 32)
        return (int)oracle_af_cause(acc);
    if (acc == ACC_FETCH || acc == ACC_LR || acc == ACC_AMO)
        pma_ok = pma_is_ram(pa);        /* fetches and atomics need RAM */
    else
        pma_ok = pma_exists(pa);
    if (!pma_ok || !final_pmp_ok(st, acc, priv, pa))
        return (int)oracle_af_cause(acc);
    return -1;
}

/* priv spec 4.3.1, 4.3.2 step 5: does leaf flags f allow acc at priv? */
static bool perm_ok(uint8_t f, bacc_t acc, unsigned priv, bool sum, bool mxr)
{
    bool u = f & BIT(PTE_U);
    if (priv == PRV_U && !u)
        return false;
    if (priv == PRV_S && u && (acc == ACC_FETCH || !sum))
        return false;
    switch (acc) {
    case ACC_FETCH: return f & BIT(PTE_X);
    case ACC_LOAD:
    case ACC_LR:    return (f & BIT(PTE_R)) || (mxr && (f & BIT(PTE_X)));
    default:        return f & BIT(PTE_W);
    }
}

void oracle_from_entry(const mmu_state_t *st, bacc_t acc, unsigned eff_priv, uint32_t va,
                       const tlbm_entry_t *e, int *cause, uint32_t *pa, bool *upd)
{
    bool ok = perm_ok(e->flags, acc, eff_priv, st->sum, st->mxr);
    bool ad_missing = !(e->flags & BIT(PTE_A)) || (is_store(acc) && !(e->flags & BIT(PTE_D)));
    uint64_t pa34 = ((uint64_t)tlbm_ppn_for(e, va >> 12) << 12) | (va & 0xFFFu);
    *upd = false;
    *pa = (uint32_t)pa34;
    if (!ok || (ad_missing && !st->adue)) {
        *cause = (int)oracle_pf_cause(acc);
    } else if (ad_missing) {
        *upd = true;                      /* Svadu: the walker sets A/D in memory first */
        *cause = -1;
    } else {
        *cause = final_check(st, acc, eff_priv, pa34);
    }
}

/* ---- the reference translator's view of memory ---- */

typedef struct {
    memop_t *ops;
    unsigned *nops;
    const inject_t *inj;
    bool injected;
} refctx_t;

static void log_op(refctx_t *c, bool we, uint64_t a, uint32_t v)
{
    if (*c->nops < ORACLE_MAX_OPS)
        c->ops[*c->nops] = (memop_t){ we, a, v };
    ++*c->nops;
}

static bool ref_read32(void *ctx, uint64_t pa, uint32_t *val)
{
    refctx_t *c = ctx;
    if (!pma_is_ram(pa))
        return false;                     /* the walker reads PTEs from RAM only */
    if (c->inj && c->inj->on && !c->injected && *c->nops == c->inj->at && pa == c->inj->addr)
        c->injected = true;
    *val = (c->injected && pa == c->inj->addr) ? c->inj->val : physmem_read(pa);
    log_op(c, false, pa, *val);
    return true;
}

static bool ref_write32(void *ctx, uint64_t pa, uint32_t val)
{
    refctx_t *c = ctx;
    if (!pma_is_ram(pa))
        return false;
    log_op(c, true, pa, val);             /* recorded; the RTL's own write updates memory */
    return true;
}

static sv32_cfg_t ref_cfg(const mmu_state_t *st, unsigned eff_priv, const pmp_t *pmp)
{
    return (sv32_cfg_t){ .satp = st->satp, .priv = eff_priv, .sum = st->sum, .mxr = st->mxr,
                         .adue = st->adue, .pmp = pmp };
}

static int run_ref(const mmu_state_t *st, unsigned eff_priv, const pmp_t *pmp, uint32_t va,
                   bacc_t acc, const inject_t *inj, memop_t *ops, unsigned *nops,
                   sv32_result_t *r, bool *injected)
{
    refctx_t c = { ops, nops, inj, false };
    const sv32_mem_t mem = { ref_read32, ref_write32, &c };
    sv32_cfg_t cfg = ref_cfg(st, eff_priv, pmp);
    *nops = 0;
    int cause = sv32_translate(&cfg, &mem, va, ref_acc(acc), r);
    if (injected)
        *injected = c.injected;
    return cause;
}

static uint64_t leaf_pa(uint32_t pte, int level, uint32_t va)
{
    uint64_t ppn = pte >> PTE_PPN_LO;
    if (level > 0)
        return ((ppn >> 10) << MEGAPAGE_SHIFT) | (va & ((1u << MEGAPAGE_SHIFT) - 1));
    return (ppn << PAGE_SHIFT) | (va & 0xFFFu);
}

/* Coverage: does any PMP check on the access's path deny it (PTE reads and A/D write as
 * S-mode, the target with the access's privilege), whether or not a fault comes first? */
static bool path_pmp_denied(const mmu_state_t *st, unsigned eff_priv, uint32_t va, bacc_t acc)
{
    memop_t ops[ORACLE_MAX_OPS];
    unsigned n;
    sv32_result_t r;
    run_ref(st, eff_priv, NULL, va, acc, NULL, ops, &n, &r, NULL);
    for (unsigned i = 0; i < n && i < ORACLE_MAX_OPS; i++)
        if (!pmp_check(&st->pmp, ops[i].addr, 4, PRV_S, ops[i].we ? PMP_PERM_W : PMP_PERM_R))
            return true;
    if (r.level >= 0) {
        uint64_t pa = leaf_pa(r.pte, r.level, va);
        return !(pa >> 32) && !final_pmp_ok(st, acc, eff_priv, pa);
    }
    return false;
}

bool oracle_peek(const mmu_state_t *st, unsigned eff_priv, uint32_t va, bacc_t acc,
                 int *level, uint64_t *pte_addr, uint32_t *pte, uint32_t *gptr)
{
    memop_t ops[ORACLE_MAX_OPS];
    unsigned n;
    sv32_result_t r;
    mmu_state_t s = *st;
    s.adue = true;                        /* look past A/D: only the leaf matters */
    run_ref(&s, eff_priv, NULL, va, acc, NULL, ops, &n, &r, NULL);
    *level = r.level;
    if (r.level < 0)
        return false;
    *pte_addr = r.pte_addr;
    *pte = r.pte;
    *gptr = r.level == 0 ? ops[0].data : 0;        /* the L1 pointer */
    return true;
}

static bool needs_ad(uint32_t pte, bacc_t acc)
{
    return !(pte & BIT(PTE_A)) || (is_store(acc) && !(pte & BIT(PTE_D)));
}

/* A different value for an injected PTE change: the leaf stays a leaf (or becomes
 * invalid), so that the restarted walk reads only PTEs it has read before. */
static uint32_t inject_value(uint32_t pte, uint32_t rnd)
{
    switch (rnd % 6) {
    case 0: return pte | BIT(PTE_A);                       /* another hart set A ... */
    case 1: return pte | BIT(PTE_A) | BIT(PTE_D);          /* ... or A and D */
    case 2: return pte & ~BIT(PTE_V);                      /* unmapped meanwhile */
    case 3: return pte & ~BIT(PTE_W) & ~BIT(PTE_D);        /* write-protected meanwhile */
    case 4: return pte ^ (((rnd >> 8) & 0xFFFu) << 10);    /* remapped meanwhile */
    default: return pte ^ BIT(8 + ((rnd >> 4) & 1));      /* RSW changed: still different */
    }
}

static void walk(const mmu_state_t *st, expect_t *x, bool want_inject, uint32_t inject_rand)
{
    sv32_result_t r;
    bool injected = false;
    int cause = run_ref(st, x->eff_priv, &st->pmp, x->va, x->acc, NULL, x->ops, &x->nops, &r,
                        NULL);
    if (want_inject && x->nops >= 3 && x->nops <= ORACLE_MAX_OPS && x->ops[x->nops - 1].we) {
        /* change the leaf just before the walker's re-read of it */
        unsigned at = x->nops - 2;
        uint32_t v = inject_value(x->ops[at].data, inject_rand);
        if (v != x->ops[at].data) {
            x->inject = (inject_t){ true, at, x->ops[at].addr, v };
            cause = run_ref(st, x->eff_priv, &st->pmp, x->va, x->acc, &x->inject, x->ops,
                            &x->nops, &r, &injected);
            if (!injected)
                x->inject.on = false;
        }
    }
    x->restarts = injected ? 1 : 0;
    x->ad_write = false;
    for (unsigned i = 0; i < x->nops && i < ORACLE_MAX_OPS; i++)
        x->ad_write |= x->ops[i].we;
    x->level = r.level;
    x->size = r.level < 0 ? 0 : r.level == 0 ? 1 : 2;

    /* Did the walk succeed (fill), whatever the physical checks of the target say? */
    bool ok;
    if (cause < 0)
        ok = true;
    else if (cause != (int)oracle_af_cause(x->acc) || r.level < 0)
        ok = false;                       /* page fault, or a PTE access fault */
    else
        ok = !(needs_ad(r.pte, x->acc) && !x->ad_write);   /* else the A/D write was denied */
    if (!ok) {
        x->cause = cause;
        x->pa = 0;
        return;
    }

    uint32_t leaf = x->ad_write ? x->ops[x->nops - 1].data : r.pte;
    uint8_t flags = (uint8_t)leaf;
    if (r.level == 0) {
        /* the pointer read just before the leaf (and its re-read and write) */
        unsigned at = x->nops - 2 - (x->ad_write ? 2 : 0);
        if (x->ops[at].data & BIT(PTE_G))
            flags |= BIT(PTE_G);          /* priv 4.3.1: a global pointer makes all below global */
    }
    x->fill = true;
    x->fill_e = (tlbm_entry_t){
        .valid = true, .vpn = x->va >> 12, .asid = x->asid, .mega = r.level == 1,
        .ppn = leaf >> PTE_PPN_LO, .flags = flags, .pte_addr = r.pte_addr, .pte = leaf,
    };

    /* the retried lookup hits the new entry */
    bool upd;
    oracle_from_entry(st, x->acc, x->eff_priv, x->va, &x->fill_e, &x->cause, &x->pa, &upd);
    bool consistent = !upd &&
        (cause < 0 ? (x->cause < 0 ? x->pa == (uint32_t)r.paddr
                                   : x->cause == (int)oracle_af_cause(x->acc))
                   : x->cause == cause);
    if (!consistent) {
        fprintf(stderr, "mmu-bench: internal error: TLB-entry answer (cause %d pa 0x%08x upd %d)"
                " disagrees with sv32_translate (cause %d pa 0x%09llx) for va 0x%08x\n",
                x->cause, x->pa, upd, cause, (unsigned long long)r.paddr, x->va);
        x->cause = -2;                    /* reported as a bench failure by the caller */
    }
}

void oracle_predict(const mmu_state_t *st, const tlbm_t *t, bool is_i, bacc_t acc,
                    uint32_t va, bool want_inject, uint32_t inject_rand, expect_t *x)
{
    memset(x, 0, sizeof *x);
    x->is_i = is_i;
    x->acc = acc;
    x->va = va;
    x->eff_priv = oracle_eff_priv(st, is_i);
    x->mprv_data = !is_i && st->priv == PRV_M && st->mprv;
    x->xlate = oracle_xlate(st, is_i);
    x->asid = SATP_ASID(st->satp);
    x->hit_idx = -1;
    x->level = -1;
    x->cause = -1;

    if (!x->xlate) {
        x->cause = final_check(st, acc, x->eff_priv, va);
        x->pa = va;
        x->pmp_denied = !final_pmp_ok(st, acc, x->eff_priv, va);
        return;
    }
    x->hit_mask = tlbm_lookup(t, va >> 12, x->asid);
    x->hit_idx = tlbm_lowest(x->hit_mask);
    if (x->hit_idx >= 0) {
        const tlbm_entry_t *e = &t->e[x->hit_idx];
        bool upd;
        int level;
        uint64_t pa_addr;
        uint32_t pte, gptr;
        bool found = oracle_peek(st, x->eff_priv, va, acc, &level, &pa_addr, &pte, &gptr);
        x->stale = !found || pa_addr != e->pte_addr || pte != e->pte || (level == 1) != e->mega ||
                   (level == 0 && ((gptr | pte) & BIT(PTE_G)) != (e->flags & BIT(PTE_G)));
        oracle_from_entry(st, acc, x->eff_priv, va, e, &x->cause, &x->pa, &upd);
        if (!upd) {
            uint64_t pa34 = ((uint64_t)tlbm_ppn_for(e, va >> 12) << 12) | (va & 0xFFFu);
            x->size = e->mega ? 2 : 1;
            x->pmp_denied = !(pa34 >> 32) && !final_pmp_ok(st, acc, x->eff_priv, pa34);
            return;
        }
    }
    x->walk = true;
    walk(st, x, want_inject, inject_rand);
    x->pmp_denied = path_pmp_denied(st, x->eff_priv, va, acc);
}

/* ---- descriptions for failure reports ---- */

static const char *priv_name(unsigned p)
{
    return p == PRV_U ? "U" : p == PRV_S ? "S" : p == PRV_M ? "M" : "?";
}

void oracle_describe_state(const mmu_state_t *st)
{
    fprintf(stderr, "  satp 0x%08x (MODE %s, ASID %u, root PPN 0x%06x = 0x%09llx)\n", st->satp,
            (st->satp >> SATP_MODE_BIT) ? "Sv32" : "Bare", SATP_ASID(st->satp),
            SATP_PPN(st->satp), (unsigned long long)SATP_PPN(st->satp) << 12);
    fprintf(stderr, "  priv %s, MPRV %d, MPP %s, SUM %d, MXR %d, menvcfg.ADUE %d (%s)\n",
            priv_name(st->priv), st->mprv, priv_name(st->mpp), st->sum, st->mxr, st->adue,
            st->adue ? "Svadu" : "Svade");
    static const char *const mode[4] = { "OFF", "TOR", "NA4", "NAPOT" };
    unsigned shown = 0;
    for (unsigned i = 0; i < PMP_ENTRIES; i++) {
        uint8_t c = st->pmp.cfg[i];
        if (!((c >> PMPCFG_A_LO) & 3))
            continue;
        fprintf(stderr, "  pmp%-2u %-5s %c%c%c%s pmpaddr 0x%08x (0x%09llx)\n", i,
                mode[(c >> PMPCFG_A_LO) & 3], c & 1 ? 'R' : '-', c & 2 ? 'W' : '-',
                c & 4 ? 'X' : '-', (c >> PMPCFG_L) & 1 ? " L" : "  ", st->pmp.addr[i],
                (unsigned long long)st->pmp.addr[i] << 2);
        shown++;
    }
    if (!shown)
        fprintf(stderr, "  pmp: every entry OFF (S/U denied everywhere, M allowed)\n");
}

static void describe_pte(const char *what, uint64_t a, uint32_t pte)
{
    fprintf(stderr, "    %s @0x%09llx%s = 0x%08x  PPN 0x%06x %c%c%c%c%c%c%c%c\n", what,
            (unsigned long long)a, pma_is_ram(a) ? "" : " (not RAM)", pte, pte >> 10,
            pte & 0x80 ? 'D' : '-', pte & 0x40 ? 'A' : '-', pte & 0x20 ? 'G' : '-',
            pte & 0x10 ? 'U' : '-', pte & 0x08 ? 'X' : '-', pte & 0x04 ? 'W' : '-',
            pte & 0x02 ? 'R' : '-', pte & 0x01 ? 'V' : '-');
}

void oracle_describe_path(const mmu_state_t *st, uint32_t va)
{
    uint64_t a1 = ((uint64_t)SATP_PPN(st->satp) << 12) + ((va >> 22) << 2);
    uint32_t p1 = physmem_read(a1);
    fprintf(stderr, "  walk path of va 0x%08x (memory now):\n", va);
    describe_pte("L1 PTE", a1, p1);
    if ((p1 & 1) && !(p1 & 0xE)) {           /* V=1, R=W=X=0: a pointer */
        uint64_t a0 = ((uint64_t)(p1 >> 10) << 12) + (((va >> 12) & 0x3FF) << 2);
        describe_pte("L0 PTE", a0, physmem_read(a0));
    }
}

void oracle_describe_ops(const char *what, const memop_t *ops, unsigned n)
{
    fprintf(stderr, "  %s walker traffic (%u):", what, n);
    if (!n)
        fprintf(stderr, " none");
    for (unsigned i = 0; i < n && i < ORACLE_MAX_OPS; i++)
        fprintf(stderr, "%s %s 0x%09llx %s 0x%08x", i ? "," : "", ops[i].we ? "write" : "read",
                (unsigned long long)ops[i].addr, ops[i].we ? "<-" : "->", ops[i].data);
    fputc('\n', stderr);
}
