/* k-fuzz.c — a deterministic system call fuzzer. A fixed-seed xorshift generator
 * (seed printed; build with -DSEED=N to try another) makes NCALLS calls:
 * known numbers (every call of uapi.h but exit/exit_group) and unknown ones,
 * with arguments drawn from interesting values: 0, -1, small and huge integers,
 * NULL, unaligned, kernel, unmapped, read-only and PROT_NONE user pointers,
 * addresses near TASK_SIZE and around the stack limit, wrap-around ranges.
 *
 * Checks, during the storm: unknown numbers give -ENOSYS; a known call returns
 * a value >= 0 or one of the kernel's errno values, never -EIO (mm_check's
 * inconsistency) or -EINTR (nobody kills us); getpid stays 1; mm_check passes
 * every 256 calls. After it: the process's own memory (data, bss, heap, an mmap
 * area, its stack frame) has the checksums it had before; its maps text is
 * sane (page-aligned, sorted, non-overlapping, in user space) and a tiny maps
 * buffer gets a prefix of it; every child spawned was reaped; the kernel's
 * shutdown leak check does the rest.
 *
 * What is avoided (calls that would end or stall the test, not kernel bugs):
 * exit/exit_group; read of fd 0 with a nonzero count (blocks for input);
 * nanosleep with a valid long request; write of readable memory to the console;
 * brk, munmap, mprotect and MAP_FIXED mmap over the test's own memory (text,
 * data, bss, heap, checksummed area, the stack and its growth range). Those may
 * hit the scratch area, which is fair game. Children (spawned with this
 * program's name) see a parent and exit at once with status 7; each is reaped
 * right after its spawn, so no child's life depends on timer interrupts (the
 * console output must be the same on QEMU and the RTL). */
#include "ktest.h"

#define NCALLS  1700
#ifndef SEED
#define SEED    0x2545f491u
#endif
#define SCRATCH 0x40000000u             /* 16 pages the fuzzer may destroy */
#define NSCR    16
#define SAFE_PAGES 4                    /* checksummed mmap area */

static uint32_t rng;
static uint32_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}
#define PICK(a) ((a)[rnd() % ARRAY_SIZE(a)])

/* the memory whose checksums must survive */
static uint32_t data_words[64] = { 1, 2, 3, 5, 8, 13, 21, 34 };
static uint32_t bss_words[1024];
static uint32_t *heap;                  /* 2 pages from sbrk */
static uint32_t *safe;                  /* SAFE_PAGES pages from mmap */
static uintptr_t brk0, heap_end, safe_lo, safe_hi;

static uint32_t sum(const uint32_t *p, size_t n)
{
    uint32_t s = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++)
        s = (s ^ p[i]) * 0x01000193u;
    return s;
}

static uint32_t checksum(void)
{
    return sum(data_words, ARRAY_SIZE(data_words)) ^ sum(bss_words, ARRAY_SIZE(bss_words)) * 3 ^
           sum(heap, 2 * PAGE_SIZE / 4) * 5 ^ sum(safe, SAFE_PAGES * PAGE_SIZE / 4) * 7;
}

/* pointer arguments; "ok" ones are readable user memory (not written to the console) */
static uintptr_t ro_page, none_page;
static const struct timespec32 *tspecs;   /* in the read-only page */
static char *const *argv_ok, *const *argv_bad, *const *argv_many;

static int hits_own(uintptr_t a, uintptr_t len);

/* never readable nor writable, whatever the storm did (nothing can map there) */
static uintptr_t pick_bad_ptr(void)
{
    static const uintptr_t bad[] = {
        0, 1, 3, 0xfff, 0xbffff000, 0xbffffffc, 0xbffffffe, 0xbfffffff, 0xc0000000,
        0xc0010000, 0xf0000000, 0xfe000000, 0xfffff000, 0xffffffff,
    };
    if (rnd() % 4 == 0)
        return none_page + rnd() % 2;
    return rnd() % 4 ? PICK(bad) : (rnd() | 0xc0000000u);
}

/* any pointer but one into the test's own memory; *readable when it points at
 * memory that may be readable */
static uintptr_t pick_ptr(int *readable)
{
    static const uintptr_t odd[] = {
        0x1000, 0x7ffff000, 0x3ffffffe, 0x10000, 0x10001,          /* text is read-only */
        0xbffff000 - 256 * 1024, 0xbffff000 - 256 * 1024 - 4096,     /* stack limit and below */
        0xbffff000 - 256 * 1024 - 512 * 1024,                       /* in the guard gap */
    };
    uintptr_t p;
    *readable = 1;
    switch (rnd() % 6) {
    case 0: case 1: *readable = 0; return pick_bad_ptr();
    case 2: return ro_page + (rnd() % 4 ? 0 : rnd() % PAGE_SIZE);
    case 3: return SCRATCH + (rnd() % NSCR) * PAGE_SIZE + (rnd() % 3 ? 0 : rnd() % 64);
    case 4: return PICK(odd);
    default:
        p = rnd();
        return hits_own(p, PAGE_SIZE) && !(p >= 0x10000 && p < 0x10000 + 0x1000) ? 0 : p;
    }
}

