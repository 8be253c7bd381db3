/* k_string.c — kernel: string and memory loops (strlen, copy, compare, reverse).
 *
 * A pool of NUL-terminated words of random lengths is measured, copied byte by
 * byte, compared, scanned for a letter and reversed in place; a block is then
 * copied a word at a time. The loops are written out here (the
 * bench is built with -fno-tree-loop-distribute-patterns, so they stay loops).
 * check uses what setup recorded while generating (lengths, letter counts)
 * and compares the copies against the originals with the runtime's memcmp.
 */
#include "bench.h"

#define STR_COUNT  160
#define STR_MAXLEN 64
#define STR_ROUNDS 2
#define BLOCK_WORDS 1024

static char pool[STR_COUNT][STR_MAXLEN + 1];
static char copies[STR_COUNT][STR_MAXLEN + 1];
static uint32_t gen_total_len, gen_count_e;
static uint32_t block_src[BLOCK_WORDS], block_dst[BLOCK_WORDS];
static uint32_t counted_e;

static void setup(void)
{
  uint32_t seed = 0xFEEDu;
  gen_total_len = gen_count_e = 0;
  for (unsigned i = 0; i < STR_COUNT; i++) {
    unsigned len = xorshift32(&seed) % (STR_MAXLEN + 1);
    for (unsigned k = 0; k < len; k++) {
      char c = (char)('a' + xorshift32(&seed) % 26);
      pool[i][k] = c;
      gen_count_e += c == 'e';
    }
    pool[i][len] = '\0';
    gen_total_len += len;
  }
  for (unsigned i = 0; i < BLOCK_WORDS; i++)
    block_src[i] = xorshift32(&seed);
}

static unsigned str_len(const char *s)
{
  const char *p = s;
  while (*p)
    p++;
  return (unsigned)(p - s);
}

static void str_copy(char *d, const char *s)
{
  while ((*d++ = *s++) != '\0')
    ;
}

static int str_cmp(const char *a, const char *b)
{
  while (*a && *a == *b)
    a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

static void str_reverse(char *s, unsigned len)
{
  for (char *l = s, *r = s + len - 1; l < r; l++, r--) {
    char t = *l;
    *l = *r;
    *r = t;
  }
}

static unsigned count_char(const char *s, char c)
{
  unsigned n = 0;
  for (; *s; s++)
    n += *s == c;
  return n;
}

static uint32_t run(void)
{
  uint32_t total = 0, mismatches = 0;
  counted_e = 0;
  for (int round = 0; round < STR_ROUNDS; round++) {
    for (unsigned i = 0; i < STR_COUNT; i++) {
      unsigned len = str_len(pool[i]);
      total += len;
      str_copy(copies[i], pool[i]);
      mismatches += str_cmp(copies[i], pool[i]) != 0;
      counted_e += count_char(copies[i], 'e');
      if (len > 1) {
        str_reverse(copies[i], len);
        mismatches += copies[i][0] != pool[i][len - 1];
      }
    }
  }
  for (int round = 0; round < STR_ROUNDS; round++) {
    const uint32_t *s = block_src;
    uint32_t *d = block_dst;
    for (unsigned n = BLOCK_WORDS; n; n -= 4, s += 4, d += 4) {  /* unrolled word copy */
      d[0] = s[0];
      d[1] = s[1];
      d[2] = s[2];
      d[3] = s[3];
    }
  }
  return total + (mismatches << 24);
}

static const char *check(uint32_t total)
{
  if (total != gen_total_len * STR_ROUNDS)
    return "lengths, or a copy that compared unequal";
  if (counted_e != gen_count_e * STR_ROUNDS)
    return "letter count";
  for (unsigned i = 0; i < STR_COUNT; i++) {
    unsigned len = (unsigned)strlen(pool[i]);
    for (unsigned k = 0; k < len; k++)
      if (copies[i][k] != pool[i][len - 1 - k])
        return "copy is not the reversed original";
    if (copies[i][len] != '\0')
      return "copy not terminated";
  }
  if (memcmp(block_src, block_dst, sizeof block_src) != 0)
    return "block copy";
  return NULL;
}

const struct kernel k_string = { "string", setup, run, check };
