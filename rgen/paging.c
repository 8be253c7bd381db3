/* paging.c — --paging: the page-table model, random PTEs, PTE edits with the
 * sfence.vma that makes them unambiguous, satp/ASID switches, menvcfgh.ADUE toggles.
 *
 * Tables (rgen/layout.h): 4 roots; kernel tables KLOW (finisher page) and KMAIN (the
 * first 4 MiB of RAM, identity: code X, U=1 only for the U text; state and page tables
 * RW; all A/D set, global) that every root points to and nothing edits; 8 test level-0
 * tables. Root entries at VPN1 0x100 (TS0) and the CLINT's VPN1 (TCLINT) are shared by
 * all roots, so only leaves in those two tables may be global (priv spec 4.3.1: a global
 * mapping must exist in every address space). The other test root entries differ per
 * root: megapages (also misaligned ones), pointers to test tables or to a root, invalid
 * and reserved encodings.
 *
 * PTE invariants that make any access safe without knowing the translation:
 *   W=1 leaves map only data pages/megapages or device pages (CLINT, UART);
 *   X=1 leaves map only RG_LANDING (or nothing: unmapped, 34-bit, misaligned megapage);
 *   non-leaf entries point only to test tables or roots (whose entries obey the same).
 *
 * TLB model (priv spec 4.2.1): each ASID is bound to the root it was last used with;
 * rebinding an ASID to another root flushes it (sfence.vma x0, asid). A PTE edit is
 * followed by an sfence.vma form that covers every (address, ASID) that may cache it:
 * rs1=x0 when a non-leaf entry is involved or several addresses use the PTE; rs2=x0
 * when the PTE is (or was) global or several ASIDs may hold it.
 */
#include <string.h>

#include "rgen.h"

#define PTE_BIT(n)  (1u << PTE_##n)
#define V_          PTE_BIT(V)
#define R_          PTE_BIT(R)
#define W_          PTE_BIT(W)
#define X_          PTE_BIT(X)
#define U_          PTE_BIT(U)
#define G_          PTE_BIT(G)
#define A_          PTE_BIT(A)
#define D_          PTE_BIT(D)
#define VPN1(va)    ((uint32_t)(va) >> MEGAPAGE_SHIFT)
#define PPN(pa)     ((uint32_t)((uint64_t)(pa) >> PAGE_SHIFT))
#define TEST_WINDOW 0x40000000u                 /* VPN1 0x100..0x107 */
#define NWINDOW     8

static uint32_t make_pte(uint32_t ppn, uint32_t flags)
{
    return (ppn << PTE_PPN_LO) | flags;
}

static uint32_t table_pa(unsigned id)
{
    if (id < RG_NROOTS)
        return RG_PT_ROOT(id);
    if (id == PT_KLOW)
        return RG_PT_KLOW;
    if (id == PT_KMAIN)
        return RG_PT_KMAIN;
    return RG_PT_T(id - PT_TEST(0));
}

static int table_of_ppn(uint32_t ppn)
{
    for (unsigned id = 0; id < PT_NTABLES; id++)
        if (PPN(table_pa(id)) == ppn)
            return (int)id;
    return -1;
}

static bool is_pointer(uint32_t pte)
{
    return (pte & V_) && !(pte & (R_ | W_ | X_));
}

/* Root indices that hold test entries (per root, editable). */
static const uint32_t root_test_idx[] = {
    VPN1(UART_BASE), VPN1(TEST_WINDOW) + 1, VPN1(TEST_WINDOW) + 2, VPN1(TEST_WINDOW) + 3,
    VPN1(TEST_WINDOW) + 4, VPN1(TEST_WINDOW) + 5, VPN1(TEST_WINDOW) + 6,
    VPN1(TEST_WINDOW) + 7, VPN1(RG_DATA), VPN1(RG_DATA2),
};
#define NROOT_TEST (sizeof root_test_idx / sizeof root_test_idx[0])

/* ---- random PTEs ---- */

