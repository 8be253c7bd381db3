/* main.c — build/iss: run a program on the reference model, standalone.
 *
 *   build/iss [options] PROGRAM.elf
 *
 * Same conventions as build/vsim (docs/platform.md): the ELF is loaded with
 * tb/elf_load, the run ends by the finisher or HTIF tohost, exit codes 0 pass /
 * N fail / 2 bad input / 3 limit reached. --commit-log steps one instruction at a
 * time (tb/commitlog); otherwise the fast loop runs.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arch.h"
#include "cli.h"
#include "console.h"
#include "iss.h"
#include "signature.h"

#define PROG "iss"
#define EXIT_BAD_INPUT 2
#define EXIT_LIMIT 3
#define RUN_CHUNK 10000000u     /* steps per iss_run call */

static const char usage_text[] =
    "usage: " PROG " [options] PROGRAM.elf\n"
    "Run a RV32IMA M/S/U + Sv32 program on the reference model (instruction-set\n"
    "simulator) with the platform of docs/platform.md. The run ends by the finisher\n"
    "(0x100000) or, when the ELF defines `tohost`, by an HTIF exit request.\n"
    "options:\n"
    "  --max-instructions N  stop after N retired instructions (or 2N steps when\n"
    "                        traps do not retire), exit status 3\n"
    "  --signature FILE      at the end, dump [begin_signature, end_signature), one\n"
    "                        32-bit hex word per line\n"
    "  --commit-log FILE     one line per retired instruction, Spike --log-commits format\n"
    "  --ram-size BYTES      RAM size at 0x80000000 (default 16 MiB)\n"
    "  --no-m                model a core built without the M extension (MulDiv = 0):\n"
    "                        multiply/divide instructions are illegal, misa.M reads 0\n"
    "  --quiet, -q           no end-of-run summary on stderr\n"
    "  --help, -h            this text\n"
    "exit status: 0 pass, N failure code N, 2 bad input, 3 instruction limit reached.\n";

typedef struct {
    const char *elf, *signature, *commit_log;
    uint64_t max_insns;         /* 0 = no limit */
    uint64_t ram_size;
    bool quiet, help, no_m;
} options_t;

#define error_line(...) cli_error(PROG, __VA_ARGS__)

#define parse_number cli_parse_u64

static bool parse_options(int argc, char **argv, options_t *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1]) {
            if (o->elf) {
                error_line("more than one program given ('%s' and '%s')", o->elf, a);
                return false;
            }
            o->elf = a;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            o->help = true;
            continue;
        }
        if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o->quiet = true;
            continue;
        }
        if (!strcmp(a, "--no-m")) {
            o->no_m = true;
            continue;
        }
        const char *val = strchr(a, '=');
        size_t nlen = val ? (size_t)(val - a) : strlen(a);
        static const char *const with_arg[] = { "--max-instructions", "--signature",
                                                "--commit-log", "--ram-size" };
        int which = -1;
        for (int k = 0; k < 4; k++)
            if (strlen(with_arg[k]) == nlen && !strncmp(a, with_arg[k], nlen))
                which = k;
        if (which < 0) {
            error_line("unknown option '%.*s' (see --help)", (int)nlen, a);
            return false;
        }
        if (val) {
            val++;
        } else if (i + 1 < argc) {
            val = argv[++i];
        } else {
            error_line("option '%s' needs an argument", a);
            return false;
        }
        if (which == 1 || which == 2) {
            if (!*val) {
                error_line("option '%s' needs a file name", with_arg[which]);
                return false;
            }
            *(which == 1 ? &o->signature : &o->commit_log) = val;
            continue;
        }
        uint64_t n;
        if (!parse_number(val, &n)) {
            error_line("option '%s': bad number '%s'", with_arg[which], val);
            return false;
        }
        if (which == 0) {
            o->max_insns = n;
        } else {
            if (n < 4096 || n > 0x80000000ull || (n & 4095)) {
                error_line("--ram-size %s: must be a multiple of 4096 between 4 KiB and 2 GiB", val);
                return false;
            }
            o->ram_size = n;
        }
    }
    if (!o->help && !o->elf) {
        error_line("no program given (usage: " PROG " [options] PROGRAM.elf; see --help)");
        return false;
    }
    return true;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Run until the program ends or the limit is reached; true when it ended. */
