/* world.c — random page tables, state, PMP and PTE edits for the MMU bench; see world.h. */
#include <string.h>

#include "arch.h"
#include "physmem.h"
#include "world.h"

#define BIT(n) (1u << (n))
#define PTE_RWX (BIT(PTE_R) | BIT(PTE_W) | BIT(PTE_X))
#define MAX_REGIONS 20
#define MAX_TABLES 96
#define L0_POP 24                 /* populated entries per L0 table */
#define GLOBAL_REGIONS 3
#define PRIVATE_POOL 24           /* VPN[1] values the spaces choose their regions from */
#define RECENT 16
#define HOLE_BASE 0x20000000u     /* 0x2000_0000..0x7FFF_FFFF holds no device (platform.md) */

typedef struct {
    uint64_t page;
    uint16_t vpn0[L0_POP];
} table_t;

typedef struct {
    uint32_t vpn1;
    uint64_t table;               /* L0 table page when the L1 PTE is a pointer, else 0 */
    int tab;                      /* its index in tabs[], -1 for a root used as a table */
    bool global;
} region_t;

typedef struct {
    uint64_t root;
    unsigned asid;
    unsigned nreg;
    region_t reg[MAX_REGIONS];
} space_t;

static rng_t *R;
static space_t sp[WORLD_SPACES];
static table_t tabs[MAX_TABLES];
static unsigned ntabs;
static uint64_t ram_used[MAX_TABLES + WORLD_SPACES];
static unsigned nram_used;
static uint32_t recent[2][RECENT];
static unsigned recent_asid[2][RECENT];
static unsigned nrecent[2], recent_pos[2];

void world_init(rng_t *rng)
{
    R = rng;
}

/* ---- physical placement ---- */

static bool page_used(uint64_t p)
{
    for (unsigned i = 0; i < nram_used; i++)
        if (ram_used[i] == p)
            return true;
    return false;
}

/* A page for a page table: mostly a free RAM page; else a device page, a hole, or a page
 * above 2^32 (the walker must refuse to read it: access fault). */
static uint64_t alloc_table_page(bool root)
{
    unsigned ram_pages = pma_ram_bytes() >> 12;
    if (rng_pct(R, root ? 97 : 94) && nram_used < ram_pages / 2) {
        for (unsigned tries = 0; tries < 64; tries++) {
            uint64_t p = RAM_BASE + (uint64_t)rng_below(R, ram_pages) * 4096;
            if (!page_used(p)) {
                ram_used[nram_used++] = p;
                return p;
            }
        }
    }
    switch (rng_below(R, 5)) {
    case 0:  return UART_BASE;
    case 1:  return CLINT_BASE + rng_below(R, CLINT_SIZE >> 12) * 4096u;
    case 2:  return FINISHER_BASE;
    case 3:  return HOLE_BASE + (uint64_t)rng_below(R, 0x60000) * 4096;
    default: return (1ull << 32) + (uint64_t)rng_below(R, 0x300000) * 4096;
    }
}

static uint64_t any_table_page(void)
{
    unsigned k = rng_below(R, ntabs + WORLD_SPACES);
    return k < ntabs ? tabs[k].page : sp[k - ntabs].root;
}

/* Target PPN of a leaf: RAM, devices, holes, above 2^32 (also aliases of RAM there), page
 * tables, anything; megapages aligned, or misaligned now and then. */
static uint32_t target_ppn(bool mega)
{
    unsigned k = rng_below(R, 100);
    uint64_t pa;
    if (k < 68) {
        pa = RAM_BASE + rng_below(R, pma_ram_bytes());
    } else if (k < 76) {
        static const uint32_t dev[3] = { FINISHER_BASE, CLINT_BASE, UART_BASE };
        pa = dev[rng_below(R, 3)] + rng_below(R, 0x2000);
    } else if (k < 82) {
        pa = HOLE_BASE + rng_below(R, 0x60000000);
    } else if (k < 88) {
        pa = ((uint64_t)(1 + rng_below(R, 3)) << 32) |
             (rng_pct(R, 50) ? RAM_BASE + rng_below(R, pma_ram_bytes()) : rng_u32(R));
    } else if (k < 94) {
        pa = any_table_page();
    } else {
        pa = ((uint64_t)rng_u32(R) << 2) & 0x3FFFFFFFFull;
    }
    uint32_t ppn = (uint32_t)(pa >> 12) & 0x3FFFFF;
    if (mega) {
        ppn &= ~0x3FFu;
        if (rng_pct(R, 12))
            ppn |= 1 + rng_below(R, 1023);        /* misaligned megapage: page fault */
    }
    return ppn;
}