/* The test windows lean: VPN1 0x101-0x103 and tables T2-T4 towards U pages, VPN1
 * 0x104-0x107 and T5-T7 towards S pages, so that accesses from the matching mode
 * succeed more often than not (test_va picks the window by privilege). */
static unsigned u_percent_table(unsigned id)
{
    if (id >= PT_TEST(2) && id <= PT_TEST(4))
        return 85;
    if (id >= PT_TEST(5))
        return 15;
    return 50;
}

static unsigned u_percent_index(uint32_t idx)
{
    uint32_t w = idx - VPN1(TEST_WINDOW);
    return w >= 1 && w <= 3 ? 85 : w >= 4 && w < NWINDOW ? 15 : 50;
}

static uint32_t common_flags(gen_t *g, bool global_ok, unsigned u_percent)
{
    rng_t *r = &g->rng;
    uint32_t f = V_ | (rng_below(r, 4) << 8);           /* RSW: ignored */
    if (rng_chance(r, u_percent))
        f |= U_;
    if (global_ok && rng_chance(r, 30))
        f |= G_;
    if (rng_chance(r, 92))
        f |= A_;
    if (rng_chance(r, 85))
        f |= D_;
    return f;
}

static uint32_t invalid_pte(gen_t *g)
{
    return rng_u32(&g->rng) & ~V_;
}

static uint32_t data_page(gen_t *g)
{
    rng_t *r = &g->rng;
    if (rng_chance(r, 80))
        return RG_DATA + (rng_below(r, 16) << PAGE_SHIFT);
    return (rng_chance(r, 50) ? RG_DATA : RG_DATA2) + (rng_below(r, 1024) << PAGE_SHIFT);
}

static uint32_t unmapped_ppn(gen_t *g, bool mega)
{
    rng_t *r = &g->rng;
    uint32_t ppn;
    switch (rng_below(r, 3)) {
    case 0: ppn = PPN(TEST_WINDOW) + rng_below(r, 4096); break;
    case 1: ppn = 0x300000u | rng_below(r, 0x100000); break;      /* PA >= 4 GiB */
    default: ppn = PPN(0xF0000000u) + rng_below(r, 4096); break;
    }
    return mega ? ppn & ~0x3FFu : ppn;
}

/* A level-0 (4 KiB) test PTE for test table `id`. */
static uint32_t pte_level0(gen_t *g, unsigned id)
{
    rng_t *r = &g->rng;
    static const unsigned w[] = { 5, 60, 10, 6, 6, 6, 4, 4 };
    uint32_t f = common_flags(g, id == PT_TS0, u_percent_table(id));
    switch (rng_weighted(r, w, 8)) {
    case 0:
        return invalid_pte(g);
    case 1:                                             /* data: R, maybe W */
        return make_pte(PPN(data_page(g)), f | R_ | (rng_chance(r, 75) ? W_ : 0));
    case 2:                                             /* landing: X and/or R, never W */
        f |= rng_chance(r, 80) ? X_ : 0;
        f |= (!(f & X_) || rng_chance(r, 50)) ? R_ : 0;
        return make_pte(PPN(RG_LANDING), f);
    case 3: {                                           /* code, state, tables: read-only */
        static const uint32_t ro[] = { RG_TEXT_INIT, RG_TEXT_S, RG_TEXT_U, RG_STATE, RG_PT,
                                       RG_PT_TEST };
        return make_pte(PPN(ro[rng_below(r, 6)]) + rng_below(r, 4), f | R_);
    }
    case 4: {                                           /* device pages */
        static const uint32_t dev[] = { CLINT_BASE + CLINT_MSIP, CLINT_BASE + CLINT_MTIMECMP,
                                        CLINT_BASE + CLINT_MTIME, UART_BASE };
        return make_pte(PPN(dev[rng_below(r, 4)]), f | R_ | (rng_chance(r, 50) ? W_ : 0));
    }
    case 5:                                             /* nothing there: any permissions */
        return make_pte(unmapped_ppn(g, false), f | (rng_below(r, 7) + 1) * R_);
    case 6:                                             /* reserved: W without R */
        return make_pte(PPN(data_page(g)), (f & ~R_) | W_ | (rng_chance(r, 50) ? X_ : 0));
    default:                                            /* pointer at the last level */
        return make_pte(PPN(data_page(g)), f & ~(R_ | W_ | X_) & ~(U_ | A_ | D_));
    }
}