static uint32_t pick_int(void)
{
    static const uint32_t v[] = {
        0, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 64, 100, 4095, 4096, 4097, 8192,
        0x10000, 0x100000, 0x7fffffff, 0x80000000, 0xbffff000, 0xc0000000, 0xfffff000,
        0xfffffffe, 0xffffffff, 1000000000, 999999999,
    };
    return rnd() % 4 ? PICK(v) : rnd();
}

/* Does [a, a + len) (page-rounded, wrapping taken as "to the end") touch the
 * test's own memory? */
static int hits_own(uintptr_t a, uintptr_t len)
{
    uintptr_t lo = a & ~(uintptr_t)(PAGE_SIZE - 1);
    uintptr_t hi = a + len + PAGE_SIZE - 1 < a ? 0xffffffffu
                 : (a + len + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1);
    if (len == 0)
        hi = lo + PAGE_SIZE;
    const uintptr_t stack_lo = 0xbffff000u - 256 * 1024 - 1024 * 1024 - 2 * PAGE_SIZE;
    return (lo < heap_end && hi > 0x10000) || (lo < safe_hi && hi > safe_lo) ||
           hi > stack_lo || (lo < ro_page + PAGE_SIZE && hi > ro_page) ||
           (lo < none_page + PAGE_SIZE && hi > none_page);
}

static const int known[] = {
    __NR_read, __NR_write, __NR_nanosleep, __NR_sched_yield, __NR_kill, __NR_getpid,
    __NR_getppid, __NR_brk, __NR_munmap, __NR_mmap, __NR_mprotect, __NR_wait4, __NR_spawn,
    __NR_maps, __NR_ps, __NR_vmstat, __NR_meminfo, __NR_progs, __NR_mm_check,
};

static int is_known(long n)
{
    if (n == __NR_exit || n == __NR_exit_group)
        return 1;
    for (unsigned i = 0; i < ARRAY_SIZE(known); i++)
        if (known[i] == n)
            return 1;
    return 0;
}

static int errno_ok(long r)
{
    static const int ok[] = { EPERM, ENOENT, ESRCH, E2BIG, ENOEXEC, EBADF, ECHILD, ENOMEM,
                              EFAULT, EEXIST, ENODEV, EINVAL, ERANGE };
    for (unsigned i = 0; i < ARRAY_SIZE(ok); i++)
        if (r == -ok[i])
            return 1;
    return 0;
}

static int spawned, reaped;
static int child_pids[8];

static long pick_pid(void)
{
    static const long v[] = { 0, -1, 1, 2, 3, -2, 9999, 0x7fffffff, (long)0x80000000 };
    return rnd() % 2 ? child_pids[rnd() % ARRAY_SIZE(child_pids)] : PICK(v);
}

static const long sigs[] = { 0, 9, 11, 15, 31, 32, -1, 64 };
static const long mflags[] = {
    MAP_PRIVATE | MAP_ANONYMOUS, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, MAP_SHARED | MAP_ANONYMOUS,
    MAP_PRIVATE, 0, -1,
};

