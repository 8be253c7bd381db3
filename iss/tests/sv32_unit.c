/* sv32_unit.c — host unit test of the reference translator (sv32.c) and PMP (pmp.c).
 *
 * Builds page tables in a small fake physical memory (64 KiB at 0x8000_0000) and
 * checks results, causes, levels, PTE reads/updates and PMP verdicts case by case.
 * Prints one line per failure and ends with "sv32-unit: N passed, N failed".
 */
#include <stdio.h>
#include <string.h>

#include "sv32.h"

#define MEM_BASE 0x80000000ull
#define MEM_WORDS (64 * 1024 / 4)
#define FL(n) (1u << PTE_##n)
#define LEAF(pa, fl) ((uint32_t)(((uint64_t)(pa) >> 12) << PTE_PPN_LO) | (fl))
#define ROOT (MEM_BASE + 0x1000)
#define L0 (MEM_BASE + 0x2000)
#define SATP ((1u << SATP_MODE_BIT) | (uint32_t)(ROOT >> 12))

static uint32_t mem[MEM_WORDS];
static unsigned passed, failed;

static bool rd(void *ctx, uint64_t pa, uint32_t *v)
{
    (void)ctx;
    if (pa < MEM_BASE || pa - MEM_BASE >= sizeof mem)
        return false;
    *v = mem[(pa - MEM_BASE) / 4];
    return true;
}

static bool wr(void *ctx, uint64_t pa, uint32_t v)
{
    (void)ctx;
    if (pa < MEM_BASE || pa - MEM_BASE >= sizeof mem)
        return false;
    mem[(pa - MEM_BASE) / 4] = v;
    return true;
}

static const sv32_mem_t view = { rd, wr, NULL };

static void check(const char *what, bool ok)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL %s\n", what);
    }
}

static uint32_t *word(uint64_t pa) { return &mem[(pa - MEM_BASE) / 4]; }

static void setup(void)
{
    memset(mem, 0, sizeof mem);
    /* VA 0x00000000 -> L0; VA 0x00400000 megapage -> 0x80000000 (U R W) */
    *word(ROOT + 0) = LEAF(L0, FL(V));
    *word(ROOT + 4) = LEAF(MEM_BASE, FL(V) | FL(R) | FL(W) | FL(U) | FL(A) | FL(D));
    *word(ROOT + 8) = LEAF(MEM_BASE + 0x1000, FL(V) | FL(R) | FL(U) | FL(A));  /* misaligned */
    *word(L0 + 4 * 3) = LEAF(MEM_BASE + 0x3000, FL(V) | FL(R) | FL(W) | FL(U));  /* A=0 D=0 */
    *word(L0 + 4 * 4) = LEAF(MEM_BASE + 0x4000, FL(V) | FL(X) | FL(U) | FL(A));
    *word(L0 + 4 * 5) = LEAF(0x200000000ull, FL(V) | FL(R) | FL(U) | FL(A));    /* PA >= 2^32 */
    *word(L0 + 4 * 6) = LEAF(MEM_BASE + 0x6000, FL(V) | FL(R) | FL(W) | FL(A) | FL(D));
}

static sv32_cfg_t cfg(unsigned priv, bool adue, const pmp_t *pmp)
{
    return (sv32_cfg_t){ .satp = SATP, .priv = priv, .adue = adue, .pmp = pmp };
}

