/* k_crc32.c — kernel: table-driven CRC-32 (IEEE, reflected) over a buffer.
 *
 * run builds the 256-entry table (bit-serial) and computes the CRC of the
 * message once per pass, each pass from scratch: byte loads, table lookups,
 * shifts and xors. check recomputes the CRC with a different algorithm, a
 * 16-entry nibble table, after confirming that algorithm on the standard
 * check value; every pass must match it.
 */
#include "bench.h"

#define CRC_BYTES   4096
#define CRC_PASSES  4
#define CRC_POLY    0xEDB88320u       /* reflected IEEE 802.3 polynomial */
#define CRC_CHECK   0xCBF43926u       /* CRC-32 of "123456789" */

static uint8_t message[CRC_BYTES];
static uint32_t table[256];
static uint32_t pass_crc[CRC_PASSES];

static void setup(void)
{
  uint32_t seed = 0x1234567u;
  for (unsigned i = 0; i < CRC_BYTES; i++)
    message[i] = (uint8_t)xorshift32(&seed);
}

static uint32_t run(void)
{
  for (uint32_t b = 0; b < 256; b++) {
    uint32_t c = b;
    for (int k = 0; k < 8; k++)
      c = (c & 1) ? (c >> 1) ^ CRC_POLY : c >> 1;
    table[b] = c;
  }
  for (int pass = 0; pass < CRC_PASSES; pass++) {
    uint32_t state = 0xFFFFFFFFu;
    for (unsigned i = 0; i < CRC_BYTES; i++)
      state = (state >> 8) ^ table[(state ^ message[i]) & 0xFF];
    pass_crc[pass] = ~state;
  }
  return pass_crc[CRC_PASSES - 1];
}

/* CRC-32 four bits at a time, with a table built by multiplying out nibbles. */
static uint32_t nibble_crc(const uint8_t *p, unsigned n)
{
  uint32_t nib[16];
  for (uint32_t v = 0; v < 16; v++) {
    uint32_t c = v;
    for (int k = 0; k < 4; k++)
      c = (c >> 1) ^ (CRC_POLY & -(c & 1));
    nib[v] = c;
  }
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned i = 0; i < n; i++) {
    crc ^= p[i];
    crc = (crc >> 4) ^ nib[crc & 15];
    crc = (crc >> 4) ^ nib[crc & 15];
  }
  return ~crc;
}

static const char *check(uint32_t crc)
{
  if (nibble_crc((const uint8_t *)"123456789", 9) != CRC_CHECK)
    return "nibble CRC misses the standard check value";
  uint32_t expect = nibble_crc(message, CRC_BYTES);
  for (int pass = 0; pass < CRC_PASSES; pass++)
    if (pass_crc[pass] != expect)
      return "table CRC differs from nibble CRC";
  return crc == expect ? NULL : "result word";
}

const struct kernel k_crc32 = { "crc32", setup, run, check };
