/* k_qsort.c — kernel: sort pseudo-random words (quicksort + insertion sort).
 *
 * Median-of-three quicksort that recurses into the smaller part and loops on
 * the larger, handing parts below a cutoff to insertion sort: data-dependent
 * branches, loads and stores. check: the output is ascending and is a
 * permutation of the input (same count, sum, xor and sum of squares).
 */
#include "bench.h"

#define SORT_N      2048
#define SORT_CUTOFF 12

static uint32_t data[SORT_N];
static uint32_t in_sum, in_xor, in_sq;

static void setup(void)
{
  uint32_t seed = 0xC0FFEEu;
  in_sum = in_xor = in_sq = 0;
  for (unsigned i = 0; i < SORT_N; i++) {
    uint32_t v = xorshift32(&seed) % 100000;   /* repeats happen: equal keys matter */
    data[i] = v;
    in_sum += v;
    in_xor ^= v;
    in_sq += v * v;
  }
}

static void insertion_sort(uint32_t *a, int n)
{
  for (int i = 1; i < n; i++) {
    uint32_t v = a[i];
    int j = i - 1;
    for (; j >= 0 && a[j] > v; j--)
      a[j + 1] = a[j];
    a[j + 1] = v;
  }
}

static inline void swap(uint32_t *a, uint32_t *b)
{
  uint32_t t = *a;
  *a = *b;
  *b = t;
}

static void quicksort(uint32_t *a, int n)
{
  while (n > SORT_CUTOFF) {
    int mid = n / 2;
    if (a[mid] < a[0])
      swap(&a[mid], &a[0]);
    if (a[n - 1] < a[0])
      swap(&a[n - 1], &a[0]);
    if (a[n - 1] < a[mid])
      swap(&a[n - 1], &a[mid]);
    uint32_t pivot = a[mid];
    int i = 0, j = n - 1;
    for (;;) {                         /* Hoare partition */
      while (a[i] < pivot)
        i++;
      while (a[j] > pivot)
        j--;
      if (i >= j)
        break;
      swap(&a[i], &a[j]);
      i++;
      j--;
    }
    int left = j + 1;                  /* a[0..j] <= pivot <= a[j+1..n-1] */
    if (left < n - left) {
      quicksort(a, left);
      a += left;
      n -= left;
    } else {
      quicksort(a + left, n - left);
      n = left;
    }
  }
  insertion_sort(a, n);
}

static uint32_t run(void)
{
  quicksort(data, SORT_N);
  return data[SORT_N / 2];
}

static const char *check(uint32_t median)
{
  uint32_t sum = 0, x = 0, sq = 0;
  for (unsigned i = 0; i < SORT_N; i++) {
    if (i > 0 && data[i - 1] > data[i])
      return "output not ascending";
    sum += data[i];
    x ^= data[i];
    sq += data[i] * data[i];
  }
  if (sum != in_sum || x != in_xor || sq != in_sq)
    return "output is not a permutation of the input";
  if (median != data[SORT_N / 2])
    return "result word";
  return NULL;
}

const struct kernel k_qsort = { "qsort", setup, run, check };
