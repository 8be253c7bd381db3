/* tlbm.c — C mirror of core_tlb; see tlbm.h for the rules. */
#include <stdio.h>
#include <string.h>

#include "arch.h"
#include "tlbm.h"

#define G_BIT (1u << PTE_G)

void tlbm_init(tlbm_t *t, unsigned entries, const char *name)
{
    memset(t, 0, sizeof *t);
    t->name = name;
    t->n = entries;
    while ((1u << t->idx_bits) < entries)
        t->idx_bits++;
}

void tlbm_reset(tlbm_t *t)
{
    for (unsigned i = 0; i < t->n; i++)
        t->e[i].valid = false;
    t->plru = 0;
}

static bool page_match(const tlbm_entry_t *e, uint32_t vpn)
{
    return (e->vpn >> 10) == (vpn >> 10) && (e->mega || e->vpn == vpn);
}

bool tlbm_match(const tlbm_entry_t *e, uint32_t vpn, unsigned asid)
{
    return e->valid && page_match(e, vpn) && ((e->flags & G_BIT) || e->asid == asid);
}

uint32_t tlbm_lookup(const tlbm_t *t, uint32_t vpn, unsigned asid)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < t->n; i++)
        if (tlbm_match(&t->e[i], vpn, asid))
            m |= 1u << i;
    return m;
}

int tlbm_lowest(uint32_t mask)
{
    return mask ? __builtin_ctz(mask) : -1;
}

void tlbm_touch(tlbm_t *t, unsigned idx)
{
    unsigned n = 0;
    for (int l = (int)t->idx_bits - 1; l >= 0; l--) {
        unsigned bit = (idx >> l) & 1;
        if (bit)
            t->plru &= ~(1u << n);     /* touched the right side: victim goes left */
        else
            t->plru |= 1u << n;
        n = 2 * n + 1 + bit;
    }
}

unsigned tlbm_victim(const tlbm_t *t)
{
    unsigned n = 0;
    for (unsigned l = 0; l < t->idx_bits; l++)
        n = 2 * n + 1 + ((t->plru >> n) & 1);
    return n - (t->n - 1);
}

unsigned tlbm_fill_index(const tlbm_t *t, uint32_t hit_mask)
{
    if (hit_mask)
        return (unsigned)tlbm_lowest(hit_mask);
    for (unsigned i = 0; i < t->n; i++)
        if (!t->e[i].valid)
            return i;
    return tlbm_victim(t);
}

void tlbm_fill(tlbm_t *t, unsigned idx, const tlbm_entry_t *e)
{
    t->e[idx] = *e;
    t->e[idx].valid = true;
    tlbm_touch(t, idx);
}

unsigned tlbm_sfence(tlbm_t *t, bool va_form, bool asid_form, uint32_t vpn, unsigned asid,
                     unsigned *kept)
{
    unsigned dropped = 0, left = 0;
    for (unsigned i = 0; i < t->n; i++) {
        tlbm_entry_t *e = &t->e[i];
        if (!e->valid)
            continue;
        bool drop = true;
        if (va_form && !page_match(e, vpn))
            drop = false;
        if (asid_form && ((e->flags & G_BIT) || e->asid != asid))
            drop = false;
        if (drop) {
            e->valid = false;
            dropped++;
        } else {
            left++;
        }
    }
    *kept = left;
    return dropped;
}

uint32_t tlbm_ppn_for(const tlbm_entry_t *e, uint32_t vpn)
{
    return e->mega ? (e->ppn & ~0x3FFu) | (vpn & 0x3FFu) : e->ppn;
}

bool tlbm_overlap(const tlbm_entry_t *a, const tlbm_entry_t *b)
{
    if ((a->vpn >> 10) != (b->vpn >> 10))
        return false;
    if (!a->mega && !b->mega && a->vpn != b->vpn)
        return false;
    return (a->flags & G_BIT) || (b->flags & G_BIT) || a->asid == b->asid;
}

unsigned tlbm_count(const tlbm_t *t)
{
    unsigned c = 0;
    for (unsigned i = 0; i < t->n; i++)
        c += t->e[i].valid;
    return c;
}

void tlbm_print(const tlbm_t *t, const char *indent)
{
    fprintf(stderr, "%s%s (%u entries, pseudo-LRU bits 0x%x, victim %u):\n", indent, t->name,
            t->n, t->plru, tlbm_victim(t));
    for (unsigned i = 0; i < t->n; i++) {
        const tlbm_entry_t *e = &t->e[i];
        if (!e->valid)
            continue;
        fprintf(stderr, "%s  [%2u] va 0x%08x%s asid %3u ppn 0x%06x flags %c%c%c%c%c%c%c%c"
                " (PTE @0x%09llx = 0x%08x, filled at check %llu)\n",
                indent, i, e->mega ? (e->vpn & ~0x3FFu) << 12 : e->vpn << 12,
                e->mega ? " 4M" : " 4K", e->asid, e->ppn,
                e->flags & 0x80 ? 'D' : '-', e->flags & 0x40 ? 'A' : '-',
                e->flags & 0x20 ? 'G' : '-', e->flags & 0x10 ? 'U' : '-',
                e->flags & 0x08 ? 'X' : '-', e->flags & 0x04 ? 'W' : '-',
                e->flags & 0x02 ? 'R' : '-', e->flags & 0x01 ? 'V' : '-',
                (unsigned long long)e->pte_addr, e->pte, (unsigned long long)e->fill_check);
    }
}
