/* rng.c — the generator's own PRNG (a seed reproduces a program on any host) and the
 * pool of "interesting" operand values. xoshiro256** seeded through splitmix64. */
#include "rgen.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void rng_seed(rng_t *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(rng_t *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint32_t rng_u32(rng_t *r)
{
    return (uint32_t)(rng_next(r) >> 32);
}

/* Lemire's multiply-shift; the tiny bias is irrelevant here. */
uint32_t rng_below(rng_t *r, uint32_t n)
{
    return (uint32_t)(((uint64_t)rng_u32(r) * n) >> 32);
}

int32_t rng_range(rng_t *r, int32_t lo, int32_t hi)
{
    return lo + (int32_t)rng_below(r, (uint32_t)(hi - lo) + 1);
}

bool rng_chance(rng_t *r, unsigned percent)
{
    return rng_below(r, 100) < percent;
}

unsigned rng_weighted(rng_t *r, const unsigned *w, unsigned n)
{
    unsigned total = 0;
    for (unsigned i = 0; i < n; i++)
        total += w[i];
    unsigned x = rng_below(r, total);
    for (unsigned i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

/* Operands that find bugs: zero, all ones, the signed extremes, small numbers, powers
 * of two and their neighbours, sign-extension boundaries, and plain random words. */
uint32_t rng_value(rng_t *r)
{
    static const uint32_t special[] = {
        0, 1, 2, 3, 0xFFFFFFFFu, 0xFFFFFFFEu, 0x80000000u, 0x7FFFFFFFu, 0x80000001u,
        0x7FF, 0x800, 0xFFFFF800u, 0xFFF, 0x1000, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF,
        0x8000, 0xFFFF, 0x10000, 0xFFFF8000u, 0xFFFFFF80u, 0x55555555u, 0xAAAAAAAAu,
        31, 32, 33, 0xFFFFFFE0u,
    };
    uint32_t v;
    do {
        switch (rng_below(r, 6)) {
        case 0:
            v = special[rng_below(r, sizeof special / sizeof special[0])];
            break;
        case 1:
            v = (uint32_t)rng_range(r, -16, 16);
            break;
        case 2: {
            uint32_t p = 1u << rng_below(r, 32);
            v = p + (uint32_t)rng_range(r, -1, 1);
            if (rng_chance(r, 30))
                v = ~v + 1;
            break;
        }
        case 3:
            v = rng_u32(r) & (0xFFFFFFFFu >> rng_below(r, 32));
            break;
        default:
            v = rng_u32(r);
            break;
        }
    } while (v - RG_MAGIC < RG_MAGIC_SPAN);
    return v;
}