/* One random call; its result is checked here. */
static void one_call(int i)
{
    long n, a[6];
    int rd[6] = { 0 };
    for (int k = 0; k < 6; k++)
        a[k] = (long)(rnd() % 2 ? pick_int() : pick_ptr(&rd[k]));

    if (rnd() % 8) {
        n = PICK(known);
        if ((n == __NR_mm_check || n == __NR_meminfo) && rnd() % 8)
            n = __NR_getppid;           /* they scan every frame: ~40k instructions each */
    } else {
        static const long odd[] = { 0, 1, 62, 65, 92, 95, 172 + 1000, 499, 507, 1023,
                                    0x7fffffff, -1, -64 };
        n = rnd() % 2 ? PICK(odd) : (long)rnd();
        if (n == __NR_exit || n == __NR_exit_group)
            n = 1;
    }
    switch (n) {
    case __NR_read:
        if (a[0] == 0 && a[2] != 0)
            a[0] = rnd() % 2 ? 0 : 5, a[2] = a[0] ? a[2] : 0;
        break;
    case __NR_write:
        if ((a[0] == 1 || a[0] == 2) && a[2])
            a[1] = (long)pick_bad_ptr();    /* nothing reaches the console */
        break;
    case __NR_nanosleep:
        a[0] = rnd() % 2 ? (long)&tspecs[rnd() % 4] : (long)pick_bad_ptr();
        break;
    case __NR_kill:
        a[0] = pick_pid();
        a[1] = rnd() % 2 ? PICK(sigs) : a[1];
        break;
    case __NR_wait4:
        a[0] = pick_pid();
        a[2] = rnd() % 2 ? (long)(rnd() % 3) : a[2];
        a[3] = rnd() % 2 ? 0 : a[3];
        break;
    case __NR_spawn:
        a[0] = rnd() % 2 ? (long)(rnd() % 2 ? TEST_NAME : "nope") : a[0];
        a[1] = rnd() % 5 == 0 ? a[1] : rnd() % 4 == 0 ? 0
             : (long)(rnd() % 3 == 0 ? argv_ok : rnd() % 2 ? argv_bad : argv_many);
        break;
    case __NR_maps: case __NR_vmstat: case __NR_mm_check:
        a[0] = pick_pid();
        break;
    case __NR_brk:                      /* growing is fine; shrinking into the heap is not */
        if ((uintptr_t)a[0] >= brk0 && (uintptr_t)a[0] < heap_end)
            return;
        break;
    case __NR_munmap: case __NR_mprotect:
        if (hits_own(a[0], a[1]))
            return;
        break;
    case __NR_mmap:
        a[3] = rnd() % 4 ? PICK(mflags) : a[3];
        a[2] = rnd() % 2 ? (long)(rnd() % 16) : a[2];
        a[4] = rnd() % 2 ? -1 : a[4];
        if ((a[3] & (MAP_FIXED | MAP_FIXED_NOREPLACE)) && hits_own(a[0], a[1]))
            return;
        break;
    }

#ifdef FUZZ_TRACE                        /* -DFUZZ_TRACE: report the slow calls */
    unsigned long t0, t1;
    __asm__ volatile("csrr %0, instret" : "=r"(t0));
#endif
    long r = sys_call6(n, a[0], a[1], a[2], a[3], a[4], a[5]);
#ifdef FUZZ_TRACE                        /* -DFUZZ_TRACE: report the slow calls */
    __asm__ volatile("csrr %0, instret" : "=r"(t1));
    if (t1 - t0 > 100000)
        dprintf(2, "%d: %ld(%lx, %lx, %lx, %lx, %lx, %lx) = %lx: %lu instructions\n", i, n, a[0],
                a[1], a[2], a[3], a[4], a[5], r, t1 - t0);
#endif

    if (!is_known(n)) {
        if (r != -ENOSYS)
            KT_FAIL("call %d: syscall %ld = %ld, expected -ENOSYS", i, n, r);
        return;
    }
    if (n == __NR_getpid && r != 1)
        KT_FAIL("call %d: getpid = %ld", i, r);
    if (n == __NR_spawn && r > 0) {
        /* reap it now: a child alive across later calls would run, fault and
         * die at timer-dependent moments, and the counts the kernel prints at
         * the end would differ between QEMU and the RTL */
        int st = 0;
        spawned++;
        child_pids[spawned % ARRAY_SIZE(child_pids)] = (int)r;
        if (wait4((int)r, &st, 0, NULL) != r || !WIFEXITED(st) || WEXITSTATUS(st) != 7)
            KT_FAIL("call %d: child %ld did not exit 7 (status 0x%x)", i, r, st);
        reaped++;
    }
    if (n == __NR_wait4 && r > 0)
        reaped++;
    if (n == __NR_mmap || n == __NR_brk) {  /* addresses, or -errno */
        if (SYS_IS_ERR(r) && !errno_ok(r))
            KT_FAIL("call %d: syscall %ld(0x%lx, 0x%lx, 0x%lx, 0x%lx) = %ld", i, n, a[0], a[1],
                    a[2], a[3], r);
        if (!SYS_IS_ERR(r) && ((uintptr_t)r >= 0xc0000000u || (n == __NR_mmap && (r & 0xfff))))
            KT_FAIL("call %d: syscall %ld gave address 0x%lx", i, n, r);
        return;
    }
    if (r < 0 && !errno_ok(r))
        KT_FAIL("call %d: syscall %ld(0x%lx, 0x%lx, 0x%lx, 0x%lx) = %ld", i, n, a[0], a[1], a[2],
                a[3], r);
}

