/* proc.c — processes: creation from an embedded program, the round-robin
 * scheduler, sleeping and waking, exit, wait4 and kill.
 *
 * Scheduling is xv6-style: a scheduler loop on the boot stack switches to each
 * runnable task in pid order and back (__switch_to). A task gives up the CPU by
 * calling schedule() — on a timer tick (trap.c: preemption of user code), in
 * sched_yield, or when it sleeps. The kernel itself is not preemptible: traps
 * run with sstatus.SIE clear. When nothing is runnable the loop waits with wfi
 * (the M layer turns the machine timer into STIP, which ends the wfi).
 *
 * Switching to a task loads its satp through switch_mm (asid.c), which keeps the
 * task's ASID: no TLB flush on a context switch.
 *
 * Exit: do_exit marks the task a zombie and switches away; the scheduler then
 * releases its mm and kernel stack (it cannot while running on them). The
 * task_struct stays until the parent's wait4 collects the status. Children of
 * an exiting task are given to init (pid 1); init's exit ends the run
 * (main.c: init_exited).
 */
#include "kernel.h"
#include "sched.h"

struct task_struct *current;
static struct task_struct *task_list;
static struct context sched_ctx;
static int next_pid = 1;

struct task_struct *task_first(void) { return task_list; }

struct task_struct *find_task_by_pid(int pid)
{
    for (struct task_struct *t = task_list; t; t = t->next)
        if (t->pid == pid)
            return t;
    return NULL;
}

/* Puts argc/argv on the new stack the way the Linux ELF ABI does: the strings at
 * the top, then sp -> argc, argv[0..argc-1], NULL (envp NULL follows). The top
 * stack page is faulted in as a write (one minor fault) and filled through the
 * direct map. Sets *spp to the initial sp and returns 0, or -E2BIG when the
 * arguments do not fit in the page, -ENOMEM when no frame is left for it. */
static int setup_arg_pages(struct mm_struct *mm, int argc, char *const argv[], uintptr_t *spp)
{
    uintptr_t top = USTACK_TOP, page = top - PAGE_SIZE;
    size_t strbytes = 0;
    for (int i = 0; i < argc; i++)
        strbytes += strlen(argv[i]) + 1;
    uintptr_t sp = (top - strbytes) & ~(uintptr_t)15;
    uintptr_t vec = (sp - (uintptr_t)(argc + 3) * 4) & ~(uintptr_t)15;
    if (vec < page + 64)
        return -E2BIG;
    if (handle_mm_fault(mm, page, FAULT_FLAG_WRITE) != VM_FAULT_OK)
        return -ENOMEM;
    pte_t *pte = pte_lookup(mm->pgd, page, 0);
    uint8_t *k = (uint8_t *)__va(pte_phys(*pte)) - page;  /* k + uaddr = kernel address */
    uint32_t *v = (uint32_t *)(k + vec);
    uintptr_t s = top - strbytes;
    v[0] = (uint32_t)argc;
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]) + 1;
        memcpy(k + s, argv[i], n);
        v[1 + i] = (uint32_t)s;
        s += n;
    }
    v[1 + argc] = 0;                                      /* argv[argc] */
    v[2 + argc] = 0;                                      /* envp[0] */
    *spp = vec;
    return 0;
}

/* A runnable process running img with argv (kernel strings); its parent is
 * parent (NULL for init). NULL with *err = -errno when the image is bad or memory
 * runs out; nothing is leaked then. */
struct task_struct *task_spawn(const struct binimage *img, int argc, char *const argv[],
                               struct task_struct *parent, int *err)
{
    struct task_struct *t = kmalloc(sizeof *t);
    uintptr_t entry, sp;

    *err = -ENOMEM;
    if (!t)
        return NULL;
    if (!(t->kstack = vmalloc_stack()))
        goto free_task;
    if (!(t->mm = mm_alloc()))
        goto free_stack;
    int r = load_elf_binary(t->mm, img, &entry);
    if (r) {
        *err = r;
        goto free_mm;
    }
    if (!vma_create(t->mm, USTACK_TOP - USTACK_INIT, USTACK_TOP,
                    VM_READ | VM_WRITE | VM_GROWSDOWN, NULL, 0, 0))
        goto free_mm;
    t->mm->start_stack = USTACK_TOP;
    if ((r = setup_arg_pages(t->mm, argc, argv, &sp))) {
        *err = r;
        goto free_mm;
    }
    t->pid = next_pid++;
    t->parent = parent;
    for (int i = 0; i < TASK_COMM_LEN - 1 && img->name[i]; i++)
        t->comm[i] = img->name[i];
    struct pt_regs *regs = task_pt_regs(t);
    regs->sepc = entry;
    regs->sstatus = SSTATUS_SPIE;                  /* SPP = U, interrupts on in U */
    regs->regs[2] = sp;
    regs->regs[10] = (uint32_t)argc;               /* a0/a1 too, for convenience */
    regs->regs[11] = sp + 4;
    t->ctx.ra = (uint32_t)(uintptr_t)ret_to_user;
    t->ctx.sp = (uint32_t)(uintptr_t)regs;
    t->state = TASK_RUNNABLE;
    struct task_struct **pp = &task_list;
    while (*pp)
        pp = &(*pp)->next;
    *pp = t;
    *err = 0;
    return t;

free_mm:
    mmput(t->mm);
free_stack:
    vfree(t->kstack);
free_task:
    kfree(t);
    return NULL;
}

