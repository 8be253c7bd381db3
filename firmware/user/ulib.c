/* ulib.c — exit, printf (through write; the formatter is firmware/lib's),
 * memset/memcpy for user programs. */
#include <stdarg.h>
#include "user.h"

int fw_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

void exit(int code)
{
    syscall3(SYS_exit, code, 0, 0);
    for (;;)
        ;
}

int printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = fw_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    write(1, buf, n < (int)sizeof buf ? (size_t)n : sizeof buf - 1);
    return n;
}

void *memset(void *d, int c, size_t n)
{
    unsigned char *p = d;
    while (n--) *p++ = (unsigned char)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--) *p++ = *q++;
    return d;
}
