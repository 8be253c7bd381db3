/* rv32mi-irq-precise — interrupts are precise: when a timer interrupt arrives in the
 * middle of a loop (ALU, MUL, DIV, store, load), mepc names the first instruction
 * that did not execute, every instruction before it in program order has executed
 * exactly once and none after it has (priv spec 3.1.14/3.3.1: mepc = the interrupted
 * instruction). The M hook checks the saved registers against mepc, then re-arms the
 * timer with a changing delay; 24 interrupts in M-mode, 24 in U-mode. */
#include "test.h"

#define ROUNDS 24

TEST_NAME("rv32mi-irq-precise")
TEST_BEGIN
        SET_HOOK(env_irq_hook_m, precise_hook)
        li   a0, BIT(IRQ_M_TIMER)
        csrw mie, a0

        /* ---- in M ---- */
        call loop_init
        la   a0, exit_m
        la   t0, exit_to
        sw   a0, 0(t0)
        li   a0, 5
        call clint_timer_in
        li   a0, BIT(MSTATUS_MPIE)          /* mret enters the loop with MIE = 1 */
        csrs mstatus, a0
        TRAP_CLEAR
        GOTO_MODE(PRV_M, loop)
exit_m: csrci mstatus, BIT(MSTATUS_MIE)
        CHECK_COUNT(ROUNDS)
        CHECK_MEM(bad_count, 0)
        CHECK_MEM(rounds, ROUNDS)

        /* ---- in U (M interrupts are taken whatever MIE says) ---- */
        call loop_init
        la   a0, exit_u
        la   t0, exit_to
        sw   a0, 0(t0)
        li   a0, 5
        call clint_timer_in
        TRAP_CLEAR
        GOTO_MODE(PRV_U, loop)
exit_u: ENTER_M
        CHECK_COUNT(ROUNDS)
        CHECK_MEM(bad_count, 0)
        CHECK_MEM(rounds, ROUNDS)
        CLEAR_HOOK(env_irq_hook_m)
        TEST_PASS

/* Zero the loop state. */
loop_init:
        li   s1, 0
        li   s2, 0
        li   s3, 0
        li   s4, 0
        li   s7, 0
        li   s6, 3
        la   s5, cell
        sw   zero, 0(s5)
        la   t0, rounds
        sw   zero, 0(t0)
        la   t0, bad_count
        sw   zero, 0(t0)
        ret

/* The loop. With n = s1 after L0, each value is "n" once its instruction ran in this
 * round and "n - 1" before. */
        .balign 16
loop:
L0:     addi s1, s1, 1                      /* s1 = n */
L1:     mul  s2, s1, s6                     /* s2 = 3n */
L2:     div  s3, s2, s6                     /* s3 = n */
L3:     sw   s3, 0(s5)                      /* cell = n */
L4:     lw   s4, 0(s5)                      /* s4 = n */
L5:     addi s7, s7, 1                      /* s7 = n */
L6:     j    loop

/* M interrupt hook: a0 = cause, a1 = frame. Checks the state against mepc, re-arms
 * the timer or, after ROUNDS, stops it and returns to exit_to. */
precise_hook:
        addi sp, sp, -16
        sw   ra, 12(sp)
        csrr t0, mepc
        la   t1, L0
        sub  t0, t0, t1
        srli t2, t0, 2                      /* k = position in the loop */
        andi t0, t0, 3
        bnez t0, bad
        li   t0, 6
        bgtu t2, t0, bad
        lw   a3, 9*4(a1)                    /* n = s1, produced at L0 */
        /* A value produced at position p is f(n) when k = 0 (the round is complete)
         * or p < k (it ran this round), else f(n - 1). */
        .macro EXPECT_AT p, slot, mult
        mv   a4, a3
        beqz t2, 1f
        li   t3, \p
        bltu t3, t2, 1f
        addi a4, a4, -1
1:      .if \mult == 3
        slli a5, a4, 1
        add  a4, a4, a5
        .endif
        lw   a5, \slot
        bne  a4, a5, bad
        .endm
        EXPECT_AT 1, 18*4(a1), 3            /* s2 = 3n at L1 */
        EXPECT_AT 2, 19*4(a1), 1            /* s3 at L2 */
        lw   t4, 21*4(a1)                   /* s5 = &cell */
        EXPECT_AT 3, 0(t4), 1               /* cell at L3 */
        EXPECT_AT 4, 20*4(a1), 1            /* s4 at L4 */
        EXPECT_AT 5, 23*4(a1), 1            /* s7 at L5 */
        j    rearm
bad:    la   t0, bad_count
        lw   t1, 0(t0)
        addi t1, t1, 1
        sw   t1, 0(t0)
rearm:  la   t0, rounds
        lw   t1, 0(t0)
        addi t1, t1, 1
        sw   t1, 0(t0)
        li   t0, ROUNDS
        bgeu t1, t0, done
        /* next delay: 100 + (rounds * 37) mod 61 ticks: longer than the rest of
         * this handler, so the loop runs a little between interrupts, and changing,
         * so the interrupts hit different positions of the loop */
        li   t0, 37
        mul  a0, t1, t0
        li   t0, 61
        remu a0, a0, t0
        addi a0, a0, 100
        call clint_timer_in
        j    out
done:   call clint_timer_off
        la   t0, exit_to
        lw   t0, 0(t0)
        csrw mepc, t0
out:    lw   ra, 12(sp)
        addi sp, sp, 16
        ret

        .data
        .balign 4
cell:      .word 0
rounds:    .word 0
bad_count: .word 0
exit_to:   .word 0
