/* rv32mi-irq-soft — software interrupts: CLINT msip drives mip.MSIP (cause 0x80000003
 * in M); SSIP written by M in mip, taken in M when not delegated and in S when
 * delegated; SSIP written by S through sip; an S interrupt pending in S with SIE = 0
 * waits, and is taken as soon as the hart drops to U (priv spec 3.1.9, 4.1.3). */
#include "test.h"

#define MSI (MCAUSE_INTERRUPT | IRQ_M_SOFT)
#define SSI (MCAUSE_INTERRUPT | IRQ_S_SOFT)

TEST_NAME("rv32mi-irq-soft")
TEST_BEGIN
        /* ---- msip -> mip.MSIP ---- */
        li   a0, 1
        call clint_msip
        csrr a0, mip
        andi a0, a0, BIT(IRQ_M_SOFT)
        CHECK_EQ(a0, BIT(IRQ_M_SOFT))
        li   t0, CLINT_BASE
        lw   a0, CLINT_MSIP(t0)
        andi a0, a0, 1
        CHECK_EQ(a0, 1)
        li   a0, 0
        call clint_msip
        csrr a0, mip
        andi a0, a0, BIT(IRQ_M_SOFT)
        CHECK_EQ(a0, 0)
        /* MSIP is not writable through the mip CSR */
        li   a0, BIT(IRQ_M_SOFT)
        csrs mip, a0
        csrr a0, mip
        andi a0, a0, BIT(IRQ_M_SOFT)
        CHECK_EQ(a0, 0)

        /* ---- MSI taken in M ---- */
        li   a0, BIT(IRQ_M_SOFT)
        csrw mie, a0
        csrsi mstatus, BIT(MSTATUS_MIE)
        li   a0, 1
        TRAP_CLEAR
        call clint_msip
        WAIT_TRAPS(1, WAIT_BOUND)
        CHECK_COUNT(1)
        TRAP_DISARM
        TRAP_FIELD(TRAP_CAUSE)
        CHECK_EQ(t5, MSI)
        CHECK_TVAL(0)
        li   a0, 0
        call clint_msip
        /* MSI from U */
        csrci mstatus, BIT(MSTATUS_MIE)
        li   a0, BIT(IRQ_M_SOFT)
        csrw mie, a0
        li   a0, 1
        call clint_msip
        TRAP_CLEAR
        GOTO_MODE(PRV_U, 1f)
1:      nop
        CHECK_TRAP(PRV_M, MSI, 1b)
        CHECK_PREV(PRV_U)
        ENTER_M
        li   a0, 0
        call clint_msip

        /* ---- SSIP by M, not delegated: taken in M ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        csrw mideleg, zero
        li   a0, BIT(IRQ_S_SOFT)
        csrw mie, a0
        csrs mip, a0
        TRAP_CLEAR
        csrsi mstatus, BIT(MSTATUS_MIE)
1:      nop
        CHECK_TRAP(PRV_M, SSI, 1b)
        csrci mstatus, BIT(MSTATUS_MIE)
        csrci mip, BIT(IRQ_S_SOFT)

        /* ---- SSIP delegated: S writes sip; with SIE it is taken right after ---- */
        li   a0, BIT(IRQ_S_SOFT)
        csrw mideleg, a0
        csrw mie, a0
        ENTER_S
        csrsi sstatus, BIT(MSTATUS_SIE)
        TRAP_CLEAR
        csrsi sip, BIT(IRQ_S_SOFT)
1:      nop
        CHECK_TRAP(PRV_S, SSI, 1b)
        CHECK_PREV(PRV_S)
        csrci sip, BIT(IRQ_S_SOFT)
        /* pending with SIE = 0: waits in S ... */
        csrci sstatus, BIT(MSTATUS_SIE)
        csrsi sie, BIT(IRQ_S_SOFT)          /* the handler masked it */
        csrsi sip, BIT(IRQ_S_SOFT)
        TRAP_CLEAR
        SPIN(100)
        CHECK_COUNT(0)
        /* ... and is taken on the way down to U (sret to U) */
        li   a0, BIT(MSTATUS_SPP)
        csrc sstatus, a0
        la   a0, 1f
        csrw sepc, a0
        TRAP_CLEAR
        sret
1:      nop
        CHECK_TRAP(PRV_S, SSI, 1b)
        CHECK_PREV(PRV_U)
        ENTER_M                             /* medeleg = 0: straight to M */
        csrci mip, BIT(IRQ_S_SOFT)
        csrr a0, mip
        CHECK_EQ(a0, 0)
        TEST_PASS
