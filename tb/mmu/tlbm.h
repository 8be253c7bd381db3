/* tlbm.h — exact C mirror of one core_tlb (rtl/core/core_tlb.sv).
 *
 * What the RTL documents and this mirror reproduces:
 *  - fully associative, Entries (power of two) entries of {vpn, asid, mega, ppn, PTE bits
 *    7:0}; an entry matches a lookup (vpn, asid) when VPN[1] is equal, VPN[0] too unless
 *    it is a megapage, and it is global (G) or its ASID is equal;
 *  - fill: the entry that the current lookup hits (lowest index), else the lowest-numbered
 *    invalid entry, else the tree pseudo-LRU victim; the fill touches the pseudo-LRU;
 *  - a used lookup that hits touches the pseudo-LRU at the lowest hitting index;
 *  - tree pseudo-LRU: node n has children 2n+1 and 2n+2, a node bit 1 means "the victim
 *    is on the right"; a touch points every node on the path away from the touched side;
 *  - sfence.vma (priv spec 4.2.1): rs1=rs2=x0 all entries; rs1 only: entries whose page
 *    holds the address, any ASID, global ones too; rs2 only: non-global entries of the
 *    ASID; both: non-global entries of the ASID holding the address.
 * Each entry also keeps bench bookkeeping that the RTL does not have (where its leaf PTE
 * was read and its value), used to make stale PTE edits and to count stale hits.
 */
#ifndef MMU_TLBM_H
#define MMU_TLBM_H

#include <stdbool.h>
#include <stdint.h>

#define TLBM_MAX 16

typedef struct {
    bool valid;
    uint32_t vpn;                 /* va[31:12] of the access that filled it */
    unsigned asid;
    bool mega;
    uint32_t ppn;                 /* leaf PTE PPN (22 bits) */
    uint8_t flags;                /* PTE bits 7:0 as filled (G includes a global pointer) */
    /* bookkeeping */
    uint64_t pte_addr;            /* leaf PTE address */
    uint32_t pte;                 /* leaf PTE value written to the TLB (after A/D update) */
    uint64_t fill_check;          /* check number of the fill */
} tlbm_entry_t;

typedef struct {
    const char *name;             /* "I-TLB" / "D-TLB" */
    unsigned n, idx_bits;
    tlbm_entry_t e[TLBM_MAX];
    uint32_t plru;                /* n-1 node bits */
    uint64_t evictions;           /* fills that replaced a valid entry chosen by pseudo-LRU */
} tlbm_t;

void tlbm_init(tlbm_t *t, unsigned entries, const char *name);
void tlbm_reset(tlbm_t *t);
bool tlbm_match(const tlbm_entry_t *e, uint32_t vpn, unsigned asid);
uint32_t tlbm_lookup(const tlbm_t *t, uint32_t vpn, unsigned asid);   /* hit mask */
int tlbm_lowest(uint32_t mask);                                       /* -1 if 0 */
void tlbm_touch(tlbm_t *t, unsigned idx);
unsigned tlbm_victim(const tlbm_t *t);
/* Index a fill goes to, given the hit mask of the lookup presented in the fill cycle. */
unsigned tlbm_fill_index(const tlbm_t *t, uint32_t hit_mask);
void tlbm_fill(tlbm_t *t, unsigned idx, const tlbm_entry_t *e);       /* writes, touches */
/* sfence.vma: drops entries; returns how many, *kept = valid entries left. */
unsigned tlbm_sfence(tlbm_t *t, bool va_form, bool asid_form, uint32_t vpn, unsigned asid,
                     unsigned *kept);
/* 22-bit PPN of the page holding vpn through entry e. */
uint32_t tlbm_ppn_for(const tlbm_entry_t *e, uint32_t vpn);
/* Could one lookup hit both a and b (overlapping pages, compatible ASIDs)? */
bool tlbm_overlap(const tlbm_entry_t *a, const tlbm_entry_t *b);
unsigned tlbm_count(const tlbm_t *t);
void tlbm_print(const tlbm_t *t, const char *indent);

#endif
