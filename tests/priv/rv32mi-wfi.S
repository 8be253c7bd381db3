/* rv32mi-wfi — WFI (priv spec 3.3.3, docs/csr.md): waits until an interrupt is
 * pending and enabled in mie, whatever the global enables (MIE = 0 in M: it wakes and
 * retires with no trap; with MIE = 1 the trap follows with mepc = WFI + 4); returns at
 * once when one is already pending; illegal in U; illegal in S when mstatus.TW = 1,
 * legal in S when TW = 0 and in M whatever TW. */
#include "test.h"

#define WFI_BITS 0x10500073
#define MTI (MCAUSE_INTERRUPT | IRQ_M_TIMER)

TEST_NAME("rv32mi-wfi")
TEST_BEGIN
        /* ---- M, MIE = 0: wakes on the timer, no trap ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        li   a0, BIT(IRQ_M_TIMER)
        csrw mie, a0
        li   a0, 300
        call clint_timer_in
        TRAP_CLEAR
        wfi
        csrr a0, mip
        CHECK_NO_TRAP
        andi a0, a0, BIT(IRQ_M_TIMER)
        CHECK_EQ(a0, BIT(IRQ_M_TIMER))
        /* already pending: returns at once */
        TRAP_CLEAR
        wfi
        wfi
        CHECK_NO_TRAP
        call clint_timer_off

        /* ---- M, MIE = 1: the interrupt is taken after the WFI. The delay must
         * outlast the three instructions before the WFI even on a loaded host running
         * QEMU: 100000 ticks (10 ms there, 100000 cycles in simulation). ---- */
        li   a0, 100000
        call clint_timer_in
        TRAP_CLEAR
        csrsi mstatus, BIT(MSTATUS_MIE)
        wfi
1:      nop
        CHECK_TRAP(PRV_M, MTI, 1b)
        csrci mstatus, BIT(MSTATUS_MIE)
        call clint_timer_off
        csrw mie, zero

        /* ---- TW = 1 does not concern M ---- */
        li   a0, BIT(MSTATUS_TW)
        csrs mstatus, a0
        li   a0, BIT(IRQ_S_SOFT)
        csrw mie, a0
        csrs mip, a0                        /* something pending and enabled */
        TRAP_CLEAR
        wfi
        CHECK_NO_TRAP

        /* ---- S with TW = 1: illegal ---- */
        csrw mideleg, a0                    /* SSI delegated, SIE = 0 in S */
        ENTER_S
        TRAP_CLEAR
1:      wfi
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_TVAL(WFI_BITS)
        CHECK_PREV(PRV_S)
        ENTER_M
        /* ---- S with TW = 0: legal, returns (SSI pending and enabled in sie) ---- */
        li   a0, BIT(MSTATUS_TW)
        csrc mstatus, a0
        ENTER_S
        TRAP_CLEAR
        wfi
        CHECK_NO_TRAP
        ENTER_M

        /* ---- U: always illegal, with TW = 0 and TW = 1 ---- */
        csrw mie, zero
        csrci mip, BIT(IRQ_S_SOFT)
        csrw mideleg, zero
        ENTER_U
        TRAP_CLEAR
1:      wfi
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_TVAL(WFI_BITS)
        CHECK_PREV(PRV_U)
        ENTER_M
        li   a0, BIT(MSTATUS_TW)
        csrs mstatus, a0
        ENTER_U
        TRAP_CLEAR
1:      wfi
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        ENTER_M
        TEST_PASS
