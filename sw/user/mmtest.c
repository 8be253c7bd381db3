/* mmtest.c — memory-management tests: mmap/munmap/mprotect/brk semantics and
 * errno values, VMA split/merge seen through the maps query, exact fault
 * counts, user copies that fault (uaccess fix-up), the reverse-map check,
 * vmalloc'd kernel stacks. Each group prints "<name>: ok" when all its checks
 * pass; the exit status is the number of failed checks (0: all passed).
 *
 * With an argument it is a helper child: "wro" stores to a read-only page,
 * "none" loads from a PROT_NONE page (both must be killed by SIGSEGV), "spin"
 * sleeps until killed.
 */
#include "ulib.h"

#define PAGE 4096ul
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define OK(r) ((unsigned long)(r) < 0xFFFFF000ul)   /* not -errno */

static long sc6(long n, long a0, long a1, long a2, long a3, long a4, long a5)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r3 __asm__("a3") = a3;
    register long r4 __asm__("a4") = a4;
    register long r5 __asm__("a5") = a5;
    register long r7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
                     : "memory");
    return r0;
}
#define sc(n, a, b, c) sc6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

static long mmap_(unsigned long a, unsigned long len, int prot, int flags, int fd, unsigned long off)
{
    return sc6(__NR_mmap, (long)a, (long)len, prot, flags, fd, (long)off);
}
static long munmap_(unsigned long a, unsigned long len) { return sc(__NR_munmap, a, len, 0); }
static long mprotect_(unsigned long a, unsigned long len, int prot)
{
    return sc(__NR_mprotect, a, len, prot);
}
static unsigned long brk_(unsigned long a) { return (unsigned long)sc(__NR_brk, a, 0, 0); }
static unsigned long minor_faults(void)
{
    struct uvmstat st;
    return sc(__NR_vmstat, 0, &st, 0) ? ~0ul : st.minor;
}

static int fails, group_fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
                                  fails++; group_fails++; } } while (0)
static void group_end(const char *name)
{
    if (!group_fails)
        printf("%s: ok\n", name);
    group_fails = 0;
}

static char mapsbuf[4096];
static int nmaps;                               /* bytes in mapsbuf */
static void read_maps(void)
{
    nmaps = (int)sc(__NR_maps, 0, mapsbuf, sizeof mapsbuf - 1);
    mapsbuf[nmaps > 0 ? nmaps : 0] = 0;
}
static int hex8(const char *s, unsigned long *v)
{
    *v = 0;
    for (int i = 0; i < 8; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return 0;
        *v = *v << 4 | (unsigned long)d;
    }
    return 1;
}
/* The maps line covering addr: its start, end and perms; 0 if none. */
static int maps_find(unsigned long addr, unsigned long *s, unsigned long *e, char perms[5])
{
    for (const char *l = mapsbuf; *l; ) {
        if (hex8(l, s) && l[8] == '-' && hex8(l + 9, e) && *s <= addr && addr < *e) {
            for (int i = 0; i < 4; i++)
                perms[i] = l[18 + i];
            perms[4] = 0;
            return 1;
        }
        while (*l && *l != '\n')
            l++;
        if (*l)
            l++;
    }
    return 0;
}
static int streq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}
static int contains(const char *h, const char *n)
{
    for (; *h; h++) {
        const char *a = h, *b = n;
        while (*b && *a == *b)
            a++, b++;
        if (!*b)
            return 1;
    }
    return 0;
}
/* Checks that addr's VMA is exactly [s, e) with perms p. */
static int vma_is(unsigned long addr, unsigned long s, unsigned long e, const char *p)
{
    unsigned long vs, ve;
    char perms[5];
    read_maps();
    return maps_find(addr, &vs, &ve, perms) && vs == s && ve == e && streq(perms, p);
}

/* Spawns this program with one argument, waits; the wait status. */
static int run_child(const char *arg)
{
    char *argv[] = { "mmtest", (char *)arg, 0 };
    long pid = sc(__NR_spawn, "mmtest", argv, 0);
    int st = -1;
    if (pid <= 0 || sc6(__NR_wait4, pid, (long)&st, 0, 0, 0, 0) != pid)
        return -1;
    return st;
}