static void test_translation(void)
{
    sv32_result_t r;
    sv32_cfg_t c;

    setup();
    c = cfg(PRV_M, false, NULL);
    sv32_translate(&c, &view, 0x1234, SV32_LOAD, &r);
    check("M-mode is bare", r.cause < 0 && r.paddr == 0x1234 && r.level == -1 && r.nreads == 0);

    c = cfg(PRV_U, false, NULL);
    sv32_translate(&c, &view, 0x00400123, SV32_STORE, &r);
    check("megapage store", r.cause < 0 && r.paddr == MEM_BASE + 0x123 && r.level == 1 && r.nreads == 1);
    sv32_translate(&c, &view, 0x00812345, SV32_LOAD, &r);
    check("misaligned megapage", r.cause == CAUSE_LOAD_PAGE_FAULT);
    sv32_translate(&c, &view, 0x00004010, SV32_FETCH, &r);
    check("4K fetch X page", r.cause < 0 && r.paddr == MEM_BASE + 0x4010 && r.level == 0 && r.nreads == 2);
    sv32_translate(&c, &view, 0x00004010, SV32_LOAD, &r);
    check("load X-only, MXR=0", r.cause == CAUSE_LOAD_PAGE_FAULT);
    c.mxr = true;
    sv32_translate(&c, &view, 0x00004010, SV32_LOAD, &r);
    check("load X-only, MXR=1", r.cause < 0);
    c = cfg(PRV_U, false, NULL);
    sv32_translate(&c, &view, 0x00005000, SV32_LOAD, &r);
    check("PA >= 2^32 -> access fault", r.cause == CAUSE_LOAD_ACCESS);
    sv32_translate(&c, &view, 0x00006000, SV32_LOAD, &r);
    check("U load of S page", r.cause == CAUSE_LOAD_PAGE_FAULT);
    sv32_translate(&c, &view, 0x00007000, SV32_AMO, &r);
    check("invalid PTE, AMO", r.cause == CAUSE_STORE_PAGE_FAULT);
    c = cfg(PRV_S, false, NULL);
    sv32_translate(&c, &view, 0x00400000, SV32_LOAD, &r);
    check("S load U page, SUM=0", r.cause == CAUSE_LOAD_PAGE_FAULT);
    c.sum = true;
    sv32_translate(&c, &view, 0x00400000, SV32_LOAD, &r);
    check("S load U page, SUM=1", r.cause < 0);
    sv32_translate(&c, &view, 0x00004000, SV32_FETCH, &r);
    check("S fetch U page, SUM=1", r.cause == CAUSE_FETCH_PAGE_FAULT);
    c.satp = SATP & ~(1u << SATP_MODE_BIT);
    sv32_translate(&c, &view, 0x00004000, SV32_FETCH, &r);
    check("satp.MODE=0 is bare", r.cause < 0 && r.paddr == 0x4000);

    /* A/D: Svade faults, Svadu updates (and reports) */
    c = cfg(PRV_U, false, NULL);
    sv32_translate(&c, &view, 0x00003008, SV32_LOAD, &r);
    check("Svade A=0 load", r.cause == CAUSE_LOAD_PAGE_FAULT && !r.pte_written);
    c.adue = true;
    sv32_translate(&c, &view, 0x00003008, SV32_LOAD, &r);
    check("Svadu A=0 load sets A", r.cause < 0 && r.pte_written && r.pte_addr == L0 + 12 &&
          r.pte_new == (r.pte | FL(A)) && *word(L0 + 12) == r.pte_new);
    c.adue = false;
    sv32_translate(&c, &view, 0x00003008, SV32_STORE, &r);
    check("Svade D=0 store", r.cause == CAUSE_STORE_PAGE_FAULT);
    sv32_translate(&c, &view, 0x00003008, SV32_LOAD, &r);
    check("Svade A=1 load", r.cause < 0 && !r.pte_written);
    c.adue = true;
    sv32_translate(&c, &view, 0x00003008, SV32_AMO, &r);
    check("Svadu AMO sets D", r.cause < 0 && r.pte_written && (*word(L0 + 12) & FL(D)));
}

