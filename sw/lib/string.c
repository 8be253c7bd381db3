/* string.c — the memory and string functions of the runtime.
 *
 * GCC emits calls to memcpy/memset/memmove/memcmp even in freestanding code
 * (struct copies, zeroing loops), so they must exist. Word-at-a-time when both
 * pointers are word-aligned: the core traps on misaligned accesses, so no
 * unaligned word access is ever made. Built with
 * -fno-tree-loop-distribute-patterns, else GCC turns these loops into calls to
 * themselves.
 */
#include "runtime.h"

#define WORD_ALIGNED(p) (((uintptr_t)(p) & 3) == 0)

/* A word that may alias any object, as the callers' buffers do. */
typedef uint32_t __attribute__((may_alias)) word_t;

void *memcpy(void *dst, const void *src, size_t n)
{
  uint8_t *d = dst;
  const uint8_t *s = src;
  if (WORD_ALIGNED(d) && WORD_ALIGNED(s)) {
    for (; n >= 4; n -= 4, d += 4, s += 4)
      *(word_t *)d = *(const word_t *)s;
  }
  while (n--)
    *d++ = *s++;
  return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
  uint8_t *d = dst;
  const uint8_t *s = src;
  if (d <= s || d >= s + n)
    return memcpy(dst, src, n);       /* memcpy copies forwards */
  while (n--)
    d[n] = s[n];
  return dst;
}

void *memset(void *dst, int c, size_t n)
{
  uint8_t *d = dst;
  if (WORD_ALIGNED(d)) {
    uint32_t w = (uint8_t)c * 0x01010101u;
    for (; n >= 4; n -= 4, d += 4)
      *(word_t *)d = w;
  }
  while (n--)
    *d++ = (uint8_t)c;
  return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
  const uint8_t *p = a, *q = b;
  for (; n; n--, p++, q++)
    if (*p != *q)
      return *p - *q;
  return 0;
}

size_t strlen(const char *s)
{
  const char *p = s;
  while (*p)
    p++;
  return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
  while (*a && *a == *b)
    a++, b++;
  return (uint8_t)*a - (uint8_t)*b;
}
