/* rv32mi-irq-timer — the machine timer and the supervisor timer bit:
 *  - MTIP follows mtime >= mtimecmp (visible in mip with every enable off);
 *  - MTI is taken in M when mie.MTIE and mstatus.MIE are set (cause 0x80000007,
 *    tval 0, epc in the waiting loop), not while MIE = 0, and at once (epc = the next
 *    instruction) when MIE is then set; in S and U it is taken whatever MIE says;
 *  - STIP written by M software: taken in M when not delegated, in S when delegated
 *    (with SIE in S, always in U), never in M when delegated.
 * Priv spec 3.1.9, 3.2.1; docs/csr.md "Traps". */
#include "test.h"

#define MTI (MCAUSE_INTERRUPT | IRQ_M_TIMER)
#define STI (MCAUSE_INTERRUPT | IRQ_S_TIMER)
#define DELTA 200                           /* mtime ticks until the interrupt */

TEST_NAME("rv32mi-irq-timer")
TEST_BEGIN
        /* ---- MTIP in mip, all enables off ---- */
        li   a0, DELTA
        call clint_timer_in
        mv   s0, a0                         /* the compare value (low word) */
1:      csrr a0, mip
        andi a0, a0, BIT(IRQ_M_TIMER)
        bnez a0, 2f
        call clint_mtime                    /* give up WAIT_BOUND ticks after it */
        sub  a0, a0, s0
        li   a1, WAIT_BOUND
        blt  a0, a1, 1b
        li   a0, 0
2:      CHECK_EQ(a0, BIT(IRQ_M_TIMER))
        call clint_timer_off
        csrr a0, mip
        andi a0, a0, BIT(IRQ_M_TIMER)
        CHECK_EQ(a0, 0)
        /* mtimecmp in the past (high word below mtime's): pending at once */
        call clint_timer_now
        csrr a0, mip
        andi a0, a0, BIT(IRQ_M_TIMER)
        CHECK_EQ(a0, BIT(IRQ_M_TIMER))
        call clint_timer_off

        /* ---- MTI taken in M (MTIE set after the compare value, so the interrupt
         * lands between the csrw and the end of the waiting loop) ---- */
        csrsi mstatus, BIT(MSTATUS_MIE)
        li   a0, DELTA
        call clint_timer_in
        TRAP_CLEAR
        li   a0, BIT(IRQ_M_TIMER)
        csrw mie, a0
2:      WAIT_TRAPS(1, WAIT_BOUND)
        CHECK_COUNT(1)
        TRAP_DISARM
        TRAP_FIELD(TRAP_CAUSE)
        CHECK_EQ(t5, MTI)
        TRAP_FIELD(TRAP_LEVEL)
        CHECK_EQ(t5, PRV_M)
        CHECK_TVAL(0)
        CHECK_PREV(PRV_M)
        CHECK_EPC_RANGE(2b, 9996b)
        /* the handler's default masked MTIE; mstatus.MIE is back to 1 */
        CHECK_CSR(mie, 0)
        csrr a0, mstatus
        andi a0, a0, BIT(MSTATUS_MIE)
        CHECK_EQ(a0, BIT(MSTATUS_MIE))

        /* ---- MIE = 0: pending and enabled in mie, but not taken in M ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        call clint_timer_now
        li   a0, BIT(IRQ_M_TIMER)
        csrw mie, a0
        TRAP_CLEAR
        SPIN(1000)
        CHECK_COUNT(0)
        /* setting MIE takes it before the next instruction */
        TRAP_CLEAR
        csrsi mstatus, BIT(MSTATUS_MIE)
1:      nop
        CHECK_TRAP(PRV_M, MTI, 1b)
        csrci mstatus, BIT(MSTATUS_MIE)

        /* ---- in U and S, M interrupts are taken even with MIE = 0 ---- */
        li   a0, BIT(IRQ_M_TIMER)
        csrw mie, a0
        li   a0, BIT(MSTATUS_MPIE)
        csrc mstatus, a0                    /* so that MIE = 0 in U after mret */
        TRAP_CLEAR
        GOTO_MODE(PRV_U, 1f)
1:      nop                                 /* taken before this one */
        CHECK_TRAP(PRV_M, MTI, 1b)
        CHECK_PREV(PRV_U)
        TRAP_FIELD(TRAP_STATUS)             /* MPIE = the MIE of U: 0 */
        andi t5, t5, BIT(MSTATUS_MPIE)
        CHECK_EQ(t5, 0)
        ENTER_M
        csrr a0, mstatus
        andi a0, a0, BIT(MSTATUS_MIE)
        CHECK_EQ(a0, 0)
        li   a0, BIT(IRQ_M_TIMER)
        csrw mie, a0
        li   a0, BIT(MSTATUS_MPIE)
        csrc mstatus, a0
        TRAP_CLEAR
        GOTO_MODE(PRV_S, 1f)
1:      nop
        CHECK_TRAP(PRV_M, MTI, 1b)
        CHECK_PREV(PRV_S)
        ENTER_M
        call clint_timer_off

        /* ---- STIP set by M, not delegated: taken in M ---- */
        csrw mideleg, zero
        li   a0, BIT(IRQ_S_TIMER)
        csrw mie, a0
        csrs mip, a0
        csrr a1, mip
        andi a1, a1, BIT(IRQ_S_TIMER)
        CHECK_EQ(a1, BIT(IRQ_S_TIMER))
        TRAP_CLEAR
        csrsi mstatus, BIT(MSTATUS_MIE)
1:      nop
        CHECK_TRAP(PRV_M, STI, 1b)
        csrci mstatus, BIT(MSTATUS_MIE)

        /* ---- delegated STIP: never taken in M ---- */
        li   a0, BIT(IRQ_S_TIMER)
        csrw mideleg, a0
        csrw mie, a0
        csrsi mstatus, BIT(MSTATUS_MIE) | BIT(MSTATUS_SIE)
        TRAP_CLEAR
        SPIN(100)
        CHECK_COUNT(0)
        csrci mstatus, BIT(MSTATUS_MIE) | BIT(MSTATUS_SIE)
        /* in S with SIE = 0: not taken; setting SIE takes it at once, in S */
        ENTER_S
        TRAP_CLEAR
        SPIN(100)
        CHECK_COUNT(0)
        TRAP_CLEAR
        csrsi sstatus, BIT(MSTATUS_SIE)
1:      nop
        CHECK_TRAP(PRV_S, STI, 1b)
        CHECK_TVAL(0)
        CHECK_PREV(PRV_S)
        csrci sstatus, BIT(MSTATUS_SIE)
        ENTER_M
        /* in U: taken in S whatever SIE says */
        li   a0, BIT(IRQ_S_TIMER)
        csrs mie, a0
        TRAP_CLEAR
        GOTO_MODE(PRV_U, 1f)
1:      nop
        CHECK_TRAP(PRV_S, STI, 1b)
        CHECK_PREV(PRV_U)
        ENTER_M
        li   a0, BIT(IRQ_S_TIMER)
        csrc mip, a0
        csrr a1, mip
        CHECK_EQ(a1, 0)
        TEST_PASS
