/* demo.c — the program `make run` shows: a short tour of the SoC.
 *
 * Prints what the machine is, then exercises it: reads and decodes CSRs,
 * computes with the M and A extensions, provokes and handles exceptions,
 * takes a CLINT timer interrupt, and drops to U-mode and back through ecall.
 * Each step checks its own result; the first wrong one ends the run with
 * failure code 10 + step number (codes 2-4 mean other things to build/vsim).
 * Nothing timing-dependent is printed, so the output is byte-identical on
 * build/vsim, build/iss and QEMU virt (sw-qemu-check).
 */
#include "demo.h"

#define DEMO_TITLE "RISC-V SoC demo: RV32IMA pipelined core, M/S/U privilege modes"

extern char _end[];                       /* link.ld: end of the program's memory */

static void fail(int step, const char *what)
{
  printf("\ndemo: FAILED at step %d: %s\n", step, what);
  exit(10 + step);
}

static void banner(void)
{
  puts("================================================================");
  printf("  %s\n", DEMO_TITLE);
  puts("================================================================");
  puts("Memory map (docs/platform.md):");
  printf("  0x%08x  finisher  ends the run: pass, or fail with a code\n", (unsigned)FINISHER_BASE);
  printf("  0x%08x  CLINT     mtime, mtimecmp, msip\n", (unsigned)CLINT_BASE);
  printf("  0x%08x  UART      ns16550a, this console\n", (unsigned)UART_BASE);
  printf("  0x%08x  RAM       this program: 0x%08x-0x%08x\n", (unsigned)RAM_BASE,
         (unsigned)RAM_BASE, (unsigned)(uintptr_t)_end - 1);
}

/* ---- step 1: identification CSRs ---- */

/* "RV32" followed by the letter of every extension bit set in misa. */
static void misa_string(uint32_t misa, char *out)
{
  static const char *const widths[] = { "RV??", "RV32", "RV64", "RV128" };
  const char *w = widths[misa >> 30];
  while (*w)
    *out++ = *w++;
  for (int bit = 0; bit < 26; bit++)
    if (misa & (1u << bit))
      *out++ = (char)('A' + bit);
  *out = '\0';
}

static void step_csrs(void)
{
  char isa[40];
  uint32_t misa = csr_read(CSR_MISA);
  misa_string(misa, isa);
  puts("\n[1] Identification CSRs");
  printf("  misa      = 0x%08x -> %s%s\n", (unsigned)misa, isa,
         misa == MISA_VALUE ? "" :
         misa == (MISA_VALUE & ~MISA_M) ? "  (core without M: multiply/divide emulated by sw/lib)" :
         "  (differs from arch.tbl MISA_VALUE)");
  printf("  mvendorid = 0x%08x, mhartid = %u\n", (unsigned)csr_read(CSR_MVENDORID),
         (unsigned)csr_read(CSR_MHARTID));
  if (!(misa & (1u << ('A' - 'A'))) || !(misa & (1u << ('S' - 'A'))) ||
      !(misa & (1u << ('U' - 'A'))))
    fail(1, "misa lacks A, S or U");
}

/* ---- step 2: computing ---- */

static uint8_t composite[10000];

static uint32_t crc32(const char *s)
{
  uint32_t crc = 0xFFFFFFFFu;
  for (; *s; s++) {
    crc ^= (uint8_t)*s;
    for (int k = 0; k < 8; k++)
      crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1));
  }
  return ~crc;
}

static uint32_t divu_raw(uint32_t a, uint32_t b)
{
  uint32_t q;
  __asm__ volatile("divu %0, %1, %2" : "=r"(q) : "r"(a), "r"(b));
  return q;
}

