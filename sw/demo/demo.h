/* demo.h — what the demo's files share: trap bookkeeping, U-mode entry, syscalls.
 *
 * demo.c drives the tour; traps.c is the M-mode trap handler that records what
 * it saw in struct trap_log; user.c is the code that runs in U-mode and talks
 * to M-mode only through ecall; umode.S switches privilege.
 */
#ifndef DEMO_H
#define DEMO_H

/* System call numbers (a7), as on Linux/RISC-V: arguments in a0..a2, result in a0. */
#define SYS_WRITE 64
#define SYS_EXIT  93

#ifndef __ASSEMBLER__
#include "runtime.h"

/* What the trap handler saw; demo.c prints it, so no printing happens in the handler. */
struct trap_log {
  volatile uint32_t timer_irqs;          /* machine timer interrupts taken */
  volatile uint32_t timer_from_priv;     /* privilege the last one interrupted (MPP) */
  volatile uint32_t ecalls;              /* ecalls from U-mode */
  volatile uint32_t expect_cause;        /* exception M-mode code provokes on purpose, or ~0 */
  volatile uint32_t last_cause;          /* mcause/mtval/privilege of the last handled exception */
  volatile uint32_t last_tval;
  volatile uint32_t last_priv;
};
extern struct trap_log trap_log;

#define NO_EXPECTED_CAUSE 0xFFFFFFFFu

/* umode.S: runs fn(arg) in U-mode on the stack ending at stack_top and returns
 * what fn returns (or the value of its exit ecall). Interrupts stay as they were. */
int user_run(int (*fn)(int), int arg, void *stack_top);
/* Called by the trap handler on a U-mode exit ecall: resumes user_run's caller
 * in M-mode, making user_run return value. Never returns. */
void user_return(int value) __attribute__((noreturn));

/* user.c: the U-mode program, and its wrapper around csrr mstatus (returns
 * USER_CSR_TRAPPED when M-mode refused it). */
int user_main(int arg);
#define USER_CSR_TRAPPED 0xFFFFFFFFu

#endif /* __ASSEMBLER__ */
#endif