/* A root (level-1) test PTE for root index idx (some indices prefer a target). */
static uint32_t pte_level1(gen_t *g, uint32_t idx)
{
    rng_t *r = &g->rng;
    uint32_t f = common_flags(g, false, u_percent_index(idx));
    if (idx == VPN1(RG_DATA) && rng_chance(r, 50))      /* identity data megapage */
        return make_pte(PPN(RG_DATA), f | R_ | (rng_chance(r, 60) ? W_ : 0));
    if (idx == VPN1(RG_DATA2) && rng_chance(r, 50))     /* data megapage, not identity */
        return make_pte(PPN(rng_chance(r, 50) ? RG_DATA : RG_DATA2),
                        f | R_ | (rng_chance(r, 60) ? W_ : 0));
    if (idx == VPN1(UART_BASE) && rng_chance(r, 50))
        return make_pte(PPN(UART_BASE), f | R_ | (rng_chance(r, 50) ? W_ : 0));
    static const unsigned w[] = { 8, 40, 16, 8, 5, 4, 7, 5, 7 };
    switch (rng_weighted(r, w, 9)) {
    case 0:
        return invalid_pte(g);
    case 1: {                                           /* pointer to a test table or root */
        unsigned t = rng_chance(r, 8) ? rng_below(r, RG_NROOTS) : PT_TEST(2 + rng_below(r, 6));
        unsigned u = u_percent_index(idx);
        if (u != 50 && rng_chance(r, 70))               /* a table of the same leaning */
            t = PT_TEST((u > 50 ? 2 : 5) + rng_below(r, 3));
        return make_pte(PPN(table_pa(t)), V_);
    }
    case 2:
        return make_pte(PPN(rng_chance(r, 70) ? RG_DATA : RG_DATA2),
                        f | R_ | (rng_chance(r, 60) ? W_ : 0));
    case 3:                                             /* misaligned megapage */
        if (rng_chance(r, 40))
            return make_pte(PPN(RG_LANDING), (f & ~W_) | X_ | (rng_chance(r, 50) ? R_ : 0));
        return make_pte(PPN(RG_DATA) + 1 + rng_below(r, 1023),
                        f | R_ | (rng_chance(r, 50) ? W_ : 0));
    case 4:
        return make_pte(PPN(rng_chance(r, 50) ? UART_BASE : CLINT_BASE),
                        f | R_ | (rng_chance(r, 50) ? W_ : 0));
    case 5:                                             /* code megapage, read-only */
        return make_pte(PPN(RAM_BASE), f | R_);
    case 6: {                                           /* nothing there (RWX = 0: a */
        uint32_t rwx = rng_below(r, 8) * R_;            /* pointer; the walk faults) */
        if (!rwx)
            f &= ~(U_ | A_ | D_);       /* reserved in non-leaf PTEs (priv spec 4.3.1) */
        return make_pte(unmapped_ppn(g, true), f | rwx);
    }
    case 7:                                             /* reserved: W without R */
        return make_pte(PPN(RG_DATA), (f & ~R_) | W_);
    default:                                            /* read-only data megapage */
        return make_pte(PPN(RG_DATA2), f | R_);
    }
}

/* TCLINT: the CLINT's register pages, identity, random permissions. */
static uint32_t pte_clint(gen_t *g, unsigned idx)
{
    if (rng_chance(&g->rng, 10))
        return invalid_pte(g);
    uint32_t f = common_flags(g, true, 50) | R_ | (rng_chance(&g->rng, 60) ? W_ : 0);
    return make_pte(PPN(CLINT_BASE) + idx, f);
}

