/* main.c — vsim run control: command line, start-up, end of run, statistics.
 *
 * build/vsim is a Verilator --binary whose main() is Verilator's own; this file
 * implements the DPI-C imports of tb/tb_top.sv (prototypes and roles in
 * tb/tb_dpi.h) and drives the other modules:
 *   elf_load   program into the SoC RAM (through dut_ram)
 *   htif       tohost/fromhost requests        console    UART bytes
 *   commitlog  --commit-log                    signature  --signature
 *   cosim      --cosim: lockstep check of every retire record against iss/
 *
 * The command line is captured by a constructor (glibc passes argc/argv to
 * ELF constructors) because Verilator's main() keeps it to itself. The exit
 * status is set by an atexit handler that calls _exit(): Verilator's main()
 * always returns 0 after $finish, and ending the process from C before
 * $finish would lose the end of the waveform.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arch.h"
#include "commitlog.h"
#include "console.h"
#include "cli.h"
#include "cosim.h"
#include "dut_ram.h"
#include "elf_load.h"
#include "finisher.h"
#include "htif.h"
#include "signature.h"
#include "tb_dpi.h"

#define PROG "vsim"

/* ---- command line ---- */

static int cl_argc;
static char **cl_argv;

__attribute__((constructor)) static void capture_args(int argc, char **argv, char **envp)
{
    (void)envp;
    cl_argc = argc;
    cl_argv = argv;
}

typedef struct {
    const char *elf;
    const char *signature;     /* --signature FILE */
    const char *commit_log;    /* --commit-log FILE */
    const char *trace;         /* --trace FILE.fst */
    uint64_t trace_start;      /* --trace-start CYCLE */
    bool trace_start_given;
    uint64_t max_cycles;       /* --max-cycles N, 0 = no limit */
    uint64_t max_insns;        /* --max-instructions N, 0 = no limit */
    bool quiet;                /* --quiet */
    bool cosim;                /* --cosim */
    uint64_t cosim_inject;     /* --cosim-inject N (self-test aid) */
    bool cosim_inject_given;
    bool help;                 /* --help */
} options_t;

static options_t opt;

static const char usage_text[] =
    "Usage: " PROG " [options] PROGRAM.elf\n"
    "Run an RV32 ELF program on the Verilated SoC (RAM: %u KiB at 0x%08x; docs/platform.md).\n"
    "The program starts at 0x80000000 in M-mode and ends with a store to the finisher\n"
    "(0x100000) or, if it defines `tohost`, with an HTIF exit request.\n"
    "\n"
    "Options:\n"
    "  --max-cycles N        stop after N clock cycles, exit status 3 (default: no limit)\n"
    "  --max-instructions N  stop after N retired instructions, exit status 3\n"
    "  --signature FILE      at the end, write memory [begin_signature, end_signature)\n"
    "                        to FILE, one 32-bit word per line (8 lowercase hex digits)\n"
    "  --commit-log FILE     write one line per retired instruction, Spike --log-commits format\n"
    "  --trace FILE.fst      write an FST waveform of the whole design\n"
    "  --trace-start CYCLE   begin the waveform at this cycle (default 0: from reset)\n"
    "  --cosim               lockstep co-simulation: check every retire record against the\n"
    "                        reference model (iss/); the first divergence ends the run with\n"
    "                        a report on stderr and exit status 4\n"
    "  --cosim-inject N      test-bench self-test aid (with --cosim): corrupt the model's\n"
    "                        result at the first register write at or after record N, so\n"
    "                        that the checker must report a divergence\n"
    "  --quiet               no pass/fail line and no statistics on stderr\n"
    "  --help                show this text\n"
    "Numbers are decimal or 0x-prefixed hex. Console: UART output goes to stdout,\n"
    "stdin feeds the UART receiver. Ctrl-C ends the run cleanly (waveform kept).\n"
    "\n"
    "Exit status: 0 pass; N failure code N (finisher or tohost); 2 bad input;\n"
    "3 --max-cycles/--max-instructions reached; 4 co-simulation divergence;\n"
    "128+signal when interrupted.\n";

/* One error line on stderr. */
#define error_line(...) cli_error(PROG, __VA_ARGS__)

/* Decimal, or hex with a 0x prefix: 0 when valid, -1 otherwise. */
static int parse_u64(const char *s, uint64_t *v)
{
    return cli_parse_u64(s, v) ? 0 : -1;
}