static void test_pmp(void)
{
    pmp_t p;
    sv32_result_t r;
    sv32_cfg_t c;

    memset(&p, 0, sizeof p);
    check("no entry: M ok", pmp_check(&p, MEM_BASE, 4, PRV_M, PMP_PERM_RWX));
    check("no entry: S fails", !pmp_check(&p, MEM_BASE, 4, PRV_S, PMP_PERM_R));
    /* entry 0: TOR [0x80000000, 0x80003000) R only; entry 1: NA4 at 0x80005000 RW;
     * entry 2: NAPOT 0x80000000/64 KiB RWX */
    p.addr[0] = (uint32_t)((MEM_BASE + 0x3000) >> 2);
    p.cfg[0] = (1u << PMPCFG_A_LO) | PMP_PERM_R;
    p.addr[1] = (uint32_t)((MEM_BASE + 0x5000) >> 2);
    p.cfg[1] = (2u << PMPCFG_A_LO) | PMP_PERM_R | PMP_PERM_W;
    p.addr[2] = (uint32_t)(MEM_BASE >> 2) | 0x1FFF;
    p.cfg[2] = (3u << PMPCFG_A_LO) | PMP_PERM_RWX;
    check("TOR lower bound 0", pmp_check(&p, 0x100, 4, PRV_U, PMP_PERM_R));
    check("TOR R-only denies W", !pmp_check(&p, MEM_BASE + 0x2FFC, 4, PRV_U, PMP_PERM_W));
    check("TOR end is exclusive", pmp_check(&p, MEM_BASE + 0x3000, 4, PRV_U, PMP_PERM_W));
    check("NA4 denies X", !pmp_check(&p, MEM_BASE + 0x5000, 4, PRV_U, PMP_PERM_X));
    check("NA4 is 4 bytes", pmp_check(&p, MEM_BASE + 0x5004, 4, PRV_U, PMP_PERM_X));
    check("NAPOT end", !pmp_check(&p, MEM_BASE + 0x10000, 4, PRV_U, PMP_PERM_R));
    check("unlocked entry ignores M", pmp_check(&p, MEM_BASE, 4, PRV_M, PMP_PERM_W));
    check("page perms uniform", pmp_page_perms(&p, MEM_BASE + 0x1000, PRV_U) == (int)PMP_PERM_R);
    check("page perms split (NA4)", pmp_page_perms(&p, MEM_BASE + 0x5000, PRV_U) == -1);
    p.cfg[0] |= 1u << PMPCFG_L;
    check("locked entry binds M", !pmp_check(&p, MEM_BASE, 4, PRV_M, PMP_PERM_W));
    pmp_write_cfg(&p, 0, 0);
    check("locked cfg ignores writes", p.cfg[0] & (1u << PMPCFG_L));
    pmp_write_addr(&p, 0, 0);
    check("locked addr ignores writes", p.addr[0] == (uint32_t)((MEM_BASE + 0x3000) >> 2));

    /* PMP on the walk: the page tables (0x80001000-0x80002fff) are R-only (entry 0),
     * so an A/D update is an access fault; make the root unreadable for another. */
    setup();
    memset(&p, 0, sizeof p);
    p.addr[0] = (uint32_t)((MEM_BASE + 0x3000) >> 2);
    p.cfg[0] = (1u << PMPCFG_A_LO) | PMP_PERM_R;
    p.addr[1] = 0xFFFFFFFFu;
    p.cfg[1] = (3u << PMPCFG_A_LO) | PMP_PERM_RWX;
    c = cfg(PRV_U, true, &p);
    sv32_translate(&c, &view, 0x00003000, SV32_STORE, &r);
    check("Svadu update denied by PMP", r.cause == CAUSE_STORE_ACCESS && !r.pte_written);
    sv32_translate(&c, &view, 0x00004000, SV32_FETCH, &r);
    check("walk through R-only tables", r.cause < 0);
    p.cfg[0] = (1u << PMPCFG_A_LO);
    sv32_translate(&c, &view, 0x00004000, SV32_FETCH, &r);
    check("PTE read denied by PMP", r.cause == CAUSE_FETCH_ACCESS && r.nreads == 1);
    p.cfg[0] = (1u << PMPCFG_A_LO) | PMP_PERM_R;
    p.cfg[1] = (3u << PMPCFG_A_LO) | PMP_PERM_R;
    sv32_translate(&c, &view, 0x00004000, SV32_FETCH, &r);
    check("final access denied by PMP", r.cause == CAUSE_FETCH_ACCESS && r.nreads == 2);
}

int main(void)
{
    test_translation();
    test_pmp();
    printf("sv32-unit: %u passed, %u failed\n", passed, failed);
    return failed != 0;
}