static void test_mmap(void)
{
    unsigned long len = 8 * PAGE;
    long p = mmap_(0, len, RW, ANON, -1, 0);
    CHECK(OK(p) && (p & (PAGE - 1)) == 0);
    unsigned long m0 = minor_faults();
    for (unsigned long i = 0; i < 8; i++)
        ((volatile char *)p)[i * PAGE + 7] = (char)(i + 1);
    CHECK(minor_faults() - m0 == 8);                    /* one minor fault per page */
    for (unsigned long i = 0; i < 8; i++)
        CHECK(((volatile char *)p)[i * PAGE + 7] == (char)(i + 1));
    CHECK(minor_faults() - m0 == 8);                    /* no more on re-reading */
    CHECK(sc(__NR_mm_check, 0, 0, 0) >= 8);

    /* top-down: the next mapping goes right below, and merges with it */
    long q = mmap_(0, 2 * PAGE, RW, ANON, -1, 0);
    CHECK(q == p - (long)(2 * PAGE));
    CHECK(vma_is(p, q, p + len, "rw-p"));
    /* a hint that is free is taken as is */
    long h = mmap_(0x40000000, PAGE, PROT_READ, ANON, -1, 0);
    CHECK(h == 0x40000000);
    /* munmap in the middle splits the VMA; the frame goes back */
    struct umeminfo mi0, mi1;
    sc(__NR_meminfo, &mi0, 0, 0);
    CHECK(munmap_(p + 3 * PAGE, PAGE) == 0);
    sc(__NR_meminfo, &mi1, 0, 0);
    CHECK(mi1.free >= mi0.free + 1);
    CHECK(vma_is(p, q, p + 3 * PAGE, "rw-p"));
    CHECK(vma_is(p + 4 * PAGE, p + 4 * PAGE, p + len, "rw-p"));
    CHECK(munmap_(p + 3 * PAGE, PAGE) == 0);            /* a hole again: fine */
    CHECK(((volatile char *)p)[4 * PAGE + 7] == 5);     /* the rest kept its data */
    /* MAP_FIXED over part of a mapping replaces it with fresh zero pages */
    CHECK(mmap_(p + 4 * PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0) == p + 4 * (long)PAGE);
    CHECK(((volatile char *)p)[4 * PAGE + 7] == 0);
    CHECK(((volatile char *)p)[5 * PAGE + 7] == 6);
    CHECK(mmap_(p, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0) == -EEXIST);
    CHECK(mmap_(p + 3 * PAGE, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0) == p + 3 * (long)PAGE);
    CHECK(vma_is(p, q, p + len, "rw-p"));               /* filled back: one VMA */
    /* PROT_NONE */
    long n = mmap_(0, PAGE, PROT_NONE, ANON, -1, 0);
    CHECK(OK(n) && vma_is(n, n, n + PAGE, "---p"));
    CHECK(sc(__NR_mm_check, 0, 0, 0) > 0);
    /* errors */
    CHECK(mmap_(0, 0, RW, ANON, -1, 0) == -EINVAL);
    CHECK(mmap_(0, PAGE, RW, ANON, -1, 100) == -EINVAL);
    CHECK(mmap_(0, PAGE, RW, MAP_PRIVATE, -1, 0) == -EBADF);
    CHECK(mmap_(0, PAGE, RW, MAP_PRIVATE, 1, 0) == -ENODEV);
    CHECK(mmap_(0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0) == -EINVAL);
    CHECK(mmap_(0, PAGE, RW, MAP_ANONYMOUS, -1, 0) == -EINVAL);
    CHECK(mmap_(0x40000100, PAGE, RW, ANON | MAP_FIXED, -1, 0) == -EINVAL);
    CHECK(mmap_(0, PAGE, RW, ANON | MAP_FIXED, -1, 0) == -EPERM);
    CHECK(mmap_(0xBFFFF000, 2 * PAGE, RW, ANON | MAP_FIXED, -1, 0) == -ENOMEM);
    CHECK(mmap_(0, 0xFFFFF001, RW, ANON, -1, 0) == -ENOMEM);
    CHECK(mmap_(0, 0xC0000000, RW, ANON, -1, 0) == -ENOMEM);
    CHECK(munmap_(p + 1, PAGE) == -EINVAL);
    CHECK(munmap_(p, 0) == -EINVAL);
    CHECK(munmap_(0xC0000000, PAGE) == -EINVAL);
    CHECK(munmap_(0xBFFFF000, 0x2000) == -EINVAL);
    /* clean up: everything goes, the maps no longer show it */
    CHECK(munmap_(q, len + 2 * PAGE) == 0 && munmap_(h, PAGE) == 0 && munmap_(n, PAGE) == 0);
    read_maps();
    unsigned long s, e;
    char perms[5];
    CHECK(!maps_find(p, &s, &e, perms) && !maps_find(h, &s, &e, perms));
    CHECK(sc(__NR_mm_check, 0, 0, 0) > 0);
    group_end("mm_mmap");
}

