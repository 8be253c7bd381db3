/* proc.c — tasks and the round-robin scheduler (xv6 style: a scheduler loop
 * on the boot stack switches to each runnable task and back).
 *
 * Switching to a task loads its satp (pgd + ASID, no TLB flush: ASIDs are
 * unique). An exited task becomes a zombie; the scheduler reaps it after
 * switching away (back on swapper_pg_dir): mmput, kernel stack, task struct.
 * Preemption by the timer is not wired yet: tasks run until they exit or
 * call schedule().
 */
#include "kernel.h"
#include "sched.h"

struct task_struct *current;
static struct task_struct *task_list;
static struct context sched_ctx;
static int next_pid = 1;

/* A runnable process for the embedded image img: mm built from the ELF, a stack
 * VMA below USTACK_TOP, a kernel stack whose pt_regs start the program. */
struct task_struct *task_create_user(const struct binimage *img)
{
    struct task_struct *t = kmalloc(sizeof *t);
    uintptr_t entry;
    if (!t || !(t->kstack = vmalloc_stack()) || !(t->mm = mm_alloc()))
        panic("task_create_user: out of memory");
    if (load_elf_binary(t->mm, img, &entry))
        panic("task_create_user: bad image %s", img->name);
    if (!vma_create(t->mm, USTACK_TOP - USTACK_SIZE, USTACK_TOP,
                    VM_READ | VM_WRITE | VM_GROWSDOWN, NULL, 0, 0))
        panic("task_create_user: no stack VMA");
    t->mm->start_stack = USTACK_TOP;
    t->pid = next_pid++;
    for (int i = 0; i < TASK_COMM_LEN - 1 && img->name[i]; i++)
        t->comm[i] = img->name[i];
    struct pt_regs *regs = task_pt_regs(t);
    regs->sepc = entry;
    regs->sstatus = SSTATUS_SPIE;                  /* SPP = U */
    regs->regs[2] = USTACK_TOP - 16;               /* sp; argc = 0, argv = NULL */
    t->ctx.ra = (uint32_t)(uintptr_t)ret_to_user;
    t->ctx.sp = (uint32_t)(uintptr_t)regs;
    t->state = TASK_RUNNABLE;
    struct task_struct **pp = &task_list;
    while (*pp)
        pp = &(*pp)->next;
    *pp = t;
    return t;
}

static void reap(struct task_struct *t)
{
    printk("[pid %d] exit %d: faults minor %lu major %lu invalid %lu a/d %lu, rss %lu\n",
           t->pid, t->exit_code, t->mm->flt.minor, t->mm->flt.major,
           t->mm->flt.invalid, t->mm->flt.accessed, t->mm->rss);
    mmput(t->mm);
    vfree(t->kstack);
    struct task_struct **pp = &task_list;
    while (*pp != t)
        pp = &(*pp)->next;
    *pp = t->next;
    kfree(t);
}

/* Runs tasks round-robin until none is left, then returns to start_kernel's
 * caller path through machine_halt (see main.c). */
void scheduler(void)
{
    extern void all_tasks_done(void) __attribute__((noreturn));
    for (;;) {
        if (!task_list)
            all_tasks_done();
        for (struct task_struct *t = task_list, *next; t; t = next) {
            next = t->next;
            if (t->state != TASK_RUNNABLE)
                continue;
            csr_write(CSR_SATP, MAKE_SATP(__pa(t->mm->pgd), t->mm->asid));
            current = t;
            t->state = TASK_RUNNING;
            __switch_to(&sched_ctx, &t->ctx);
            current = NULL;
            csr_write(CSR_SATP, MAKE_SATP(__pa(swapper_pg_dir), 0));
            if (t->state == TASK_ZOMBIE)
                reap(t);
        }
    }
}

/* Gives the CPU back to the scheduler loop. */
void schedule(void)
{
    struct task_struct *t = current;
    if (t->state == TASK_RUNNING)
        t->state = TASK_RUNNABLE;
    __switch_to(&t->ctx, &sched_ctx);
}

void do_exit(int code)
{
    current->exit_code = code;
    current->state = TASK_ZOMBIE;
    schedule();
    panic("do_exit: zombie %d ran again", current->pid);
}
