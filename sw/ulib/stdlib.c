/* stdlib.c — strtol, strtoul, atoi (base 0 accepts 0x.. hex and 0.. octal).
 * Out-of-range values saturate and set errno to ERANGE, as in C. */
#include "ulib.h"

static int digit(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* Parses the magnitude; *neg says whether a '-' was seen; *over on overflow
 * of an unsigned long. */
static unsigned long parse(const char *s, char **end, int base, int *neg, int *over)
{
    const char *p = s;
    unsigned long v = 0;
    int any = 0;
    *neg = 0;
    *over = 0;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '-' || *p == '+')
        *neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')
        && digit((unsigned char)p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = p[0] == '0' ? 8 : 10;
    }
    if (base < 2 || base > 36) {
        errno = EINVAL;
        if (end) *end = (char *)s;
        return 0;
    }
    for (int d; (d = digit((unsigned char)*p)) < base; p++) {
        any = 1;
        if (v > (~0ul - (unsigned long)d) / (unsigned long)base)
            *over = 1;
        else
            v = v * (unsigned long)base + (unsigned long)d;
    }
    if (end)
        *end = (char *)(any ? p : s);
    return v;
}

long strtol(const char *s, char **end, int base)
{
    int neg, over;
    unsigned long v = parse(s, end, base, &neg, &over);
    unsigned long lim = neg ? (unsigned long)((unsigned long)~0ul >> 1) + 1 : ((unsigned long)~0ul >> 1);
    if (over || v > lim) {
        errno = ERANGE;
        return neg ? (long)(0ul - lim) : (long)lim;
    }
    return neg ? (long)(0ul - v) : (long)v;
}

unsigned long strtoul(const char *s, char **end, int base)
{
    int neg, over;
    unsigned long v = parse(s, end, base, &neg, &over);
    if (over) {
        errno = ERANGE;
        return ~0ul;
    }
    return neg ? 0ul - v : v;
}

int atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}
