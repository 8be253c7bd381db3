/* k-preempt.c — timer preemption: a CPU-bound child that never makes a system
 * call ("k-preempt spin") must not starve this process. After starting it, the
 * parent yields and sleeps (without preemption the spinner would keep the CPU
 * for ever and the run would time out), then checks the spinner is running and
 * has been switched in, kills it (SIGKILL) and reaps it. */
#include "ktest.h"

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "spin")) {
        for (volatile unsigned long n = 0;; n++)
            ;
    }
    char *args[] = { TEST_NAME, "spin", NULL };
    int pid = spawn(TEST_NAME, args);
    CHECK(pid > 0);
    sched_yield();
    CHECK_EQ(sleep_ms(3), 0);
    volatile unsigned long work = 0;            /* CPU-bound here too: both share the CPU */
    for (unsigned long i = 0; i < 20000; i++)
        work += i;
    CHECK_EQ(work, 20000UL * 19999 / 2);
    struct uproc p[8];
    int n = ps(p, 8), seen = 0;
    for (int i = 0; i < n; i++)
        if (p[i].pid == pid) {
            seen = 1;
            CHECK(p[i].state == UPROC_RUNNING);
            CHECK_EQ(p[i].ppid, getpid());
        }
    CHECK(seen);
    CHECK(kt_vmstat(pid).ctx_switches >= 1);
    CHECK_EQ(kill(pid, SIGKILL), 0);
    int st = kt_wait(pid);
    CHECK(WIFSIGNALED(st));
    CHECK_EQ(WTERMSIG(st), SIGKILL);
    return kt_ok();
}
