/* vm-sfence — the four SFENCE.VMA forms (priv spec 1.12, 4.2.1), from S-mode, with two
 * address spaces (ASIDs 1 and 2; the program's identity mappings are global):
 *   rs1 = x0,   rs2 = x0    everything
 *   rs1 = va,   rs2 = x0    that address in every ASID (global entries too; an address
 *                           inside a megapage flushes the megapage; a code page)
 *   rs1 = x0,   rs2 = asid  the non-global entries of that ASID (also another ASID than
 *                           satp's)
 *   rs1 = va,   rs2 = asid  that address in that ASID only
 * Before each form every mapping is used in both spaces (so a TLB holds it), then some
 * PTEs are edited: only entries the form covers are edited, and after the fence the NEW
 * mapping must be used. Mappings the form does not cover are unchanged, so what they
 * return is defined; only vm-sfence-tlb (VM_SFENCE_TLB, build/vsim only) checks with the
 * D-TLB miss counter that they stayed cached: no miss for them, one per covered entry. */
#include "vm.h"

#define ASID_A   1
#define ASID_B   2
#define P        0x40000000              /* A: pool 0, B: pool 3 */
#define Q        0x40001000              /* A: pool 1, B: pool 4 */
#define C        0x40002000              /* A: code_1 */
#define G        0x40400000              /* global (shared level-0 table): pool 2 */
#define M        0x40800000              /* megapage, A: PA_MA, B: PA_MB */
#define MOFF     0x123450                /* the word looked at in a megapage */
#define PA_MA    (RAM_BASE + 1 * MEGA_SIZE)
#define PA_MB    (RAM_BASE + 2 * MEGA_SIZE)
#define PA_MC    (RAM_BASE + 3 * MEGA_SIZE)
#define TAG(i)   (0x7A900000 | (i))      /* word 0 of pool page i */
#define MTAG(x)  (0x3E6A0000 | (x))      /* word MOFF of megapage x (0xA, 0xB, 0xC) */
#define NPOOL    13

/* satp values: gp = space A, tp = space B */
#define TO_A     csrw satp, gp
#define TO_B     csrw satp, tp
/* reg = the word at va */
#define LD(reg, va)   li t0, va; lw reg, 0(t0)
/* (S-mode) map page va of level-0 table tbl to pool page i */
#define SETP(tbl, va, i, flags) \
        la a0, tbl; li a1, VPN0(va); la a2, pool; li a3, (i) * PAGE_SIZE; add a2, a2, a3; \
        li a3, flags; call vm_set

#ifdef VM_SFENCE_TLB
#define SNAP(reg)     csrr reg, hpmcounter3
#define MISSES(from, to, n)   sub t0, to, from; CHECK_EQ(t0, n)
#else
#define SNAP(reg)
#define MISSES(from, to, n)
#define VM_SFENCE_NAME "vm-sfence"
#endif

TEST_NAME(VM_SFENCE_NAME)
TEST_BEGIN
        /* pool page i: TAG(i) in word 0; megapages: their tag at MOFF */
        la   a0, pool
        li   a1, 0
1:      li   a2, TAG(0)
        or   a2, a2, a1
        sw   a2, 0(a0)
        li   a2, PAGE_SIZE
        add  a0, a0, a2
        addi a1, a1, 1
        li   a2, NPOOL
        bltu a1, a2, 1b
        li   a0, PA_MA + MOFF
        li   a1, MTAG(0xA)
        sw   a1, 0(a0)
        li   a0, PA_MB + MOFF
        li   a1, MTAG(0xB)
        sw   a1, 0(a0)
        li   a0, PA_MC + MOFF
        li   a1, MTAG(0xC)
        sw   a1, 0(a0)
#ifdef VM_SFENCE_TLB
        csrw mcountinhibit, zero
        li   a0, HPM_EVENT_DTLB_MISS
        csrw mhpmevent3, a0
        li   a0, HPM_EVENT_ITLB_MISS
        csrw mhpmevent4, a0
        li   a0, BIT(3) | BIT(4)
        csrw mcounteren, a0
