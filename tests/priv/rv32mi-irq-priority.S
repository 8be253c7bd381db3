/* rv32mi-irq-priority — with several interrupts pending and enabled they are taken
 * in the order MEI, MSI, MTI, SEI, SSI, STI (priv spec 3.1.9, docs/csr.md). Each
 * handler masks the source it took, so the next one follows. A pending M-level
 * interrupt also goes before delegated S-level ones when the hart is in S. MEIP comes
 * from the UART (IER.THRE: the transmitter is always empty), SEIP/STIP/SSIP from M
 * writing mip. vsim-only: QEMU 7.2 (without AIA) takes the lowest-numbered pending
 * interrupt first, and its UART goes through a PLIC. */
#include "test.h"

#define ALL_M_LEVEL  (BIT(IRQ_M_SOFT) | BIT(IRQ_M_TIMER))
#define ALL_S_LEVEL  (BIT(IRQ_S_SOFT) | BIT(IRQ_S_TIMER) | BIT(IRQ_S_EXT))
#define INT(n)       (MCAUSE_INTERRUPT | (n))

TEST_NAME("rv32mi-irq-priority")
TEST_BEGIN
        /* ---- all six pending, none delegated, taken in M ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        csrw mideleg, zero
        li   t0, UART_BASE
        li   a0, 2                          /* IER: THR-empty interrupt */
        sb   a0, UART_IER(t0)
        li   a0, 1
        call clint_msip
        call clint_timer_now
        li   a0, ALL_S_LEVEL
        csrs mip, a0
        csrr a1, mip
        li   a2, ALL_M_LEVEL | ALL_S_LEVEL | BIT(IRQ_M_EXT)
        CHECK_EQR(a1, a2)
        csrw mie, a2
        TRAP_CLEAR
        csrsi mstatus, BIT(MSTATUS_MIE)
        nop
        CHECK_COUNT(6)
        CHECK_LOG(0, INT(IRQ_M_EXT))
        CHECK_LOG(1, INT(IRQ_M_SOFT))
        CHECK_LOG(2, INT(IRQ_M_TIMER))
        CHECK_LOG(3, INT(IRQ_S_EXT))
        CHECK_LOG(4, INT(IRQ_S_SOFT))
        CHECK_LOG(5, INT(IRQ_S_TIMER))
        TRAP_DISARM
        CHECK_CSR(mie, 0)
        li   t0, UART_BASE
        sb   zero, UART_IER(t0)

        /* ---- in S: an M-level one first (to M), then the delegated ones (to S) ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        li   a0, 0
        call clint_msip                     /* MTIP and the three S bits stay */
        li   a0, ALL_S_LEVEL
        csrw mideleg, a0
        li   a0, ALL_S_LEVEL | BIT(IRQ_M_TIMER)
        csrw mie, a0
        TRAP_CLEAR
        ENTER_S
        csrsi sstatus, BIT(MSTATUS_SIE)
        nop
        CHECK_COUNT(4)
        CHECK_LOG(0, INT(IRQ_M_TIMER))
        CHECK_LOG(1, INT(IRQ_S_EXT))
        CHECK_LOG(2, INT(IRQ_S_SOFT))
        CHECK_LOG(3, INT(IRQ_S_TIMER))
        TRAP_DISARM
        TRAP_FIELD(TRAP_LEVEL)              /* the last one went to S */
        CHECK_EQ(t5, PRV_S)
        csrci sstatus, BIT(MSTATUS_SIE)
        ENTER_M
        call clint_timer_off
        li   a0, ALL_S_LEVEL
        csrc mip, a0
        csrr a0, mip
        CHECK_EQ(a0, 0)

        /* ---- two at a time, in the other order of raising ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        csrw mideleg, zero
        li   a0, BIT(IRQ_S_TIMER)
        csrs mip, a0
        li   a0, BIT(IRQ_S_SOFT)
        csrs mip, a0
        li   a0, BIT(IRQ_S_SOFT) | BIT(IRQ_S_TIMER)
        csrw mie, a0
        TRAP_CLEAR
        csrsi mstatus, BIT(MSTATUS_MIE)
        nop
        CHECK_COUNT(2)
        CHECK_LOG(0, INT(IRQ_S_SOFT))
        CHECK_LOG(1, INT(IRQ_S_TIMER))
        TRAP_DISARM
        csrci mstatus, BIT(MSTATUS_MIE)
        li   a0, BIT(IRQ_S_SOFT) | BIT(IRQ_S_TIMER)
        csrc mip, a0
        TEST_PASS
