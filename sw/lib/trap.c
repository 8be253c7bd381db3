/* trap.c — what the runtime does with a trap nobody expected: report, fail.
 *
 * trap_handler is weak so a program that takes traps on purpose (timer
 * interrupts, ecalls) replaces it and still calls trap_unhandled for the rest.
 */
#include "runtime.h"

void trap_unhandled(const struct trap_frame *tf)
{
  printf("\nunhandled trap: mcause=0x%08x mepc=0x%08x mtval=0x%08x\n",
         (unsigned)tf->mcause, (unsigned)tf->mepc, (unsigned)tf->mtval);
  exit(EXIT_UNHANDLED_TRAP);
}

__attribute__((weak)) void trap_handler(struct trap_frame *tf)
{
  trap_unhandled(tf);
}
