/* vm-asid — address-space identifiers (priv spec 1.12, 4.1.11, 4.2.1): two page tables
 * with ASIDs 0x5 and 0x1A5 (all 9 bits used) map the same virtual pages differently
 * (data: another page, read-only; code: another routine; one page only in the first);
 * S-mode switches satp back and forth without any sfence.vma and each space must see
 * only its own mappings, for loads, stores and fetches. Global pages (G on the leaf, and
 * G inherited from a level-1 pointer) mapped identically in both work in both.
 * vm-asid-tlb includes this file with VM_ASID_TLB defined and also counts, with the
 * mhpm counters (D-TLB misses, I-TLB misses, page walks), that once both spaces were
 * used no walk at all happens while switching: the TLBs keep both spaces (and a global
 * entry filled in one space hits in the other). */
#include "vm.h"

#define ASID_A   0x005
#define ASID_B   0x1A5
#define W        0x40000000
#define X_DATA   (W + 0x0000)            /* A: pg_a R W;  B: pg_b R */
#define X_CODE   (W + 0x1000)            /* A: code_a;    B: code_b */
#define X_ONLYA  (W + 0x2000)            /* A: pg_a R;    B: invalid */
#define G_LEAF   (W + 0x3000)            /* both: pg_g, G on the leaf */
#define G_PTR    0x40400000              /* both: G pointer to l0_g; leaf -> pg_g */
#define A_WORD   0xA0A0A0A0
#define B_WORD   0xB0B0B0B0
#define G_WORD   0x60606060
#define CODE_A   0x0000C0DA
#define CODE_B   0x0000C0DB
#define ROUNDS   4

#ifdef VM_ASID_TLB
/* Counters: hpm3 = D-TLB misses, hpm4 = I-TLB misses, hpm5 = page walks, read from S
 * (mcounteren). SNAP copies them to s8-s10; NO_WALKS checks that none moved. */
#define SNAP        csrr s8, hpmcounter3; csrr s9, hpmcounter4; csrr s10, hpmcounter5
#define NO_WALKS                                                        \
        csrr t0, hpmcounter3; sub t0, t0, s8; CHECK_EQ(t0, 0);          \
        csrr t0, hpmcounter4; sub t0, t0, s9; CHECK_EQ(t0, 0);          \
        csrr t0, hpmcounter5; sub t0, t0, s10; CHECK_EQ(t0, 0)
#else
#define SNAP
#define NO_WALKS
#define VM_ASID_NAME "vm-asid"
#endif

TEST_NAME(VM_ASID_NAME)
TEST_BEGIN
        la   a0, pg_a
        li   a1, A_WORD
        sw   a1, 0(a0)
        la   a0, pg_b
        li   a1, B_WORD
        sw   a1, 0(a0)
        la   a0, pg_g
        li   a1, G_WORD
        sw   a1, 0(a0)
#ifdef VM_ASID_TLB
        csrw mcountinhibit, zero
        li   a0, HPM_EVENT_DTLB_MISS
        csrw mhpmevent3, a0
        li   a0, HPM_EVENT_ITLB_MISS
        csrw mhpmevent4, a0
        li   a0, HPM_EVENT_PAGE_WALK
        csrw mhpmevent5, a0
        li   a0, BIT(3) | BIT(4) | BIT(5)
        csrw mcounteren, a0
