/* bench_vm.c — the sw/bench CPI benchmark with Sv32 paging on, and the page-walk latency.
 *
 * M-mode maps all of RAM, the UART and the finisher with global identity megapages (S,
 * R W X, A D set), opens PMP entry 0, lets S-mode read the counters (mcounteren) and
 * continues main() in S-mode with satp = Sv32. The kernels are the unchanged sw/bench
 * sources (the k_*.c files here include them): each one's working set lies in the first
 * RAM megapage, so after its first touch every fetch and load/store hits the TLBs.
 * The harness reads cycle/instret (and the walk counter) around each run(), like
 * sw/bench does with mcycle/minstret, subtracts the cost of the reads, checks the
 * result, and prints the same table between "== CPI report" and "== end" lines, with
 * the number of page walks during each measured region (0 when TLB-resident).
 *
 * Then the walk latency: a loop touches pages that are each a D-TLB miss (4 KiB pages
 * through a level-0 table: two PTE reads per walk; then 4 MiB megapages: one), in
 * rounds of 15 after an sfence.vma so that nothing else misses, and the same loop on a
 * single page (all hits). Reported: walker-busy cycles per walk
 * from mhpmevent HPM_EVENT_WALK_CYCLE / HPM_EVENT_PAGE_WALK, and the extra cycles per
 * miss from the cycle counter (miss loop minus hit loop, per page).
 * On QEMU the counts mean nothing (it has no MMU events) but the run completes.
 */
#include "../bench/bench.h"

#define MEGA        (1u << MEGAPAGE_SHIFT)
#define PTE_OF(pa, flags) ((uint32_t)(((uint32_t)(pa) >> PAGE_SHIFT) << PTE_PPN_LO) | (flags))
#define LEAF_S      ((1u << PTE_V) | (1u << PTE_R) | (1u << PTE_W) | (1u << PTE_X) | \
                     (1u << PTE_A) | (1u << PTE_D))
#define LEAF_DATA   ((1u << PTE_V) | (1u << PTE_R) | (1u << PTE_W) | (1u << PTE_A) | (1u << PTE_D))
#define WALK_VA     0x40000000u         /* 1024 4 KiB pages, all mapping walk_page */
#define MEGA_VA     0x50000000u         /* 64 megapages, all mapping RAM's last 4 MiB */
#define N_ROUNDS_4K 34u                 /* x 15 pages = 510 walks */
#define N_ROUNDS_4M 4u                  /* x 15 megapages = 60 walks */
#define N_MEGAS     64u

/* mhpmcounter assignment (read from S through the hpmcounter shadows) */
#define HPM_WALKS   3                   /* HPM_EVENT_PAGE_WALK */
#define HPM_WCYC    4                   /* HPM_EVENT_WALK_CYCLE */
#define HPM_DMISS   5                   /* HPM_EVENT_DTLB_MISS */
#define HPM_IMISS   6                   /* HPM_EVENT_ITLB_MISS */

static const struct kernel *const kernels[] = {
  &k_crc32, &k_qsort, &k_matmul, &k_string, &k_list, &k_divide, &k_ledger, &k_interp,
};

static uint32_t root[1024] __attribute__((aligned(4096)));
static uint32_t l0_walk[1024] __attribute__((aligned(4096)));
static uint32_t walk_page[1024] __attribute__((aligned(4096)));
static uint32_t machine_stack[512] __attribute__((aligned(16)));

void enter_smode(void);                 /* smode.S: returns to the caller in S-mode */

/* ---- S-mode counter reads: the user-level shadows (hi, lo, hi again) ---- */
#define rd64(lo, hi) csr_read64(lo, hi)
struct counts {
  uint64_t cycles, instret, walks;
};

static inline struct counts counts_now(void)
{
  struct counts c;
  c.cycles = rd64(CSR_CYCLE, CSR_CYCLEH);
  c.instret = rd64(CSR_INSTRET, CSR_INSTRETH);
  c.walks = rd64(CSR_HPMCOUNTER3 + HPM_WALKS - 3, CSR_HPMCOUNTER3H + HPM_WALKS - 3);
  return c;
}

static uint64_t minus(uint64_t a, uint64_t b)
{
  return a > b ? a - b : 0;
}

