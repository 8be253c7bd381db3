/* k-brk.c — the heap: brk(0) is the page-aligned end of .bss; sbrk grows it
 * and the new pages are demand-zero (one minor fault each); shrinking gives
 * the pages back (rss); malloc/realloc/free keep their data, reuse freed
 * blocks, and serve a large block with its own mmap (one more VMA, gone again
 * after free). */
#include "ktest.h"

extern char _end[];

int main(void)
{
    int me = getpid();
    char *b0 = sbrk(0);
    CHECK(b0 != (char *)-1);
    CHECK_EQ((uintptr_t)b0, ((uintptr_t)_end + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1));

    kt_vmstat(me);
    struct uvmstat a = kt_vmstat(me), b;
    CHECK(sbrk(3 * PAGE_SIZE) == b0);
    CHECK(sbrk(0) == b0 + 3 * PAGE_SIZE);
    for (int i = 0; i < 3; i++) {
        CHECK_EQ(b0[i * PAGE_SIZE + 17], 0);
        b0[i * PAGE_SIZE + 17] = (char)i;
    }
    b = kt_vmstat(me);
    CHECK_EQ(b.minor - a.minor, 3);
    CHECK_EQ(b.rss - a.rss, 3);
    CHECK_EQ(brk(b0), 0);                       /* shrink: the pages go back */
    a = kt_vmstat(me);
    CHECK_EQ(b.rss - a.rss, 3);
    CHECK(sbrk(PAGE_SIZE) == b0);               /* and come back zeroed */
    CHECK_EQ(b0[17], 0);
    CHECK_EQ(brk(b0), 0);

    /* malloc: small blocks on the heap */
    char *p[64];
    for (int i = 0; i < 64; i++) {
        p[i] = malloc((size_t)(i * 13 + 1));
        CHECK(p[i] != NULL && ((uintptr_t)p[i] & 7) == 0);
        memset(p[i], i, (size_t)(i * 13 + 1));
    }
    for (int i = 0; i < 64; i += 2)
        free(p[i]);
    for (int i = 1; i < 64; i += 2)
        for (int j = 0; j < i * 13 + 1; j++)
            CHECK(p[i][j] == (char)i);
    char *again = malloc(20);                   /* fits a freed block: reused */
    CHECK(again >= b0 && again < (char *)sbrk(0));
    p[1] = realloc(p[1], 4000);
    CHECK(p[1] != NULL && p[1][0] == 1 && p[1][13] == 1);
    int *z = calloc(100, sizeof(int));
    CHECK(z != NULL);
    for (int i = 0; i < 100; i++)
        CHECK(z[i] == 0);

    /* a large block: its own mapping */
    a = kt_vmstat(me);
    char *big = malloc(64 * 1024);
    CHECK(big != NULL);
    b = kt_vmstat(me);
    CHECK_EQ(b.nr_vma - a.nr_vma, 1);
    CHECK(big < b0 || big >= (char *)sbrk(0));
    memset(big, 0x5a, 64 * 1024);
    free(big);
    b = kt_vmstat(me);
    CHECK_EQ(b.nr_vma, a.nr_vma);
    CHECK(malloc(0x80000000u) == NULL);
    CHECK_EQ(errno, ENOMEM);
    return kt_ok();
}