static const unsigned clint_idx[] = { CLINT_MSIP >> PAGE_SHIFT, CLINT_MTIMECMP >> PAGE_SHIFT,
                                      CLINT_MTIME >> PAGE_SHIFT };

/* ---- building ---- */

void pt_build(gen_t *g)
{
    rng_t *r = &g->rng;
    pt_model_t *m = &g->pt;
    for (unsigned i = 0; i < NASIDS; i++) {
        bool dup;
        do {
            m->asid[i] = rng_chance(r, 10) ? 0 : rng_below(r, 1u << SATP_ASID_BITS);
            dup = false;
            for (unsigned k = 0; k < i; k++)
                dup |= m->asid[k] == m->asid[i];
        } while (dup);
        m->asid_root[i] = -1;
    }
    /* kernel mappings */
    m->pte[PT_KLOW][(FINISHER_BASE >> PAGE_SHIFT) & 1023] =
        make_pte(PPN(FINISHER_BASE), V_ | R_ | W_ | A_ | D_ | G_);
    for (uint32_t pa = RAM_BASE; pa < RAM_BASE + RG_MEGA; pa += RG_PAGE) {
        uint32_t f = 0;
        if (pa < RG_TEXT_U_END)
            f = V_ | R_ | X_ | A_ | G_ | (pa >= RG_TEXT_U ? U_ : 0);
        else if ((pa >= RG_STATE && pa < RG_STATE + RG_PAGE) ||
                 (pa >= RG_PT && pa < RG_PT_TEST + RG_PT_TEST_SIZE))
            f = V_ | R_ | W_ | A_ | D_ | G_;
        if (f)
            m->pte[PT_KMAIN][(pa >> PAGE_SHIFT) & 1023] = make_pte(PPN(pa), f);
    }
    /* test tables */
    for (unsigned t = 0; t < RG_NTEST_TABLES; t++) {
        unsigned id = PT_TEST(t);
        if (id == PT_TCLINT) {
            for (unsigned k = 0; k < 3; k++)
                m->pte[id][clint_idx[k]] = pte_clint(g, clint_idx[k]);
            continue;
        }
        for (unsigned i = 0; i < 16; i++)
            m->pte[id][i] = pte_level0(g, id);
        for (unsigned k = 0; k < 2; k++)
            m->pte[id][16 + rng_below(r, 1008)] = pte_level0(g, id);
    }
    /* roots */
    for (unsigned root = 0; root < RG_NROOTS; root++) {
        uint32_t *e = m->pte[root];
        e[0] = make_pte(PPN(RG_PT_KLOW), V_);
        e[VPN1(RAM_BASE)] = make_pte(PPN(RG_PT_KMAIN), V_);
        e[VPN1(CLINT_BASE)] = make_pte(PPN(table_pa(PT_TCLINT)), V_);
        e[VPN1(TEST_WINDOW)] = make_pte(PPN(table_pa(PT_TS0)), V_);
        for (unsigned k = 0; k < NROOT_TEST; k++)
            e[root_test_idx[k]] = pte_level1(g, root_test_idx[k]);
    }
    memcpy(m->initial, m->pte, sizeof m->initial);
}

uint32_t pt_satp_random(gen_t *g, unsigned *root, unsigned *asid_idx)
{
    *root = rng_below(&g->rng, RG_NROOTS);
    *asid_idx = rng_below(&g->rng, NASIDS);
    if (rng_chance(&g->rng, 12))
        return 0;
    return (1u << SATP_MODE_BIT) | (g->pt.asid[*asid_idx] << SATP_ASID_LO) |
           PPN(RG_PT_ROOT(*root));
}

uint32_t pt_initial_satp(gen_t *g)
{
    unsigned root, ai;
    uint32_t v = pt_satp_random(g, &root, &ai);
    if (v)
        g->pt.asid_root[ai] = (int)root;
    return v;
}

