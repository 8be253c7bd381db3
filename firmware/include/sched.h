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

struct pt_regs {
    uint32_t regs[32];
    uint32_t sepc, sstatus, scause, stval;
};

/* Callee-saved registers of a kernel thread, switched by __switch_to. */
struct context {
    uint32_t ra, sp, s[12];
};

enum task_state { TASK_UNUSED, TASK_RUNNABLE, TASK_RUNNING, TASK_ZOMBIE };

#define KSTACK_SIZE (1u << KSTACK_SHIFT)     /* vmalloc_stack(): guard page below */
#define TASK_COMM_LEN 16

struct task_struct {
    int pid;
    enum task_state state;
    char comm[TASK_COMM_LEN];
    struct mm_struct *mm;
    void *kstack;                   /* KSTACK_SIZE bytes; pt_regs at the top */
    struct context ctx;
    int exit_code;
    struct task_struct *next;       /* all tasks, in pid order */
};

extern struct task_struct *current;

static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
    return (struct pt_regs *)((char *)t->kstack + KSTACK_SIZE - sizeof(struct pt_regs));
}

struct task_struct *task_create_user(const struct binimage *img);
struct task_struct *find_task_by_pid(int pid);  /* proc.c; NULL if no such task */
void scheduler(void) __attribute__((noreturn));
void schedule(void);
void do_exit(int code) __attribute__((noreturn));

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
