#include "ulib.h"
static inline long sc(long n, long a0, long a1, long a2, long a3)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r3 __asm__("a3") = a3;
    register long r7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r7) : "memory");
    return r0;
}
static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)
static volatile int marker[1024];
int main(int argc, char **argv)
{
    if (argc > 1 && argv[1][0] == 's') { for (;;) ; }            /* spinner */
    if (argc > 1 && argv[1][0] == 'm') {                        /* memory writer */
        int me = getpid(); for (int i = 0; i < 1024; i++) marker[i] = me;
        for (int i = 0; i < 1024; i++) if (marker[i] != me) return 3;
        return 7;
    }
    printf("ptest argc %d argv0 %s\n", argc, argv[0]);
    int st = -1;
    long pid = sc(__NR_spawn, (long)"demo", 0, 0, 0);
    CHECK(pid == 2);
    CHECK(sc(__NR_wait4, pid, (long)&st, 0, 0) == pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    pid = sc(__NR_spawn, (long)"segv", 0, 0, 0);
    CHECK(sc(__NR_wait4, -1, (long)&st, 0, 0) == pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    CHECK(sc(__NR_spawn, (long)"nope", 0, 0, 0) == -ENOENT);
    CHECK(sc(__NR_spawn, 0x10, 0, 0, 0) == -EFAULT);
    CHECK(sc(__NR_spawn, (long)"demo", 0xC0000000, 0, 0) == -EFAULT);
    CHECK(sc(__NR_wait4, -1, (long)&st, 0, 0) == -ECHILD);
    CHECK(sc(__NR_wait4, -1, (long)&st, 5, 0) == -EINVAL);
    CHECK(sc(__NR_read, 5, (long)&st, 1, 0) == -EBADF);
    CHECK(sc(__NR_write, 0, (long)&st, 1, 0) == -EBADF);
    /* preemption: a spinner cannot keep us from waking up */
    char *sargv[] = { "ptest", "spin", 0 };
    long spid = sc(__NR_spawn, (long)"ptest", (long)sargv, 0, 0);
    struct timespec32 ts = { 0, 3000000 };
    CHECK(sc(__NR_nanosleep, (long)&ts, 0, 0, 0) == 0);
    struct uproc ps[8];
    long n = sc(__NR_ps, (long)ps, 8, 0, 0);
    CHECK(n == 2);
    for (int i = 0; i < n; i++) printf("ps %d %d %c %s\n", ps[i].pid, ps[i].ppid, ps[i].state, ps[i].comm);
    CHECK(sc(__NR_kill, spid, SIGKILL, 0, 0) == 0);
    CHECK(sc(__NR_wait4, spid, (long)&st, 0, 0) == spid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    ts.tv_nsec = 1000000000;
    CHECK(sc(__NR_nanosleep, (long)&ts, 0, 0, 0) == -EINVAL);
    CHECK(sc(__NR_sched_yield, 0, 0, 0, 0) == 0);
    CHECK(sc(__NR_getppid, 0, 0, 0, 0) == 0);
    CHECK(sc(__NR_kill, 1, SIGKILL, 0, 0) == -EPERM);
    CHECK(sc(__NR_kill, 99, 0, 0, 0) == -ESRCH);
    /* ASID rollover: more children than ASIDs; our memory stays ours */
    for (int i = 0; i < 1024; i++) marker[i] = 0x5a5a0000 + i;
    int nkids = argc > 1 ? 600 : 40;
    char *margv[] = { "ptest", "mem", 0 };
    for (int k = 0; k < nkids; k++) {
        long c = sc(__NR_spawn, (long)"ptest", (long)margv, 0, 0);
        if (sc(__NR_wait4, c, (long)&st, 0, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st) != 7) { CHECK(0); break; }
    }
    for (int i = 0; i < 1024; i++) if (marker[i] != 0x5a5a0000 + i) { CHECK(0); break; }
    struct uvmstat vs;
    CHECK(sc(__NR_vmstat, -1, (long)&vs, 0, 0) == 0);
    printf("vmstat minor %lu major %lu invalid %lu ctxsw %lu syscalls %lu\n", vs.minor, vs.major, vs.invalid, vs.ctx_switches, vs.syscalls);
    struct umeminfo mi;
    CHECK(sc(__NR_meminfo, (long)&mi, 0, 0, 0) == 0);
    printf("meminfo total %lu free %lu used %lu pgtable %lu slab %lu kstack %lu user %lu\n", mi.total, mi.free, mi.used, mi.pgtable, mi.slab, mi.kstack, mi.user);
    char buf[64];
    n = sc(__NR_progs, (long)buf, sizeof buf, 0, 0);
    CHECK(n > 0);
    write(1, buf, n);
    CHECK(sc(__NR_progs, (long)buf, 3, 0, 0) == -ERANGE);
    /* the memory-management tests (mmtest.c) */
    char *mmargv[] = { "mmtest", 0 };
    long mp = sc(__NR_spawn, (long)"mmtest", (long)mmargv, 0, 0);
    CHECK(mp > 0 && sc(__NR_wait4, mp, (long)&st, 0, 0) == mp && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    printf("ptest: %s\n", fails ? "FAIL" : "ok");
    return fails;
}
