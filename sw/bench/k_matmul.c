/* k_matmul.c — kernel: integer matrix multiply C = A * B (mul, loads, adds).
 *
 * Plain triple loop over N x N int32 matrices with small signed entries, so no
 * product overflows. check is Freivalds' test with two fixed vectors x:
 * A * (B * x) must equal C * x, computed in O(N^2) by separate code.
 */
#include "bench.h"

#define MM_N 28

static int32_t A[MM_N][MM_N], B[MM_N][MM_N], C[MM_N][MM_N];

static void setup(void)
{
  uint32_t seed = 0xBADC0DEu;
  for (int i = 0; i < MM_N; i++)
    for (int j = 0; j < MM_N; j++) {
      A[i][j] = (int32_t)(xorshift32(&seed) % 201) - 100;
      B[i][j] = (int32_t)(xorshift32(&seed) % 201) - 100;
    }
}

static uint32_t run(void)
{
  uint32_t trace = 0;
  for (int i = 0; i < MM_N; i++)
    for (int j = 0; j < MM_N; j++) {
      int32_t acc = 0;
      for (int k = 0; k < MM_N; k++)
        acc += A[i][k] * B[k][j];
      C[i][j] = acc;
    }
  for (int i = 0; i < MM_N; i++)
    trace += (uint32_t)C[i][i];
  return trace;
}

/* y = M * x for an N x N matrix. */
static void mat_vec(int32_t m[MM_N][MM_N], const int32_t *x, int32_t *y)
{
  for (int i = 0; i < MM_N; i++) {
    int32_t s = 0;
    for (int k = 0; k < MM_N; k++)
      s += m[i][k] * x[k];
    y[i] = s;
  }
}

static const char *check(uint32_t trace)
{
  int32_t x[MM_N], bx[MM_N], abx[MM_N], cx[MM_N];
  uint32_t t = 0;
  for (int round = 0; round < 2; round++) {
    for (int k = 0; k < MM_N; k++)
      x[k] = round == 0 ? 1 : (k * 7) % 11 - 5;
    mat_vec(B, x, bx);
    mat_vec(A, bx, abx);
    mat_vec(C, x, cx);
    for (int i = 0; i < MM_N; i++)
      if (abx[i] != cx[i])
        return "A * (B * x) != C * x";
  }
  for (int i = 0; i < MM_N; i++)
    t += (uint32_t)C[i][i];
  return t == trace ? NULL : "result word";
}

const struct kernel k_matmul = { "matmul", setup, run, check };
