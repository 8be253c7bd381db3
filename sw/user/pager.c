/* pager.c — demand paging, counted: maps N fresh anonymous pages (default 4)
 * and touches them one at a time, printing the process's minor-fault count
 * after each touch (exactly +1 each: a demand-zero page), then reads two pages
 * of initialised .data (+1 major fault each: paged in from the program image).
 * Exits 1 if a count is not the expected one. Usage: pager [N] */
#include "ulib.h"

/* two pages of initialised data, page-aligned so that nothing else shares them */
static volatile int data[2 * PAGE_SIZE / sizeof(int)] __attribute__((aligned(4096))) = {
    [0] = 1, [PAGE_SIZE / sizeof(int)] = 2,
};

static struct uvmstat now(void)
{
    struct uvmstat v;
    if (vmstat(getpid(), &v) < 0) {
        perror("pager: vmstat");
        exit(1);
    }
    return v;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 4, bad = 0;
    if (n < 1 || n > 64) {
        dprintf(2, "usage: pager [N], 1 <= N <= 64\n");
        return 2;
    }
    char *p = mmap(NULL, (size_t)n * PAGE_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("pager: mmap");
        return 1;
    }
    struct uvmstat s0 = now(), s1;
    printf("pager: %d pages mapped at 0x%08lx, nothing resident: minor faults %lu, rss %lu\n",
           n, (unsigned long)(uintptr_t)p, s0.minor, s0.rss);
    for (int i = 0; i < n; i++) {
        s0 = now();
        p[i * PAGE_SIZE] = (char)i;             /* first touch: one demand-zero fault */
        p[i * PAGE_SIZE + 100] = (char)i;       /* same page: no fault */
        s1 = now();
        printf("pager: touched page %d: minor faults %lu (+%lu), rss %lu\n", i, s1.minor,
               s1.minor - s0.minor, s1.rss);
        bad |= s1.minor - s0.minor != 1;
    }
    s0 = now();
    int sum = data[0] + data[PAGE_SIZE / sizeof(int)];
    s1 = now();
    printf("pager: read 2 pages of .data (sum %d): major faults %lu (+%lu)\n", sum, s1.major,
           s1.major - s0.major);
    bad |= s1.major - s0.major != 2 || sum != 3;
    if (munmap(p, (size_t)n * PAGE_SIZE) < 0) {
        perror("pager: munmap");
        return 1;
    }
    s1 = now();
    printf("pager: unmapped: rss %lu\n", s1.rss);
    return bad;
}