#endif

        /* space A */
        BASE_MAP(root_a, 0)
        MAP_PTR(root_a, W, l0_a, 0)
        MAP_4K(l0_a, X_DATA, pg_a, F_RW)
        MAP_4K(l0_a, X_CODE, code_a, F_RX)
        MAP_4K(l0_a, X_ONLYA, pg_a, F_RO)
        MAP_4K(l0_a, G_LEAF, pg_g, F_RW | F_G)
        MAP_PTR(root_a, G_PTR, l0_g, F_G)
        /* space B */
        BASE_MAP(root_b, 0)
        MAP_PTR(root_b, W, l0_b, 0)
        MAP_4K(l0_b, X_DATA, pg_b, F_RO)
        MAP_4K(l0_b, X_CODE, code_b, F_RX)
        MAP_4K(l0_b, G_LEAF, pg_g, F_RW | F_G)
        MAP_PTR(root_b, G_PTR, l0_g, F_G)
        /* the shared level-0 table behind the global pointer */
        MAP_4K(l0_g, G_PTR + 0x5000, pg_g, F_RW)
        /* satp values, for S-mode to switch with */
        la   s6, root_a
        srli s6, s6, PAGE_SHIFT
        li   a0, SATP_SV32 | (ASID_A << SATP_ASID_LO)
        or   s6, s6, a0
        la   s7, root_b
        srli s7, s7, PAGE_SHIFT
        li   a0, SATP_SV32 | (ASID_B << SATP_ASID_LO)
        or   s7, s7, a0
        csrw satp, s6
        sfence.vma                              /* the only one */

        ENTER_S
        /* ---- first use of each space, with every outcome checked ---- */
        csrr a0, satp
        CHECK_EQR(a0, s6)
        EXPECT_LOAD(X_DATA, A_WORD, lw a2, 0(a1))
        EXPECT_FETCH_OK(X_CODE)
        CHECK_EQ(a2, CODE_A)
        EXPECT_LOAD(X_ONLYA, A_WORD, lw a2, 0(a1))
        EXPECT_LOAD(G_LEAF, G_WORD, lw a2, 0(a1))
        csrw satp, s7
        csrr a0, satp
        CHECK_EQR(a0, s7)
        EXPECT_LOAD(X_DATA, B_WORD, lw a2, 0(a1))
        EXPECT_FETCH_OK(X_CODE)
        CHECK_EQ(a2, CODE_B)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, X_DATA + 4, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, X_ONLYA, lw a2, 0(a1))
        EXPECT_LOAD(G_PTR + 0x5000, G_WORD, lw a2, 0(a1))
        csrw satp, s6
        EXPECT_LOAD(G_PTR + 0x5000, G_WORD, lw a2, 0(a1))
        EXPECT_OK(sw a3, 4(a1))                 /* pg_g + 4 */
        li   a1, X_DATA + 8
        li   a3, 0x5A5A0008
        sw   a3, 0(a1)                          /* pg_a + 8 */
        csrw satp, s7
        EXPECT_LOAD(G_LEAF + 4, VM_STORE_DATA, lw a2, 0(a1))
        EXPECT_LOAD(X_DATA + 8, 0, lw a2, 0(a1))     /* pg_b + 8: not written */
        csrw satp, s6
        EXPECT_LOAD(X_DATA + 8, 0x5A5A0008, lw a2, 0(a1))

        /* ---- switch back and forth: only registers in between ---- */
        li   s0, ROUNDS
        li   s1, 0                              /* sum of the loaded words */
        li   s2, 0                              /* sum of the routines' results */
        li   s3, X_DATA
        li   s4, X_CODE
        li   s5, G_PTR + 0x5000
        SNAP
1:      csrw satp, s7
        lw   a0, 0(s3)
        add  s1, s1, a0
        jalr ra, s4
        add  s2, s2, a2
        lw   a0, 0(s5)
        add  s1, s1, a0
        csrw satp, s6
        lw   a0, 0(s3)
        add  s1, s1, a0
        jalr ra, s4
        add  s2, s2, a2
        lw   a0, 0(s5)
        add  s1, s1, a0
        addi s0, s0, -1
        bnez s0, 1b
        NO_WALKS
        CHECK_EQ(s1, (ROUNDS * (A_WORD + B_WORD + 2 * G_WORD)) & 0xFFFFFFFF)
        CHECK_EQ(s2, ROUNDS * (CODE_A + CODE_B))
        ENTER_M
        csrw satp, zero
        TEST_PASS

        VM_LIB

        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
code_a: li   a2, CODE_A
        ret
        .balign PAGE_SIZE
code_b: li   a2, CODE_B
        ret
        .balign PAGE_SIZE

        VM_PAGE(root_a)
        VM_PAGE(root_b)
        VM_PAGE(l0_a)
        VM_PAGE(l0_b)
        VM_PAGE(l0_g)
        VM_PAGE(pg_a)
        VM_PAGE(pg_b)
        VM_PAGE(pg_g)
