/* k-read.c — read(0, ...) on the console (the kernel's tty, canonical mode):
 * a read shorter than the line returns that much and the rest comes next; a
 * read of 0 bytes is 0; a bad buffer is EFAULT and the process carries on;
 * ^D at the start of a line is end of file (0). Its input is k-read.in. */
#include "ktest.h"

int main(void)
{
    char buf[64];
    ssize_t n;

    CHECK_EQ(read(0, buf, 0), 0);
    CHECK_EQ(read(0, buf, 3), 3);                   /* "hello\n", three at a time */
    CHECK(!memcmp(buf, "hel", 3));
    CHECK_EQ(read(0, buf, sizeof buf), 3);
    CHECK(!memcmp(buf, "lo\n", 3));
    CHECK_ERR(read(0, NULL, 10), EFAULT);
    CHECK_ERR(read(0, (void *)0xC0000000, 10), EFAULT);
    for (int i = 0;; i++) {                         /* then "world\n" (if it is still
                                                       there) and "last\n" */
        CHECK(i < 3);
        n = read(0, buf, sizeof buf - 1);
        CHECK(n > 0 && buf[n - 1] == '\n');
        buf[n] = 0;
        if (!strcmp(buf, "last\n"))
            break;
        CHECK(!strcmp(buf, "world\n"));
    }
    CHECK_EQ(read(0, buf, sizeof buf), 0);          /* ^D: end of file */
    return kt_ok();
}