/* ---- PTEs ---- */

static uint32_t make_leaf(int level, bool global)
{
    static const uint8_t perm[7] = { BIT(PTE_R), BIT(PTE_R) | BIT(PTE_W), BIT(PTE_X),
                                     BIT(PTE_R) | BIT(PTE_X), PTE_RWX,
                                     BIT(PTE_W), BIT(PTE_W) | BIT(PTE_X) };   /* last 2 reserved */
    static const uint8_t weight[7] = { 12, 20, 10, 18, 32, 4, 4 };
    unsigned k = rng_below(R, 100), i = 0;
    while (k >= weight[i]) {
        k -= weight[i];
        i++;
    }
    uint32_t pte = BIT(PTE_V) | perm[i];
    if (rng_pct(R, 50)) pte |= BIT(PTE_U);
    if (rng_pct(R, global ? 70 : 5)) pte |= BIT(PTE_G);
    if (rng_pct(R, 80)) pte |= BIT(PTE_A);
    if (rng_pct(R, 60)) pte |= BIT(PTE_D);
    pte |= (rng_u32(R) & 3u) << 8;                 /* RSW: ignored */
    return pte | target_ppn(level == 1) << PTE_PPN_LO;
}

static uint32_t make_pointer(uint64_t table, bool global)
{
    uint32_t pte = BIT(PTE_V) | (uint32_t)((table >> 12) & 0x3FFFFF) << PTE_PPN_LO;
    if (global || rng_pct(R, 2)) pte |= BIT(PTE_G);
    /* D, A, U of a pointer are reserved for future use; the walker ignores them */
    if (rng_pct(R, 6)) pte |= BIT(PTE_U);
    if (rng_pct(R, 6)) pte |= BIT(PTE_A);
    if (rng_pct(R, 6)) pte |= BIT(PTE_D);
    return pte;
}

static uint32_t make_invalid(void)
{
    return rng_u32(R) & ~BIT(PTE_V);
}

static uint32_t make_reserved(void)
{
    /* V=1, W=1, R=0: reserved encoding (page fault at either level) */
    return (rng_u32(R) & ~(BIT(PTE_R))) | BIT(PTE_V) | BIT(PTE_W);
}

static void fill_table(table_t *t, bool global)
{
    for (unsigned k = 0; k < L0_POP; k++) {
        unsigned vpn0 = rng_below(R, 1024), c = rng_below(R, 100);
        uint32_t pte;
        if (c < 88)      pte = make_leaf(0, global);
        else if (c < 93) pte = make_invalid();
        else if (c < 96) pte = make_reserved();
        else if (c < 98) pte = make_pointer(any_table_page(), false);   /* pointer at level 0 */
        else             pte = rng_u32(R);
        t->vpn0[k] = (uint16_t)vpn0;
        physmem_write(t->page + vpn0 * 4, pte);
    }
}

static int new_table(bool global)
{
    if (ntabs == MAX_TABLES)
        return (int)rng_below(R, ntabs);
    table_t *t = &tabs[ntabs];
    t->page = alloc_table_page(false);
    fill_table(t, global);
    return (int)ntabs++;
}

/* The L1 PTE of a region; sets r->table/tab for a pointer. */
static uint32_t make_region(region_t *r, uint64_t root, bool global)
{
    unsigned c = rng_below(R, 100);
    r->table = 0;
    r->tab = -1;
    if (c < 62) {
        if (!global && rng_pct(R, 4)) {
            r->table = root;                        /* the root doubles as an L0 table */
        } else {
            r->tab = (!global && ntabs && rng_pct(R, 20)) ? (int)rng_below(R, ntabs)
                                                          : new_table(global);
            r->table = tabs[r->tab].page;
        }
        return make_pointer(r->table, global);
    }
    if (c < 92)
        return make_leaf(1, global);
    if (c < 97)
        return make_invalid();
    return make_reserved();
}

