/* k-stack.c — the user stack grows on faults, within its limits. Deep recursion
 * grows the [stack] VMA (maps shows its new start; one minor fault per page);
 * in children, each killed with SIGSEGV and the kernel's one-line report: a
 * store just below the USTACK_MAX limit, unbounded recursion, and a store below
 * a MAP_FIXED page placed inside the guard gap (growth stops STACK_GUARD_GAP
 * above it, while the pages above that still grow). */
#include "ktest.h"

#define STACK_TOP 0xbffff000u           /* USTACK_TOP (memlayout.h) */
#define STACK_MAX (256u * 1024)         /* USTACK_MAX */
#define GUARD_GAP (1024u * 1024)        /* STACK_GUARD_GAP */

/* the start of the [stack] line of maps */
static unsigned long stack_start(void)
{
    static char buf[2048];
    ssize_t n = maps(0, buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n] = 0;
    char *s = strstr(buf, "[stack]");
    CHECK(s != NULL);
    while (s > buf && s[-1] != '\n')
        s--;
    return strtoul(s, NULL, 16);
}

static int recurse(int depth)
{
    volatile char frame[1000];
    frame[0] = (char)depth;
    frame[999] = (char)depth;
    if (depth == 0)
        return frame[0];
    return recurse(depth - 1) + frame[999];
}

static int forever(int depth)           /* stops only at depth 1M: far past the limit */
{
    volatile char frame[1000];
    frame[0] = (char)depth;
    if (depth == 1000000)
        return 0;
    return forever(depth + 1) + frame[0];
}

static int child(const char *kind)
{
    if (!strcmp(kind, "limit")) {
        *(volatile char *)(STACK_TOP - STACK_MAX + 64) = 1;        /* allowed: inside */
        *(volatile char *)(STACK_TOP - STACK_MAX - 64) = 1;        /* beyond: SIGSEGV */
    } else if (!strcmp(kind, "forever")) {
        return forever(0);
    } else if (!strcmp(kind, "gap")) {
        uintptr_t low = STACK_TOP - 128 * 1024 - GUARD_GAP - PAGE_SIZE;
        if (mmap((void *)low, PAGE_SIZE, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != (void *)low)
            return 3;
        *(volatile char *)(STACK_TOP - 128 * 1024) = 1;            /* gap kept: grows */
        *(volatile char *)(STACK_TOP - 128 * 1024 - 64) = 1;       /* into the gap: SIGSEGV */
    } else {
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2)
        return child(argv[1]);

    unsigned long s0 = stack_start();
    struct uvmstat v0 = kt_vmstat(0);
    CHECK(s0 < STACK_TOP && s0 >= STACK_TOP - 4 * PAGE_SIZE);
    CHECK_EQ(recurse(64), 64 * 65 / 2);
    unsigned long s1 = stack_start();
    struct uvmstat v1 = kt_vmstat(0);
    unsigned long grown = (s0 - s1) / PAGE_SIZE;
    printf("%s: stack start 0x%08lx -> 0x%08lx (%lu pages)\n", TEST_NAME, s0, s1, grown);
    CHECK(s1 < s0 && s1 <= STACK_TOP - 64 * 1000);
    CHECK(v1.minor - v0.minor >= grown);      /* one minor fault per new page, at least */
    CHECK(sys_call1(__NR_mm_check, 0) >= 0);

    static const char *const kinds[] = { "limit", "forever", "gap" };
    for (unsigned i = 0; i < ARRAY_SIZE(kinds); i++) {
        char *args[] = { TEST_NAME, (char *)kinds[i], NULL };
        printf("%s: %s\n", TEST_NAME, kinds[i]);
        int pid = spawn(TEST_NAME, args);
        CHECK(pid > 0);
        int st = kt_wait(pid);
        if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGSEGV)
            KT_FAIL("%s: wait status 0x%x, expected killed by SIGSEGV", kinds[i], st);
    }
    return kt_ok();
}
