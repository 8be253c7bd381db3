/* k-faults.c — exact fault counts. Touching N pages of a fresh anonymous
 * mapping is exactly N minor faults (and touching them again none); the first
 * read of each page of initialised .data is one major fault (paged in from the
 * image); .bss pages are minor faults; rss follows; munmap gives the pages back. */
#include "ktest.h"

#define N 6
static volatile int data[3 * PAGE_SIZE / sizeof(int)] __attribute__((aligned(4096))) = {
    [0] = 1, [PAGE_SIZE / sizeof(int)] = 2, [2 * PAGE_SIZE / sizeof(int)] = 3,
};
static volatile char bss[2 * PAGE_SIZE] __attribute__((aligned(4096)));

int main(void)
{
    int pid = getpid();
    struct uvmstat a, b;
    kt_vmstat(pid);                             /* the stack pages these use are in */

    char *p = mmap(NULL, N * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK(((uintptr_t)p & (PAGE_SIZE - 1)) == 0);
    a = kt_vmstat(pid);
    for (int i = 0; i < N; i++)
        p[i * PAGE_SIZE + i] = (char)(i + 1);
    b = kt_vmstat(pid);
    CHECK_EQ(b.minor - a.minor, N);
    CHECK_EQ(b.major - a.major, 0);
    CHECK_EQ(b.invalid - a.invalid, 0);
    CHECK_EQ(b.rss - a.rss, N);

    a = kt_vmstat(pid);                         /* again: resident, no fault */
    for (int i = 0; i < N; i++)
        CHECK_EQ(p[i * PAGE_SIZE + i], i + 1);
    b = kt_vmstat(pid);
    CHECK_EQ(b.minor - a.minor, 0);

    a = kt_vmstat(pid);                         /* .data: major, one per page */
    int sum = data[0] + data[PAGE_SIZE / sizeof(int)] + data[2 * PAGE_SIZE / sizeof(int)];
    b = kt_vmstat(pid);
    CHECK_EQ(sum, 6);
    CHECK_EQ(b.major - a.major, 3);
    CHECK_EQ(b.minor - a.minor, 0);

    a = kt_vmstat(pid);                         /* .bss: demand-zero, minor */
    bss[0] = 1;
    bss[PAGE_SIZE] = 1;
    b = kt_vmstat(pid);
    CHECK_EQ(b.minor - a.minor, 2);
    CHECK_EQ(b.major - a.major, 0);

    a = kt_vmstat(pid);
    CHECK_EQ(munmap(p, N * PAGE_SIZE), 0);
    b = kt_vmstat(pid);
    CHECK_EQ(a.rss - b.rss, N);
    CHECK_EQ(a.nr_vma - b.nr_vma, 1);

    /* read, then write, a fresh page: one minor fault (the read maps it with A set
     * and D clear). The write then needs D: with Svade (the core under kernel.elf)
     * the kernel sets it on one more fault, counted as "accessed"; with Svadu
     * (kernel-svadu.elf, and QEMU) the hardware sets it and no fault happens. */
    a = kt_vmstat(pid);
    (void)bss[PAGE_SIZE + 1];
    b = kt_vmstat(pid);
    CHECK_EQ(b.minor - a.minor, 0);             /* that page is resident already */
    char *q = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(q != MAP_FAILED);
    a = kt_vmstat(pid);
    CHECK_EQ(((volatile char *)q)[5], 0);
    ((volatile char *)q)[5] = 9;
    b = kt_vmstat(pid);
    CHECK_EQ(b.minor - a.minor, 1);
    if (strstr(TEST_NAME, "-svadu"))
        CHECK_EQ(b.accessed - a.accessed, 0);
    else
        CHECK(b.accessed - a.accessed <= 1);
    CHECK_EQ(munmap(q, PAGE_SIZE), 0);

    struct uvmstat sys = kt_vmstat(-1);         /* the whole system counts ours too */
    CHECK(sys.minor >= b.minor && sys.major >= b.major);
    return kt_ok();
}
