/* syscalls.c — the C-library wrappers for the kernel's system calls (numbers
 * and structures in firmware/include/uapi.h): each makes the raw call and, on
 * a -errno result, sets errno and returns -1 (mmap: MAP_FAILED). */
#include "ulib.h"

int errno;

static long ret(long r)
{
    if (SYS_IS_ERR(r)) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

ssize_t read(int fd, void *buf, size_t n) { return ret(sys_call3(__NR_read, fd, buf, n)); }
ssize_t write(int fd, const void *buf, size_t n) { return ret(sys_call3(__NR_write, fd, buf, n)); }

void _exit(int code)
{
    sys_call1(__NR_exit_group, code);
    for (;;)                            /* not reached */
        sys_call1(__NR_exit, code);
}

void exit(int code) { _exit(code); }

int nanosleep(const struct timespec32 *req, struct timespec32 *rem)
{
    return (int)ret(sys_call2(__NR_nanosleep, req, rem));
}

unsigned sleep_ms(unsigned ms)
{
    struct timespec32 ts = { (long)(ms / 1000), (long)(ms % 1000) * 1000000L };
    return nanosleep(&ts, NULL) ? ms : 0;
}

int sched_yield(void) { return (int)ret(sys_call0(__NR_sched_yield)); }
int kill(pid_t pid, int sig) { return (int)ret(sys_call2(__NR_kill, pid, sig)); }
pid_t getpid(void) { return (pid_t)sys_call0(__NR_getpid); }
pid_t getppid(void) { return (pid_t)sys_call0(__NR_getppid); }

/* Linux's raw brk returns the (new or unchanged) break, never -errno: the
 * library turns "unchanged" into ENOMEM. */
static uintptr_t cur_brk;

int brk(void *addr)
{
    long r = sys_call1(__NR_brk, addr);
    if (SYS_IS_ERR(r)) {                /* a kernel without brk: -ENOSYS */
        errno = (int)-r;
        return -1;
    }
    cur_brk = (uintptr_t)r;
    if (cur_brk != (uintptr_t)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

void *sbrk(long increment)
{
    if (!cur_brk) {
        long r = sys_call1(__NR_brk, 0);
        if (SYS_IS_ERR(r)) {
            errno = (int)-r;
            return (void *)-1;
        }
        cur_brk = (uintptr_t)r;
    }
    uintptr_t old = cur_brk;
    if (increment && brk((void *)(old + increment)))
        return (void *)-1;
    return (void *)old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
    long r = sys_call6(__NR_mmap, (long)addr, (long)len, prot, flags, fd, off);
    if (SYS_IS_ERR(r)) {
        errno = (int)-r;
        return MAP_FAILED;
    }
    return (void *)r;
}

int munmap(void *addr, size_t len) { return (int)ret(sys_call2(__NR_munmap, addr, len)); }
int mprotect(void *addr, size_t len, int prot)
{
    return (int)ret(sys_call3(__NR_mprotect, addr, len, prot));
}

pid_t wait4(pid_t pid, int *status, int options, void *rusage)
{
    return (pid_t)ret(sys_call4(__NR_wait4, pid, status, options, rusage));
}
pid_t waitpid(pid_t pid, int *status, int options) { return wait4(pid, status, options, NULL); }

pid_t spawn(const char *name, char *const argv[])
{
    return (pid_t)ret(sys_call2(__NR_spawn, name, argv));
}
ssize_t maps(pid_t pid, char *buf, size_t len) { return ret(sys_call3(__NR_maps, pid, buf, len)); }
int ps(struct uproc *buf, int max) { return (int)ret(sys_call2(__NR_ps, buf, max)); }
int vmstat(pid_t pid, struct uvmstat *out) { return (int)ret(sys_call2(__NR_vmstat, pid, out)); }
int meminfo(struct umeminfo *out) { return (int)ret(sys_call1(__NR_meminfo, out)); }
ssize_t progs(char *buf, size_t len) { return ret(sys_call2(__NR_progs, buf, len)); }
