/* syscall.c — system calls, with the RISC-V Linux numbers (a7 = number,
 * a0..a5 = arguments, a0 = result or -errno). */
#include "kernel.h"
#include "sched.h"


/* write(fd, buf, count): fd 1 and 2 go to the console. */
static long sys_write(int fd, uintptr_t buf, size_t count)
{
    char kbuf[128];
    size_t done = 0;
    if (fd != 1 && fd != 2)
        return -EINVAL;
    while (done < count) {
        size_t n = min(count - done, sizeof kbuf);
        if (copy_from_user(current->mm, kbuf, buf + done, n))
            return done ? (long)done : -EFAULT;
        for (size_t i = 0; i < n; i++)
            console_putc(kbuf[i]);
        done += n;
    }
    return (long)done;
}

void do_syscall(struct pt_regs *regs)
{
    uint32_t *a = &regs->regs[10];
    long ret;

    switch (regs->regs[17]) {
    case __NR_write:      ret = sys_write((int)a[0], a[1], a[2]); break;
    case __NR_exit:
    case __NR_exit_group: do_exit((int)a[0] & 0xff);
    case __NR_getpid:     ret = current->pid; break;
    case __NR_brk:        ret = sys_brk(a[0]); break;
    case __NR_mmap:       ret = sys_mmap(a[0], a[1], (int)a[2], (int)a[3], (int)a[4], a[5]); break;
    case __NR_munmap:     ret = sys_munmap(a[0], a[1]); break;
    case __NR_mprotect:   ret = sys_mprotect(a[0], a[1], (int)a[2]); break;
    case __NR_maps:       ret = sys_maps((int)a[0], a[1], a[2]); break;
    case __NR_mm_check:   ret = sys_mm_check((int)a[0]); break;
    default:              ret = -ENOSYS; break;
    }
    a[0] = (uint32_t)ret;
}