static void test_mprotect(void)
{
    long p = mmap_(0, 4 * PAGE, RW, ANON, -1, 0);
    for (int i = 0; i < 4; i++)
        ((volatile int *)p)[i * 1024] = 100 + i;
    CHECK(mprotect_(p + PAGE, PAGE, PROT_READ) == 0);
    CHECK(vma_is(p, p, p + PAGE, "rw-p"));
    CHECK(vma_is(p + PAGE, p + PAGE, p + 2 * PAGE, "r--p"));
    CHECK(vma_is(p + 2 * PAGE, p + 2 * PAGE, p + 4 * PAGE, "rw-p"));
    CHECK(((volatile int *)p)[1024] == 101);
    CHECK(mprotect_(p + PAGE, PAGE, RW) == 0);           /* merges back into one */
    CHECK(vma_is(p, p, p + 4 * PAGE, "rw-p"));
    CHECK(mprotect_(p, 4 * PAGE, PROT_NONE) == 0);
    CHECK(vma_is(p, p, p + 4 * PAGE, "---p"));
    CHECK(sc(__NR_mm_check, 0, 0, 0) >= 4);              /* frames kept under PROT_NONE */
    CHECK(mprotect_(p, 4 * PAGE, PROT_READ | PROT_WRITE | PROT_EXEC) == 0);
    CHECK(vma_is(p, p, p + 4 * PAGE, "rwxp"));
    for (int i = 0; i < 4; i++)
        CHECK(((volatile int *)p)[i * 1024] == 100 + i);
    /* write-only: readable too, as on Linux/RISC-V (W implies R) */
    CHECK(mprotect_(p, PAGE, PROT_WRITE) == 0 && vma_is(p, p, p + PAGE, "-w-p"));
    CHECK(((volatile int *)p)[0] == 100);
    /* errors */
    CHECK(mprotect_(p + 1, PAGE, PROT_READ) == -EINVAL);
    CHECK(mprotect_(p, 0, PROT_READ) == 0);
    CHECK(mprotect_(p, PAGE, 0x10) == -EINVAL);
    CHECK(mprotect_(0x50000000, PAGE, PROT_READ) == -ENOMEM);
    CHECK(mprotect_(p, 0xFFFFF000, PROT_READ) == -ENOMEM);
    CHECK(munmap_(p + 2 * PAGE, PAGE) == 0);
    CHECK(mprotect_(p, 4 * PAGE, PROT_READ) == -ENOMEM);  /* a hole: nothing changes */
    CHECK(vma_is(p + PAGE, p + PAGE, p + 2 * PAGE, "rwxp"));
    CHECK(munmap_(p, 4 * PAGE) == 0);
    /* the hardware enforces it: children killed by SIGSEGV */
    int st = run_child("wro");
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    st = run_child("none");
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    group_end("mm_mprotect");
}

static void test_brk(void)
{
    unsigned long b0 = brk_(0);
    CHECK(b0 > 0x10000 && (b0 & (PAGE - 1)) == 0);
    unsigned long m0 = minor_faults();
    unsigned long b1 = b0 + 3 * PAGE + 100;
    CHECK(brk_(b1) == b1);
    for (unsigned long a = b0; a < b1; a += PAGE)
        *(volatile char *)a = 1;
    CHECK(minor_faults() - m0 == 4);
    read_maps();
    CHECK(contains(mapsbuf, "[heap]"));
    unsigned long s, e;
    char perms[5];
    CHECK(maps_find(b0, &s, &e, perms) && e == b0 + 4 * PAGE && streq(perms, "rw-p"));
    CHECK(brk_(b0 + PAGE) == b0 + PAGE);                 /* shrink: pages freed */
    CHECK(maps_find(b0, &s, &e, perms));
    read_maps();
    CHECK(maps_find(b0, &s, &e, perms) && e == b0 + PAGE);
    CHECK(brk_(b0 - PAGE) == b0 + PAGE);                 /* below start_brk: refused */
    CHECK(brk_(0xBFFF0000) == b0 + PAGE);                /* into the stack: refused */
    long g = mmap_(b0 + 8 * PAGE, PAGE, RW, ANON | MAP_FIXED, -1, 0);
    CHECK(brk_(b0 + 8 * PAGE) == b0 + PAGE);             /* up to a mapping: refused */
    CHECK(brk_(b0 + 7 * PAGE) == b0 + 7 * PAGE);         /* one page short of it: fine */
    CHECK(munmap_(g, PAGE) == 0);
    CHECK(brk_(b0) == b0);
    read_maps();
    CHECK(!contains(mapsbuf, "[heap]"));
    CHECK(sc(__NR_mm_check, 0, 0, 0) > 0);
    group_end("mm_brk");
}