static unsigned asid_index(const gen_t *g, uint32_t asid)
{
    for (unsigned i = 0; i < NASIDS; i++)
        if (g->pt.asid[i] == asid)
            return i;
    return 0;
}

static void emit_sfence(gen_t *g, bool use_va, uint32_t va, bool use_asid, uint32_t asid)
{
    unsigned rs1 = 0, rs2 = 0;
    if (use_va) {
        rs1 = rand_wreg(g);
        emit_li(g, rs1, va);
    }
    if (use_asid) {
        uint32_t saved = g->no_write;
        g->no_write |= 1u << rs1;
        rs2 = rand_wreg(g);
        g->no_write = saved;
        emit_li(g, rs2, asid);
    }
    ins(g, "sfence.vma %s, %s", reg_names[rs1], reg_names[rs2]);
    count(g, K_SFENCE);
}

/* After a satp write that executed: bind the ASID, flushing it if it served another root. */
void pt_satp_written(gen_t *g, uint32_t v)
{
    g->satp = v;
    if (!(v >> SATP_MODE_BIT))
        return;
    uint32_t asid = (v >> SATP_ASID_LO) & ((1u << SATP_ASID_BITS) - 1);
    unsigned root = (unsigned)table_of_ppn(v & ((1u << SATP_PPN_BITS) - 1));
    unsigned ai = asid_index(g, asid);
    if (g->pt.asid_root[ai] == (int)root)
        return;
    if (g->pt.asid_root[ai] >= 0)
        emit_sfence(g, false, 0, rng_chance(&g->rng, 70), asid);
    g->pt.asid_root[ai] = (int)root;
}

void gen_satp_item(gen_t *g)
{
    count(g, K_SATP);
    unsigned root, ai;
    uint32_t v = g->paging ? pt_satp_random(g, &root, &ai) : 0;
    unsigned t = rand_wreg(g);
    emit_li(g, t, v);
    ins(g, "csrrw %s, satp, %s", reg_names[rand_rd(g)], reg_names[t]);
    if (g->priv == PRV_M || (g->priv == PRV_S && !g->tvm)) {
        if (g->paging)
            pt_satp_written(g, v);
    }
}

/* ---- PTE edits ---- */

typedef struct {
    uint32_t va;
    uint32_t span;      /* bytes mapped through it: a page or a megapage */
    unsigned asids;     /* bit per ASID index that may cache this use */
    bool pointer;       /* a non-leaf entry is involved */
} use_t;

static unsigned bound_asids(const gen_t *g, unsigned root)
{
    unsigned b = 0;
    for (unsigned i = 0; i < NASIDS; i++)
        if (g->pt.asid_root[i] == (int)root)
            b |= 1u << i;
    return b;
}

/* Every (virtual address, ASIDs) through which PTE (table, idx) can be used. */
static unsigned pte_uses(const gen_t *g, unsigned table, unsigned idx, uint32_t oldv,
                         uint32_t newv, use_t *u, unsigned max)
{
    unsigned n = 0;
    if (table < RG_NROOTS && n < max)
        u[n++] = (use_t){ idx << MEGAPAGE_SHIFT, RG_MEGA, bound_asids(g, table),
                          is_pointer(oldv) || is_pointer(newv) };
    for (unsigned root = 0; root < RG_NROOTS; root++)
        for (unsigned j = 0; j < 1024 && n < max; j++) {
            uint32_t e = g->pt.pte[root][j];
            if (is_pointer(e) && table_of_ppn(e >> PTE_PPN_LO) == (int)table)
                u[n++] = (use_t){ (j << MEGAPAGE_SHIFT) | (idx << PAGE_SHIFT), RG_PAGE,
                                  bound_asids(g, root), false };
        }
    return n;
}

