/* rv32ua-lrsc-clear — the reservation is dropped by any trap entry, MRET and SRET
 * (docs/csr.md "Traps", our choice; the spec allows but does not require it): an SC
 * after an exception, an interrupt, or an xRET in between fails with rd = 1 and
 * stores nothing. Without them the same SC succeeds. */
#include "test.h"

TEST_NAME("rv32ua-lrsc-clear")
TEST_BEGIN
        la   s0, rbuf
        li   a2, 0x77
        /* control: LR; SC succeeds */
        lr.w a1, (s0)
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 0)

        /* exception (ecall, handled in M) between LR and SC */
        sw   zero, 0(s0)
        lr.w a1, (s0)
        TRAP_CLEAR
        ecall
        CHECK_COUNT(1)
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0)
        /* an illegal instruction */
        lr.w a1, (s0)
        TRAP_CLEAR
        .word 0
        CHECK_COUNT(1)
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)

        /* MRET (to M itself) */
        lr.w a1, (s0)
        li   t0, MSTATUS_MPP_MASK
        csrs mstatus, t0
        la   t0, 1f
        csrw mepc, t0
        mret
1:      sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        /* SRET (from M to S) */
        lr.w a1, (s0)
        li   t0, BIT(MSTATUS_SPP)
        csrs mstatus, t0
        la   t0, 1f
        csrw sepc, t0
        sret
1:      sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        ENTER_M

        /* an interrupt (SSIP set in mip, taken in M) */
        li   a0, BIT(IRQ_S_SOFT)
        csrw mie, a0
        lr.w a1, (s0)
        TRAP_CLEAR
        csrs mip, a0
        csrsi mstatus, BIT(MSTATUS_MIE)
        nop
        CHECK_COUNT(1)
        csrci mstatus, BIT(MSTATUS_MIE)
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        li   a0, BIT(IRQ_S_SOFT)
        csrc mip, a0

        /* a trap taken in S (delegated breakpoint from U) */
        li   a0, BIT(CAUSE_BREAKPOINT)
        csrw medeleg, a0
        ENTER_U
        lr.w a1, (s0)
        TRAP_CLEAR
        ebreak
        CHECK_COUNT(1)
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        /* control in U */
        lr.w a1, (s0)
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 0)
        ENTER_M
        csrw medeleg, zero
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0x77)
        TEST_PASS

        .bss
        .balign 16
rbuf:   .space 16