static void test_maps(void)
{
    read_maps();
    CHECK(nmaps > 0);
    write(1, mapsbuf, nmaps);
    /* first line: the text VMA, Linux's layout on a 32-bit kernel */
    const char *want = "00010000-000";
    for (int i = 0; want[i]; i++)
        CHECK(mapsbuf[i] == want[i]);
    const char *rest = " r-xp 00001000 00:00 0 ";   /* text at file offset 0x1000 */
    for (int i = 0; rest[i]; i++)
        CHECK(mapsbuf[17 + i] == rest[i]);
    for (int i = 40; i < 49; i++)
        CHECK(mapsbuf[i] == ' ');
    CHECK(mapsbuf[49] == 'm' && mapsbuf[55] == '\n');    /* "mmtest" at column 49 */
    CHECK(contains(mapsbuf, "[stack]\n"));
    long p = mmap_(0, PAGE, PROT_READ, ANON, -1, 0);
    read_maps();
    CHECK(contains(mapsbuf, " r--p 00000000 00:00 0 \n"));  /* anonymous: no name */
    CHECK(sc(__NR_maps, 0, mapsbuf, 10) == 10);
    CHECK(sc(__NR_maps, 9999, mapsbuf, 100) == -ESRCH);
    CHECK(sc(__NR_maps, 0, 0xC0000000, 100) == -EFAULT);
    CHECK(sc(__NR_maps, 0, p, 100) == -EFAULT);            /* read-only buffer */
    /* another process's maps */
    char *argv[] = { "mmtest", "spin", 0 };
    long pid = sc(__NR_spawn, "mmtest", argv, 0);
    CHECK(pid > 0);
    nmaps = (int)sc(__NR_maps, pid, mapsbuf, sizeof mapsbuf - 1);
    CHECK(nmaps > 0);
    mapsbuf[nmaps > 0 ? nmaps : 0] = 0;
    CHECK(contains(mapsbuf, "mmtest\n") && contains(mapsbuf, "[stack]\n"));
    CHECK(sc(__NR_mm_check, pid, 0, 0) > 0);
    struct umeminfo mi;
    CHECK(sc(__NR_meminfo, &mi, 0, 0) == 0 && mi.vmalloc_pages >= 2);  /* two kernel stacks */
    CHECK(mi.kstack >= 2);
    sc(__NR_kill, pid, SIGKILL, 0);
    int st;
    CHECK(sc6(__NR_wait4, pid, (long)&st, 0, 0, 0, 0) == pid);
    CHECK(munmap_(p, PAGE) == 0);
    group_end("mm_maps");
}

static void test_uaccess(void)
{
    long p = mmap_(0, 2 * PAGE, RW, ANON, -1, 0);
    unsigned long m0 = minor_faults();
    /* the kernel writes into a fresh page: one minor fault, taken in S-mode */
    CHECK(sc(__NR_maps, 0, p, 64) == 64);
    CHECK(minor_faults() - m0 == 1);
    CHECK(((char *)p)[0] == '0');
    /* ... and reads a fresh page (zeros) */
    CHECK(write(1, (void *)(p + PAGE), 0) == 0);
    CHECK(mprotect_(p + PAGE, PAGE, PROT_NONE) == 0);
    CHECK(sys_call3(__NR_write, 1, p + PAGE, 4) == -EFAULT);
    CHECK(sc(__NR_maps, 0, p + PAGE - 8, 64) == -EFAULT);   /* runs into PROT_NONE */
    CHECK(sys_call3(__NR_write, 1, 0xBFFFFFFF, 4) == -EFAULT);       /* wraps past user space */
    /* spawn's name string goes through strncpy_from_user */
    char *name = (char *)p;
    name[0] = 'n'; name[1] = 'o'; name[2] = 0;
    CHECK(sc(__NR_spawn, name, 0, 0) == -ENOENT);
    CHECK(sc(__NR_spawn, p + PAGE, 0, 0) == -EFAULT);
    CHECK(munmap_(p, 2 * PAGE) == 0);
    CHECK(sc(__NR_mm_check, 0, 0, 0) > 0);
    CHECK(sc(__NR_mm_check, 9999, 0, 0) == -ESRCH);
    group_end("mm_uaccess");
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        long p = mmap_(0, PAGE, PROT_READ, ANON, -1, 0);
        if (streq(argv[1], "wro"))
            *(volatile int *)p = 1;                         /* SIGSEGV */
        if (streq(argv[1], "none")) {
            CHECK(mprotect_(p, PAGE, PROT_NONE) == 0);
            return *(volatile int *)p;                      /* SIGSEGV */
        }
        if (streq(argv[1], "spin")) {
            struct timespec32 ts = { 100, 0 };
            for (;;)
                sc(__NR_nanosleep, &ts, 0, 0);
        }
        return 99;
    }
    test_mmap();
    test_mprotect();
    test_brk();
    test_maps();
    test_uaccess();
    printf("mmtest: %s (%d failed checks)\n", fails ? "FAIL" : "ok", fails);
    return fails;
}