#endif

        BASE_MAP(root_a, F_G)
        MAP_PTR(root_a, P, l0_a, 0)
        SETP(l0_a, P, 0, F_RW)
        SETP(l0_a, Q, 1, F_RW)
        MAP_4K(l0_a, C, code_1, F_RX)
        MAP_PTR(root_a, G, l0_g, 0)
        SETP(l0_g, G, 2, F_RW | F_G)
        MAP_MEGA(root_a, M, PA_MA, F_RW)
        BASE_MAP(root_b, F_G)
        MAP_PTR(root_b, P, l0_b, 0)
        SETP(l0_b, P, 3, F_RW)
        SETP(l0_b, Q, 4, F_RW)
        MAP_PTR(root_b, G, l0_g, 0)
        MAP_MEGA(root_b, M, PA_MB, F_RW)
        la   a0, root_a
        li   a1, ASID_A
        call vm_satp
        csrr gp, satp
        la   a0, root_b
        li   a1, ASID_B
        call vm_satp
        csrr tp, satp
        TO_A
        sfence.vma
        ENTER_S

        /* ---- rs1 = x0, rs2 = x0: everything ---- */
        call warm
        SETP(l0_a, P, 5, F_RW)
        SETP(l0_b, Q, 6, F_RW)
        SNAP(s8)
        sfence.vma
        LD(s1, P)
        LD(s2, Q)
        LD(s3, G)
        LD(s4, M + MOFF)
        TO_B
        LD(s5, P)
        LD(s6, Q)
        LD(s7, M + MOFF)
        TO_A
        SNAP(s9)
        MISSES(s8, s9, 7)                       /* G: filled once, global */
        CHECK_EQ(s1, TAG(5))
        CHECK_EQ(s2, TAG(1))
        CHECK_EQ(s3, TAG(2))
        CHECK_EQ(s4, MTAG(0xA))
        CHECK_EQ(s5, TAG(3))
        CHECK_EQ(s6, TAG(6))
        CHECK_EQ(s7, MTAG(0xB))

        /* ---- rs1 = P, rs2 = x0: P in both spaces ---- */
        call warm
        SETP(l0_a, P, 0, F_RW)
        SETP(l0_b, P, 7, F_RW)
        li   a0, P + 0x7FC                      /* any address in the page */
        SNAP(s8)
        sfence.vma a0
        LD(s2, Q)
        LD(s3, G)
        LD(s4, M + MOFF)
        TO_B
        LD(s6, Q)
        LD(s7, M + MOFF)
        SNAP(s9)
        LD(s5, P)
        TO_A
        LD(s1, P)
        SNAP(s10)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 2)
        CHECK_EQ(s1, TAG(0))
        CHECK_EQ(s2, TAG(1))
        CHECK_EQ(s3, TAG(2))
        CHECK_EQ(s4, MTAG(0xA))
        CHECK_EQ(s5, TAG(7))
        CHECK_EQ(s6, TAG(6))
        CHECK_EQ(s7, MTAG(0xB))

        /* ---- rs1 = inside the megapage M, rs2 = x0: M in both spaces ---- */
        call warm
        MAP_MEGA(root_a, M, PA_MC, F_RW)
        li   a0, M + 0x2ABCD0
        SNAP(s8)
        sfence.vma a0
        LD(s1, P)
        LD(s2, Q)
        LD(s3, G)
        TO_B
        LD(s5, P)
        LD(s6, Q)
        SNAP(s9)
        LD(s7, M + MOFF)
        TO_A
        LD(s4, M + MOFF)
        SNAP(s10)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 2)
        CHECK_EQ(s1, TAG(0))
        CHECK_EQ(s2, TAG(1))
        CHECK_EQ(s3, TAG(2))
        CHECK_EQ(s4, MTAG(0xC))
        CHECK_EQ(s5, TAG(7))
        CHECK_EQ(s6, TAG(6))
        CHECK_EQ(s7, MTAG(0xB))

        /* ---- rs1 = G, rs2 = x0: a global entry ---- */
        call warm
        SETP(l0_g, G, 8, F_RW | F_G)
        li   a0, G
        SNAP(s8)
        sfence.vma a0
        LD(s1, P)
        LD(s2, Q)
        LD(s4, M + MOFF)
        TO_B
        LD(s5, P)
        LD(s6, Q)
        LD(s7, M + MOFF)
        SNAP(s9)
        LD(s3, G)
        TO_A
        LD(a4, G)
        SNAP(s10)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 1)                      /* refilled in B, global: hits in A */
        CHECK_EQ(s1, TAG(0))
        CHECK_EQ(s2, TAG(1))
        CHECK_EQ(s3, TAG(8))
        CHECK_EQ(a4, TAG(8))
        CHECK_EQ(s4, MTAG(0xC))
        CHECK_EQ(s5, TAG(7))
        CHECK_EQ(s6, TAG(6))
        CHECK_EQ(s7, MTAG(0xB))

        /* ---- rs1 = C, rs2 = x0: a code page ---- */
        li   a1, C
        jalr ra, a1
        CHECK_EQ(a2, 1)
        MAP_4K(l0_a, C, code_2, F_RX)
        li   a0, C
        sfence.vma a0
        li   a1, C
        jalr ra, a1
        CHECK_EQ(a2, 2)

        /* ---- rs1 = x0, rs2 = ASID_A (the current one): A's non-global entries ---- */
        call warm
        SETP(l0_a, Q, 9, F_RW)
        li   a1, ASID_A
        SNAP(s8)
        sfence.vma zero, a1
        LD(s3, G)
        TO_B
        LD(s5, P)
        LD(s6, Q)
        LD(s7, M + MOFF)
        TO_A
        SNAP(s9)
        LD(s1, P)
        LD(s2, Q)
        LD(s4, M + MOFF)
        SNAP(s10)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 3)
        CHECK_EQ(s1, TAG(0))
        CHECK_EQ(s2, TAG(9))
        CHECK_EQ(s3, TAG(8))
        CHECK_EQ(s4, MTAG(0xC))
        CHECK_EQ(s5, TAG(7))
        CHECK_EQ(s6, TAG(6))
        CHECK_EQ(s7, MTAG(0xB))

        /* ---- rs1 = x0, rs2 = ASID_B while satp holds A: B's non-global entries ---- */
        call warm
        SETP(l0_b, Q, 10, F_RW)
        li   a1, ASID_B
        SNAP(s8)
        sfence.vma zero, a1
        LD(s1, P)
        LD(s2, Q)
        LD(s3, G)
        LD(s4, M + MOFF)
        SNAP(s9)
        TO_B
        LD(s5, P)
        LD(s6, Q)
        LD(s7, M + MOFF)
        TO_A
        SNAP(s10)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 3)
        CHECK_EQ(s1, TAG(0))
        CHECK_EQ(s2, TAG(9))
        CHECK_EQ(s3, TAG(8))
        CHECK_EQ(s4, MTAG(0xC))
        CHECK_EQ(s5, TAG(7))
        CHECK_EQ(s6, TAG(10))
        CHECK_EQ(s7, MTAG(0xB))

        /* ---- rs1 = P, rs2 = ASID_A: P in A only ---- */
        call warm
        SETP(l0_a, P, 11, F_RW)
        li   a0, P + 0x40
        li   a1, ASID_A
        SNAP(s8)
        sfence.vma a0, a1
        LD(s2, Q)
        LD(s3, G)
        LD(s4, M + MOFF)
        TO_B
        LD(s5, P)
        LD(s6, Q)
        LD(s7, M + MOFF)
        TO_A
        SNAP(s9)
        LD(s1, P)
        SNAP(s10)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 1)
        CHECK_EQ(s1, TAG(11))
        CHECK_EQ(s2, TAG(9))
        CHECK_EQ(s3, TAG(8))
        CHECK_EQ(s4, MTAG(0xC))
        CHECK_EQ(s5, TAG(7))
        CHECK_EQ(s6, TAG(10))
        CHECK_EQ(s7, MTAG(0xB))

        /* ---- rs1 = P, rs2 = ASID_B while satp holds A: P in B only ---- */
        call warm
        SETP(l0_b, P, 12, F_RW)
        li   a0, P
        li   a1, ASID_B
        SNAP(s8)
        sfence.vma a0, a1
        LD(s1, P)
        LD(s2, Q)
        LD(s3, G)
        LD(s4, M + MOFF)
        TO_B
        LD(s6, Q)
        LD(s7, M + MOFF)
        SNAP(s9)
        LD(s5, P)
        TO_A
        SNAP(s10)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 1)
        CHECK_EQ(s1, TAG(11))
        CHECK_EQ(s2, TAG(9))
        CHECK_EQ(s3, TAG(8))
        CHECK_EQ(s4, MTAG(0xC))
        CHECK_EQ(s5, TAG(12))
        CHECK_EQ(s6, TAG(10))
        CHECK_EQ(s7, MTAG(0xB))

