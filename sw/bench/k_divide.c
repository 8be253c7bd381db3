/* k_divide.c — kernel: a little division (remu/divu), as integer code has.
 *
 * Greatest common divisors by Euclid's remainder loop, integer square roots by
 * Newton's iteration (a divide per step) and decimal conversion (% 10 and / 10:
 * with the default -mtune GCC emits remu/divu for them). About 0.2% of the
 * benchmark's measured instructions are divides, within the range of ordinary
 * integer code; this kernel's own CPI shows the divider's latency.
 * check: Stein's binary GCD (shifts and subtracts, no division) must give the
 * same GCDs, each root r must satisfy r^2 <= n < (r+1)^2, and the decimal
 * digits must parse back to the numbers.
 */
#include "bench.h"

#define DIV_PAIRS 160
#define DIV_ROOTS 120
#define DIV_DECIMALS 120

static uint32_t pair_a[DIV_PAIRS], pair_b[DIV_PAIRS], gcds[DIV_PAIRS];
static uint32_t radicands[DIV_ROOTS], roots[DIV_ROOTS];
static uint32_t numbers[DIV_DECIMALS];
static char decimals[DIV_DECIMALS][11];

static void setup(void)
{
  uint32_t seed = 0xD1D1D1u;
  for (unsigned i = 0; i < DIV_PAIRS; i++) {
    uint32_t common = 1 + xorshift32(&seed) % 64;
    pair_a[i] = common * (1 + xorshift32(&seed) % 60000);
    pair_b[i] = common * (1 + xorshift32(&seed) % 60000);
  }
  for (unsigned i = 0; i < DIV_ROOTS; i++)
    radicands[i] = xorshift32(&seed);
  for (unsigned i = 0; i < DIV_DECIMALS; i++)
    numbers[i] = xorshift32(&seed) >> (i % 24);
}

static uint32_t gcd_euclid(uint32_t a, uint32_t b)
{
  while (b) {
    uint32_t r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/* floor(sqrt(n)) by Newton's method from an overestimate. */
static uint32_t isqrt(uint32_t n)
{
  if (n < 2)
    return n;
  uint32_t x = n / 2 + 1 < 65535 ? n / 2 + 1 : 65535;
  for (;;) {
    uint32_t y = (x + n / x) / 2;
    if (y >= x)
      return x;
    x = y;
  }
}

static void to_decimal(uint32_t v, char *out)
{
  char tmp[10];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n)
    *out++ = tmp[--n];
  *out = '\0';
}

static uint32_t run(void)
{
  uint32_t acc = 0;
  for (unsigned i = 0; i < DIV_PAIRS; i++)
    acc += gcds[i] = gcd_euclid(pair_a[i], pair_b[i]);
  for (unsigned i = 0; i < DIV_ROOTS; i++)
    acc += roots[i] = isqrt(radicands[i]);
  for (unsigned i = 0; i < DIV_DECIMALS; i++) {
    to_decimal(numbers[i], decimals[i]);
    acc += (uint8_t)decimals[i][0];
  }
  return acc;
}

static uint32_t gcd_binary(uint32_t a, uint32_t b)
{
  if (a == 0 || b == 0)
    return a | b;
  int shift = 0;
  while (((a | b) & 1) == 0)
    a >>= 1, b >>= 1, shift++;
  while ((a & 1) == 0)
    a >>= 1;
  while (b) {
    while ((b & 1) == 0)
      b >>= 1;
    if (a > b) {
      uint32_t t = a;
      a = b;
      b = t;
    }
    b -= a;
  }
  return a << shift;
}

static const char *check(uint32_t acc)
{
  uint32_t expect = 0;
  for (unsigned i = 0; i < DIV_PAIRS; i++) {
    if (gcds[i] != gcd_binary(pair_a[i], pair_b[i]))
      return "Euclid and binary GCD differ";
    expect += gcds[i];
  }
  for (unsigned i = 0; i < DIV_ROOTS; i++) {
    uint64_t r = roots[i], n = radicands[i];
    if (r * r > n || (r + 1) * (r + 1) <= n)
      return "integer square root";
    expect += roots[i];
  }
  for (unsigned i = 0; i < DIV_DECIMALS; i++) {
    uint32_t v = 0;
    for (const char *p = decimals[i]; *p; p++)
      v = v * 10 + (uint32_t)(*p - '0');
    if (v != numbers[i])
      return "decimal conversion does not parse back";
    expect += (uint8_t)decimals[i][0];
  }
  return acc == expect ? NULL : "result word";
}

const struct kernel k_divide = { "divide", setup, run, check };