void world_build(void)
{
    uint32_t global_vpn1[GLOBAL_REGIONS], pool[PRIVATE_POOL];
    uint32_t global_pte[GLOBAL_REGIONS];
    region_t global_reg[GLOBAL_REGIONS];

    physmem_clear();
    nram_used = 0;
    ntabs = 0;
    nrecent[0] = nrecent[1] = 0;

    for (unsigned i = 0; i < WORLD_SPACES; i++) {
        sp[i].root = alloc_table_page(true);
        sp[i].nreg = 0;
        for (;;) {                                  /* distinct 9-bit ASIDs */
            unsigned a = rng_pct(R, 15) ? (rng_pct(R, 50) ? 0 : 511) : rng_below(R, 512);
            bool dup = false;
            for (unsigned j = 0; j < i; j++)
                dup |= sp[j].asid == a;
            if (!dup) {
                sp[i].asid = a;
                break;
            }
        }
    }
    /* VPN[1] values: a few global regions, and a pool the spaces pick their regions from */
    for (unsigned i = 0; i < GLOBAL_REGIONS + PRIVATE_POOL; i++) {
        uint32_t v;
        bool dup;
        do {
            v = rng_below(R, 1024);
            dup = false;
            for (unsigned j = 0; j < i; j++)
                dup |= (j < GLOBAL_REGIONS ? global_vpn1[j] : pool[j - GLOBAL_REGIONS]) == v;
        } while (dup);
        if (i < GLOBAL_REGIONS)
            global_vpn1[i] = v;
        else
            pool[i - GLOBAL_REGIONS] = v;
    }
    for (unsigned g = 0; g < GLOBAL_REGIONS; g++) {
        global_reg[g].vpn1 = global_vpn1[g];
        global_reg[g].global = true;
        global_pte[g] = make_region(&global_reg[g], 0, true);
    }
    for (unsigned i = 0; i < WORLD_SPACES; i++) {
        space_t *s = &sp[i];
        for (unsigned g = 0; g < GLOBAL_REGIONS; g++) {
            s->reg[s->nreg++] = global_reg[g];
            physmem_write(s->root + global_vpn1[g] * 4, global_pte[g]);
        }
        unsigned want = 8 + rng_below(R, 9);
        for (unsigned k = 0; k < PRIVATE_POOL && s->nreg < GLOBAL_REGIONS + want; k++) {
            if (!rng_pct(R, 55))
                continue;
            region_t *r = &s->reg[s->nreg++];
            r->vpn1 = pool[k];
            r->global = false;
            physmem_write(s->root + r->vpn1 * 4, make_region(r, s->root, false));
        }
    }
}

/* ---- state ---- */

uint32_t world_satp(int space)
{
    uint32_t mode = 1u << SATP_MODE_BIT;
    if (space >= 0)
        return mode | sp[space].asid << SATP_ASID_LO | (uint32_t)(sp[space].root >> 12);
    uint32_t ppn = rng_pct(R, 50) ? (uint32_t)((RAM_BASE >> 12) + rng_below(R, pma_ram_bytes() >> 12))
                                  : rng_u32(R);
    return mode | rng_below(R, 512) << SATP_ASID_LO | (ppn & 0x3FFFFF);
}

static int current_space(const mmu_state_t *st)
{
    for (unsigned i = 0; i < WORLD_SPACES; i++)
        if ((uint64_t)(st->satp & 0x3FFFFF) << 12 == sp[i].root)
            return (int)i;
    return -1;
}

int world_space_of_asid(unsigned asid)
{
    for (unsigned i = 0; i < WORLD_SPACES; i++)
        if (sp[i].asid == asid)
            return (int)i;
    return -1;
}

static unsigned random_priv(void)
{
    unsigned k = rng_below(R, 100);
    return k < 36 ? PRV_S : k < 70 ? PRV_U : PRV_M;
}

void world_random_state(mmu_state_t *st)
{
    bool all = rng_pct(R, 30);
    if (all || rng_pct(R, 50)) st->priv = random_priv();
    if (all || rng_pct(R, 30)) st->mprv = rng_pct(R, 60);
    if (all || rng_pct(R, 30)) {
        unsigned k = rng_below(R, 3);
        st->mpp = k == 0 ? PRV_U : k == 1 ? PRV_S : PRV_M;
    }
    if (all || rng_pct(R, 30)) st->sum = rng_pct(R, 50);
    if (all || rng_pct(R, 30)) st->mxr = rng_pct(R, 50);
    if (all || rng_pct(R, 25)) st->adue = rng_pct(R, 50);
    if (all || rng_pct(R, 40)) {
        unsigned k = rng_below(R, 100);
        if (k < 89)
            st->satp = world_satp((int)rng_below(R, WORLD_SPACES));
        else if (k < 96)
            st->satp = rng_u32(R) & ~(1u << SATP_MODE_BIT);      /* Bare: other bits ignored */
        else
            st->satp = world_satp(-1);
    }
}

