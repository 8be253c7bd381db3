/* rv32mi-tvm-tsr — the trap-virtualisation bits of mstatus (priv spec 3.1.6.5):
 * TVM = 1 makes satp accesses and SFENCE.VMA illegal in S (not in M); TSR = 1 makes
 * SRET illegal in S (not in M); TW = 1 makes WFI illegal in S (rv32mi-wfi has more).
 * SFENCE.VMA is illegal in U whatever the bits. tval = the instruction bits. */
#include "test.h"

#define CSRR_SATP_A0   ((CSR_SATP << 20) | (2 << 12) | (10 << 7) | 0x73)
#define CSRW_SATP_X0   ((CSR_SATP << 20) | (0 << 15) | (1 << 12) | 0x73)
#define SFENCE_VMA     0x12000073
#define SFENCE_VMA_A0  (0x12000073 | (10 << 15))
#define SRET_BITS      0x10200073
#define WFI_BITS       0x10500073

#define EXPECT_ILLEGAL(bits)                                    \
        TRAP_CLEAR;                                             \
8001:   .word bits;                                             \
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8001b);           \
        CHECK_TVAL(bits)
#define EXPECT_LEGAL(bits)                                      \
        TRAP_CLEAR;                                             \
        .word bits;                                             \
        CHECK_NO_TRAP

TEST_NAME("rv32mi-tvm-tsr")
TEST_BEGIN
        csrw satp, zero
        li   a0, 0

        /* ---- TVM = 0: S may use satp and SFENCE.VMA ---- */
        ENTER_S
        EXPECT_LEGAL(CSRR_SATP_A0)
        EXPECT_LEGAL(CSRW_SATP_X0)
        EXPECT_LEGAL(SFENCE_VMA)
        EXPECT_LEGAL(SFENCE_VMA_A0)
        ENTER_M
        /* ---- TVM = 1 ---- */
        li   t0, BIT(MSTATUS_TVM)
        csrs mstatus, t0
        ENTER_S
        EXPECT_ILLEGAL(CSRR_SATP_A0)
        EXPECT_ILLEGAL(CSRW_SATP_X0)
        EXPECT_ILLEGAL(SFENCE_VMA)
        EXPECT_ILLEGAL(SFENCE_VMA_A0)
        CHECK_PREV(PRV_S)
        EXPECT_LEGAL(0x14002573)            /* csrr a0, sscratch: other S CSRs fine */
        ENTER_M
        EXPECT_LEGAL(CSRR_SATP_A0)          /* M is not affected */
        EXPECT_LEGAL(CSRW_SATP_X0)
        EXPECT_LEGAL(SFENCE_VMA)
        li   t0, BIT(MSTATUS_TVM)
        csrc mstatus, t0

        /* ---- U: SFENCE.VMA and satp are illegal anyway ---- */
        ENTER_U
        EXPECT_ILLEGAL(SFENCE_VMA)
        EXPECT_ILLEGAL(CSRR_SATP_A0)
        CHECK_PREV(PRV_U)
        ENTER_M

        /* ---- TSR = 1: SRET illegal in S, legal in M ---- */
        li   t0, BIT(MSTATUS_TSR)
        csrs mstatus, t0
        ENTER_S
        la   t0, 1f
        csrw sepc, t0
        EXPECT_ILLEGAL(SRET_BITS)
        CHECK_PREV(PRV_S)
        ENTER_M
        li   t0, BIT(MSTATUS_SPP)           /* SRET in M to S */
        csrs mstatus, t0
        la   t0, 1f
        csrw sepc, t0
        TRAP_CLEAR
        sret
1:      CHECK_NO_TRAP
        TRAP_CLEAR
2:      ecall                               /* we are in S */
        CHECK_TRAP(PRV_M, CAUSE_SUPERVISOR_ECALL, 2b)
        ENTER_M
        li   t0, BIT(MSTATUS_TSR)
        csrc mstatus, t0

        /* ---- TW = 1: WFI illegal in S ---- */
        li   t0, BIT(MSTATUS_TW)
        csrs mstatus, t0
        ENTER_S
        EXPECT_ILLEGAL(WFI_BITS)
        ENTER_M
        li   t0, BIT(MSTATUS_TW)
        csrc mstatus, t0
        TEST_PASS
