/* user.c — the part of the demo that runs in U-mode.
 *
 * It may not touch M-mode CSRs and talks to M-mode through ecall only (the
 * write and exit system calls). It reads trap_log to see the timer interrupt
 * that M-mode takes while this code runs.
 */
#include "demo.h"

static int32_t syscall3(uint32_t nr, uint32_t a0, uint32_t a1, uint32_t a2)
{
  register uint32_t r_a0 __asm__("a0") = a0;
  register uint32_t r_a1 __asm__("a1") = a1;
  register uint32_t r_a2 __asm__("a2") = a2;
  register uint32_t r_a7 __asm__("a7") = nr;
  __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a2), "r"(r_a7) : "memory");
  return (int32_t)r_a0;
}

static void uprint(const char *s)
{
  syscall3(SYS_WRITE, 1, (uint32_t)s, strlen(s));
}

/* csrr of mstatus: illegal in U-mode; the trap handler makes rd USER_CSR_TRAPPED. */
static uint32_t try_read_mstatus(void)
{
  uint32_t v = 0;
  __asm__ volatile("csrr %0, %1" : "+r"(v) : "i"(CSR_MSTATUS));
  return v;
}

/* Steps of the Collatz sequence from n down to 1. */
static int collatz_steps(uint32_t n)
{
  int steps = 0;
  for (; n != 1; steps++)
    n = (n & 1) ? 3 * n + 1 : n / 2;
  return steps;
}

/* The U-mode program. M-mode zeroed trap_log.timer_irqs and armed the timer
 * before entering; returns the
 * Collatz step count of arg, or -1 when something did not happen as expected. */
int user_main(int arg)
{
  uprint("  [U] hello from U-mode, printing through the write system call (ecall)\n");

  if (try_read_mstatus() != USER_CSR_TRAPPED) {
    uprint("  [U] csrr mstatus was NOT refused\n");
    return -1;
  }
  uprint("  [U] csrr mstatus -> refused by M-mode (illegal instruction), as it should be\n");

  /* The interrupt may already have come while this code printed; either way
   * M-mode took it from U-mode (an ecall handler runs with MIE = 0, so one
   * arriving there is taken right after the mret back to U). */
  uprint("  [U] waiting for the timer interrupt (M-mode takes it even in U-mode) ...\n");
  for (uint32_t spins = 0; trap_log.timer_irqs == 0; spins++)
    if (spins == 50000000u) {
      uprint("  [U] no timer interrupt arrived\n");
      return -1;
    }
  uprint("  [U] ... it was taken, handled in M-mode, and U-mode resumed\n");

  return collatz_steps((uint32_t)arg);
}
