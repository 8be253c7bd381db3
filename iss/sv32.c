/* sv32.c — Sv32 page walk, permission checks, Svade/Svadu, PMP; see sv32.h. */
#include "sv32.h"

#define BIT(n) (1u << (n))
#define PTE_PPN(pte) ((uint64_t)((pte) >> PTE_PPN_LO))          /* 22 bits */
#define VPN(va, i) (((va) >> (PAGE_SHIFT + 10 * (i))) & 0x3FFu)
#define PA_LIMIT (1ull << 32)      /* the SoC's physical space; Sv32 gives 34 bits */
#define MAX_RESTARTS 16            /* Svadu compare failures before giving up */

unsigned sv32_page_fault_cause(sv32_access_t acc)
{
    return acc == SV32_FETCH ? CAUSE_FETCH_PAGE_FAULT
         : acc == SV32_LOAD  ? CAUSE_LOAD_PAGE_FAULT : CAUSE_STORE_PAGE_FAULT;
}

unsigned sv32_access_fault_cause(sv32_access_t acc)
{
    return acc == SV32_FETCH ? CAUSE_FETCH_ACCESS
         : acc == SV32_LOAD  ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;
}

static bool is_write(sv32_access_t acc)
{
    return acc == SV32_STORE || acc == SV32_AMO;
}

static unsigned pmp_perm_of(sv32_access_t acc)
{
    return acc == SV32_FETCH ? PMP_PERM_X
         : acc == SV32_LOAD  ? PMP_PERM_R : PMP_PERM_R | PMP_PERM_W;
}

/* Implicit PTE access: below 2^32, PMP as S-mode, then the memory itself. */
static bool pte_read(const sv32_cfg_t *cfg, const sv32_mem_t *mem, uint64_t a, uint32_t *pte)
{
    if (a >= PA_LIMIT)
        return false;
    if (cfg->pmp && !pmp_check(cfg->pmp, a, 4, PRV_S, PMP_PERM_R))
        return false;
    return mem->read32(mem->ctx, a, pte);
}

static bool pte_write(const sv32_cfg_t *cfg, const sv32_mem_t *mem, uint64_t a, uint32_t pte)
{
    if (cfg->pmp && !pmp_check(cfg->pmp, a, 4, PRV_S, PMP_PERM_W))
        return false;
    return mem->write32(mem->ctx, a, pte);
}

/* priv spec 4.3.1 / 4.3.2 step 5: does leaf pte grant acc at cfg->priv? */
static bool leaf_allows(const sv32_cfg_t *cfg, uint32_t pte, sv32_access_t acc)
{
    bool u = pte & BIT(PTE_U);
    if (cfg->priv == PRV_U && !u)
        return false;
    if (cfg->priv == PRV_S && u && (acc == SV32_FETCH || !cfg->sum))
        return false;       /* S never executes U pages; touches them only with SUM */
    switch (acc) {
    case SV32_FETCH:
        return pte & BIT(PTE_X);
    case SV32_LOAD:
        return (pte & BIT(PTE_R)) || (cfg->mxr && (pte & BIT(PTE_X)));
    default:
        return pte & BIT(PTE_W);
    }
}

/* Final physical check: SoC space and PMP with the effective privilege. */
static int finish(const sv32_cfg_t *cfg, uint64_t pa, sv32_access_t acc, sv32_result_t *res)
{
    if (pa >= PA_LIMIT || (cfg->pmp && !pmp_check(cfg->pmp, pa, 1, cfg->priv, pmp_perm_of(acc))))
        return res->cause = (int)sv32_access_fault_cause(acc);
    res->paddr = pa;
    return res->cause = -1;
}

int sv32_translate(const sv32_cfg_t *cfg, const sv32_mem_t *mem, uint32_t va,
                   sv32_access_t acc, sv32_result_t *res)
{
    const int pf = (int)sv32_page_fault_cause(acc), af = (int)sv32_access_fault_cause(acc);
    *res = (sv32_result_t){ .cause = -1, .level = -1 };

    if (cfg->priv == PRV_M || !(cfg->satp >> SATP_MODE_BIT))
        return finish(cfg, va, acc, res);

    for (unsigned attempt = 0; attempt < MAX_RESTARTS; attempt++) {
        /* step 1: a = satp.ppn * PAGESIZE, i = LEVELS - 1 */
        uint64_t a = (uint64_t)(cfg->satp & ((1u << SATP_PPN_BITS) - 1)) << PAGE_SHIFT;
        int i = 1;
        uint32_t pte;
        uint64_t pte_addr;
        for (;;) {
            /* step 2: read the PTE (access fault if PMA/PMP forbid it) */
            pte_addr = a + VPN(va, i) * 4;
            res->nreads++;
            if (!pte_read(cfg, mem, pte_addr, &pte))
                return res->cause = af;
            /* step 3: invalid, or the reserved R=0 W=1 encoding */
            if (!(pte & BIT(PTE_V)) || (!(pte & BIT(PTE_R)) && (pte & BIT(PTE_W))))
                return res->cause = pf;
            /* step 4: leaf when R or X; else descend, page fault below level 0 */
            if (pte & (BIT(PTE_R) | BIT(PTE_X)))
                break;
            if (--i < 0)
                return res->cause = pf;
            a = PTE_PPN(pte) << PAGE_SHIFT;
        }
        res->level = i;
        res->pte = pte;
        res->pte_addr = pte_addr;
        /* step 5: permissions (U/SUM/MXR/X/R/W) */
        if (!leaf_allows(cfg, pte, acc))
            return res->cause = pf;
        /* step 6: a megapage needs ppn[0] = 0 */
        if (i > 0 && (PTE_PPN(pte) & 0x3FF))
            return res->cause = pf;
        /* step 7: A/D */
        bool need_d = is_write(acc) && !(pte & BIT(PTE_D));
        if (!(pte & BIT(PTE_A)) || need_d) {
            if (!cfg->adue)
                return res->cause = pf;                         /* Svade */
            uint32_t now;                                       /* Svadu: atomic RMW */
            if (!pte_read(cfg, mem, pte_addr, &now))
                return res->cause = af;
            if (now != pte)
                continue;                                       /* changed: back to step 2 */
            uint32_t upd = pte | BIT(PTE_A) | (is_write(acc) ? BIT(PTE_D) : 0);
            if (!pte_write(cfg, mem, pte_addr, upd))
                return res->cause = af;
            res->pte_written = true;
            res->pte_new = upd;
        }
        /* step 8: the physical address (34 bits) */
        uint64_t pa = (PTE_PPN(pte) << PAGE_SHIFT) | (va & 0xFFFu);
        if (i > 0)
            pa = ((PTE_PPN(pte) >> 10) << MEGAPAGE_SHIFT) | (va & ((1u << MEGAPAGE_SHIFT) - 1));
        return finish(cfg, pa, acc, res);
    }
    return res->cause = af;   /* unreachable in a single-hart system */
}
