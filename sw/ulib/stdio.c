/* stdio.c — console output for user programs: printf/dprintf/snprintf through
 * the formatter shared with the kernel (firmware/lib/vsnprintf.c: %d %i %u %x
 * %X %p %c %s %%, '-' and '0' flags, widths), puts, putchar. Unbuffered: each
 * call is one write(), so a line is never split between two processes. */
#include "ulib.h"

int fw_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

#define LINE_MAX 512            /* longer output is cut at this many bytes */

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    return fw_vsnprintf(buf, n, fmt, ap);
}

int snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = fw_vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    char buf[LINE_MAX];
    int n = fw_vsnprintf(buf, sizeof buf, fmt, ap);
    size_t len = n < (int)sizeof buf ? (size_t)n : sizeof buf - 1;
    return write(fd, buf, len) < 0 ? -1 : (int)len;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vdprintf(fd, fmt, ap);
    va_end(ap);
    return r;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vdprintf(1, fmt, ap);
    va_end(ap);
    return r;
}

int puts(const char *s)
{
    return printf("%s\n", s);
}

int putchar(int c)
{
    char ch = (char)c;
    return write(1, &ch, 1) == 1 ? (unsigned char)c : -1;
}