/* Choose a PTE slot to edit and its new value. */
static void pick_edit(gen_t *g, unsigned *table, unsigned *idx, uint32_t *v)
{
    rng_t *r = &g->rng;
    unsigned k = rng_below(r, 100);
    if (k < 30) {
        *table = rng_below(r, RG_NROOTS);
        *idx = root_test_idx[rng_below(r, NROOT_TEST)];
        *v = pte_level1(g, *idx);
    } else if (k < 35) {
        *table = PT_TCLINT;
        *idx = clint_idx[rng_below(r, 3)];
        *v = pte_clint(g, *idx);
    } else {
        *table = k < 55 ? PT_TS0 : PT_TEST(2 + rng_below(r, 6));
        *idx = rng_chance(r, 90) ? rng_below(r, 16) : rng_below(r, 1024);
        *v = pte_level0(g, *table);
    }
}

void gen_pte_edit_item(gen_t *g)
{
    rng_t *r = &g->rng;
    unsigned table, idx;
    uint32_t newv;
    pick_edit(g, &table, &idx, &newv);
    uint32_t pa = table_pa(table) + 4 * idx;
    if (g->priv == PRV_U || (g->priv == PRV_S && (g->tvm || !pmp_allows(g, pa, PRV_S, 'w'))))
        return;
    count(g, K_PTE_EDIT);
    clear_mprv(g);
    uint32_t oldv = g->pt.pte[table][idx];
    unsigned ra = rand_wreg(g);
    uint32_t saved = g->no_write;
    g->no_write |= 1u << ra;
    unsigned rv = rand_wreg(g);
    g->no_write = saved;
    emit_li(g, ra, pa);
    emit_li(g, rv, newv);
    ins(g, "sw    %s, 0(%s)", reg_names[rv], reg_names[ra]);
    g->pt.pte[table][idx] = newv;

    use_t u[64];
    unsigned n = pte_uses(g, table, idx, oldv, newv, u, 64);
    unsigned asids = 0, nva = 0;
    bool pointer = false;
    uint32_t va = 0, span = RG_PAGE;
    for (unsigned i = 0; i < n; i++) {
        if (!u[i].asids)
            continue;
        asids |= u[i].asids;
        pointer |= u[i].pointer;
        if (!nva || u[i].va != va)
            nva++;
        va = u[i].va, span = u[i].span;
    }
    bool global = (table == PT_TS0 || table == PT_TCLINT) && ((oldv | newv) & G_);
    bool by_va = !pointer && nva <= 1 && rng_chance(r, 70);
    bool by_asid = !global && __builtin_popcount(asids) <= 1 && rng_chance(r, 70);
    if (!nva) {
        unsigned k = n ? rng_below(r, n) : 0;
        va = n ? u[k].va : test_va(g) & ~(RG_PAGE - 1);
        span = n ? u[k].span : RG_PAGE;
    }
    uint32_t off = rng_below(r, span) & ~3u;
    unsigned ai = asids ? (unsigned)__builtin_ctz(asids) : rng_below(r, NASIDS);
    emit_sfence(g, by_va, va + off, by_asid, g->pt.asid[ai]);
}

void gen_adue_item(gen_t *g)
{
    count(g, K_ADUE);
    unsigned t = rand_wreg(g);
    emit_li(g, t, 1u << MENVCFGH_ADUE);
    ins(g, "%s  menvcfgh, %s", g->adue ? "csrc" : "csrs", reg_names[t]);
    if (g->priv == PRV_M) {
        g->adue = !g->adue;
        ins(g, "sfence.vma");
    }
}

/* Would an access of kind acc ('r', 'w', 'x') to va succeed now (in S or U, satp as
 * tracked)? A hint to bias addresses towards working translations: Svadu updates and
 * walk-time PMP are not modelled, and nothing depends on the answer being right. */
