/* bench.h — the interface between the benchmark harness and its kernels.
 *
 * A kernel is three functions: setup (builds its input; not measured), run
 * (the measured work; returns a result word) and check (not measured;
 * verifies run's result and output by an independent route, e.g. a second
 * algorithm or an invariant, and returns NULL when right or a short reason).
 * Every input comes from a fixed-seed generator, so every run does the same work.
 */
#ifndef BENCH_H
#define BENCH_H

#include "runtime.h"

struct kernel {
  const char *name;
  void (*setup)(void);
  uint32_t (*run)(void);
  const char *(*check)(uint32_t result);
};

extern const struct kernel k_crc32, k_qsort, k_matmul, k_string, k_list, k_divide,
    k_ledger, k_interp;

/* xorshift32 (Marsaglia): a fixed sequence for a given non-zero seed. */
static inline uint32_t xorshift32(uint32_t *state)
{
  uint32_t x = *state;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