static void print_row(const char *name, uint64_t instret, uint64_t cycles, uint64_t walks)
{
  uint32_t cpi = instret ? (uint32_t)((cycles * 1000 + instret / 2) / instret) : 0;
  printf("%-10s %10llu %10llu %9u %6llu\n", name, (unsigned long long)instret,
         (unsigned long long)cycles, (unsigned)cpi, (unsigned long long)walks);
}

/* Sum of one word in each of n blocks `stride` bytes apart (the measured loop). */
static uint32_t __attribute__((noinline)) touch(uintptr_t base, uint32_t stride, uint32_t n)
{
  uint32_t sum = 0;
  for (uint32_t i = 0; i < n; i++, base += stride)
    sum += *(volatile uint32_t *)base;
  return sum;
}

struct walk_result {
  uint64_t miss_cycles, hit_cycles, walks, walk_cycles;
};

#define HPM64(n) rd64(CSR_HPMCOUNTER3 + (n) - 3, CSR_HPMCOUNTER3H + (n) - 3)

/* rounds x ROUND blocks `stride` apart from base: each round starts with an empty TLB
 * (sfence.vma), puts the code's and the stack's megapages and the round's first block
 * back, then touches the ROUND blocks: ROUND - 1 misses (ROUND + 1 D-TLB entries in
 * all: nothing gets evicted, so the misses are exactly those blocks). The hit loop then
 * runs the same code ROUND times on the first block. */
#define ROUND 15u
static struct walk_result measure_walks(uintptr_t base, uint32_t stride, uint32_t rounds)
{
  struct walk_result r = { 0, 0, 0, 0 };
  for (uint32_t k = 0; k < rounds; k++) {
    uintptr_t first = base + k * ROUND * stride;
    __asm__ volatile("sfence.vma" ::: "memory");
    touch((uintptr_t)walk_page, 4, 1);
    touch(first, 4, 1);                               /* the first block: a hit below */
    uint64_t w0 = HPM64(HPM_WALKS), k0 = HPM64(HPM_WCYC), c0 = rd64(CSR_CYCLE, CSR_CYCLEH);
    touch(first, stride, ROUND);
    uint64_t c1 = rd64(CSR_CYCLE, CSR_CYCLEH), k1 = HPM64(HPM_WCYC), w1 = HPM64(HPM_WALKS);
    touch(first, 4, ROUND);                           /* within the first block: all hits */
    uint64_t c2 = rd64(CSR_CYCLE, CSR_CYCLEH);
    touch(first, 4, ROUND);
    uint64_t c3 = rd64(CSR_CYCLE, CSR_CYCLEH);
    r.miss_cycles += c1 - c0;
    r.hit_cycles += c3 - c2;
    r.walks += w1 - w0;
    r.walk_cycles += k1 - k0;
  }
  return r;
}

/* x / y with two decimals, as "i.dd" */
static void print_ratio(uint64_t x, uint64_t y)
{
  uint64_t v = y ? (x * 100 + y / 2) / y : 0;
  printf("%llu.%02llu", (unsigned long long)(v / 100), (unsigned long long)(v % 100));
}

static void report_walks(const char *what, uint32_t n, const struct walk_result *r)
{
  printf("%s: %u misses, %llu walks, walker busy %llu cycles = ", what, (unsigned)n,
         (unsigned long long)r->walks, (unsigned long long)r->walk_cycles);
  print_ratio(r->walk_cycles, r->walks);
  printf(" cycles/walk (WALK_CYCLE); miss loop %llu cycles, hit loop %llu cycles = ",
         (unsigned long long)r->miss_cycles, (unsigned long long)r->hit_cycles);
  print_ratio(minus(r->miss_cycles, r->hit_cycles), n);
  printf(" extra cycles/miss (mcycle)\n");
}

