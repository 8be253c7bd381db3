/* vm-hpm — the MMU performance events (arch.tbl HPM_EVENT_*, docs/csr.md) on
 * mhpmcounter3..10, exact counts for a known sequence: fetch/load/store page faults (AMO
 * faults count as store), SFENCE.VMA executed (in M and S; an illegal one in U does not
 * count); mcountinhibit stops a counter; from S and U the hpmcounterN shadows are
 * readable exactly when mcounteren (and, for U, scounteren) allow, and then read the
 * machine counter's value.
 * vm-hpm-tlb includes this file with VM_HPM_TLB defined (build/vsim only: TLB misses and
 * walks are microarchitectural) and also checks I-TLB misses, D-TLB misses and page
 * walks (one per walk started, faulting walks included; a faulting translation is never
 * cached, so it walks again) and walk cycles (at least one per PTE read, at most three per
 * PTE read plus two per fault). */
#include "vm.h"

#ifdef VM_HPM_TLB
#define TLB_ONLY(...)  __VA_ARGS__
#else
#define TLB_ONLY(...)
#define VM_HPM_NAME "vm-hpm"
#endif

#define W        0x40000000
#define NDATA    5                       /* data pages W + i * 4 KiB */
#define W_CODE   (W + 0x8000)            /* R X -> code */
#define W_INV    (W + 0x9000)            /* V = 0 */
#define W_RO     (W + 0xA000)            /* R only */
#define MEGA     0x40400000              /* megapage */
#define L1_INV   0x40800000              /* level-1 PTE V = 0 */
#define HPMR_3   ((CSR_HPMCOUNTER3 << 20) | (2 << 12) | (10 << 7) | 0x73)   /* csrr a0, hpmcounter3 */
#define HPMR_3H  ((CSR_HPMCOUNTER3H << 20) | (2 << 12) | (10 << 7) | 0x73)
#define HPMR_10  (((CSR_HPMCOUNTER3 + 7) << 20) | (2 << 12) | (10 << 7) | 0x73)
#define SFENCE_VMA 0x12000073

/* counter n (3..10) minus its value saved in the snapshot */
#define DELTA(n, exp)  csrr a0, CSR_MHPMCOUNTER3 + (n) - 3; la a1, snap; lw a1, 4 * ((n) - 3)(a1); \
                       sub a0, a0, a1; CHECK_EQ(a0, exp)

#define EXPECT_ILLEGAL(bits)                                    \
        TRAP_CLEAR;                                             \
8001:   .word bits;                                             \
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8001b);           \
        CHECK_TVAL(bits)

TEST_NAME(VM_HPM_NAME)
TEST_BEGIN
        BASE_MAP(root, 0)
        MAP_PTR(root, W, l0, 0)
        li   s0, 0
1:      la   a0, l0
        li   a1, VPN0(W)
        add  a1, a1, s0
        la   a2, pages
        slli a3, s0, PAGE_SHIFT
        add  a2, a2, a3
        li   a3, F_RW
        call vm_set
        addi s0, s0, 1
        li   a0, NDATA
        bltu s0, a0, 1b
        MAP_4K(l0, W_CODE, code, F_RX)
        MAP_4K(l0, W_RO, pages, F_RO)
        MAP_MEGA(root, MEGA, RAM_BASE + MEGA_SIZE, F_RW)

        /* events */
        csrw mcountinhibit, zero
        .irp n, 3,4,5,6,7,8,9,10
        li   a0, \n - 2                         /* HPM_EVENT_ITLB_MISS .. _SFENCE_VMA */
        csrw CSR_MHPMEVENT3 + \n - 3, a0
        csrw CSR_MHPMCOUNTER3 + \n - 3, zero
        csrw CSR_MHPMCOUNTER3H + \n - 3, zero
        .endr
        csrr a0, mhpmevent3
        CHECK_EQ(a0, HPM_EVENT_ITLB_MISS)
        csrr a0, CSR_MHPMEVENT3 + 7
        CHECK_EQ(a0, HPM_EVENT_SFENCE_VMA)

        /* ---- a known sequence: everything below runs with no data access in S but
         * the ones counted ---- */
        SATP_SET(root, 3)
        call snapshot
        sfence.vma                              /* SFENCE 1 (M) */
        TRAP_CLEAR
        ENTER_S                                 /* I: identity megapage (walk 1) */
        li   s0, W
        lw   a0, 0x000(s0)                      /* D: 4 KiB walks 2..6 */
        lw   a0, 0x100(s0)
        li   s1, W + 0x1000
        lw   a0, 0(s1)
        li   s1, W + 0x2000
        lw   a0, 0(s1)
        li   s1, W + 0x3000
        sw   a0, 0(s1)
        li   s1, W + 0x4000
        lw   a0, 0(s1)
        lw   a0, 0(s0)                          /* all hits now */
        li   s1, W + 0x4008
        lw   a0, 0(s1)
        li   s1, MEGA + 0x2345C                 /* D: megapage walk 7 */
        lw   a0, 0(s1)
        li   s1, MEGA + 0x3FF000
        lw   a0, 0(s1)                          /* hit: same megapage */
        li   s1, W_CODE
        jalr ra, s1                             /* I: 4 KiB walk 8 */
        jalr ra, s1
        li   s1, W_INV
        lw   a0, 0(s1)                          /* D walk 9, LOAD_PF 1 */
        lw   a0, 4(s1)                          /* D walk 10 (faults are not cached), LOAD_PF 2 */
        li   s1, W_RO
        lw   a0, 0(s1)                          /* D walk 11 */
        sw   a0, 0(s1)                          /* hit, STORE_PF 1 */
        amoadd.w a0, a0, (s1)                   /* hit, STORE_PF 2 */
        li   s1, L1_INV + 0x123000
        sw   a0, 0(s1)                          /* D walk 12 (one level), STORE_PF 3 */
        li   s1, W_INV + 0x40
        jalr ra, s1                             /* I walk 13, FETCH_PF 1 */
        li   s1, W
        sfence.vma s1                           /* SFENCE 2 (S) */
        lw   a0, 0(s1)                          /* D walk 14 */
        ENTER_M
        CHECK_COUNT(6)                          /* the six faults (ENTER_M is not recorded) */
        TLB_ONLY(DELTA(3, 3))                   /* I-TLB misses */
        TLB_ONLY(DELTA(4, 11))                  /* D-TLB misses */
        TLB_ONLY(DELTA(5, 14))                  /* page walks */
        DELTA(7, 1)                             /* fetch page faults */
        DELTA(8, 2)                             /* load page faults */
        DELTA(9, 3)                             /* store page faults */
        DELTA(10, 2)                            /* sfence.vma */
