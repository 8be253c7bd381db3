/* main.c — start_kernel: paging, console, memory, the user programs, and the
 * end of the run when the last process has exited. */
#include "kernel.h"
#include "sched.h"

static uint32_t boot_free;

void start_kernel(void)
{
    extern char _text[], _end[];

    paging_init();
    console_init();
    mem_init();
    printk("rvmmu kernel: PAGE_OFFSET 0x%08x, image 0x%08x-0x%08x (%u KiB)\n",
           PAGE_OFFSET, (unsigned)(uintptr_t)_text, (unsigned)(uintptr_t)_end,
           (unsigned)((_end - _text) / 1024));
    printk("memory: %lu frames, %lu free, %lu reserved\n",
           mem_stats.total, mem_stats.free, mem_stats.reserved);
    boot_free = mem_stats.free;
    for (int i = 0; i < nr_user_images; i++) {
        struct task_struct *t = task_create_user(&user_images[i]);
        printk("[pid %d] %s: %lu VMAs, brk 0x%08x\n", t->pid, t->comm,
               t->mm->map_count, (unsigned)t->mm->brk);
    }
    scheduler();
}

/* Called by the scheduler when no task is left: totals, then the finisher. */
void all_tasks_done(void)
{
    printk("all processes exited: faults minor %lu major %lu invalid %lu a/d %lu\n",
           global_flt.minor, global_flt.major, global_flt.invalid, global_flt.accessed);
    printk("memory: %lu free frames (boot %lu), kmalloc %lu bytes\n",
           mem_stats.free, boot_free, kmalloc_bytes);
    machine_halt(0);
}