/* ---- PMP ---- */

/* An address worth protecting: page tables of the current space, leaf targets, devices,
 * RAM edges. */
static uint64_t interesting_pa(const mmu_state_t *st)
{
    int s = current_space(st);
    unsigned k = rng_below(R, 100);
    if (s >= 0 && k < 30) {
        const space_t *p = &sp[s];
        const region_t *r = &p->reg[rng_below(R, p->nreg)];
        if (r->table && rng_pct(R, 60))
            return r->table + (r->tab >= 0 ? tabs[r->tab].vpn0[rng_below(R, L0_POP)] * 4u : 0);
        return p->root + r->vpn1 * 4;
    }
    if (s >= 0 && k < 55) {                        /* a leaf's target */
        const space_t *p = &sp[s];
        const region_t *r = &p->reg[rng_below(R, p->nreg)];
        uint32_t pte = physmem_read(r->table ? r->table + (r->tab >= 0 ?
                        tabs[r->tab].vpn0[rng_below(R, L0_POP)] * 4u : 0)
                                             : p->root + r->vpn1 * 4);
        return ((uint64_t)(pte >> PTE_PPN_LO) << 12) & 0xFFFFFFFFFull;
    }
    if (k < 65) {
        static const uint32_t dev[3] = { FINISHER_BASE, CLINT_BASE, UART_BASE };
        return dev[rng_below(R, 3)];
    }
    if (k < 80)
        return RAM_BASE + rng_below(R, pma_ram_bytes());
    if (k < 88)
        return RAM_BASE + pma_ram_bytes() - 4096;
    return ((uint64_t)rng_u32(R) << 2) & 0x3FFFFFFFFull;
}

static unsigned random_perm(void)
{
    /* R W X (W without R is WARL-cleared); mostly readable so that walks get through */
    return rng_pct(R, 60) ? 1u | (rng_below(R, 4) << 1) : rng_below(R, 8);
}

/* pmpaddr for a NAPOT region of 2^size_log2 bytes (>= 8) around pa. */
static uint32_t napot(uint64_t pa, unsigned size_log2)
{
    uint64_t a = (pa >> 2) & ~((1ull << (size_log2 - 2)) - 1);
    return (uint32_t)(a | ((1ull << (size_log2 - 3)) - 1));
}

void world_random_pmp(const mmu_state_t *st, pmp_t *out)
{
    uint8_t cfg[PMP_ENTRIES] = { 0 };
    uint32_t addr[PMP_ENTRIES] = { 0 };
    unsigned mode = rng_below(R, 100);
    const unsigned A = PMPCFG_A_LO;

    if (mode < 35) {                                 /* open: one entry allows everything */
        unsigned i = rng_below(R, PMP_ENTRIES);
        addr[i] = 0xFFFFFFFFu;
        cfg[i] = (uint8_t)(3u << A | 7u);
    } else if (mode < 87) {                          /* targeted entries, then a catch-all */
        unsigned n = 1 + rng_below(R, 5), i = 0, lock_pct = mode < 78 ? 8 : 50;
        while (i < n && i < PMP_ENTRIES - 2) {
            uint64_t pa = interesting_pa(st);
            unsigned kind = rng_below(R, 100);
            uint8_t c = (uint8_t)random_perm();
            if (rng_pct(R, lock_pct))
                c |= 1u << PMPCFG_L;
            if (kind < 30) {                         /* NA4: one word, e.g. one PTE */
                addr[i] = (uint32_t)(pa >> 2);
                cfg[i] = (uint8_t)(c | 2u << A);
            } else if (kind < 60) {                  /* NAPOT page */
                addr[i] = napot(pa, 12);
                cfg[i] = (uint8_t)(c | 3u << A);
            } else if (kind < 75) {                  /* NAPOT 8 B .. 16 MiB */
                addr[i] = napot(pa, 3 + rng_below(R, 22));
                cfg[i] = (uint8_t)(c | 3u << A);
            } else {                                 /* TOR pair [lo, hi) */
                uint64_t lo = pa & ~0xFFFull, len = 4096ull << rng_below(R, 6);
                if (rng_pct(R, 15))
                    len = 0;                         /* empty range: matches nothing */
                addr[i] = (uint32_t)(lo >> 2);
                cfg[i] = 0;
                if (++i >= PMP_ENTRIES - 1)
                    break;
                addr[i] = (uint32_t)((lo + len) >> 2);
                cfg[i] = (uint8_t)(c | 1u << A);
            }
            i++;
        }
        unsigned k = rng_below(R, 100), last = rng_pct(R, 50) ? PMP_ENTRIES - 1 : i;
        if (k < 72) {
            addr[last] = 0xFFFFFFFFu;                /* everything */
            cfg[last] = (uint8_t)(3u << A | 7u);
        } else if (k < 90) {
            unsigned lg = 12;
            while ((1ull << lg) < pma_ram_bytes())
                lg++;
            addr[last] = napot(RAM_BASE, lg);        /* RAM only */
            cfg[last] = (uint8_t)(3u << A | 7u);
        }                                            /* else: no catch-all */
    } else if (mode < 96) {                          /* anything */
        for (unsigned i = 0; i < PMP_ENTRIES; i++) {
            addr[i] = rng_pct(R, 50) ? (uint32_t)(interesting_pa(st) >> 2) : rng_u32(R);
            if (rng_pct(R, 30))
                addr[i] |= (1u << rng_below(R, 24)) - 1;
            cfg[i] = (uint8_t)(rng_below(R, 4) << A | random_perm());
            if (rng_pct(R, 6))
                cfg[i] |= 1u << PMPCFG_L;
        }
    }                                                /* else all OFF */

    memset(out, 0, sizeof *out);
    for (unsigned i = 0; i < PMP_ENTRIES; i++)
        pmp_write_addr(out, i, addr[i]);
    for (unsigned r = 0; r < 4; r++)
        pmp_write_cfg(out, r, (uint32_t)cfg[4 * r] | (uint32_t)cfg[4 * r + 1] << 8 |
                              (uint32_t)cfg[4 * r + 2] << 16 | (uint32_t)cfg[4 * r + 3] << 24);
}

