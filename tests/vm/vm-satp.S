/* vm-satp — satp writes and the privilege rules around translation control (priv spec
 * 1.12, 4.1.11, 3.1.6.5, 4.2.1), with Sv32 on:
 *   * satp keeps MODE, all 9 ASID bits and the 22 PPN bits (docs/csr.md);
 *   * a satp write from S takes effect for the very next instruction fetch: the code page
 *     that executes the write is mapped differently in the new address space (a fresh
 *     ASID) and the instruction after the write comes from the new mapping; a write
 *     back to Bare works the same way from S (the next fetch is untranslated);
 *   * mstatus.TVM = 1: satp reads and writes and SFENCE.VMA in S are illegal (tval =
 *     the instruction bits) and leave satp and the translation alone; M is not
 *     affected; U can never execute SFENCE.VMA or reach satp. */
#include "vm.h"

#define T        0x40000000              /* A: code_a, B: code_b */
#define ASID_A   0x0F0
#define ASID_B   0x10F
#define CSRR_SATP_A0  ((CSR_SATP << 20) | (2 << 12) | (10 << 7) | 0x73)
#define CSRW_SATP_A0  ((CSR_SATP << 20) | (10 << 15) | (1 << 12) | 0x73)
#define SFENCE_VMA    0x12000073
#define SFENCE_VMA_A0_A1  (0x12000073 | (10 << 15) | (11 << 20))

#define EXPECT_ILLEGAL(prv, bits)                               \
        TRAP_CLEAR;                                             \
8001:   .word bits;                                             \
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8001b);           \
        CHECK_TVAL(bits);                                       \
        CHECK_PREV(prv)

TEST_NAME("vm-satp")
TEST_BEGIN
        /* ---- WARL: everything is kept (M-mode: no translation either way) ---- */
        li   a0, -1
        csrw satp, a0
        csrr a1, satp
        CHECK_EQ(a1, 0xFFFFFFFF)
        li   a0, SATP_SV32 | (0x155 << SATP_ASID_LO) | 0x2AAAAA
        csrw satp, a0
        csrr a1, satp
        CHECK_EQR(a1, a0)
        csrw satp, zero
        csrr a1, satp
        CHECK_EQ(a1, 0)

        BASE_MAP(root_a, F_G)
        MAP_PTR(root_a, T, l0_a, 0)
        MAP_4K(l0_a, T, code_a, F_RX)
        BASE_MAP(root_b, F_G)
        MAP_PTR(root_b, T, l0_b, 0)
        MAP_4K(l0_b, T, code_b, F_RX)
        la   a0, root_b
        li   a1, ASID_B
        call vm_satp
        csrr s7, satp
        la   a0, root_a
        li   a1, ASID_A
        call vm_satp
        csrr s6, satp
        sfence.vma

        /* ---- the satp write switches the very next fetch ---- */
        ENTER_S
        csrr a0, satp
        CHECK_EQR(a0, s6)
        mv   a0, s7
        li   a1, T
        li   a2, 0
        jalr ra, a1                             /* code_a: csrw satp, a0; then B's code */
        CHECK_EQ(a2, 0xB)
        csrr a0, satp
        CHECK_EQR(a0, s7)
        mv   a0, s6
        li   a1, T
        jalr ra, a1                             /* code_b: csrw satp, a0; then A's code */
        CHECK_EQ(a2, 0xA)
        csrr a0, satp
        CHECK_EQR(a0, s6)
        /* to Bare from S: identity code, the window is gone */
        csrw satp, zero
        csrr a0, satp
        CHECK_EQ(a0, 0)
        csrw satp, s6
        EXPECT_FETCH_OK(T + 0x10)
        CHECK_EQ(a2, 0xA)
        EXPECT_OK(sfence.vma)
        li   a1, T
        li   a0, ASID_A
        EXPECT_OK(sfence.vma a1, a0)
        ENTER_M

        /* ---- TVM = 1 ---- */
        li   t0, ST_TVM
        csrs mstatus, t0
        ENTER_S
        mv   a0, s7
        li   a1, ASID_A
        EXPECT_ILLEGAL(PRV_S, CSRR_SATP_A0)
        EXPECT_ILLEGAL(PRV_S, CSRW_SATP_A0)
        EXPECT_ILLEGAL(PRV_S, SFENCE_VMA)
        EXPECT_ILLEGAL(PRV_S, SFENCE_VMA_A0_A1)
        /* still space A */
        EXPECT_FETCH_OK(T + 0x10)
        CHECK_EQ(a2, 0xA)
        ENTER_M
        csrr a0, satp                           /* M: allowed, unchanged */
        CHECK_EQR(a0, s6)
        csrw satp, s6
        sfence.vma
        li   t0, ST_TVM
        csrc mstatus, t0

        /* ---- U-mode ---- */
        BASE_MAP(root_a, F_U)
        sfence.vma
        ENTER_U
        EXPECT_ILLEGAL(PRV_U, SFENCE_VMA)
        EXPECT_ILLEGAL(PRV_U, SFENCE_VMA_A0_A1)
        EXPECT_ILLEGAL(PRV_U, CSRR_SATP_A0)
        EXPECT_ILLEGAL(PRV_U, CSRW_SATP_A0)
        ENTER_M
        csrr a0, satp
        CHECK_EQR(a0, s6)
        csrw satp, zero
        TEST_PASS

        VM_LIB

/* The two code pages, both at virtual T: offset 0 switches satp to a0 and the next
 * instruction (offset 4) names its page, so after a timely switch a2 names the OTHER
 * space; offset 0x10 just returns the space's letter. */
        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
code_a: csrw satp, a0
        li   a2, 0xA
        ret
        .balign 16
        li   a2, 0xA
        ret
        .balign PAGE_SIZE
code_b: csrw satp, a0
        li   a2, 0xB
        ret
        .balign 16
        li   a2, 0xB
        ret
        .balign PAGE_SIZE

        VM_PAGE(root_a)
        VM_PAGE(root_b)
        VM_PAGE(l0_a)
        VM_PAGE(l0_b)
