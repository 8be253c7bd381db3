/* main.c — mmu_bench run control: command line, the DPI-C imports of tb/mmu/mmu_tb.sv,
 * the end-of-run report and the exit status.
 *
 * The binary is a Verilator --binary whose main() is Verilator's own: the command line is
 * captured by an ELF constructor, and the exit status is set by an atexit handler calling
 * _exit(), because Verilator's main() returns 0 after $finish.
 *
 * Exit status: 0 pass; 1 a check failed, or coverage is incomplete; 2 bad option.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "cover.h"
#include "mmu_dpi.h"

#define PROG "mmu-bench"
#define DEFAULT_COUNT 1000000

bench_opts_t opts;

static int cl_argc;
static char **cl_argv;
static int exit_status;
static const char *trace_file;
static uint64_t trace_start;
static bool trace_on, full_coverage = true;
static struct timespec t0;

__attribute__((constructor)) static void capture_args(int argc, char **argv, char **envp)
{
    (void)envp;
    cl_argc = argc;
    cl_argv = argv;
}

static void exit_with_status(void)
{
    fflush(stdout);
    fflush(stderr);
    _exit(exit_status);
}

/* Verilator prints "- mmu_tb.sv:NN: Verilog $finish" after $finish: send it to /dev/null
 * so that the report's last line stays the summary. */
static void quiet_after_finish(void)
{
    fflush(stdout);
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) {
        dup2(fd, STDOUT_FILENO);
        close(fd);
    }
}

static void usage(FILE *f)
{
    fprintf(f,
        "usage: mmu_bench [options]\n"
        "Constrained-random unit bench of core_mmu (Sv32 TLBs, walker, PMP, PMA), checked\n"
        "against the reference translator iss/sv32.c and an exact mirror of the TLBs.\n"
        "This build: %u I-TLB + %u D-TLB entries, RAM 0x%x bytes.\n"
        "  --seed N           random seed (default 1); a run is reproducible from it\n"
        "  --count N          checks (accesses) to run (default %u)\n"
        "  --overlap          let overlapping entries into the TLBs (no sfence.vma after\n"
        "                     upgrading pages, inconsistent G bits) and accept any one of\n"
        "                     the hitting entries' answers (priv spec 4.3.2)\n"
        "  --log-from N       print every check from check N on (stdout)\n"
        "  --trace FILE.fst   FST waveform ...\n"
        "  --trace-start C    ... from cycle C (default 0)\n"
        "  --summary          coverage: only the summary and the rows with empty bins\n"
        "  --help             this text\n"
        "Numbers are decimal or 0x hex; --opt=value works too.\n",
        opts.itlb, opts.dtlb, opts.ram_bytes, DEFAULT_COUNT);
}

static int parse_num(const char *opt, const char *s, uint64_t *v)
{
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || end == s || *end || *s == '-') {
        fprintf(stderr, PROG ": bad number for %s: '%s'\n", opt, s);
        return -1;
    }
    *v = x;
    return 0;
}

/* Returns -1 to run, else the exit status. */
static int parse_options(void)
{
    for (int i = 1; i < cl_argc; i++) {
        const char *a = cl_argv[i], *val = NULL;
        char name[64];
        if (!strncmp(a, "+verilator+", 11))
            continue;
        const char *eq = strchr(a, '=');
        size_t len = eq ? (size_t)(eq - a) : strlen(a);
        if (len >= sizeof name)
            len = sizeof name - 1;
        memcpy(name, a, len);
        name[len] = 0;
        bool takes = !strcmp(name, "--seed") || !strcmp(name, "--count") ||
                     !strcmp(name, "--log-from") || !strcmp(name, "--trace") ||
                     !strcmp(name, "--trace-start");
        if (takes) {
            if (eq) {
                val = eq + 1;
            } else if (i + 1 < cl_argc) {
                val = cl_argv[++i];
            } else {
                fprintf(stderr, PROG ": %s needs a value\n", name);
                return 2;
            }
        } else if (eq) {
            fprintf(stderr, PROG ": %s takes no value\n", name);
            return 2;
        }
        if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(name, "--seed")) {
            if (parse_num(name, val, &opts.seed)) return 2;
        } else if (!strcmp(name, "--count")) {
            if (parse_num(name, val, &opts.count)) return 2;
        } else if (!strcmp(name, "--log-from")) {
            if (parse_num(name, val, &opts.log_from)) return 2;
        } else if (!strcmp(name, "--trace-start")) {
            if (parse_num(name, val, &trace_start)) return 2;
        } else if (!strcmp(name, "--trace")) {
            trace_file = val;
            trace_on = true;
        } else if (!strcmp(name, "--overlap")) {
            opts.overlap = true;
        } else if (!strcmp(name, "--summary")) {
            full_coverage = false;
        } else {
            fprintf(stderr, PROG ": unknown option '%s' (try --help)\n", a);
            return 2;
        }
    }
    return -1;
}