static uint32_t remu_raw(uint32_t a, uint32_t b)
{
  uint32_t r;
  __asm__ volatile("remu %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

static void step_compute(void)
{
  puts("\n[2] Computing");

  /* Sieve of Eratosthenes; pi(10000) = 1229 and 9973 is the largest prime. */
  uint32_t count = 0, largest = 0;
  for (uint32_t i = 2; i < sizeof composite; i++) {
    if (composite[i])
      continue;
    count++;
    largest = i;
    for (uint32_t j = i * i; j < sizeof composite; j += i)
      composite[j] = 1;
  }
  printf("  sieve:   %u primes below 10000, the largest is %u\n", (unsigned)count,
         (unsigned)largest);
  if (count != 1229 || largest != 9973)
    fail(2, "sieve");

  uint32_t crc = crc32("123456789");
  printf("  crc32(\"123456789\") = 0x%08x (the standard check value)\n", (unsigned)crc);
  if (crc != 0xCBF43926u)
    fail(2, "crc32");

  volatile uint32_t a = 123456789, b = 987654321, n = 4000000000u, d = 7;
  uint64_t product = (uint64_t)a * b;     /* mul + mulhu */
  uint32_t q = n / d, r = n % d;
  printf("  mul:     %u * %u = %llu\n", (unsigned)a, (unsigned)b, (unsigned long long)product);
  printf("  div:     %u / %u = %u remainder %u\n", (unsigned)n, (unsigned)d, (unsigned)q,
         (unsigned)r);
  printf("  divu by zero -> 0x%08x, remu by zero -> %u (defined by RISC-V, no trap)\n",
         (unsigned)divu_raw(n, 0), (unsigned)remu_raw(n, 0));
  if (product != 121932631112635269ull || q * d + r != n || r >= d ||
      divu_raw(n, 0) != 0xFFFFFFFFu || remu_raw(n, 0) != n)
    fail(2, "mul/div");

  static volatile uint32_t shared;
  for (int i = 0; i < 3; i++)
    __atomic_fetch_add(&shared, 10, __ATOMIC_SEQ_CST);            /* amoadd.w */
  uint32_t expected = 30;
  int swapped = __atomic_compare_exchange_n(&shared, &expected, 42, 0, __ATOMIC_SEQ_CST,
                                            __ATOMIC_SEQ_CST);  /* lr.w / sc.w */
  printf("  atomics: 3 x amoadd.w +10 -> %u, then lr.w/sc.w compare-and-swap 30 -> %u\n",
         (unsigned)expected, (unsigned)shared);
  if (!swapped || shared != 42)
    fail(2, "atomics");
}

/* ---- step 3: exceptions taken and resumed in M-mode ---- */

static void step_exceptions(void)
{
  puts("\n[3] Exceptions, handled in M-mode");

  trap_log.expect_cause = CAUSE_BREAKPOINT;
  __asm__ volatile("ebreak");
  printf("  ebreak               -> mcause=%u (breakpoint), resumed after it\n",
         (unsigned)trap_log.last_cause);
  if (trap_log.last_cause != CAUSE_BREAKPOINT)
    fail(3, "ebreak");

  uint32_t value = 0, nowhere = 0;        /* no device at address 0 */
  trap_log.expect_cause = CAUSE_LOAD_ACCESS;
  __asm__ volatile("lw %0, 0(%1)" : "+r"(value) : "r"(nowhere) : "memory");
  printf("  load from 0x%08x -> mcause=%u (load access fault), mtval=0x%08x\n",
         (unsigned)nowhere, (unsigned)trap_log.last_cause, (unsigned)trap_log.last_tval);
  if (trap_log.last_cause != CAUSE_LOAD_ACCESS || trap_log.last_tval != nowhere)
    fail(3, "load access fault");
}

/* ---- step 4: CLINT timer interrupt in M-mode ---- */

static void step_timer(void)
{
  puts("\n[4] CLINT timer interrupt");

  uint64_t t0 = clint_mtime();
  for (uint32_t spins = 0; clint_mtime() == t0; spins++)
    if (spins == 10000000u)
      fail(4, "mtime does not advance");
  puts("  mtime is running");

  uint64_t deadline = clint_mtime() + 1000000;
  csr_clear(CSR_MSTATUS, 1u << MSTATUS_MIE);
  clint_set_mtimecmp(clint_mtime() + 1000);
  csr_set(CSR_MIE, 1u << IRQ_M_TIMER);
  puts("  mtimecmp = mtime + 1000, mie.MTIE = 1; waiting with wfi ...");
  /* wfi wakes on a pending enabled interrupt even with mstatus.MIE = 0; the
   * interrupt is then taken in the short MIE = 1 window, never between the
   * check and the wfi (which could sleep forever). */
  while (trap_log.timer_irqs == 0) {
    if (clint_mtime() > deadline)
      fail(4, "no timer interrupt");
    __asm__ volatile("wfi");
    csr_set(CSR_MSTATUS, 1u << MSTATUS_MIE);
    csr_clear(CSR_MSTATUS, 1u << MSTATUS_MIE);
  }
  printf("  machine timer interrupt taken: mcause=0x%08x, from %s-mode\n",
         (unsigned)(MCAUSE_INTERRUPT | IRQ_M_TIMER),
         trap_log.timer_from_priv == PRV_M ? "M" : "?");
  if (trap_log.timer_irqs != 1 || trap_log.timer_from_priv != PRV_M)
    fail(4, "timer interrupt bookkeeping");
}

/* ---- step 5: U-mode and back ---- */

static uint8_t user_stack[4096] __attribute__((aligned(16)));

static void step_user(void)
{
  puts("\n[5] User mode");

  /* Without a matching PMP entry U-mode may access nothing: grant all of it. */
  csr_write(CSR_PMPADDR0, 0xFFFFFFFFu);
  csr_write(CSR_PMPCFG0, (3u << PMPCFG_A_LO) | (1u << PMPCFG_R) | (1u << PMPCFG_W) |
                         (1u << PMPCFG_X));
  printf("  PMP entry 0: pmpcfg0=0x%08x pmpaddr0=0x%08x (NAPOT, all memory, RWX)\n",
         (unsigned)csr_read(CSR_PMPCFG0), (unsigned)csr_read(CSR_PMPADDR0));

  trap_log.timer_irqs = 0;
  clint_set_mtimecmp(clint_mtime() + 20000);
  puts("  timer armed (mtime + 20000); mret to U-mode with MPP = U:");
  int result = user_run(user_main, 27, user_stack + sizeof user_stack);
  csr_clear(CSR_MIE, 1u << IRQ_M_TIMER);

  printf("  back in M-mode: the U-mode program returned %d (Collatz steps of 27)\n", result);
  printf("  U-mode made %u ecalls; its timer interrupt came from %s-mode; "
         "its csrr trapped with mcause=%u\n", (unsigned)trap_log.ecalls,
         trap_log.timer_from_priv == PRV_U ? "U" : "?", (unsigned)trap_log.last_cause);
  if (result != 111 || trap_log.timer_irqs != 1 || trap_log.timer_from_priv != PRV_U ||
      trap_log.last_cause != CAUSE_ILLEGAL_INSN || trap_log.last_priv != PRV_U)
    fail(5, "user mode round trip");
}

int main(void)
{
  banner();
  step_csrs();
  step_compute();
  step_exceptions();
  step_timer();
  step_user();
  puts("\nAll demo steps passed; exit code 0 goes to the finisher (0x5555 = pass).");
  return 0;
}
