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

/* Called by the scheduler when no task is left: totals, the leak check, then
 * the finisher. Every frame free at boot must be free again, except the slab
 * frames kmalloc keeps, and kmalloc must have nothing handed out. The exit
 * code of the run: LEAK_EXIT on a leak, else pid 1's exit status (so a test
 * program's verdict, or the shell's `exit N`, is the simulator's exit code). */
void all_tasks_done(void)
{
    uint32_t slab = 0;
    for (uint32_t i = 0; i < mem_stats.total; i++)
        slab += (mem_map[i].flags & PG_slab) != 0;
    long leaked = (long)boot_free - (long)mem_stats.free - (long)slab;
    printk("all processes exited: faults minor %lu major %lu invalid %lu a/d %lu\n",
           global_flt.minor, global_flt.major, global_flt.invalid, global_flt.accessed);
    printk("memory: %lu free frames + %lu slab (boot %lu), kmalloc %lu bytes: %s\n",
           mem_stats.free, slab, boot_free, kmalloc_bytes,
           leaked || kmalloc_bytes ? "LEAK" : "no leak");
    if (leaked || kmalloc_bytes) {
        printk("leak: %ld frames, %lu kmalloc bytes\n", leaked, kmalloc_bytes);
        machine_halt(LEAK_EXIT);
    }
    machine_halt(init_exit_code);
}