/* ---- virtual addresses ---- */

/* An address inside an active PMP entry (priv spec 3.7.1 address matching), or 0. */
static uint32_t addr_in_pmp_entry(const pmp_t *p)
{
    unsigned i = rng_below(R, PMP_ENTRIES), mode = (p->cfg[i] >> PMPCFG_A_LO) & 3;
    uint64_t a = (uint64_t)p->addr[i] << 2, lo, size;
    switch (mode) {
    case 1:                                          /* TOR */
        lo = i ? (uint64_t)p->addr[i - 1] << 2 : 0;
        if (lo >= a)
            return 0;
        size = a - lo;
        break;
    case 2:                                          /* NA4 */
        lo = a;
        size = 4;
        break;
    case 3: {                                        /* NAPOT */
        unsigned t = ~p->addr[i] ? (unsigned)__builtin_ctz(~p->addr[i]) : 32;
        size = 1ull << (t + 3);
        lo = a & ~(size - 1);
        break;
    }
    default:
        return 0;
    }
    uint64_t pa = lo + (rng_next(R) % size);
    return pa >> 32 ? 0 : (uint32_t)pa;
}

void world_note_va(bool is_i, uint32_t va, unsigned asid)
{
    recent_asid[is_i][recent_pos[is_i]] = asid;
    recent[is_i][recent_pos[is_i]] = va;
    recent_pos[is_i] = (recent_pos[is_i] + 1) % RECENT;
    if (nrecent[is_i] < RECENT)
        nrecent[is_i]++;
}

uint32_t world_pick_va(const mmu_state_t *st, bool is_i)
{
    uint32_t off = rng_u32(R) & 0xFFF;
    off &= is_i ? ~1u : rng_pct(R, 60) ? ~3u : ~0u;
    unsigned k = rng_below(R, 100);
    int s = current_space(st);
    if (!oracle_xlate(st, is_i)) {                  /* untranslated: a physical address */
        uint32_t pa;
        if (k < 30 && (pa = addr_in_pmp_entry(&st->pmp)) != 0)
            return is_i ? pa & ~1u : pa;
        if (k < 50)
            return (uint32_t)interesting_pa(st) | off;
        if (k < 85)
            return ((RAM_BASE + rng_below(R, pma_ram_bytes())) & ~0xFFFu) | off;
        if (k < 92)
            return (rng_pct(R, 50) ? UART_BASE : CLINT_BASE) | off;
        return (rng_u32(R) & ~0xFFFu) | off;
    }
    unsigned r = nrecent[is_i] ? rng_below(R, nrecent[is_i]) : 0;
    if (k < 50 && nrecent[is_i] && recent_asid[is_i][r] == ((st->satp >> SATP_ASID_LO) & 0x1FF)) {
        uint32_t va = recent[is_i][r];
        if (rng_pct(R, 10))
            va ^= (1u + rng_below(R, 1023)) << 12;   /* another page of the same region */
        return (va & ~0xFFFu) | off;
    }
    if (k < 95 && s >= 0) {
        const region_t *r = &sp[s].reg[rng_below(R, sp[s].nreg)];
        uint32_t vpn0 = (r->tab >= 0 && rng_pct(R, 92)) ? tabs[r->tab].vpn0[rng_below(R, L0_POP)]
                                                       : rng_below(R, 1024);
        return r->vpn1 << 22 | vpn0 << 12 | off;
    }
    return (rng_u32(R) & ~0xFFFu) | off;
}