enum opt_id {
    OPT_HELP, OPT_QUIET, OPT_MAX_CYCLES, OPT_MAX_INSNS,
    OPT_SIGNATURE, OPT_COMMIT_LOG, OPT_TRACE, OPT_TRACE_START, OPT_COSIM, OPT_COSIM_INJECT
};

static const struct {
    const char *name;
    enum opt_id id;
    enum { NO_ARG, FILE_ARG, NUMBER_ARG } arg;
} option_table[] = {
    { "--help", OPT_HELP, NO_ARG },
    { "-h", OPT_HELP, NO_ARG },
    { "--quiet", OPT_QUIET, NO_ARG },
    { "-q", OPT_QUIET, NO_ARG },
    { "--max-cycles", OPT_MAX_CYCLES, NUMBER_ARG },
    { "--max-instructions", OPT_MAX_INSNS, NUMBER_ARG },
    { "--signature", OPT_SIGNATURE, FILE_ARG },
    { "--commit-log", OPT_COMMIT_LOG, FILE_ARG },
    { "--trace", OPT_TRACE, FILE_ARG },
    { "--trace-start", OPT_TRACE_START, NUMBER_ARG },
    { "--cosim", OPT_COSIM, NO_ARG },
    { "--cosim-inject", OPT_COSIM_INJECT, NUMBER_ARG },
};

/* Fill opt from argv. Returns 0, or -1 after one error line. */
static int parse_options(int argc, char **argv)
{
    bool only_files = false;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        size_t nlen, k, nopts = sizeof option_table / sizeof option_table[0];
        uint64_t n = 0;

        if (strncmp(a, "+verilator+", 11) == 0)
            continue;                          /* Verilator runtime option */
        if (only_files || a[0] != '-' || a[1] == '\0') {
            if (opt.elf) {
                error_line("more than one program given ('%s' and '%s')", opt.elf, a);
                return -1;
            }
            opt.elf = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = true;
            continue;
        }
        /* "--name=value" or "--name [value]" */
        nlen = strcspn(a, "=");
        for (k = 0; k < nopts; k++)
            if (strlen(option_table[k].name) == nlen && strncmp(a, option_table[k].name, nlen) == 0)
                break;
        if (k == nopts) {
            error_line("unknown option '%.*s' (see --help)", (int)nlen, a);
            return -1;
        }
        if (a[nlen] == '=')
            val = a + nlen + 1;
        if (option_table[k].arg == NO_ARG && val) {
            error_line("option '%s' takes no argument", option_table[k].name);
            return -1;
        }
        if (option_table[k].arg != NO_ARG && !val) {
            if (i + 1 >= argc) {
                error_line("option '%s' needs an argument", option_table[k].name);
                return -1;
            }
            val = argv[++i];
        }
        if (option_table[k].arg == FILE_ARG && val[0] == '\0') {
            error_line("option '%s' needs a file name", option_table[k].name);
            return -1;
        }
        if (option_table[k].arg == NUMBER_ARG && parse_u64(val, &n) != 0) {
            error_line("option '%s': bad number '%s'", option_table[k].name, val);
            return -1;
        }
        switch (option_table[k].id) {
        case OPT_HELP:        opt.help = true; break;
        case OPT_QUIET:       opt.quiet = true; break;
        case OPT_MAX_CYCLES:  opt.max_cycles = n; break;
        case OPT_MAX_INSNS:   opt.max_insns = n; break;
        case OPT_SIGNATURE:   opt.signature = val; break;
        case OPT_COMMIT_LOG:  opt.commit_log = val; break;
        case OPT_TRACE:       opt.trace = val; break;
        case OPT_TRACE_START: opt.trace_start = n; opt.trace_start_given = true; break;
        case OPT_COSIM:       opt.cosim = true; break;
        case OPT_COSIM_INJECT: opt.cosim_inject = n; opt.cosim_inject_given = true; break;
        }
    }
    if (opt.help)
        return 0;
    if (!opt.elf) {
        error_line("no program given (usage: " PROG " [options] PROGRAM.elf; see --help)");
        return -1;
    }
    if (opt.trace_start_given && !opt.trace) {
        error_line("--trace-start needs --trace FILE.fst");
        return -1;
    }
    if (opt.cosim_inject_given && !opt.cosim) {
        error_line("--cosim-inject needs --cosim");
        return -1;
    }
    return 0;
}

