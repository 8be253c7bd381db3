/* k-asid.c — ASID rollover. The core and QEMU have 9 ASID bits (511 ASIDs for
 * processes): this test spawns more short-lived children than that, so the
 * kernel's ASID allocator starts a new generation (one full TLB flush, fresh
 * ASIDs on the next switch-in). Every child writes its own pid all over the same
 * virtual page and must read back only that; a long-lived child ("keeper")
 * checks its own copy of the page between yields for the whole run; and the
 * parent's copy must survive too. A stale TLB entry surviving the rollover (an
 * old translation tagged with a reused ASID) would show another process's page.
 * ps shows that the parent's ASID changed: the rollover did happen. */
#include "ktest.h"

#define NCHILD 520
static volatile int page[PAGE_SIZE / sizeof(int)] __attribute__((aligned(4096)));

static void fill(int v)
{
    for (size_t i = 0; i < PAGE_SIZE / sizeof(int); i += 64)
        page[i] = v;
}
static int holds(int v)
{
    for (size_t i = 0; i < PAGE_SIZE / sizeof(int); i += 64)
        if (page[i] != v)
            return 0;
    return 1;
}

static unsigned long my_asid(int pid)
{
    struct uproc p[8];
    int n = ps(p, 8);
    for (int i = 0; i < n; i++)
        if (p[i].pid == pid)
            return p[i].asid;
    KT_FAIL("pid %d not in ps", pid);
}

int main(int argc, char **argv)
{
    int me = getpid();
    if (argc == 2 && argv[1][0] == 'k') {       /* keeper: until killed */
        fill(me);
        for (;;) {
            if (!holds(me))
                return 1;
            sched_yield();
        }
    }
    if (argc == 2) {                            /* a short-lived child */
        fill(me);
        return holds(me) ? 0 : 1;
    }
    fill(0x5a5a);
    char *kargv[] = { TEST_NAME, "keeper", NULL }, *cargv[] = { TEST_NAME, "c", NULL };
    int keeper = spawn(TEST_NAME, kargv);
    CHECK(keeper > 0);
    unsigned long asid0 = my_asid(me);
    for (int i = 0; i < NCHILD; i++) {
        int c = spawn(TEST_NAME, cargv);
        if (c < 0)
            KT_FAIL("spawn %d: %s", i, strerror(errno));
        int st = kt_wait(c);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
            KT_FAIL("child %d (pid %d) saw another page: status 0x%x", i, c, st);
        if (!holds(0x5a5a))
            KT_FAIL("the parent's page changed after child %d", i);
    }
    unsigned long asid1 = my_asid(me);
    CHECK(asid1 != asid0);                      /* a new generation gave a new ASID */
    CHECK_EQ(kill(keeper, SIGKILL), 0);
    int st = kt_wait(keeper);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);   /* not exit(1): intact */
    return kt_ok();
}
