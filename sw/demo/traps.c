/* traps.c — the demo's M-mode trap handler.
 *
 * Handles exactly what the demo provokes: machine timer interrupts, system
 * calls (ecall) from U-mode, privileged instructions refused in U-mode, and
 * the one exception M-mode code announces in trap_log.expect_cause. Anything
 * else goes to the runtime's trap_unhandled, which reports and fails the run.
 */
#include "demo.h"

struct trap_log trap_log = { .expect_cause = NO_EXPECTED_CAUSE };

#define MPP(mstatus) (((mstatus) >> MSTATUS_MPP_LO) & 3)
#define REG_A0 10
#define REG_A1 11
#define REG_A2 12
#define REG_A7 17
#define ENOSYS 38

/* write(fd, buf, len) for U-mode: fd 1 or 2, the buffer must lie in RAM.
 * Returns len, or -1 for a bad fd or buffer. */
static int32_t sys_write(uint32_t fd, uint32_t buf, uint32_t len)
{
  if ((fd != 1 && fd != 2) || buf < RAM_BASE || len > RAM_SIZE_DEFAULT ||
      buf - RAM_BASE > RAM_SIZE_DEFAULT - len)
    return -1;
  for (uint32_t i = 0; i < len; i++)
    putchar(((const char *)buf)[i]);
  return (int32_t)len;
}

static void handle_user_ecall(struct trap_frame *tf)
{
  trap_log.ecalls++;
  tf->mepc += 4;                          /* resume after the ecall (no C extension) */
  switch (tf->regs[REG_A7]) {
  case SYS_WRITE:
    tf->regs[REG_A0] = (uint32_t)sys_write(tf->regs[REG_A0], tf->regs[REG_A1], tf->regs[REG_A2]);
    break;
  case SYS_EXIT:
    user_return((int)tf->regs[REG_A0]);   /* does not return */
  default:
    tf->regs[REG_A0] = (uint32_t)-ENOSYS;
    break;
  }
}

/* A U-mode instruction M-mode will not run for it (csrr of an M-mode CSR):
 * make it fail visibly by writing USER_CSR_TRAPPED to its rd, then skip it. */
static void handle_user_illegal(struct trap_frame *tf)
{
  uint32_t insn = *(const uint32_t *)tf->mepc;
  uint32_t rd = (insn >> 7) & 31;
  if (rd != 0)
    tf->regs[rd] = USER_CSR_TRAPPED;
  trap_log.last_cause = tf->mcause;
  trap_log.last_priv = PRV_U;
  tf->mepc += 4;
}

void trap_handler(struct trap_frame *tf)
{
  uint32_t from = MPP(tf->mstatus);

  if (tf->mcause == (MCAUSE_INTERRUPT | IRQ_M_TIMER)) {
    clint_set_mtimecmp(UINT64_MAX);       /* quiet until re-armed */
    trap_log.timer_irqs++;
    trap_log.timer_from_priv = from;
  } else if (tf->mcause == CAUSE_USER_ECALL) {
    handle_user_ecall(tf);
  } else if (tf->mcause == CAUSE_ILLEGAL_INSN && from == PRV_U) {
    handle_user_illegal(tf);
  } else if (tf->mcause == trap_log.expect_cause && from == PRV_M) {
    trap_log.expect_cause = NO_EXPECTED_CAUSE;
    trap_log.last_cause = tf->mcause;
    trap_log.last_tval = tf->mtval;
    trap_log.last_priv = from;
    tf->mepc += 4;                        /* skip the faulting instruction */
  } else {
    trap_unhandled(tf);
  }
}