/* After the switch away from an exited task: release what it ran on. */
static void exit_release(struct task_struct *t)
{
    t->flt = t->mm->flt;
    mmput(t->mm);
    t->mm = NULL;
    vfree(t->kstack);
    t->kstack = NULL;
}

static void unlink_task(struct task_struct *t)
{
    struct task_struct **pp = &task_list;
    while (*pp != t)
        pp = &(*pp)->next;
    *pp = t->next;
    kfree(t);
}

/* At the end of the run (init has exited): releases every remaining task, as
 * if each had been killed and reaped. */
void release_all_tasks(void)
{
    while (task_list) {
        struct task_struct *t = task_list;
        if (t->mm)
            exit_release(t);
        unlink_task(t);
    }
}

/* Wakes timed sleepers whose deadline has passed; 1 if any task is runnable. */
static int wake_timed(void)
{
    uint64_t now = timer_now();
    int runnable = 0;
    for (struct task_struct *t = task_list; t; t = t->next) {
        if (t->state == TASK_SLEEPING && t->wake_at && now >= t->wake_at) {
            t->state = TASK_RUNNABLE;
            t->wait_chan = NULL;
            t->wake_at = 0;
        }
        runnable |= t->state == TASK_RUNNABLE;
    }
    return runnable;
}

/* Runs tasks round-robin, forever; main.c ends the run when init exits. */
void scheduler(void)
{
    for (;;) {
        if (!wake_timed()) {
            __asm__ volatile("wfi");        /* the next timer tick */
            if (csr_read(CSR_SIP) & BIT(IRQ_S_TIMER))
                timer_interrupt();          /* SIE is off here: no trap, do it now */
            continue;
        }
        for (struct task_struct *t = task_list, *next; t; t = next) {
            next = t->next;
            if (t->state != TASK_RUNNABLE)
                continue;
            switch_mm(t->mm);
            current = t;
            t->state = TASK_RUNNING;
            t->ctx_switches++;
            __switch_to(&sched_ctx, &t->ctx);
            current = NULL;
            switch_mm(NULL);
            if (t->state == TASK_ZOMBIE && t->mm) {
                exit_release(t);
                if (t->pid == 1)
                    init_exited(t);
                if (!t->parent)              /* orphan of a dead init: nobody waits */
                    unlink_task(t);
            }
            wake_timed();
        }
    }
}

/* Gives the CPU back to the scheduler loop; returns when current runs again. */
void schedule(void)
{
    struct task_struct *t = current;
    if (t->state == TASK_RUNNING)
        t->state = TASK_RUNNABLE;
    __switch_to(&t->ctx, &sched_ctx);
}

/* Sleeps until wakeup(chan) (chan may be NULL) or until mtime reaches wake_at
 * (0: no deadline). */
void sleep_on(const void *chan, uint64_t wake_at)
{
    current->wait_chan = chan;
    current->wake_at = wake_at;
    current->state = TASK_SLEEPING;
    schedule();
}

void wakeup(const void *chan)
{
    for (struct task_struct *t = task_list; t; t = t->next)
        if (t->state == TASK_SLEEPING && t->wait_chan == chan) {
            t->state = TASK_RUNNABLE;
            t->wait_chan = NULL;
            t->wake_at = 0;
        }
}

void do_exit(int status)
{
    struct task_struct *t = current, *init = find_task_by_pid(1);
    t->exit_status = status;
    t->state = TASK_ZOMBIE;
    for (struct task_struct *c = task_list; c; c = c->next)
        if (c->parent == t)
            c->parent = (t == init) ? NULL : init;
    if (t->parent)
        wakeup(t->parent);                  /* a parent in wait4 sleeps on itself */
    schedule();
    panic("do_exit: zombie %d ran again", t->pid);
}

void task_exit_signal(int sig)
{
    do_exit(sig & 0x7f);
}

/* wait4(pid, status, options): pid > 0 that child, -1 any child. Returns the
 * child's pid, 0 (WNOHANG, none exited yet), -ECHILD or -EINVAL. *status gets the
 * encoding of uapi.h. */
long do_wait4(int pid, int *status, int options)
{
    if (options & ~WNOHANG || pid == 0 || pid < -1)
        return -EINVAL;
    for (;;) {
        int children = 0;
        for (struct task_struct *c = task_list; c; c = c->next) {
            if (c->parent != current || (pid > 0 && c->pid != pid))
                continue;
            children++;
            if (c->state == TASK_ZOMBIE && !c->mm) {
                int cpid = c->pid;
                *status = c->exit_status;
                unlink_task(c);
                return cpid;
            }
        }
        if (!children)
            return -ECHILD;
        if (options & WNOHANG)
            return 0;
        sleep_on(current, 0);
        if (current->killed)
            return -EINTR;
    }
}

/* kill(pid, sig): SIGKILL (or any signal number 1..31: all terminate) marks the
 * task; it dies on its next way back to user mode. sig 0 only checks. */
int do_kill(int pid, int sig)
{
    struct task_struct *t = pid > 0 ? find_task_by_pid(pid) : NULL;
    if (sig < 0 || sig > 31)
        return -EINVAL;
    if (!t || t->state == TASK_ZOMBIE)
        return -ESRCH;
    if (t->pid == 1 && sig)
        return -EPERM;                      /* like Linux: init ignores kill */
    if (sig) {
        t->killed = sig;
        if (t->state == TASK_SLEEPING) {
            t->state = TASK_RUNNABLE;
            t->wait_chan = NULL;
            t->wake_at = 0;
        }
    }
    return 0;
}