#ifdef VM_HPM_TLB
        /* walk cycles: 25 PTE reads (11 walks of two levels, 3 of one); 4 faulting walks */
        csrr a0, CSR_MHPMCOUNTER3 + 3
        la   a1, snap
        lw   a1, 12(a1)
        sub  s2, a0, a1
        li   a0, 25
        sltu a0, s2, a0
        CHECK_EQ(a0, 0)                         /* >= 25 */
        li   a0, 3 * 25 + 2 * 4 + 1
        sltu a0, s2, a0
        CHECK_EQ(a0, 1)                         /* <= 3 * 25 + 2 * 4 */
#endif

        /* ---- mcountinhibit stops counters ---- */
        li   a0, BIT(4) | BIT(8) | BIT(10)      /* D-TLB misses, load PFs, sfence.vma */
        csrw mcountinhibit, a0
        call snapshot
        sfence.vma
        TRAP_CLEAR
        ENTER_S
        li   s1, W + 0x1000
        lw   a0, 0(s1)                          /* a D walk that is not counted */
        li   s1, W_INV
        lw   a0, 0(s1)                          /* a load page fault that is not counted */
        ENTER_M
        CHECK_COUNT(1)
        DELTA(8, 0)
        DELTA(10, 0)
        TLB_ONLY(DELTA(4, 0))
        TLB_ONLY(DELTA(5, 3))                   /* the two D walks and the code's I walk */
        csrw mcountinhibit, zero

        /* ---- an illegal sfence.vma (U) is not counted ---- */
        call snapshot
        BASE_MAP(root, F_U)
        sfence.vma                              /* SFENCE +1 */
        ENTER_U
        EXPECT_ILLEGAL(SFENCE_VMA)
        ENTER_M
        DELTA(10, 1)
        DELTA(7, 0)
        csrw satp, zero

        /* ---- the shadows from S and U ---- */
        csrw mcounteren, zero
        csrw scounteren, zero
        li   a0, 0x12345678
        csrw mhpmcounter3, a0
        li   a0, 0x9ABC
        csrw mhpmcounter3h, a0
        ENTER_S
        EXPECT_ILLEGAL(HPMR_3)
        EXPECT_ILLEGAL(HPMR_3H)
        ENTER_M
        li   a0, BIT(3)
        csrw mcounteren, a0
        ENTER_S
        TRAP_CLEAR
        .word HPMR_3H
        CHECK_NO_TRAP
        CHECK_EQ(a0, 0x9ABC)
        TRAP_CLEAR
        .word HPMR_3
        CHECK_NO_TRAP
        CHECK_EQ(a0, 0x12345678)                /* translation is off: no I-TLB miss */
        EXPECT_ILLEGAL(HPMR_10)
        ENTER_M
        ENTER_U                                 /* scounteren = 0 */
        EXPECT_ILLEGAL(HPMR_3)
        ENTER_M
        li   a0, BIT(3) | BIT(10)
        csrw scounteren, a0
        ENTER_U                                 /* hpm3: both allow; hpm10: only scounteren */
        TRAP_CLEAR
        .word HPMR_3H
        CHECK_NO_TRAP
        CHECK_EQ(a0, 0x9ABC)
        EXPECT_ILLEGAL(HPMR_10)
        ENTER_M
        csrw mcounteren, zero
        csrw scounteren, zero
        TEST_PASS

/* snap[i] = mhpmcounter(3 + i), low halves */
snapshot:
        la   a1, snap
        .irp n, 3,4,5,6,7,8,9,10
        csrr a0, CSR_MHPMCOUNTER3 + \n - 3
        sw   a0, 4 * (\n - 3)(a1)
        .endr
        ret

        VM_LIB

        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
code:   ret
        .balign PAGE_SIZE

        .pushsection .bss
        .balign 4
snap:   .space 32
        .popsection
        VM_PAGE(root)
        VM_PAGE(l0)
        .pushsection .bss
        .balign PAGE_SIZE
pages:  .space NDATA * PAGE_SIZE
        .popsection
