/* main.c — start_kernel: boot memory (the RAM size the M layer found), paging,
 * console, the page allocator, ASIDs, the timer, then init; and the end of the
 * run when init exits.
 *
 * init is the embedded program INIT_PROG ("sh", the shell) with argv { "sh" }; if
 * the image has no such program, the first one. When init exits, the remaining
 * processes are killed and released, the totals are printed, and the machine
 * stops with init's exit status as the finisher code (128 + signal when it was
 * killed). A run that ends with fewer free frames or kmalloc bytes than at boot
 * is a leak: the kernel says so and stops with LEAK_EXIT instead.
 */
#include "kernel.h"
#include "sched.h"

#ifndef INIT_PROG                        /* kernel-mmtest.elf: -DINIT_PROG='"mmtest"' */
#define INIT_PROG "sh"
#endif
#define LEAK_EXIT 0x71

static uint32_t boot_free, boot_kmalloc;

void start_kernel(phys_addr_t ram_size)
{
    extern char _text[], _end[];

    memblock_init(ram_size);
    paging_init();
    console_init();
    mem_init();
    asid_init();
    csr_write(CSR_SCOUNTEREN, 7);       /* user may read cycle, time, instret */
    printk("rvmmu kernel: PAGE_OFFSET 0x%08x, image 0x%08x-0x%08x (%u KiB), %lu ASID bits\n",
           PAGE_OFFSET, (unsigned)(uintptr_t)_text, (unsigned)(uintptr_t)_end,
           (unsigned)((_end - _text) / 1024), asid_bits);
    printk("memory: %u KiB RAM, %lu frames, %lu free, %lu reserved (M layer %u KiB, "
           "mem_map %u KiB)\n", (unsigned)((RAM_END - RAM_BASE) >> 10),
           mem_stats.total, mem_stats.free, mem_stats.reserved,
           (unsigned)((__pa(_text) - RAM_BASE) >> 10),     /* the kernel follows it */
           (unsigned)(PAGE_ALIGN(mem_stats.total * sizeof(struct page)) >> 10));
    boot_free = mem_stats.free;
    boot_kmalloc = kmalloc_bytes;
    if (!nr_user_images)
        panic("no user programs in the image");
    const struct binimage *img = &user_images[0];
    for (int i = 0; i < nr_user_images; i++)
        if (!strcmp(user_images[i].name, INIT_PROG))
            img = &user_images[i];
    char *argv[] = { (char *)img->name, NULL };
    int err;
    if (!task_spawn(img, 1, argv, NULL, &err))
        panic("cannot start init (%s): error %d", img->name, err);
    timer_init();
    scheduler();
}

/* Called by the scheduler once init has exited and been released. */
void init_exited(struct task_struct *init)
{
    int status = init->exit_status;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

    release_all_tasks();
    printk("init exited (status %d): faults minor %lu major %lu invalid %lu\n", code,
           global_flt.minor, global_flt.major, global_flt.invalid);
    printk("memory: %lu free frames (boot %lu), kmalloc %lu bytes (boot %lu)\n",
           mem_stats.free, boot_free, kmalloc_bytes, boot_kmalloc);
    if (mem_stats.free != boot_free || kmalloc_bytes != boot_kmalloc) {
        printk("leak: %ld frames, %ld kmalloc bytes not returned\n",
               (long)boot_free - (long)mem_stats.free,
               (long)kmalloc_bytes - (long)boot_kmalloc);
        machine_halt(LEAK_EXIT);
    }
    machine_halt(code);
}
