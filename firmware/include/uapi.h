/* uapi.h — the kernel's user interface: system call numbers, errno values,
 * flags and the structures passed across the boundary. The one source of truth
 * for both sides: the kernel (firmware/kernel) and the user library (sw/ulib)
 * include this file.
 *
 * Calling convention (RISC-V Linux): ecall with the number in a7, arguments in
 * a0..a5; the result, or -errno, comes back in a0.
 *
 * Numbers are RISC-V Linux's (asm-generic/unistd.h) where Linux has the call.
 * Differences from riscv32 Linux, all deliberate and small:
 *   - mmap (222) takes its offset in bytes like mmap(2) (only anonymous
 *     mappings exist, so the offset must be 0 anyway).
 *   - nanosleep (101) uses a 32-bit struct timespec (riscv32 Linux only has the
 *     time64 variants).
 *   - The calls numbered from 500 up are this kernel's own: a process is started
 *     from a program embedded in the kernel image (there is no file system), and
 *     the maps/ps/vmstat/meminfo queries replace /proc files.
 */
#ifndef FW_UAPI_H
#define FW_UAPI_H

/* ---- system call numbers ---- */
#define __NR_read           63
#define __NR_write          64
#define __NR_exit           93
#define __NR_exit_group     94
#define __NR_nanosleep      101
#define __NR_sched_yield    124
#define __NR_kill           129
#define __NR_getpid         172
#define __NR_getppid        173
#define __NR_brk            214
#define __NR_munmap         215
#define __NR_mmap           222
#define __NR_mprotect       226
#define __NR_wait4          260

#define __NR_spawn          500 /* (const char *name, char *const argv[]) -> pid */
#define __NR_maps           501 /* (int pid, char *buf, size_t len) -> bytes; /proc/pid/maps text */
#define __NR_ps             502 /* (struct uproc *buf, int max) -> number of entries */
#define __NR_vmstat         503 /* (int pid, struct uvmstat *out) -> 0; pid -1: whole system */
#define __NR_meminfo        504 /* (struct umeminfo *out) -> 0 */
#define __NR_progs          505 /* (char *buf, size_t len) -> bytes: program names, '\n'-separated */
#define __NR_mm_check       506 /* (int pid) -> user PTEs verified against the reverse map; -EIO if inconsistent */

/* ---- errno values (Linux's) ---- */
#define EPERM    1
#define ENOENT   2
#define ESRCH    3
#define EINTR    4
#define EIO      5
#define E2BIG    7
#define ENOEXEC  8
#define EBADF    9
#define ECHILD   10
#define EAGAIN   11
#define ENOMEM   12
#define EACCES   13
#define EFAULT   14
#define EBUSY    16
#define EEXIST   17
#define ENODEV   19
#define EINVAL   22
#define ERANGE   34
#define ENOSYS   38

/* ---- mmap/mprotect ---- */
#define PROT_NONE       0x0
#define PROT_READ       0x1
#define PROT_WRITE      0x2
#define PROT_EXEC       0x4
#define PROT_SEM        0x8     /* accepted and ignored, as on Linux */
#define MAP_SHARED      0x01
#define MAP_PRIVATE     0x02
#define MAP_FIXED       0x10
#define MAP_ANONYMOUS   0x20
#define MAP_FIXED_NOREPLACE 0x100000
#define MAP_FAILED      ((void *)-1)

/* ---- wait4 status (Linux encoding) ---- */
#define WNOHANG         1
#define WIFEXITED(s)    (((s) & 0x7f) == 0)
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WIFSIGNALED(s)  (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)     ((s) & 0x7f)

/* signal numbers used in kill reports and wait statuses */
#define SIGILL   4
#define SIGKILL  9
#define SIGSEGV  11

/* ---- limits ---- */
#define UAPI_COMM_LEN   16
#define UAPI_ARG_MAX    1024    /* bytes of argv strings + pointers for spawn */
#define UAPI_ARGC_MAX   16

struct timespec32 {
    long tv_sec;
    long tv_nsec;
};

/* per-process or global fault and memory counters */
struct uvmstat {
    unsigned long minor, major, invalid, accessed;  /* page faults by kind; accessed:
                                                      software A/D updates (Svade) */
    unsigned long rss;              /* resident user pages (whole system: sum) */
    unsigned long nr_vma;           /* VMAs (whole system: sum) */
    unsigned long ctx_switches;     /* times switched in (whole system: total) */
    unsigned long syscalls;         /* system calls made */
};

struct umeminfo {
    unsigned long total, free, used;    /* RAM frames (4 KiB) */
    unsigned long reserved;             /* M layer, kernel image, mem_map */
    unsigned long pgtable, slab, kstack, user;  /* frames by use */
    unsigned long kmalloc_bytes;        /* bytes handed out by kmalloc */
    unsigned long vmalloc_pages;        /* pages mapped by vmalloc */
};

/* process states as ps shows them */
#define UPROC_RUNNING   'R'
#define UPROC_SLEEPING  'S'
#define UPROC_ZOMBIE    'Z'

struct uproc {
    int pid, ppid;
    char state;                         /* UPROC_* */
    char comm[UAPI_COMM_LEN];
    unsigned long asid;
    unsigned long rss, nr_vma;
    unsigned long minor, major, invalid;
};
#endif