/* ---- PTE edits behind the TLBs' back ---- */

void world_edit_pte(const mmu_state_t *st, const tlbm_t *itlb, const tlbm_t *dtlb,
                    pte_edit_t *ed)
{
    unsigned k = rng_below(R, 100);
    int level = 0;
    int s = current_space(st);
    const tlbm_t *t = rng_pct(R, 50) ? itlb : dtlb;
    ed->asid = (st->satp >> SATP_ASID_LO) & 0x1FF;
    ed->global = false;

    if (k < 45 && tlbm_count(t)) {                   /* a cached translation's leaf */
        unsigned i;
        do
            i = rng_below(R, t->n);
        while (!t->e[i].valid);
        const tlbm_entry_t *e = &t->e[i];
        ed->addr = e->pte_addr;
        ed->va = e->mega ? (e->vpn & ~0x3FFu) << 12 | rng_below(R, 1024) << 12 : e->vpn << 12;
        ed->asid = e->asid;
        ed->global = e->flags & BIT(PTE_G);
        level = e->mega;
    } else if (k < 88 && s >= 0) {                   /* a PTE of the current space */
        const space_t *p = &sp[s];
        const region_t *r = &p->reg[rng_below(R, p->nreg)];
        ed->global = r->global;
        if (r->table && rng_pct(R, 60)) {
            uint32_t vpn0 = r->tab >= 0 ? tabs[r->tab].vpn0[rng_below(R, L0_POP)]
                                        : rng_below(R, 1024);
            ed->addr = r->table + vpn0 * 4;
            ed->va = r->vpn1 << 22 | vpn0 << 12;
        } else {
            ed->addr = p->root + r->vpn1 * 4;
            ed->va = r->vpn1 << 22 | rng_below(R, 1024) << 12;
            level = 1;
        }
    } else {                                         /* any table entry */
        const table_t *tb = ntabs ? &tabs[rng_below(R, ntabs)] : NULL;
        uint32_t vpn0 = tb ? tb->vpn0[rng_below(R, L0_POP)] : rng_below(R, 1024);
        ed->addr = tb ? tb->page + vpn0 * 4 : sp[0].root + vpn0 * 4;
        ed->va = rng_below(R, 1024) << 22 | vpn0 << 12;
    }

    uint32_t old = physmem_read(ed->addr), v = old;
    unsigned c = rng_below(R, 100);
    if (c < 25) {
        v ^= BIT(rng_below(R, 8));                   /* flip a flag */
        if (rng_pct(R, 40))
            v ^= BIT(rng_below(R, 8));
    } else if (c < 55) {
        v = make_leaf(level, ed->global);            /* remap */
    } else if (c < 70) {
        v &= ~(rng_pct(R, 50) ? BIT(PTE_A) : BIT(PTE_D));   /* software clears A or D */
    } else if (c < 78) {
        v &= ~BIT(PTE_V);
    } else if (c < 88) {
        v = (v & 0x3FF) | target_ppn(level == 1) << PTE_PPN_LO;
    } else if (c < 96 && level == 1) {               /* pointer <-> megapage */
        v = (old & PTE_RWX) ? make_pointer(any_table_page(), ed->global) : make_leaf(1, ed->global);
    } else if (c < 98) {
        v |= BIT(PTE_G);
    } else {
        v = rng_u32(R);
    }
    if (v == old)
        v ^= BIT(PTE_V);
    ed->old = old;
    ed->val = v;
    physmem_write(ed->addr, v);
}
