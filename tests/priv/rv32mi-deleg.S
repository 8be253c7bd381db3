/* rv32mi-deleg — exception delegation (priv spec 3.1.8): with the medeleg bit set, an
 * exception in U or S goes to S (scause, sepc, stval; SPP = previous privilege, SPIE =
 * SIE, SIE = 0); with the bit clear it goes to M; exceptions in M always stay in M;
 * ECALL from S is not delegated when medeleg[9] is clear. */
#include "test.h"

#define HOLE 0x00200000
#define CSRR_MSTATUS_A0  ((CSR_MSTATUS << 20) | (2 << 12) | (10 << 7) | 0x73)

#define DELEGATED (BIT(CAUSE_FETCH_ACCESS) | BIT(CAUSE_ILLEGAL_INSN) | BIT(CAUSE_BREAKPOINT) | \
                   BIT(CAUSE_LOAD_ACCESS) | BIT(CAUSE_STORE_ACCESS) | BIT(CAUSE_USER_ECALL))

TEST_NAME("rv32mi-deleg")
TEST_BEGIN
        li   a0, DELEGATED
        csrw medeleg, a0
        li   s1, HOLE

        /* ---- from U: delegated causes reach S ---- */
        ENTER_U
        TRAP_CLEAR
1:      .word CSRR_MSTATUS_A0
        CHECK_TRAP(PRV_S, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_TVAL(CSRR_MSTATUS_A0)
        CHECK_PREV(PRV_U)
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_S, CAUSE_BREAKPOINT, 1b)
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_S, CAUSE_USER_ECALL, 1b)
        CHECK_TVAL(0)
        CHECK_PREV(PRV_U)
        TRAP_CLEAR
1:      lw   a0, 4(s1)
        CHECK_TRAP(PRV_S, CAUSE_LOAD_ACCESS, 1b)
        CHECK_TVAL(HOLE + 4)
        TRAP_CLEAR
1:      sw   a0, 8(s1)
        CHECK_TRAP(PRV_S, CAUSE_STORE_ACCESS, 1b)
        CHECK_TVAL(HOLE + 8)
        TRAP_CLEAR
        jalr ra, 0(s1)
        CHECK_TRAPR(PRV_S, CAUSE_FETCH_ACCESS, s1)
        CHECK_TVAL(HOLE)
        /* not delegated: misaligned fetch goes to M */
        la   a1, 2f
        TRAP_CLEAR
1:      jalr ra, 2(a1)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_PREV(PRV_U)
        ENTER_M                             /* medeleg[8] set: S forwards it */

        /* ---- from S ---- */
        ENTER_S
        TRAP_CLEAR
1:      .word CSRR_MSTATUS_A0
        CHECK_TRAP(PRV_S, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_PREV(PRV_S)
        TRAP_CLEAR
1:      lw   a0, 0(s1)
        CHECK_TRAP(PRV_S, CAUSE_LOAD_ACCESS, 1b)
        CHECK_PREV(PRV_S)
        TRAP_CLEAR
1:      ecall                               /* cause 9 is not delegated */
        CHECK_TRAP(PRV_M, CAUSE_SUPERVISOR_ECALL, 1b)
        CHECK_PREV(PRV_S)
        /* SIE = 1 before the trap: the S handler sees SIE = 0, SPIE = 1; sret
         * restores SIE */
        csrsi sstatus, BIT(MSTATUS_SIE)
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_S, CAUSE_BREAKPOINT, 1b)
        TRAP_FIELD(TRAP_STATUS)
        andi t5, t5, BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE)
        CHECK_EQ(t5, BIT(MSTATUS_SPIE))
        csrr a0, sstatus
        andi a0, a0, BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE)
        CHECK_EQ(a0, BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE))
        csrci sstatus, BIT(MSTATUS_SIE)
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_S, CAUSE_BREAKPOINT, 1b)
        TRAP_FIELD(TRAP_STATUS)
        andi t5, t5, BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE)
        CHECK_EQ(t5, 0)
        ENTER_M

        /* ---- from M: never delegated ---- */
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        TRAP_CLEAR
1:      lw   a0, 0(s1)
        CHECK_TRAP(PRV_M, CAUSE_LOAD_ACCESS, 1b)
        TRAP_CLEAR
1:      .word 0
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)

        /* ---- medeleg cleared: U's exceptions go to M again ---- */
        csrw medeleg, zero
        ENTER_U
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        CHECK_PREV(PRV_U)
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_USER_ECALL, 1b)
        ENTER_M
        TEST_PASS

        .balign 16
2:      nop
        nop