static bool run(iss_t *s, const options_t *o, commitlog_t *log)
{
    const uint64_t step_cap = o->max_insns ? 2 * o->max_insns : UINT64_MAX;
    while (!iss_exited(s)) {
        if (o->max_insns && (iss_retired(s) >= o->max_insns || iss_steps(s) >= step_cap))
            return false;
        uint64_t n = o->max_insns ? o->max_insns - iss_retired(s) : RUN_CHUNK;
        if (n > RUN_CHUNK)
            n = RUN_CHUNK;
        if (log) {
            for (uint64_t k = 0; k < n && !iss_exited(s); k++) {
                iss_retire_t r;
                iss_step(s, &r);
                commitlog_write(log, &r);
            }
        } else {
            iss_run(s, n);
        }
    }
    return true;
}

int main(int argc, char **argv)
{
    options_t o = { 0 };
    char err[512];
    if (!parse_options(argc, argv, &o))
        return EXIT_BAD_INPUT;
    if (o.help) {
        fputs(usage_text, stdout);
        return 0;
    }
    iss_config_t cfg = { .ram_size = (uint32_t)o.ram_size, .console_input = true,
                         .no_m = o.no_m };
    iss_t *s = iss_create(&cfg);
    if (!s) {
        error_line("out of memory");
        return EXIT_BAD_INPUT;
    }
    console_init();
    if (iss_load_elf(s, o.elf, err, sizeof err) != 0) {
        error_line("%s", err);
        iss_destroy(s);
        return EXIT_BAD_INPUT;
    }
    if (iss_get_pc(s) != RESET_PC) {
        error_line("'%s': entry point 0x%08x is not the reset PC 0x%08x", o.elf,
                   iss_get_pc(s), (unsigned)RESET_PC);
        iss_destroy(s);
        return EXIT_BAD_INPUT;
    }
    if (o.signature && !iss_symbol_end_signature(s)) {
        error_line("--signature: '%s' defines no begin_signature/end_signature symbols", o.elf);
        iss_destroy(s);
        return EXIT_BAD_INPUT;
    }
    commitlog_t log;
    if (o.commit_log && commitlog_open(&log, o.commit_log, err, sizeof err) != 0) {
        error_line("%s", err);
        iss_destroy(s);
        return EXIT_BAD_INPUT;
    }

    double t0 = now_seconds();
    bool ended = run(s, &o, o.commit_log ? &log : NULL);
    double secs = now_seconds() - t0;
    fflush(stdout);

    int status = ended ? iss_exit_code(s) : EXIT_LIMIT;
    if (!ended)
        fprintf(stderr, PROG ": TIMEOUT: --max-instructions %llu reached (%llu steps), pc 0x%08x\n",
                (unsigned long long)o.max_insns, (unsigned long long)iss_steps(s), iss_get_pc(s));
    else if (!o.quiet)
        fprintf(stderr, PROG ": %s (exit code %d)\n", status ? "FAIL" : "PASS", status);
    if (o.commit_log && commitlog_close(&log) != 0) {
        error_line("error writing commit log '%s'", o.commit_log);
        status = status ? status : 1;
    }
    if (o.signature && signature_write(o.signature, iss_symbol_begin_signature(s),
                                       iss_symbol_end_signature(s), iss_memif_read, s,
                                       err, sizeof err) != 0) {
        error_line("%s", err);
        status = status ? status : 1;
    }
    if (!o.quiet) {
        uint64_t n = iss_retired(s);
        fprintf(stderr, PROG ": %llu instructions, %.3f s, %.1f MIPS\n",
                (unsigned long long)n, secs, secs > 0 ? (double)n / secs / 1e6 : 0.0);
    }
    iss_destroy(s);
    return status;
}
