/* sched.h — tasks, their saved registers, and the scheduler. */
#ifndef FW_SCHED_H
#define FW_SCHED_H


/* Registers saved on trap entry (entry.S), at the top of the kernel stack for a
 * trap from U. regs[0] is unused (x0); regs[2] is the trapped sp. */
#define PT_SEPC     (32 * 4)
#define PT_SSTATUS  (33 * 4)
#define PT_SCAUSE   (34 * 4)
#define PT_STVAL    (35 * 4)
#define PT_SIZE     (36 * 4)

#ifndef __ASSEMBLER__
#include <stdint.h>
#include "mm.h"
#include "uapi.h"

struct pt_regs {
    uint32_t regs[32];
    uint32_t sepc, sstatus, scause, stval;
};

/* Callee-saved registers of a kernel thread, switched by __switch_to. */
struct context {
    uint32_t ra, sp, s[12];
};

enum task_state { TASK_UNUSED, TASK_RUNNABLE, TASK_RUNNING, TASK_SLEEPING, TASK_ZOMBIE };

#define KSTACK_SIZE (1u << KSTACK_SHIFT)     /* vmalloc_stack(): guard page below */
#define TASK_COMM_LEN UAPI_COMM_LEN

/* A process. Its mm and kernel stack are released when it exits (by the
 * scheduler, once it runs on another stack); the task_struct itself stays as a
 * zombie until the parent collects the status with wait4 (or the kernel does,
 * for orphans, whose parent becomes init). */
struct task_struct {
    int pid;
    enum task_state state;
    char comm[TASK_COMM_LEN];
    struct task_struct *parent;     /* NULL for init (pid 1) */
    struct mm_struct *mm;           /* NULL once exited */
    void *kstack;                   /* KSTACK_SIZE bytes; pt_regs at the top */
    struct context ctx;
    const void *wait_chan;          /* TASK_SLEEPING: what wakeup() ends the sleep */
    uint64_t wake_at;               /* TASK_SLEEPING: mtime deadline, 0 = none */
    int exit_status;                /* wait4 encoding (uapi.h) */
    int killed;                     /* pending signal: dies on its way back to U */
    struct fault_counts flt;        /* kept after the mm is gone (for ps of zombies) */
    uint32_t ctx_switches, syscalls;
    struct task_struct *next;       /* all tasks, in pid order */
};

extern struct task_struct *current;

static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
    return (struct pt_regs *)((char *)t->kstack + KSTACK_SIZE - sizeof(struct pt_regs));
}

/* proc.c */
struct task_struct *task_spawn(const struct binimage *img, int argc, char *const argv[],
                               struct task_struct *parent, int *err);
struct task_struct *find_task_by_pid(int pid);
struct task_struct *task_first(void);        /* the task list, in pid order */
void scheduler(void) __attribute__((noreturn));
void schedule(void);                         /* give up the CPU, stay runnable */
void sleep_on(const void *chan, uint64_t wake_at);  /* until wakeup(chan) or mtime >= wake_at */
void wakeup(const void *chan);
void do_exit(int status) __attribute__((noreturn));   /* status: wait4 encoding */
long do_wait4(int pid, int *status, int options);
int do_kill(int pid, int sig);
void task_exit_signal(int sig) __attribute__((noreturn)); /* killed by a signal */
void release_all_tasks(void);
void init_exited(struct task_struct *init) __attribute__((noreturn));  /* main.c */

/* asid.c: ASIDs with generations; switch_mm loads satp. */
void asid_init(void);
void switch_mm(struct mm_struct *mm);
extern uint32_t asid_bits;

/* timer.c: the tick (timer interrupt), sleeping on mtime */
#define TIMEBASE_HZ 10000000u                /* mtime ticks per second (QEMU virt's) */
#define TICK_MTIME  (TIMEBASE_HZ / 100)      /* scheduler tick: 10 ms */
void timer_init(void);
void timer_interrupt(void);
uint64_t timer_now(void);

/* tty.c: the console line discipline */
long tty_read(uintptr_t ubuf, size_t n);

/* entry.S */
void __switch_to(struct context *from, struct context *to);
void ret_to_user(void);
void handle_exception(void);

/* trap.c, syscall.c, elf.c */
void trap_init(void);
void do_trap(struct pt_regs *regs);
void do_syscall(struct pt_regs *regs);
int load_elf_binary(struct mm_struct *mm, const struct binimage *img, uintptr_t *entry);
extern const struct binimage user_images[];
extern const int nr_user_images;
#endif
#endif
