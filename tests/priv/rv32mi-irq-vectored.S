/* rv32mi-irq-vectored — vectored mtvec/stvec (MODE = 1): an interrupt with cause n
 * enters at BASE + 4n, an exception at BASE (priv spec 3.1.7, 4.1.2). Interrupts are
 * raised one at a time (SSI, STI, SEI by writing mip; MSI through the CLINT; MTI
 * with mtimecmp = 0); each slot of the table records its number. */
#include "test.h"

#define INT(n) (MCAUSE_INTERRUPT | (n))

/* Raise interrupt `n` in M (not delegated) and check it entered slot n. */
#define ONE_M(n, raise...)                                               \
        li   a0, BIT(n);                                                \
        csrw mie, a0;                                                   \
        raise;                                                          \
        TRAP_CLEAR;                                                     \
        csrsi mstatus, BIT(MSTATUS_MIE);                                \
8001:   nop;                                                            \
        CHECK_TRAP(PRV_M, INT(n), 8001b);                               \
        CHECK_VSLOT(n);                                                 \
        csrci mstatus, BIT(MSTATUS_MIE)

TEST_NAME("rv32mi-irq-vectored")
TEST_BEGIN
        la   a0, mvec
        ori  a0, a0, 1
        csrw mtvec, a0
        csrr a1, mtvec
        CHECK_EQR(a1, a0)
        csrci mstatus, BIT(MSTATUS_MIE)
        csrw mideleg, zero

        /* ---- M: each interrupt at base + 4 * cause ---- */
        ONE_M(IRQ_S_SOFT, csrs mip, a0)
        csrc mip, a0
        ONE_M(IRQ_S_TIMER, csrs mip, a0)
        csrc mip, a0
        ONE_M(IRQ_S_EXT, csrs mip, a0)
        csrc mip, a0
        ONE_M(IRQ_M_SOFT, li a0, 1; call clint_msip)
        li   a0, 0
        call clint_msip
        ONE_M(IRQ_M_TIMER, call clint_timer_now)
        call clint_timer_off
        /* exceptions at the base */
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)
        CHECK_VSLOT(0)
        TRAP_CLEAR
1:      .word 0
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_VSLOT(0)

        /* ---- S: delegated interrupts and exceptions through stvec ---- */
        la   a0, svec
        ori  a0, a0, 1
        csrw stvec, a0
        li   a0, BIT(IRQ_S_SOFT) | BIT(IRQ_S_TIMER) | BIT(IRQ_S_EXT)
        csrw mideleg, a0
        li   a0, BIT(CAUSE_BREAKPOINT)
        csrw medeleg, a0
        ENTER_S
        csrsi sie, BIT(IRQ_S_SOFT)
        csrsi sstatus, BIT(MSTATUS_SIE)
        TRAP_CLEAR
        csrsi sip, BIT(IRQ_S_SOFT)
1:      nop
        CHECK_TRAP(PRV_S, INT(IRQ_S_SOFT), 1b)
        CHECK_VSLOT(IRQ_S_SOFT)
        csrci sip, BIT(IRQ_S_SOFT)
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_S, CAUSE_BREAKPOINT, 1b)
        CHECK_VSLOT(0)
        csrci sstatus, BIT(MSTATUS_SIE)
        ENTER_M
        /* STI and SEI raised by M, taken in S (from U, so SIE does not matter) */
        li   a0, BIT(IRQ_S_TIMER)
        csrw mie, a0
        csrs mip, a0
        TRAP_CLEAR
        GOTO_MODE(PRV_U, 1f)
1:      nop
        CHECK_TRAP(PRV_S, INT(IRQ_S_TIMER), 1b)
        CHECK_VSLOT(IRQ_S_TIMER)
        ENTER_M
        li   a0, BIT(IRQ_S_TIMER)
        csrc mip, a0
        li   a0, BIT(IRQ_S_EXT)
        csrw mie, a0
        csrs mip, a0
        TRAP_CLEAR
        GOTO_MODE(PRV_U, 1f)
1:      nop
        CHECK_TRAP(PRV_S, INT(IRQ_S_EXT), 1b)
        CHECK_VSLOT(IRQ_S_EXT)
        ENTER_M
        li   a0, BIT(IRQ_S_EXT)
        csrc mip, a0

        /* back to direct mode: no slot */
        la   a0, env_trap_m
        csrw mtvec, a0
        TRAP_CLEAR
1:      ecall
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)
        CHECK_VSLOT(-1)
        TEST_PASS

        .balign 64
mvec:   ENV_VECTOR_TABLE m
        .balign 64
svec:   ENV_VECTOR_TABLE s
