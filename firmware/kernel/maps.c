/* maps.c — sys_maps: an address space's VMAs as the text of Linux's
 * /proc/PID/maps.
 *
 * One line per VMA, as Linux's show_map_vma prints it:
 *   start-end perms offset major:minor inode, a space, then for a named VMA
 *   spaces up to column MAPS_NAME_COL and the name.
 * Linux pads to 25 + 6 * sizeof(void *) - 1 characters and adds one space, so
 * on a 32-bit kernel (this one, and riscv32 Linux) names start at column 49;
 * a 64-bit kernel puts them at column 73. A line without a name keeps the
 * trailing space, as Linux's does.
 *
 * Fields: perms r/w/x from vm_flags and 'p' (every mapping is private). offset
 * is the image offset in bytes for program-image VMAs, 0 for anonymous ones.
 * There is no file system: image VMAs show device 00:00 and inode 0 and the
 * program name; anonymous VMAs show [heap] when they overlap start_brk..brk
 * (Linux's vma_is_initial_heap: vm_start < brk && vm_end > start_brk), [stack]
 * when they contain start_stack, and nothing otherwise.
 */
#include "kernel.h"
#include "sched.h"

#define MAPS_NAME_COL (25 + 6 * (int)sizeof(void *))

static const char *vma_name(const struct vm_area_struct *vma)
{
    const struct mm_struct *mm = vma->vm_mm;
    if (vma->vm_file)
        return vma->vm_file->name;
    if (vma->vm_start < mm->brk && vma->vm_end > mm->start_brk)
        return "[heap]";
    if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
        return "[stack]";
    return NULL;
}

/* Formats one line into buf (at least 128 bytes); returns its length. */
static int show_map_vma(char *buf, size_t size, const struct vm_area_struct *vma)
{
    uint32_t f = vma->vm_flags;
    uint32_t off = vma->vm_file ? vma->vm_pgoff << PAGE_SHIFT : 0;
    int n = snprintk(buf, size, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ",
                     (unsigned long)vma->vm_start, (unsigned long)vma->vm_end,
                     (f & VM_READ) ? 'r' : '-', (f & VM_WRITE) ? 'w' : '-',
                     (f & VM_EXEC) ? 'x' : '-', (f & VM_SHARED) ? 's' : 'p',
                     (unsigned long)off, 0u, 0u, 0ul);
    const char *name = vma_name(vma);
    if (name) {
        while (n < MAPS_NAME_COL && (size_t)n + 1 < size)
            buf[n++] = ' ';
        n += snprintk(buf + n, size - n, "%s", name);
    }
    if ((size_t)n + 1 < size)
        buf[n++] = '\n';
    return n;
}

/* Linux finds tasks in proc.c's list; this fallback, overridden by the real
 * one, knows only the running task. */
__attribute__((weak)) struct task_struct *find_task_by_pid(int pid)
{
    return current && current->pid == pid ? current : NULL;
}

/* maps(pid, buf, len): pid 0 is the caller. Copies up to len bytes of the text
 * (a read of /proc/PID/maps with a len-byte buffer) and returns the count.
 * ESRCH: no such process (an exited one has no maps: 0 bytes); EFAULT: bad
 * buffer. */
long sys_maps(int pid, uintptr_t buf, size_t len)
{
    struct task_struct *t = pid == 0 ? current : find_task_by_pid(pid);
    if (!t)
        return -ESRCH;
    if (!t->mm || t->state == TASK_ZOMBIE)
        return 0;
    char line[160];
    size_t done = 0;
    for (struct vm_area_struct *v = t->mm->mmap; v && done < len; v = v->vm_next) {
        size_t n = (size_t)show_map_vma(line, sizeof line, v);
        if (n > len - done)
            n = len - done;
        if (copy_to_user(current->mm, buf + done, line, n))
            return -EFAULT;
        done += n;
    }
    return (long)done;
}
