/* k-killstorm.c — kill(SIGKILL) reaches a process whatever it is doing, and
 * everything it held comes back. Children of this program, each parked in a
 * different state before it is killed:
 *   spin     touched 3 pages, then spins in user mode (preempted by the timer)
 *   sleep    touched 2 pages, then sleeps in nanosleep (woken by the kill: -EINTR)
 *   yield    loops on sched_yield (killed on its way back to user mode)
 *   waiter   spawned a "sleep" grandchild and blocks in wait4 on it; killed, it
 *            leaves the grandchild an orphan, which init (this test) inherits,
 *            kills and reaps
 *   read     blocks reading the console, which has no input
 * Each child is killed only once its fault counters show it reached its parked
 * state, so what it faulted in is the same on every platform (the kernel's final
 * counts are compared across QEMU and the RTL). Every status must say SIGKILL;
 * the kernel's shutdown leak check covers the frames, page tables and stacks. */
#include "ktest.h"

static char pages[4 * PAGE_SIZE] __attribute__((aligned(4096)));

static void touch(int n)
{
    for (int i = 0; i < n; i++)
        ((volatile char *)pages)[i * PAGE_SIZE] = 1;
}

static int child(const char *what)
{
    if (!strcmp(what, "spin")) {
        touch(3);
        for (;;)
            ;
    }
    if (!strcmp(what, "sleep")) {
        touch(2);
        for (;;)
            sleep_ms(1000);
    }
    if (!strcmp(what, "yield")) {
        for (;;)
            sched_yield();
    }
    if (!strcmp(what, "waiter")) {
        char *gargv[] = { TEST_NAME, "sleep", NULL };
        int g = spawn(TEST_NAME, gargv);
        int st;
        wait4(g, &st, 0, NULL);
        return 3;                               /* only if wait4 returned */
    }
    if (!strcmp(what, "read")) {
        char c;
        read(0, &c, 1);
        return 4;
    }
    return 2;
}

static struct uproc find(int pid)
{
    struct uproc p[16];
    int n = ps(p, 16);
    for (int i = 0; i < n; i++)
        if (p[i].pid == pid)
            return p[i];
    KT_FAIL("pid %d is not in ps", pid);
}

/* Yields until pid is in state st with at least minor minor faults. */
static void park(int pid, char st, unsigned long minor)
{
    for (int i = 0; i < 10000; i++) {
        struct uproc p = find(pid);
        if (p.state == st && p.minor >= minor)
            return;
        sched_yield();
    }
    KT_FAIL("pid %d never reached state %c with %lu minor faults", pid, st, minor);
}

static void kill_and_reap(int pid)
{
    CHECK_EQ(kill(pid, SIGKILL), 0);
    int st = kt_wait(pid);
    if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGKILL)
        KT_FAIL("pid %d: status 0x%x, expected SIGKILL", pid, st);
}

int main(int argc, char **argv)
{
    if (argc == 2)
        return child(argv[1]);
    char *spin[] = { TEST_NAME, "spin", NULL }, *slp[] = { TEST_NAME, "sleep", NULL };
    char *yld[] = { TEST_NAME, "yield", NULL }, *wtr[] = { TEST_NAME, "waiter", NULL };
    char *rd[] = { TEST_NAME, "read", NULL };
    int ps_spin = spawn(TEST_NAME, spin), ps_sleep = spawn(TEST_NAME, slp);
    int ps_yield = spawn(TEST_NAME, yld), ps_wait = spawn(TEST_NAME, wtr);
    int ps_read = spawn(TEST_NAME, rd);
    CHECK(ps_spin > 0 && ps_sleep > 0 && ps_yield > 0 && ps_wait > 0 && ps_read > 0);

    /* the spinner: running, with its 3 pages plus the stack page */
    park(ps_spin, UPROC_RUNNING, 4);
    kill_and_reap(ps_spin);
    park(ps_sleep, UPROC_SLEEPING, 3);
    kill_and_reap(ps_sleep);
    park(ps_read, UPROC_SLEEPING, 1);
    kill_and_reap(ps_read);
    park(ps_yield, UPROC_RUNNING, 1);
    kill_and_reap(ps_yield);

    /* the waiter and its sleeping grandchild (the waiter's pid + 1: pids are
     * handed out in order and nothing else spawns meanwhile) */
    int grand = ps_read + 1;
    park(ps_wait, UPROC_SLEEPING, 1);
    park(grand, UPROC_SLEEPING, 3);
    CHECK_EQ(find(grand).ppid, ps_wait);
    kill_and_reap(ps_wait);
    CHECK_EQ(find(grand).ppid, getpid());       /* the orphan is init's now */
    kill_and_reap(grand);

    int st;
    CHECK_ERR(wait4(-1, &st, WNOHANG, NULL), ECHILD);
    return kt_ok();
}
