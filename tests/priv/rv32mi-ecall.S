/* rv32mi-ecall — ECALL from M, S and U (causes 11, 9, 8; tval 0; epc = the ECALL),
 * EBREAK from each mode (cause 3, epc = the EBREAK), and the mstatus update on trap
 * entry: MPIE = MIE, MIE = 0, MPP = the previous privilege (priv spec 3.1.6.1, 3.3.1).
 * EBREAK's tval (0 or the pc, the spec allows both) is checked in rv32mi-tval. */
#include "test.h"

TEST_NAME("rv32mi-ecall")
TEST_BEGIN
        /* ---- M ---- */
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)
        CHECK_TVAL(0)
        CHECK_PREV(PRV_M)
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        CHECK_PREV(PRV_M)

        /* MIE = 1 before the trap: the handler sees MIE = 0, MPIE = 1; mret restores */
        csrsi mstatus, BIT(MSTATUS_MIE)
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)
        TRAP_FIELD(TRAP_STATUS)
        andi t5, t5, BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE)
        CHECK_EQ(t5, BIT(MSTATUS_MPIE))
        csrr a0, mstatus
        andi a0, a0, BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE)
        CHECK_EQ(a0, BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE))
        /* MIE = 0 before: MPIE = 0 in the handler; after mret MIE = 0, MPIE = 1 */
        csrci mstatus, BIT(MSTATUS_MIE)
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)
        TRAP_FIELD(TRAP_STATUS)
        andi t5, t5, BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE)
        CHECK_EQ(t5, 0)
        csrr a0, mstatus
        andi a0, a0, BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE)
        CHECK_EQ(a0, BIT(MSTATUS_MPIE))
        /* registers survive an ecall (nothing is written by the instruction) */
        li   a0, 0x1234
        li   a7, 0x5678
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)
        CHECK_EQ(a0, 0x1234)
        CHECK_EQ(a7, 0x5678)

        /* ---- S ---- */
        ENTER_S
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_SUPERVISOR_ECALL, 1b)
        CHECK_TVAL(0)
        CHECK_PREV(PRV_S)
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        CHECK_PREV(PRV_S)
        ENTER_M

        /* ---- U ---- */
        ENTER_U
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_USER_ECALL, 1b)
        CHECK_TVAL(0)
        CHECK_PREV(PRV_U)
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        CHECK_PREV(PRV_U)
        /* the handler returned to U: an M CSR still traps */
        TRAP_CLEAR
1:      csrr a0, mstatus
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_PREV(PRV_U)
        ENTER_M
        /* back in M: no trap */
        TRAP_CLEAR
        csrr a0, mstatus
        CHECK_NO_TRAP
        TEST_PASS
