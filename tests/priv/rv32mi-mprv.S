/* rv32mi-mprv — MRET and SRET clear mstatus.MPRV when the new privilege is not M
 * (priv spec 1.12, 3.1.6.3; docs/csr.md "Traps"); MRET to M keeps it; traps do not
 * touch it. vsim-only: QEMU 7.2 implements the 1.11 rule (MPRV kept). */
#include "test.h"

/* After reaching the next mode, ENTER_M's trap records mstatus: MPRV must be 0 */
#define CHECK_MPRV_AT_TRAP(exp)                         \
        TRAP_FIELD(TRAP_STATUS);                        \
        srli t5, t5, MSTATUS_MPRV;                      \
        andi t5, t5, 1;                                 \
        CHECK_EQ(t5, exp)

TEST_NAME("rv32mi-mprv")
TEST_BEGIN
        li   s0, BIT(MSTATUS_MPRV)
        /* MRET to S */
        csrs mstatus, s0
        TRAP_CLEAR
        ENTER_S
        ecall
        CHECK_COUNT(1)
        CHECK_MPRV_AT_TRAP(0)
        ENTER_M
        /* MRET to U */
        csrs mstatus, s0
        TRAP_CLEAR
        ENTER_U
        ecall
        CHECK_COUNT(1)
        CHECK_MPRV_AT_TRAP(0)
        ENTER_M
        /* MRET to M keeps it */
        li   t0, MSTATUS_MPP_MASK
        csrs mstatus, t0
        csrs mstatus, s0
        la   t0, 1f
        csrw mepc, t0
        mret
1:      csrr a0, mstatus
        and  a0, a0, s0
        CHECK_EQR(a0, s0)
        /* a trap (ecall in M) keeps it */
        TRAP_CLEAR
        ecall
        CHECK_MPRV_AT_TRAP(1)
        csrr a0, mstatus
        and  a0, a0, s0
        CHECK_EQR(a0, s0)
        /* SRET from M to S (SPP = 1) */
        li   t0, BIT(MSTATUS_SPP)
        csrs mstatus, t0
        la   t0, 1f
        csrw sepc, t0
        sret
1:      TRAP_CLEAR
        ecall
        CHECK_MPRV_AT_TRAP(0)
        ENTER_M
        /* SRET from M to U */
        csrs mstatus, s0
        li   t0, BIT(MSTATUS_SPP)
        csrc mstatus, t0
        la   t0, 1f
        csrw sepc, t0
        sret
1:      TRAP_CLEAR
        ecall
        CHECK_MPRV_AT_TRAP(0)
        ENTER_M
        TEST_PASS
