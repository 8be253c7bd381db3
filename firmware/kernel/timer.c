/* timer.c — the scheduler tick and the kernel's clock.
 *
 * mtime counts TIMEBASE_HZ ticks per second (sched.h; QEMU virt's 10 MHz — on the
 * RTL simulation mtime advances once per cycle, so "seconds" there are cycles /
 * 10^7). The M layer turns the machine timer into the supervisor timer interrupt
 * (STIP); SBI_SET_TIMER programs the next deadline and clears STIP. Every tick
 * (TICK_MTIME) the running user task is preempted (trap.c) and timed sleepers
 * are woken by the scheduler.
 */
#include "kernel.h"
#include "sched.h"

static uint64_t next_tick;
uint32_t timer_ticks;

uint64_t timer_now(void)
{
    return rdtime64();
}

static void program_next_tick(void)
{
    uint64_t now = timer_now();
    next_tick += TICK_MTIME;
    if (next_tick <= now)                   /* missed ticks are not replayed */
        next_tick = now + TICK_MTIME;
    sbi_call(SBI_SET_TIMER, (long)(uint32_t)next_tick, (long)(uint32_t)(next_tick >> 32));
}

void timer_init(void)
{
    next_tick = timer_now();
    program_next_tick();
    csr_set(CSR_SIE, BIT(IRQ_S_TIMER));
}

/* The supervisor timer interrupt: the next tick. Preemption is the caller's. */
void timer_interrupt(void)
{
    timer_ticks++;
    program_next_tick();
}
