/* vsnprintf.c — the formatter shared by the kernel (printk) and user space.
 * %d %i %u %x %X %p %c %s %%, flags '-' '0', a width, 'l' accepted; 32-bit values only
 * (no libgcc division). Always NUL-terminates when n > 0; returns the length
 * the full output would have. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

int fw_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    size_t len = 0;
#define OUT(c) do { if (len + 1 < n) buf[len] = (char)(c); len++; } while (0)
    for (; *fmt; fmt++) {
        if (*fmt != '%') { OUT(*fmt); continue; }
        int left = 0, zero = 0, width = 0;
        fmt++;
        for (;; fmt++) {
            if (*fmt == '-') left = 1;
            else if (*fmt == '0') zero = 1;
            else break;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l')
            fmt++;                     /* long is 32 bits: %lu == %u */
        char tmp[12], *s = tmp;
        int slen = 0, neg = 0;
        uint32_t v, base = 10;
        switch (*fmt) {
        case 'd': case 'i': {
            int32_t d = va_arg(ap, int32_t);
            neg = d < 0;
            v = neg ? 0u - (uint32_t)d : (uint32_t)d;
            goto num;
        }
        case 'p': width = 8; zero = 1; /* fall through */
        case 'x': case 'X': base = 16; /* fall through */
        case 'u':
            v = va_arg(ap, uint32_t);
        num:
            do {
                tmp[11 - slen++] = "0123456789abcdef"[v % base];
                v /= base;
            } while (v);
            if (neg) tmp[11 - slen++] = '-';
            s = &tmp[12 - slen];
            break;
        case 'c': tmp[0] = (char)va_arg(ap, int); slen = 1; break;
        case 's': s = va_arg(ap, char *); if (!s) s = "(null)";
            while (s[slen]) slen++;
            break;
        case '%': tmp[0] = '%'; slen = 1; break;
        default: tmp[0] = '?'; slen = 1; if (!*fmt) fmt--; break;
        }
        if (neg && zero) { OUT('-'); s++; slen--; width--; }
        for (int i = slen; !left && i < width; i++) OUT(zero ? '0' : ' ');
        for (int i = 0; i < slen; i++) OUT(s[i]);
        for (int i = slen; left && i < width; i++) OUT(' ');
    }
    if (n) buf[len < n ? len : n - 1] = 0;
    return (int)len;
#undef OUT
}