#ifdef VM_SFENCE_TLB
        /* ---- rs1 = G, rs2 = ASID_A: the ASID forms never flush a global entry ---- */
        call warm
        li   a0, G
        li   a1, ASID_A
        SNAP(s8)
        sfence.vma a0, a1
        LD(s3, G)
        li   a1, ASID_B
        sfence.vma zero, a1
        LD(s3, G)
        SNAP(s9)
        MISSES(s8, s9, 0)
        CHECK_EQ(s3, TAG(8))
        /* ---- instruction side: the code page C (A, non-global) stays cached through
         * fences that do not cover it, and a covering one flushes it ---- */
        li   a1, C
        jalr ra, a1                             /* C in the I-TLB */
        csrr s8, hpmcounter4
        li   a0, P
        sfence.vma a0
        li   a0, C
        li   a1, ASID_B
        sfence.vma a0, a1
        sfence.vma zero, a1
        li   a1, C
        jalr ra, a1
        csrr s9, hpmcounter4
        li   a1, ASID_A
        sfence.vma zero, a1
        li   a1, C
        jalr ra, a1
        csrr s10, hpmcounter4
        CHECK_EQ(a2, 2)
        MISSES(s8, s9, 0)
        MISSES(s9, s10, 1)
#endif
        ENTER_M
        csrw satp, zero
        TEST_PASS

/* Use every mapping in both spaces (B first), so that the TLB holds them; ends in A. */
warm:
        TO_B
        LD(a2, P)
        LD(a2, Q)
        LD(a2, G)
        LD(a2, M + MOFF)
        TO_A
        LD(a2, P)
        LD(a2, Q)
        LD(a2, G)
        LD(a2, M + MOFF)
        ret

        VM_LIB

        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
code_1: li   a2, 1
        ret
        .balign PAGE_SIZE
code_2: li   a2, 2
        ret
        .balign PAGE_SIZE

        VM_PAGE(root_a)
        VM_PAGE(root_b)
        VM_PAGE(l0_a)
        VM_PAGE(l0_b)
        VM_PAGE(l0_g)
        .pushsection .bss
        .balign PAGE_SIZE
pool:   .space NPOOL * PAGE_SIZE
        .popsection