/* Create (truncate) path now, so that a bad output path is bad input. */
static int check_writable(const char *what, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        error_line("cannot create %s '%s': %s", what, path, strerror(errno));
        return -1;
    }
    fclose(f);
    return 0;
}

/* ---- run state ---- */

enum end_reason { END_NONE, END_FINISHER, END_TOHOST, END_LIMIT_CYCLES, END_LIMIT_INSNS, END_SIGNAL,
                  END_DIVERGENCE };

#define STATUS_DIVERGENCE 4      /* docs/platform.md exit codes */

static struct {
    elf_info_t elf;
    htif_t htif;
    commitlog_t log;
    bool log_on;
    cosim_t *cosim;             /* --cosim, else NULL */
    struct timespec t_start;    /* wall clock at the start of the run */
    struct timespec cpu_start;  /* process CPU time then */
    enum end_reason reason;
    uint64_t code;              /* finisher or tohost code */
    int end_status;             /* exit status the end reason asks for */
    int status;                 /* exit status of the process */
    bool status_set;
    bool ended;
} run;

static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

static void exit_with_status(void)
{
    if (run.status_set) {
        fflush(NULL);
        _exit(run.status);
    }
}

/* Record the exit status, and send what Verilator prints after $finish (its
 * "- tb_top.sv:NN: Verilog $finish" banner) to /dev/null, not into the
 * program's console output. */
static void set_final_status(int status)
{
    int fd;

    run.status = status;
    run.status_set = true;
    fflush(stdout);
    fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) {
        dup2(fd, STDOUT_FILENO);
        close(fd);
    }
}

static double seconds_since(clockid_t clock, const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(clock, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) * 1e-9;
}

/* ---- DPI imports ---- */

int tb_init(unsigned int ram_bytes, unsigned int misa, unsigned long long *max_cycles,
            unsigned long long *max_insns, unsigned long long *trace_start,
            svBit *trace_on, svBit *htif_on, unsigned int *tohost, svBit *retire_on)
{
    char err[512];
    struct sigaction sa;

    atexit(exit_with_status);
    *max_cycles = *max_insns = *trace_start = 0;
    *trace_on = *htif_on = *retire_on = 0;
    *tohost = 0;

    if (!cl_argv) {
        error_line("command line not available");
        set_final_status(2);
        return 2;
    }
    if (parse_options(cl_argc, cl_argv) != 0) {
        set_final_status(2);
        return 2;
    }
    if (opt.help) {
        printf(usage_text, ram_bytes / 1024, RAM_BASE);
        set_final_status(0);
        return 0;
    }

    dut_ram_init(RAM_BASE, ram_bytes);
    if (elf_load(opt.elf, RAM_BASE, ram_bytes, dut_ram_write, NULL, &run.elf,
                 err, sizeof err) != 0) {
        error_line("%s", err);
        set_final_status(2);
        return 2;
    }
    if (run.elf.entry != RESET_PC) {
        error_line("'%s': entry point 0x%08x is not the reset PC 0x%08x (the core starts there)",
                   opt.elf, run.elf.entry, RESET_PC);
        set_final_status(2);
        return 2;
    }
    if (opt.signature && !run.elf.has_signature) {
        error_line("--signature: '%s' defines no begin_signature/end_signature symbols", opt.elf);
        set_final_status(2);
        return 2;
    }
    if ((opt.signature && check_writable("signature file", opt.signature) != 0) ||
        (opt.trace && check_writable("trace file", opt.trace) != 0)) {
        set_final_status(2);
        return 2;
    }
    if (opt.commit_log) {
        if (commitlog_open(&run.log, opt.commit_log, err, sizeof err) != 0) {
            error_line("%s", err);
            set_final_status(2);
            return 2;
        }
        run.log_on = true;
    }
    if (opt.cosim) {
        run.cosim = cosim_create(opt.elf, ram_bytes, !(misa & MISA_M), err, sizeof err);
        if (!run.cosim) {
            error_line("%s", err);
            set_final_status(2);
            return 2;
        }
        if (opt.cosim_inject_given)
            cosim_inject(run.cosim, opt.cosim_inject);
    }

    console_init();
    if (run.elf.has_tohost)
        htif_init(&run.htif, run.elf.tohost, run.elf.fromhost, run.elf.has_fromhost,
                  dut_ram_read, dut_ram_write, NULL, stdout);

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sa.sa_flags = SA_RESETHAND;          /* a second Ctrl-C kills at once */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    *max_cycles = opt.max_cycles;
    *max_insns = opt.max_insns;
    *trace_start = opt.trace_start;
    *trace_on = opt.trace != NULL;
    *htif_on = run.elf.has_tohost;
    *tohost = run.elf.tohost;
    *retire_on = run.log_on || run.cosim;
    clock_gettime(CLOCK_MONOTONIC, &run.t_start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &run.cpu_start);
    return -1;
}

