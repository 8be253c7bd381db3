/* bench.c — the project's integer CPI benchmark: harness and report.
 *
 * Runs each kernel once, reading mcycle/minstret just before and after its
 * run() (the read overhead, measured on an empty region, is subtracted), then
 * checks the kernel's result; a wrong result fails the run with exit code
 * 20 + kernel index, so a core that computes wrongly cannot report a CPI.
 * Prints one line per kernel (instructions, cycles, CPI x 1000) and the total
 * between "== CPI report" and "== end" lines, which `make bench` extracts into
 * build/bench/report.txt. On QEMU the counts mean nothing but the run passes.
 */
#include "bench.h"

static const struct kernel *const kernels[] = {
  &k_crc32, &k_qsort, &k_matmul, &k_string, &k_list, &k_divide, &k_ledger, &k_interp,
};

struct sample {
  uint64_t cycles, instret;
};

static struct sample counters_now(void)
{
  struct sample s;
  s.cycles = read_mcycle();
  s.instret = read_minstret();
  return s;
}

static uint64_t sub_floor0(uint64_t a, uint64_t b)
{
  return a > b ? a - b : 0;
}

/* CPI x 1000, rounded to nearest; 0 when nothing retired. */
static uint32_t cpi_x1000(uint64_t cycles, uint64_t instret)
{
  return instret ? (uint32_t)((cycles * 1000 + instret / 2) / instret) : 0;
}

static void report_line(const char *name, uint64_t instret, uint64_t cycles)
{
  printf("%-10s %10llu %10llu %9u\n", name, (unsigned long long)instret,
         (unsigned long long)cycles, (unsigned)cpi_x1000(cycles, instret));
}

int main(void)
{
  struct sample results[ARRAY_LEN(kernels)];
  uint64_t total_cycles = 0, total_instret = 0;

  /* Cost of the counter reads themselves: an empty measured region. */
  struct sample e0 = counters_now();
  struct sample e1 = counters_now();
  struct sample overhead = { e1.cycles - e0.cycles, e1.instret - e0.instret };

  printf("bench: integer CPI benchmark, %u self-checking kernels\n", (unsigned)ARRAY_LEN(kernels));
  for (unsigned k = 0; k < ARRAY_LEN(kernels); k++) {
    const struct kernel *kn = kernels[k];
    kn->setup();
    struct sample s0 = counters_now();
    uint32_t result = kn->run();
    struct sample s1 = counters_now();
    const char *why = kn->check(result);
    if (why) {
      printf("bench: FAILED: kernel %s: %s\n", kn->name, why);
      exit(20 + (int)k);
    }
    results[k].cycles = sub_floor0(s1.cycles - s0.cycles, overhead.cycles);
    results[k].instret = sub_floor0(s1.instret - s0.instret, overhead.instret);
    total_cycles += results[k].cycles;
    total_instret += results[k].instret;
    printf("bench: %-10s ok (result 0x%08x)\n", kn->name, (unsigned)result);
  }

  printf("== CPI report: %u kernels, all results checked ==\n", (unsigned)ARRAY_LEN(kernels));
  printf("%-10s %10s %10s %9s\n", "kernel", "instret", "cycles", "CPIx1000");
  for (unsigned k = 0; k < ARRAY_LEN(kernels); k++)
    report_line(kernels[k]->name, results[k].instret, results[k].cycles);
  report_line("total", total_instret, total_cycles);
  puts("== end ==");
  return 0;
}