static void setup_machine(void)
{
  for (uint32_t i = 0; i < RAM_SIZE_DEFAULT / MEGA; i++)
    root[(RAM_BASE >> MEGAPAGE_SHIFT) + i] = PTE_OF(RAM_BASE + i * MEGA, LEAF_S | (1u << PTE_G));
  root[UART_BASE >> MEGAPAGE_SHIFT] = PTE_OF(UART_BASE & ~(MEGA - 1), LEAF_S | (1u << PTE_G));
  root[FINISHER_BASE >> MEGAPAGE_SHIFT] =
      PTE_OF(FINISHER_BASE & ~(MEGA - 1), LEAF_S | (1u << PTE_G));
  /* the walk windows (not global): 4 KiB pages through l0_walk, and megapages */
  root[WALK_VA >> MEGAPAGE_SHIFT] = PTE_OF(l0_walk, 1u << PTE_V);
  for (uint32_t i = 0; i < 1024; i++)
    l0_walk[i] = PTE_OF(walk_page, LEAF_DATA);
  for (uint32_t i = 0; i < N_MEGAS; i++)
    root[(MEGA_VA >> MEGAPAGE_SHIFT) + i] =
        PTE_OF(RAM_BASE + RAM_SIZE_DEFAULT - MEGA, LEAF_DATA);

  csr_write(CSR_PMPADDR0, 0xFFFFFFFFu);
  csr_write(CSR_PMPCFG0, (3u << PMPCFG_A_LO) | (1u << PMPCFG_R) | (1u << PMPCFG_W) |
                             (1u << PMPCFG_X));
  csr_write(CSR_MCOUNTINHIBIT, 0);
  csr_write(CSR_MHPMEVENT3 + HPM_WALKS - 3, HPM_EVENT_PAGE_WALK);
  csr_write(CSR_MHPMEVENT3 + HPM_WCYC - 3, HPM_EVENT_WALK_CYCLE);
  csr_write(CSR_MHPMEVENT3 + HPM_DMISS - 3, HPM_EVENT_DTLB_MISS);
  csr_write(CSR_MHPMEVENT3 + HPM_IMISS - 3, HPM_EVENT_ITLB_MISS);
  csr_write(CSR_MCOUNTEREN, 0xFFFFFFFFu);
  csr_write(CSR_SATP, (1u << SATP_MODE_BIT) | (1u << SATP_ASID_LO) |
                          ((uint32_t)(uintptr_t)root >> PAGE_SHIFT));
  __asm__ volatile("sfence.vma" ::: "memory");
  csr_write(CSR_MSCRATCH, (uintptr_t)&machine_stack[512]);  /* crt0: traps from S */
}

int main(void)
{
  struct counts res[ARRAY_LEN(kernels)];
  uint64_t tot_cycles = 0, tot_instret = 0, tot_walks = 0;

  setup_machine();
  enter_smode();

  struct counts e0 = counts_now();
  struct counts e1 = counts_now();
  struct counts ovh = { e1.cycles - e0.cycles, e1.instret - e0.instret, 0 };

  printf("bench-vm: the %u sw/bench kernels in S-mode, Sv32 on (identity megapages)\n",
         (unsigned)ARRAY_LEN(kernels));
  for (unsigned k = 0; k < ARRAY_LEN(kernels); k++) {
    const struct kernel *kn = kernels[k];
    kn->setup();
    struct counts s0 = counts_now();
    uint32_t result = kn->run();
    struct counts s1 = counts_now();
    const char *why = kn->check(result);
    if (why) {
      printf("bench-vm: FAILED: kernel %s: %s\n", kn->name, why);
      exit(20 + (int)k);
    }
    res[k].cycles = minus(s1.cycles - s0.cycles, ovh.cycles);
    res[k].instret = minus(s1.instret - s0.instret, ovh.instret);
    res[k].walks = s1.walks - s0.walks;
    tot_cycles += res[k].cycles;
    tot_instret += res[k].instret;
    tot_walks += res[k].walks;
    printf("bench-vm: %-10s ok (result 0x%08x)\n", kn->name, (unsigned)result);
  }

  printf("== CPI report (Sv32 on, S-mode): %u kernels, all results checked ==\n",
         (unsigned)ARRAY_LEN(kernels));
  printf("%-10s %10s %10s %9s %6s\n", "kernel", "instret", "cycles", "CPIx1000", "walks");
  for (unsigned k = 0; k < ARRAY_LEN(kernels); k++)
    print_row(kernels[k]->name, res[k].instret, res[k].cycles, res[k].walks);
  print_row("total", tot_instret, tot_cycles, tot_walks);
  puts("== end ==");

  struct walk_result w4k = measure_walks(WALK_VA, 1u << PAGE_SHIFT, N_ROUNDS_4K);
  struct walk_result wmega = measure_walks(MEGA_VA, MEGA, N_ROUNDS_4M);
  puts("== page-walk latency ==");
  report_walks("4 KiB pages (2-level walk)", N_ROUNDS_4K * (ROUND - 1), &w4k);
  report_walks("4 MiB pages (1-level walk)", N_ROUNDS_4M * (ROUND - 1), &wmega);
  puts("== end ==");
  return 0;
}
