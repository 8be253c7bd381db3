/* rv32mi-irq-seip — SEIP written by M software (priv spec 3.1.9: M-mode may write
 * mip.SEIP): visible in mip, taken in M when not delegated (cause 0x80000009), in S
 * when delegated; S cannot clear it through sip (only SSIP is writable there). */
#include "test.h"

#define SEI (MCAUSE_INTERRUPT | IRQ_S_EXT)

TEST_NAME("rv32mi-irq-seip")
TEST_BEGIN
        csrci mstatus, BIT(MSTATUS_MIE)
        csrw mideleg, zero
        li   a0, BIT(IRQ_S_EXT)
        csrs mip, a0
        csrr a1, mip
        CHECK_EQR(a1, a0)
        csrc mip, a0
        csrr a1, mip
        CHECK_EQ(a1, 0)

        /* not delegated: taken in M */
        li   a0, BIT(IRQ_S_EXT)
        csrs mip, a0
        csrw mie, a0
        TRAP_CLEAR
        csrsi mstatus, BIT(MSTATUS_MIE)
1:      nop
        CHECK_TRAP(PRV_M, SEI, 1b)
        CHECK_TVAL(0)
        csrci mstatus, BIT(MSTATUS_MIE)
        /* from U, MIE = 0: still taken in M */
        li   a0, BIT(IRQ_S_EXT)
        csrw mie, a0
        li   a0, BIT(MSTATUS_MPIE)
        csrc mstatus, a0
        TRAP_CLEAR
        GOTO_MODE(PRV_U, 1f)
1:      nop
        CHECK_TRAP(PRV_M, SEI, 1b)
        CHECK_PREV(PRV_U)
        ENTER_M

        /* delegated: taken in S; S cannot clear it through sip */
        csrci mstatus, BIT(MSTATUS_MIE)
        li   a0, BIT(IRQ_S_EXT)
        csrw mideleg, a0
        csrw mie, a0
        ENTER_S
        csrr a1, sip
        CHECK_EQ(a1, BIT(IRQ_S_EXT))
        li   a0, BIT(IRQ_S_EXT)
        csrc sip, a0
        csrr a1, sip
        CHECK_EQ(a1, BIT(IRQ_S_EXT))
        TRAP_CLEAR
        csrsi sstatus, BIT(MSTATUS_SIE)
1:      nop
        CHECK_TRAP(PRV_S, SEI, 1b)
        CHECK_PREV(PRV_S)
        CHECK_CSR(sie, 0)                   /* the S handler masked it */
        csrci sstatus, BIT(MSTATUS_SIE)
        ENTER_M
        li   a0, BIT(IRQ_S_EXT)
        csrc mip, a0
        csrr a1, mip
        CHECK_EQ(a1, 0)
        TEST_PASS
