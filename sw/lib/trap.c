/* trap.c — the runtime's trap entry, and what it does with a trap nobody
 * expected: report, fail.
 *
 * trap_entry (called by crt0) first emulates multiply/divide on a core built
 * without the M extension (muldiv_emul.c), so rv32ima programs run there too;
 * everything else goes to trap_handler. trap_handler is weak so a program that
 * takes traps on purpose (timer interrupts, ecalls) replaces it and still calls
 * trap_unhandled for the rest.
 */
#include "runtime.h"
#include "arch.h"
#include "muldiv_emul.h"

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

void trap_entry(struct trap_frame *tf)
{
  /* The core and the reference model report the instruction in mtval. */
  if (tf->mcause == CAUSE_ILLEGAL_INSN) {
    tf->regs[0] = 0;
    if (muldiv_emulate(tf->mtval, tf->regs)) {
      tf->mepc += 4;
      return;
    }
  }
  trap_handler(tf);
}