int mmu_tb_init(unsigned int itlb_entries, unsigned int dtlb_entries, unsigned int ram_bytes,
                unsigned long long *trace_start_out, svBit *trace_on_out)
{
    atexit(exit_with_status);
    opts.seed = 1;
    opts.count = DEFAULT_COUNT;
    opts.itlb = itlb_entries;
    opts.dtlb = dtlb_entries;
    opts.ram_bytes = ram_bytes;
    int rc = parse_options();
    if (rc >= 0) {
        exit_status = rc;
        quiet_after_finish();
        return rc;
    }
    *trace_start_out = trace_start;
    *trace_on_out = trace_on;
    printf(PROG ": seed %llu, %llu checks, %u+%u TLB entries, RAM 0x%x bytes%s\n",
           (unsigned long long)opts.seed, (unsigned long long)opts.count, opts.itlb, opts.dtlb,
           opts.ram_bytes, opts.overlap ? ", overlapping entries allowed" : "");
    fflush(stdout);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    seq_init();
    return -1;
}

const char *mmu_tb_trace_file(void)
{
    return trace_file ? trace_file : "mmu_bench.fst";
}

int mmu_tb_cycle(unsigned int status, unsigned int i_paddr, unsigned int d_paddr,
                 unsigned int ptw_addr, unsigned int ptw_wdata, unsigned int *ctl,
                 unsigned int *i_vaddr, unsigned int *d_vaddr, unsigned int *sfence_vaddr,
                 unsigned int *ptw_rdata)
{
    uint32_t c, iva, dva, sva, rd;
    int rc = seq_cycle(status, i_paddr, d_paddr, ptw_addr, ptw_wdata, &c, &iva, &dva, &sva, &rd);
    *ctl = c;
    *i_vaddr = iva;
    *d_vaddr = dva;
    *sfence_vaddr = sva;
    *ptw_rdata = rd;
    return rc;
}

void mmu_tb_state(unsigned int *mode, unsigned int *satp, svBitVecVal *pmpcfg,
                  svBitVecVal *pmpaddr)
{
    uint32_t m, s, cfg[4], addr[16];
    seq_state(&m, &s, cfg, addr);
    *mode = m;
    *satp = s;
    for (unsigned i = 0; i < 4; i++)
        pmpcfg[i] = cfg[i];
    for (unsigned i = 0; i < 16; i++)
        pmpaddr[i] = addr[i];
}

void mmu_tb_end(unsigned long long cycles)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    unsigned problems = 0;
    fflush(stderr);
    if (!seq_failed())
        problems = cover_report(stdout, full_coverage);
    printf(PROG ": %llu cycles in %.1f s (%.0f checks/s)\n", cycles, secs,
           secs > 0 ? (double)seq_checks() / secs : 0.0);
    if (seq_failed())
        printf(PROG ": %llu checks, 1 failures\n", (unsigned long long)seq_checks());
    else if (problems)
        printf(PROG ": %llu checks, 0 failures, %u coverage holes\n",
               (unsigned long long)seq_checks(), problems);
    else
        printf(PROG ": %llu checks, 0 failures\n", (unsigned long long)seq_checks());
    exit_status = (seq_failed() || problems) ? 1 : 0;
    quiet_after_finish();
}