const char *tb_trace_file(void)
{
    return opt.trace ? opt.trace : "";
}

void tb_uart_tx(unsigned int c)
{
    console_putc((uint8_t)c);
}

int tb_poll(svBit want_byte)
{
    int c;

    if (stop_signal) {
        run.reason = END_SIGNAL;
        run.end_status = 128 + stop_signal;
        return TB_POLL_STOP;
    }
    if (!want_byte)
        return TB_POLL_NONE;
    c = console_getc();
    return c == CONSOLE_EOF ? TB_POLL_EOF : c == CONSOLE_NONE ? TB_POLL_NONE : c;
}

int tb_finisher(unsigned int data)
{
    uint32_t code;
    int status = finisher_decode(data, &code);

    if (status >= 0) {
        run.reason = END_FINISHER;
        run.code = code;
        run.end_status = status;
    }
    return status;
}

/* tohost as the program wrote it, from the retire port's store data (not read
 * back from RAM, so it does not matter when the RAM write lands). */
static uint32_t tohost_words[2];
static bool tohost_low_written;   /* since the last request was taken */

int tb_tohost_store(unsigned int hi, unsigned int wdata, unsigned int wmask)
{
    uint32_t lanes = 0;

    for (int i = 0; i < 4; i++)
        if (wmask & (1u << i))
            lanes |= 0xffu << (8 * i);
    tohost_words[hi & 1] = (tohost_words[hi & 1] & ~lanes) | (wdata & lanes);
    if (!(hi & 1)) {
        tohost_low_written = true;
        return 0;
    }
    return tohost_low_written;
}

int tb_htif_poll(void)
{
    static const uint8_t zeros[8];
    uint64_t v = (uint64_t)tohost_words[1] << 32 | tohost_words[0];
    int status;

    tohost_low_written = false;
    if (v == 0)
        return -1;
    /* Take the request: clear tohost, as Spike's front-end server does. */
    tohost_words[0] = tohost_words[1] = 0;
    dut_ram_write(NULL, run.elf.tohost, zeros, sizeof zeros);
    status = htif_tohost(&run.htif, v);
    if (run.cosim && cosim_htif(run.cosim, status) != 0) {
        run.reason = END_DIVERGENCE;
        run.end_status = STATUS_DIVERGENCE;
        return STATUS_DIVERGENCE;
    }
    if (status >= 0) {
        run.reason = END_TOHOST;
        run.code = run.htif.exit_code;
        run.end_status = status;
    }
    return status;
}

int tb_retire(unsigned long long cycle, unsigned long long order, unsigned int insn,
              unsigned int pc, unsigned int next_pc, unsigned int priv, unsigned int rd_addr,
              unsigned int rd_wdata, unsigned int mem_addr, unsigned int mem_paddr,
              unsigned int mem_rmask, unsigned int mem_wmask, unsigned int mem_rdata,
              unsigned int mem_wdata, unsigned int trap, unsigned int intr,
              unsigned int cause, unsigned int tval, unsigned int mip)
{
    retire_t r = {
        .order = order, .insn = insn, .pc = pc, .next_pc = next_pc,
        .priv = (uint8_t)priv, .rd_addr = (uint8_t)rd_addr, .rd_wdata = rd_wdata,
        .mem_addr = mem_addr, .mem_paddr = mem_paddr,
        .mem_rmask = (uint8_t)mem_rmask, .mem_wmask = (uint8_t)mem_wmask,
        .mem_rdata = mem_rdata, .mem_wdata = mem_wdata,
        .trap = (uint8_t)trap, .intr = (uint8_t)intr, .cause = cause, .tval = tval,
    };
    if (run.log_on)
        commitlog_write(&run.log, &r);
    if (run.cosim && cosim_step(run.cosim, &r, mip, cycle) != 0) {
        run.reason = END_DIVERGENCE;
        run.end_status = STATUS_DIVERGENCE;
        return 1;
    }
    return 0;
}

