/* trap.c — S-mode trap dispatch: system calls, page faults, other user
 * exceptions (the process is killed), kernel traps (panic). */
#include "kernel.h"
#include "sched.h"

static const char *const cause_names[] = {
    [CAUSE_MISALIGNED_FETCH] = "instruction address misaligned",
    [CAUSE_FETCH_ACCESS] = "instruction access fault",
    [CAUSE_ILLEGAL_INSN] = "illegal instruction",
    [CAUSE_BREAKPOINT] = "breakpoint",
    [CAUSE_MISALIGNED_LOAD] = "load address misaligned",
    [CAUSE_LOAD_ACCESS] = "load access fault",
    [CAUSE_MISALIGNED_STORE] = "store address misaligned",
    [CAUSE_STORE_ACCESS] = "store access fault",
    [CAUSE_USER_ECALL] = "ecall from U",
    [CAUSE_SUPERVISOR_ECALL] = "ecall from S",
    [CAUSE_FETCH_PAGE_FAULT] = "instruction page fault",
    [CAUSE_LOAD_PAGE_FAULT] = "load page fault",
    [CAUSE_STORE_PAGE_FAULT] = "store page fault",
};

static const char *cause_name(uint32_t cause)
{
    if (cause < ARRAY_SIZE(cause_names) && cause_names[cause])
        return cause_names[cause];
    return "unknown";
}

/* Kills current after a bad access: one line, then the wait status of a
 * signal death (uapi.h). */
static void force_sig_fault(int sig, struct pt_regs *regs)
{
    const char *what = sig == SIGSEGV ? "segfault" : "killed";
    printk("[pid %d] %s at 0x%08lx pc 0x%08lx (%s)\n", current->pid, what,
           regs->stval, regs->sepc, cause_name(regs->scause));
    task_exit_signal(sig);
}

static void do_page_fault(struct pt_regs *regs)
{
    uint32_t flags = regs->scause == CAUSE_STORE_PAGE_FAULT ? FAULT_FLAG_WRITE
                   : regs->scause == CAUSE_FETCH_PAGE_FAULT ? FAULT_FLAG_EXEC : 0;
    int r = handle_mm_fault(current->mm, regs->stval, flags);
    if (r == VM_FAULT_SIGSEGV)
        force_sig_fault(SIGSEGV, regs);
    if (r == VM_FAULT_OOM) {
        printk("[pid %d] out of memory\n", current->pid);
        task_exit_signal(SIGKILL);
    }
}

void do_trap(struct pt_regs *regs)
{
    uint32_t cause = regs->scause;

    if ((regs->sstatus & SSTATUS_SPP) && !(cause & MCAUSE_INTERRUPT) && fixup_exception(regs))
        return;                         /* a user access in uaccess.S (extable.c) */
    if (regs->sstatus & SSTATUS_SPP)
        panic("kernel trap: %s (cause %lu) pc 0x%08lx addr 0x%08lx",
              (cause & MCAUSE_INTERRUPT) ? "interrupt" : cause_name(cause),
              cause & ~MCAUSE_INTERRUPT, regs->sepc, regs->stval);
    if (cause & MCAUSE_INTERRUPT) {
        if ((cause & ~MCAUSE_INTERRUPT) != IRQ_S_TIMER)
            panic("do_trap: unexpected interrupt %lu", cause & ~MCAUSE_INTERRUPT);
        timer_interrupt();
        schedule();                     /* preemption: the next task's turn */
        goto out;
    }
    switch (cause) {
    case CAUSE_USER_ECALL:
        regs->sepc += 4;
        current->syscalls++;
        do_syscall(regs);
        break;
    case CAUSE_FETCH_PAGE_FAULT:
    case CAUSE_LOAD_PAGE_FAULT:
    case CAUSE_STORE_PAGE_FAULT:
        do_page_fault(regs);
        break;
    case CAUSE_ILLEGAL_INSN:
        force_sig_fault(SIGILL, regs);
        break;
    default:                            /* access faults, misaligned AMOs, ... */
        force_sig_fault(SIGSEGV, regs);
        break;
    }
out:
    if (current->killed)                /* kill(): die on the way back to U */
        task_exit_signal(current->killed);
}
