/* k-errno-mm.c — the memory calls' error paths, with Linux's errno values:
 * mmap (length 0, neither MAP_PRIVATE nor MAP_SHARED, MAP_FIXED at an
 * unaligned or kernel address, a file mapping, an unaligned offset, too
 * long, MAP_FIXED_NOREPLACE over a mapping), munmap and mprotect (unaligned, length 0, kernel range,
 * unmapped range, unknown prot bits), brk (refuses to overlap the stack:
 * the break stays). */
#include "ktest.h"

#define RW   (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

int main(void)
{
    CHECK_ERR(mmap(NULL, 0, RW, ANON, -1, 0), EINVAL);
    CHECK_ERR(mmap(NULL, PAGE_SIZE, RW, MAP_ANONYMOUS, -1, 0), EINVAL);
    CHECK_ERR(mmap((void *)0x40000123, PAGE_SIZE, RW, ANON | MAP_FIXED, -1, 0), EINVAL);
    CHECK_ERR(mmap((void *)0xC0000000, PAGE_SIZE, RW, ANON | MAP_FIXED, -1, 0), ENOMEM);
    CHECK_ERR(mmap(NULL, PAGE_SIZE, RW, MAP_PRIVATE, 3, 0), EBADF);
    CHECK_ERR(mmap(NULL, PAGE_SIZE, RW, ANON, -1, 123), EINVAL);
    CHECK_ERR(mmap(NULL, 0xF0000000u, RW, ANON, -1, 0), ENOMEM);

    char *p = mmap(NULL, 2 * PAGE_SIZE, RW, ANON, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_ERR(mmap(p, PAGE_SIZE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0), EEXIST);
    CHECK_ERR(munmap(p + 1, PAGE_SIZE), EINVAL);
    CHECK_ERR(munmap(p, 0), EINVAL);
    CHECK_ERR(munmap((void *)0xC0000000, PAGE_SIZE), EINVAL);
    CHECK_ERR(mprotect(p + 1, PAGE_SIZE, PROT_READ), EINVAL);
    CHECK_ERR(mprotect(p, PAGE_SIZE, 0x100), EINVAL);
    CHECK_ERR(mprotect((void *)0x40000000, PAGE_SIZE, PROT_READ), ENOMEM);
    CHECK_EQ(munmap((void *)0x40000000, PAGE_SIZE), 0);      /* nothing there: not an error */
    CHECK_EQ(munmap(p, 2 * PAGE_SIZE), 0);
    CHECK_ERR(mprotect(p, PAGE_SIZE, PROT_READ), ENOMEM);    /* gone */

    long cur = sys_call1(__NR_brk, 0);
    CHECK(cur > 0 && (cur & (PAGE_SIZE - 1)) == 0);
    CHECK_EQ(sys_call1(__NR_brk, 0xBFFF0000), cur);           /* would cover the stack */
    CHECK_ERR(brk((void *)0xBFFF0000), ENOMEM);
    CHECK_EQ(sys_call1(__NR_brk, 0x100), cur);                /* below the start: refused */
    CHECK_EQ(sys_call1(__NR_brk, 0), cur);
    return kt_ok();
}
