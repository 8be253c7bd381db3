/* rng.h — the bench's pseudo-random generator (splitmix64): one seed reproduces a run. */
#ifndef MMU_RNG_H
#define MMU_RNG_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
    uint64_t s;
} rng_t;

static inline uint64_t rng_next(rng_t *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline uint32_t rng_u32(rng_t *r)
{
    return (uint32_t)(rng_next(r) >> 32);
}

/* Uniform in [0, n); n > 0. */
static inline unsigned rng_below(rng_t *r, unsigned n)
{
    return (unsigned)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* True with probability pct/100. */
static inline bool rng_pct(rng_t *r, unsigned pct)
{
    return rng_below(r, 100) < pct;
}

/* True with probability pm/1000. */
static inline bool rng_pm(rng_t *r, unsigned pm)
{
    return rng_below(r, 1000) < pm;
}

#endif