void tb_limit(int reason)
{
    run.reason = reason == TB_LIMIT_CYCLES ? END_LIMIT_CYCLES : END_LIMIT_INSNS;
    run.end_status = 3;
}

/* "last retired pc 0x...", or a note that nothing retired. */
static void describe_last_pc(char *buf, size_t n, unsigned long long insns, unsigned int last_pc)
{
    if (insns)
        snprintf(buf, n, "last retired pc 0x%08x", last_pc);
    else
        snprintf(buf, n, "no instruction retired");
}

void tb_end(unsigned long long cycles, unsigned long long insns, unsigned int last_pc)
{
    double secs = seconds_since(CLOCK_MONOTONIC, &run.t_start);
    double cpu = seconds_since(CLOCK_PROCESS_CPUTIME_ID, &run.cpu_start);
    int status = run.end_status;
    char err[512], where[64];

    if (run.ended)
        return;
    run.ended = true;
    fflush(stdout);
    describe_last_pc(where, sizeof where, insns, last_pc);

    /* Lockstep: the model must end the run the same way (a user's interrupt aside). */
    if (run.cosim && run.reason != END_DIVERGENCE && run.reason != END_SIGNAL &&
        cosim_end(run.cosim, run.reason == END_FINISHER || run.reason == END_TOHOST,
                  status) != 0) {
        run.reason = END_DIVERGENCE;
        status = STATUS_DIVERGENCE;
    }

    switch (run.reason) {
    case END_FINISHER:
    case END_TOHOST:
        if (opt.quiet)
            break;
        if (status == 0)
            fprintf(stderr, PROG ": PASS (%s)\n", run.reason == END_FINISHER ? "finisher" : "tohost");
        else
            fprintf(stderr, PROG ": FAIL (%s code %llu)\n",
                    run.reason == END_FINISHER ? "finisher" : "tohost",
                    (unsigned long long)run.code);
        break;
    case END_LIMIT_CYCLES:
        fprintf(stderr, PROG ": TIMEOUT: --max-cycles %llu reached, %llu instructions retired, %s\n",
                (unsigned long long)opt.max_cycles, insns, where);
        break;
    case END_LIMIT_INSNS:
        fprintf(stderr, PROG ": TIMEOUT: --max-instructions %llu reached at cycle %llu, %s\n",
                (unsigned long long)opt.max_insns, cycles, where);
        break;
    case END_SIGNAL:
        fprintf(stderr, PROG ": interrupted by %s at cycle %llu, %s\n",
                status == 128 + SIGINT ? "SIGINT" : "SIGTERM", cycles, where);
        break;
    case END_DIVERGENCE:
        fprintf(stderr, PROG ": FAIL (co-simulation divergence after %llu records)\n",
                (unsigned long long)cosim_records(run.cosim));
        break;
    default:
        fprintf(stderr, PROG ": run ended for no known reason at cycle %llu, %s\n", cycles, where);
        status = 1;
        break;
    }

    if (run.log_on && commitlog_close(&run.log) != 0) {
        error_line("error writing commit log '%s'", opt.commit_log);
        if (status == 0)
            status = 1;
    }
    if (opt.signature &&
        signature_write(opt.signature, run.elf.begin_signature, run.elf.end_signature,
                        dut_ram_read, NULL, err, sizeof err) != 0) {
        error_line("%s", err);
        if (status == 0)
            status = 1;
    }
    /* Rates are per CPU second: they measure the simulator, not the machine's load. */
    if (!opt.quiet) {
        double mips = cpu > 0 ? (double)insns / cpu / 1e6 : 0.0;
        double mhz = cpu > 0 ? (double)cycles / cpu / 1e6 : 0.0;
        if (insns)
            fprintf(stderr, PROG ": %llu cycles, %llu instructions, CPI %.3f; "
                            "%.2f s (%.2f s CPU), %.3f MIPS, %.3f MHz\n",
                    cycles, insns, (double)cycles / (double)insns, secs, cpu, mips, mhz);
        else
            fprintf(stderr, PROG ": %llu cycles, 0 instructions; %.2f s (%.2f s CPU), %.3f MHz\n",
                    cycles, secs, cpu, mhz);
        if (run.cosim && run.reason != END_DIVERGENCE)
            fprintf(stderr, PROG ": cosim: %llu records checked against the ISS, no divergence\n",
                    (unsigned long long)cosim_records(run.cosim));
    }
    cosim_destroy(run.cosim);
    run.cosim = NULL;
    set_final_status(status);
}