static void check_maps(void)
{
    static char buf[4096], tiny[16];
    ssize_t n = maps(0, buf, sizeof buf - 1);
    CHECK(n > 0 && n < (ssize_t)sizeof buf - 1);
    buf[n] = 0;
    unsigned long prev_end = 0;
    int lines = 0;
    for (char *p = buf; *p; lines++) {
        char *e;
        unsigned long s = strtoul(p, &e, 16);
        CHECK(*e == '-');
        unsigned long t = strtoul(e + 1, &e, 16);
        CHECK(*e == ' ');
        if ((s | t) & (PAGE_SIZE - 1) || s >= t || s < prev_end || t > 0xc0000000ul)
            KT_FAIL("maps line %d: %08lx-%08lx after %08lx", lines, s, t, prev_end);
        prev_end = t;
        p = strchr(p, '\n');
        CHECK(p != NULL);
        p++;
    }
    CHECK(lines >= 3);
    ssize_t m = maps(0, tiny, 10);
    CHECK(m >= 0 && m <= 10);
    CHECK(!memcmp(tiny, buf, (size_t)m));
    printf("%s: maps: %d VMAs, sorted and page-aligned\n", TEST_NAME, lines);
}

int main(void)
{
    if (getppid() != 0)
        return 7;                        /* a child spawned by the storm */
    uint32_t stack_words[256];
    rng = SEED;
    printf("%s: seed 0x%08lx, %d calls\n", TEST_NAME, (unsigned long)rng, NCALLS);

    /* the memory to keep intact */
    for (unsigned i = 0; i < ARRAY_SIZE(bss_words); i++)
        bss_words[i] = i * 2654435761u;
    brk0 = (uintptr_t)sbrk(0);
    heap = sbrk(2 * PAGE_SIZE);
    CHECK(heap != (void *)-1);
    heap_end = (uintptr_t)sbrk(0);
    for (unsigned i = 0; i < 2 * PAGE_SIZE / 4; i++)
        heap[i] = ~i;
    safe = mmap(NULL, SAFE_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                -1, 0);
    CHECK(safe != MAP_FAILED);
    safe_lo = (uintptr_t)safe;
    safe_hi = safe_lo + SAFE_PAGES * PAGE_SIZE;
    for (unsigned i = 0; i < SAFE_PAGES * PAGE_SIZE / 4; i++)
        safe[i] = i ^ 0x5a5a5a5a;
    for (unsigned i = 0; i < ARRAY_SIZE(stack_words); i++)
        stack_words[i] = i * 7 + 1;
    uint32_t before = checksum(), stack_before = sum(stack_words, ARRAY_SIZE(stack_words));

    /* pointer targets: a read-only page (safe timespecs, argv arrays), a PROT_NONE
     * page, the scratch area */
    char *ro = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(ro != MAP_FAILED);
    struct timespec32 *ts = (void *)ro;
    ts[0] = (struct timespec32){ 0, 0 };
    ts[1] = (struct timespec32){ 0, -1 };
    ts[2] = (struct timespec32){ -1, 0 };
    ts[3] = (struct timespec32){ 0, 1000000000 };
    tspecs = ts;
    char **av = (char **)(ro + 64);
    strcpy(ro + 1024, TEST_NAME);
    av[0] = ro + 1024; av[1] = ro + 1024; av[2] = NULL;         /* argv_ok */
    av[4] = ro + 1024; av[5] = (char *)0xc0000000; av[6] = NULL;  /* argv_bad */
    for (int k = 0; k < 20; k++)                                  /* argv_many */
        av[8 + k] = ro + 1024;
    av[28] = NULL;
    argv_ok = av; argv_bad = av + 4; argv_many = av + 8;
    CHECK_EQ(mprotect(ro, PAGE_SIZE, PROT_READ), 0);
    ro_page = (uintptr_t)ro;
    none_page = (uintptr_t)mmap(NULL, PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(none_page != (uintptr_t)MAP_FAILED);
    CHECK(mmap((void *)SCRATCH, NSCR * PAGE_SIZE, PROT_READ | PROT_WRITE,
               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == (void *)SCRATCH);

    for (int i = 0; i < NCALLS; i++) {
        one_call(i);
        if (i % 256 == 255) {
            long r = sys_call1(__NR_mm_check, 0);
            if (r < 0)
                KT_FAIL("call %d: mm_check = %ld", i, r);
        }
    }

    /* after the storm */
    int st, r;
    while ((r = wait4(-1, &st, 0, NULL)) > 0)
        reaped++;
    CHECK_EQ(errno, ECHILD);
    CHECK(reaped <= spawned);           /* wait4 with a bad status pointer reaps and says EFAULT */
    struct uproc procs[4];
    CHECK_EQ(ps(procs, 4), 1);          /* no child left, not even a zombie */
    CHECK_EQ(getpid(), 1);
    CHECK(checksum() == before);
    CHECK(sum(stack_words, ARRAY_SIZE(stack_words)) == stack_before);
    CHECK(sys_call1(__NR_mm_check, 0) >= 0);
    check_maps();
    return kt_ok();
}
