/* extable.c — kernel faults on user addresses inside uaccess.S.
 *
 * __ex_table (built by uaccess.S's UACCESS macro, gathered by firmware.ld
 * between __start___ex_table and __stop___ex_table) lists each instruction
 * allowed to fault with its fix-up address. A page fault there at a user
 * address goes through handle_mm_fault exactly like a fault from U (same
 * counters, Svade A/D updates): resolved, the instruction is retried;
 * invalid or out of memory, execution resumes at the fix-up (-EFAULT). Any
 * other kernel fault is not handled here: do_trap panics with pc, address and
 * cause.
 */
#include "kernel.h"
#include "sched.h"

struct exception_table_entry {
    uint32_t insn, fixup;
};
extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

static const struct exception_table_entry *search_exception_tables(uint32_t pc)
{
    for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table; e++)
        if (e->insn == pc)
            return e;
    return NULL;
}

int fixup_exception(struct pt_regs *regs)
{
    const struct exception_table_entry *e = search_exception_tables(regs->sepc);
    if (!e)
        return 0;
    uint32_t cause = regs->scause;
    if ((cause == CAUSE_LOAD_PAGE_FAULT || cause == CAUSE_STORE_PAGE_FAULT) &&
        regs->stval < TASK_SIZE && current && current->mm) {
        uint32_t flags = cause == CAUSE_STORE_PAGE_FAULT ? FAULT_FLAG_WRITE : 0;
        if (handle_mm_fault(current->mm, regs->stval, flags) == VM_FAULT_OK)
            return 1;                               /* retry the access */
    }
    regs->sepc = e->fixup;
    return 1;
}
