/* string.c — memset/memcpy/memcmp/strlen/memmove/strcmp and clear_page (GCC may
 * call the first three itself). Word accesses only when both pointers are
 * aligned; the word loops are unrolled, because page clears and copies are most
 * of the cost of a page fault. */
#include "kernel.h"
#include "memlayout.h"

void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    uint32_t w = (uint8_t)c * 0x01010101u;
    while (n && ((uintptr_t)p & 3)) { *p++ = (uint8_t)c; n--; }
    for (; n >= 4; n -= 4, p += 4)
        *(uint32_t *)p = w;
    while (n--) *p++ = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;
    if ((((uintptr_t)dp | (uintptr_t)sp) & 3) == 0) {
        for (; n >= 16; n -= 16, dp += 16, sp += 16) {   /* 4 words per turn */
            uint32_t a = ((const uint32_t *)sp)[0], b = ((const uint32_t *)sp)[1];
            uint32_t c = ((const uint32_t *)sp)[2], e = ((const uint32_t *)sp)[3];
            ((uint32_t *)dp)[0] = a; ((uint32_t *)dp)[1] = b;
            ((uint32_t *)dp)[2] = c; ((uint32_t *)dp)[3] = e;
        }
        for (; n >= 4; n -= 4, dp += 4, sp += 4)
            *(uint32_t *)dp = *(const uint32_t *)sp;
    }
    while (n--) *dp++ = *sp++;
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y) return *x - *y;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

void *memmove(void *d, const void *s, size_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;
    if (dp <= sp || dp >= sp + n)
        return memcpy(d, s, n);
    while (n--)
        dp[n] = sp[n];
    return d;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (uint8_t)*a - (uint8_t)*b;
}

/* Zeroes one 4 KiB page (page-aligned p): 8 stores per turn. */
void clear_page(void *p)
{
    uint32_t *w = p, *end = w + PAGE_SIZE / 4;
    for (; w < end; w += 8) {
        w[0] = 0; w[1] = 0; w[2] = 0; w[3] = 0;
        w[4] = 0; w[5] = 0; w[6] = 0; w[7] = 0;
    }
}
