/* pmp.c — PMP matching and CSR write rules; see pmp.h for the contract. */
#include "pmp.h"

#define CFG_A(c) (((c) >> PMPCFG_A_LO) & 3u)
#define CFG_L(c) (((c) >> PMPCFG_L) & 1u)
enum { A_OFF = 0, A_TOR = 1, A_NA4 = 2, A_NAPOT = 3 };

/* Byte range [*lo, *hi) covered by entry i; false when the entry matches nothing. */
static bool entry_range(const pmp_t *p, unsigned i, uint64_t *lo, uint64_t *hi)
{
    uint64_t a = (uint64_t)p->addr[i] << 2;
    switch (CFG_A(p->cfg[i])) {
    case A_TOR:
        *lo = i ? (uint64_t)p->addr[i - 1] << 2 : 0;
        *hi = a;
        return *lo < *hi;          /* priv 3.7.1.1: pmpaddr[i-1] >= pmpaddr[i] matches none */
    case A_NA4:
        *lo = a;
        *hi = a + 4;
        return true;
    case A_NAPOT: {
        /* trailing ones t of pmpaddr give a 2^(t+3)-byte region (t = 32: all 16 GiB) */
        unsigned t = (uint32_t)~p->addr[i] ? (unsigned)__builtin_ctz(~p->addr[i]) : 32;
        uint64_t size = 1ull << (t + 3);
        *lo = a & ~(size - 1);
        *hi = *lo + size;
        return true;
    }
    default:
        return false;
    }
}

static unsigned entry_perms(uint8_t cfg, unsigned priv)
{
    /* An unlocked entry does not restrict M-mode (priv 3.7.1.2). */
    if (priv == PRV_M && !CFG_L(cfg))
        return PMP_PERM_RWX;
    return cfg & PMP_PERM_RWX;
}

bool pmp_check(const pmp_t *p, uint64_t pa, unsigned size, unsigned priv, unsigned perm)
{
    for (unsigned i = 0; i < PMP_ENTRIES; i++) {
        uint64_t lo, hi;
        if (!entry_range(p, i, &lo, &hi))
            continue;
        if (pa + size <= lo || pa >= hi)
            continue;
        if (pa < lo || pa + size > hi)
            return false;           /* matches only some bytes of the access */
        return (entry_perms(p->cfg[i], priv) & perm) == perm;
    }
    return priv == PRV_M;
}

int pmp_page_perms(const pmp_t *p, uint64_t page_base, unsigned priv)
{
    uint64_t end = page_base + 4096;
    for (unsigned i = 0; i < PMP_ENTRIES; i++) {
        uint64_t lo, hi;
        if (!entry_range(p, i, &lo, &hi))
            continue;
        if (end <= lo || page_base >= hi)
            continue;
        if (page_base < lo || end > hi)
            return -1;
        return (int)entry_perms(p->cfg[i], priv);
    }
    return priv == PRV_M ? (int)PMP_PERM_RWX : 0;
}

uint32_t pmp_read_cfg(const pmp_t *p, unsigned idx)
{
    uint32_t v = 0;
    for (unsigned b = 0; b < 4; b++)
        v |= (uint32_t)p->cfg[idx * 4 + b] << (8 * b);
    return v;
}

void pmp_write_cfg(pmp_t *p, unsigned idx, uint32_t val)
{
    for (unsigned b = 0; b < 4; b++) {
        unsigned i = idx * 4 + b;
        uint8_t c = (uint8_t)(val >> (8 * b)) & 0x9F;      /* bits 6:5 read 0 */
        if (CFG_L(p->cfg[i]))
            continue;                                      /* locked byte */
        if (!(c & PMP_PERM_R) && (c & PMP_PERM_W))
            c &= (uint8_t)~PMP_PERM_W;                     /* R=0 W=1 is reserved */
        p->cfg[i] = c;
    }
}

uint32_t pmp_read_addr(const pmp_t *p, unsigned i)
{
    return p->addr[i];
}

void pmp_write_addr(pmp_t *p, unsigned i, uint32_t val)
{
    if (CFG_L(p->cfg[i]))
        return;
    if (i + 1 < PMP_ENTRIES && CFG_L(p->cfg[i + 1]) && CFG_A(p->cfg[i + 1]) == A_TOR)
        return;
    p->addr[i] = val;
}