bool pt_access_ok(const gen_t *g, uint32_t va, char acc)
{
    uint64_t pa = va;
    if (g->satp >> SATP_MODE_BIT) {
        int root = table_of_ppn(g->satp & ((1u << SATP_PPN_BITS) - 1));
        if (root < 0)
            return false;
        uint32_t e = g->pt.pte[root][va >> MEGAPAGE_SHIFT];
        bool mega = true;
        if (is_pointer(e)) {
            int t = table_of_ppn(e >> PTE_PPN_LO);
            if (t < 0)
                return false;
            e = g->pt.pte[t][(va >> PAGE_SHIFT) & 1023];
            mega = false;
        }
        if (!(e & V_) || (!(e & R_) && (e & W_)) || is_pointer(e))
            return false;
        uint64_t ppn = e >> PTE_PPN_LO;
        if (mega && (ppn & 1023))
            return false;                               /* misaligned megapage */
        pa = mega ? (ppn << PAGE_SHIFT) | (va & (RG_MEGA - 1)) : (ppn << PAGE_SHIFT) | (va & (RG_PAGE - 1));
        if (g->priv == PRV_U && !(e & U_))
            return false;
        if (g->priv == PRV_S && (e & U_) && (acc == 'x' || !g->sum))
            return false;
        if ((acc == 'r' && !(e & R_) && !(g->mxr && (e & X_))) || (acc == 'w' && !(e & W_)) ||
            (acc == 'x' && !(e & X_)))
            return false;
        if (!g->adue && (!(e & A_) || (acc == 'w' && !(e & D_))))
            return false;
    }
    bool ram = pa >= RAM_BASE && pa < (uint64_t)RAM_BASE + RAM_SIZE_DEFAULT;
    bool dev = (pa >= CLINT_BASE && pa < CLINT_BASE + CLINT_SIZE) ||
               (pa >= UART_BASE && pa < UART_BASE + UART_SIZE);
    if (!ram && !(dev && acc != 'x'))
        return false;
    return pmp_allows(g, (uint32_t)pa, g->priv, acc);
}

/* An address in the test windows: mostly the populated slots of the window tables, the
 * data megapages' virtual ranges, and the CLINT/UART pages. */
uint32_t test_va(gen_t *g)
{
    rng_t *r = &g->rng;
    uint32_t off = rng_below(r, RG_PAGE);
    switch (rng_below(r, 10)) {
    case 0: case 1: case 2: case 3: case 4: case 5: {
        uint32_t vpn0 = rng_chance(r, 90) ? rng_below(r, 16) : rng_below(r, 1024);
        uint32_t w = rng_below(r, NWINDOW);
        if (g->priv != PRV_M && rng_chance(r, 60))      /* the window leaning to this mode */
            w = g->priv == PRV_U ? 1 + rng_below(r, 3) : 4 + rng_below(r, 4);
        return TEST_WINDOW + (w << MEGAPAGE_SHIFT) + (vpn0 << PAGE_SHIFT) + off;
    }
    case 6:
        return RG_DATA + (rng_below(r, 16) << PAGE_SHIFT) + off;
    case 7:
        return RG_DATA2 + (rng_below(r, 16) << PAGE_SHIFT) + off;
    case 8:
        return CLINT_BASE + (clint_idx[rng_below(r, 3)] << PAGE_SHIFT) + (off & 0xFF8);
    default:
        return UART_BASE + (off & 7);
    }
}

/* The start-up tables as data (the body's edits are instructions). */
void pt_emit(gen_t *g)
{
    out(g, "        .section .rgen.pt, \"aw\", @progbits");
    out(g, "rg_pt:");
    for (unsigned id = 0; id < PT_NTABLES; id++) {
        uint32_t base = table_pa(id) - RG_PT;
        out(g, "        .org 0x%x", base);
        for (unsigned i = 0; i < 1024; i++)
            if (g->pt.initial[id][i]) {
                out(g, "        .org 0x%x", base + 4 * i);
                out(g, "        .word 0x%08x", g->pt.initial[id][i]);
            }
    }
    out(g, "        .org 0x%x", RG_PT_TEST + RG_PT_TEST_SIZE - RG_PT);
}
