/* main.c — build/rgen: write one random, self-terminating RV32IMA M/S/U (+Sv32) test
 * program as assembly.
 *
 *   rgen [--seed N] [--length N] [--paging] [--budget N] [--stats] [-o FILE.S]
 *   rgen --link-script                     the linker script the programs need
 *
 * A program is start-up code, then a chain of blocks. A block is a list of random items
 * run in one privilege (M and S blocks live in .rgen.text_s, U blocks in .rgen.text_u,
 * so that with paging on each is executable for its mode). Between blocks the program
 * switches privilege by mret, sret or a service ecall, or just jumps. The last block
 * asks the handlers to finish (pass). runtime.c has the handlers; README.md the rules.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rgen.h"

#define PROG "rgen"
#define EXIT_BAD_INPUT 2
#define LENGTH_MAX 150000u

static const char usage_text[] =
    "usage: " PROG " [options]\n"
    "Write a random, self-terminating RV32IMA M/S/U test program (assembly) for the\n"
    "platform of docs/platform.md. Link it with the script of --link-script.\n"
    "options:\n"
    "  --seed N        PRNG seed (decimal or 0x hex; default 1): same seed, same program\n"
    "  --length N      body instructions to generate (default 10000, 100..150000)\n"
    "  --paging        also random Sv32 page tables, satp/ASID switches, PTE edits\n"
    "  --budget N      traps the handlers allow before they end the run (pass);\n"
    "                  default length/2 + 500\n"
    "  --stats         print what was generated (item histogram) on stderr\n"
    "  --uarch-events  let mhpmevent3..10 select TLB-miss/page-walk events (their counts\n"
    "                  are microarchitectural: only when counter reads come from the RTL)\n"
    "  --selfcheck     check the generator: at each M/S block start, compare CSRs with\n"
    "                  the generator's model; a difference fails with code 100 + check\n"
    "  -o FILE         output file (default: standard output)\n"
    "  --link-script   print the linker script for rgen programs and exit\n"
    "  --help, -h      this text\n"
    "exit status: 0 written, 2 bad options or output error.\n";

#define error_line(...) cli_error(PROG, __VA_ARGS__)

#define parse_u64 cli_parse_u64

/* ---- privilege switches between blocks ---- */

enum { R_JUMP, R_MRET, R_SRET, R_ECALL };

static void block_label(char *buf, size_t n, unsigned blk)
{
    snprintf(buf, n, "rg_blk%u", blk);
}

/* Which route reaches privilege q from here; R_JUMP when none does (stay). */
static int choose_route(gen_t *g, unsigned q)
{
    rng_t *r = &g->rng;
    bool d8 = g->medeleg & (1u << CAUSE_USER_ECALL), d9 = g->medeleg & (1u << CAUSE_SUPERVISOR_ECALL);
    bool ecall_ok;
    if (q == PRV_M)
        ecall_ok = g->priv == PRV_M || (g->priv == PRV_S && !d9) || (g->priv == PRV_U && !(d8 && d9));
    else
        ecall_ok = true;
    if (q == g->priv && rng_chance(r, 40))
        return R_JUMP;
    if (g->priv == PRV_M) {
        if (q != PRV_M && rng_chance(r, 30))
            return R_SRET;
        return rng_chance(r, 70) ? R_MRET : R_ECALL;
    }
    if (g->priv == PRV_S && q != PRV_M && !g->tsr && rng_chance(r, 60))
        return R_SRET;
    return ecall_ok ? R_ECALL : R_JUMP;
}

/* Leave the current block for block `blk`, in privilege q if a route exists. Returns
 * true when the next block must clear a7 (entered through a service call). */
static bool switch_to(gen_t *g, unsigned q, unsigned blk)
{
    rng_t *r = &g->rng;
    char lab[32];
    block_label(lab, sizeof lab, blk);
    int route = choose_route(g, q);
    unsigned t = rand_wreg(g);
    switch (route) {
    case R_MRET: {
        bool mpie = rng_chance(r, 50);
        ins(g, "csrci mstatus, %u", 1u << MSTATUS_MIE);
        emit_li(g, t, (3u << MSTATUS_MPP_LO) | (1u << MSTATUS_MPIE));
        ins(g, "csrc  mstatus, %s", reg_names[t]);
        uint32_t set = (q << MSTATUS_MPP_LO) | (mpie ? 1u << MSTATUS_MPIE : 0);
        if (set) {
            emit_li(g, t, set);
            ins(g, "csrs  mstatus, %s", reg_names[t]);
        }
        emit_la(g, t, lab);
        ins(g, "csrw  mepc, %s", reg_names[t]);
        ins(g, "mret");
        g->mie = mpie;
        if (q != PRV_M)
            g->mprv = false;
        g->priv = q;
        count(g, K_SWITCH_MRET);
        return false;
    }
    case R_SRET: {
        bool spie = rng_chance(r, 50);
        if (g->priv == PRV_S)
            ins(g, "csrci sstatus, %u", 1u << MSTATUS_SIE);
        emit_li(g, t, (1u << MSTATUS_SPP) | (1u << MSTATUS_SPIE));
        ins(g, "csrc  sstatus, %s", reg_names[t]);
        uint32_t set = (q == PRV_S ? 1u << MSTATUS_SPP : 0) | (spie ? 1u << MSTATUS_SPIE : 0);
        if (set) {
            emit_li(g, t, set);
            ins(g, "csrs  sstatus, %s", reg_names[t]);
        }
        emit_la(g, t, lab);
        ins(g, "csrw  sepc, %s", reg_names[t]);
        ins(g, "sret");
        g->sie = spie;
        g->mprv = false;
        g->priv = q;
        count(g, K_SWITCH_SRET);
        return false;
    }
    case R_ECALL:
        emit_la(g, REG_A6, lab);
        ins(g, "li    a7, RG_MAGIC + %u", q);
        ins(g, "ecall");
        emit_la(g, t, lab);                 /* not reached */
        ins(g, "jr    %s", reg_names[t]);
        g->mprv = false;
        g->priv = q;
        count(g, K_SWITCH_ECALL);
        return true;
    default:
        emit_la(g, t, lab);
        ins(g, "jr    %s", reg_names[t]);
        return false;
    }
}

/* --selfcheck: at a block start, compare the machine with the generator's model and
 * fail (finisher code = 100 + check number) on a difference. Tests the generator. */
static void emit_check(gen_t *g, unsigned csr, uint32_t mask, uint32_t expect, unsigned *n)
{
    ins(g, "csrr  t0, 0x%03x", csr);
    emit_li(g, 6, mask);
    ins(g, "and   t0, t0, t1");
    emit_li(g, 6, expect & mask);
    ins(g, "beq   t0, t1, 1f");
    emit_li(g, 6, ((100u + *n) << 16) | FINISHER_FAIL);
    emit_li(g, 7, FINISHER_BASE);
    ins(g, "sw    t1, 0(t2)");
    out(g, "1:");
    ++*n;
}

static void emit_selfcheck(gen_t *g)
{
    unsigned n = 0;
    uint32_t tracked = (1u << MSTATUS_MIE) | (1u << MSTATUS_SIE) | (1u << MSTATUS_MPRV) |
                       (1u << MSTATUS_SUM) | (1u << MSTATUS_MXR) | (1u << MSTATUS_TVM) |
                       (1u << MSTATUS_TW) | (1u << MSTATUS_TSR);
    uint32_t ms = (g->mie ? 1u << MSTATUS_MIE : 0) | (g->sie ? 1u << MSTATUS_SIE : 0) |
                  (g->mprv ? 1u << MSTATUS_MPRV : 0) | (g->sum ? 1u << MSTATUS_SUM : 0) |
                  (g->mxr ? 1u << MSTATUS_MXR : 0) | (g->tvm ? 1u << MSTATUS_TVM : 0) |
                  (g->tw ? 1u << MSTATUS_TW : 0) | (g->tsr ? 1u << MSTATUS_TSR : 0);
    if (g->priv == PRV_S) {
        emit_check(g, CSR_SSTATUS, tracked & SSTATUS_MASK, ms, &n);
        if (!g->tvm)
            emit_check(g, CSR_SATP, 0xFFFFFFFFu, g->satp, &n);
        return;
    }
    if (g->priv != PRV_M)
        return;
    emit_check(g, CSR_MSTATUS, tracked, ms, &n);
    emit_check(g, CSR_MEDELEG, 0xFFFFFFFFu, g->medeleg, &n);
    emit_check(g, CSR_MIDELEG, 0xFFFFFFFFu, g->mideleg, &n);
    emit_check(g, CSR_SATP, 0xFFFFFFFFu, g->satp, &n);
    emit_check(g, CSR_MENVCFGH, 1u << MENVCFGH_ADUE, g->adue ? 1u << MENVCFGH_ADUE : 0, &n);
    for (unsigned k = 0; k < 4; k++) {
        uint32_t v = 0;
        for (unsigned b = 0; b < 4; b++)
            v |= (uint32_t)g->pmp.cfg[4 * k + b] << (8 * b);
        emit_check(g, CSR_PMPCFG0 + k, 0xFFFFFFFFu, v, &n);
    }
    for (unsigned i = 0; i < 16; i++)
        emit_check(g, CSR_PMPADDR0 + i, 0xFFFFFFFFu, g->pmp.addr[i], &n);
}

static unsigned random_priv(gen_t *g)
{
    static const unsigned p[] = { PRV_M, PRV_S, PRV_U };
    return p[rng_below(&g->rng, 3)];
}

static void gen_body(gen_t *g)
{
    rng_t *r = &g->rng;
    g->emitted = 0;
    g->no_write = (1u << REG_GP) | (1u << REG_TP);
    bool clear_a7 = switch_to(g, random_priv(g), 0);
    for (unsigned blk = 0;; blk++) {
        emit_section(g, g->priv == PRV_U);
        out(g, "rg_blk%u:       # %c-mode medeleg %04x mideleg %03x%s%s%s%s%s%s satp %08x", blk,
            "US?M"[g->priv], g->medeleg, g->mideleg, g->mie ? " MIE" : "", g->sie ? " SIE" : "",
            g->mprv ? " MPRV" : "", g->tvm ? " TVM" : "", g->tw ? " TW" : "", g->tsr ? " TSR" : "",
            g->satp);
        if (clear_a7)
            emit_li(g, REG_A7, rng_value(r));
        if (g->selfcheck)
            emit_selfcheck(g);
        g->nblocks++;
        gen_items(g, 6 + rng_below(r, 35));
        if (g->emitted >= g->length)
            break;
        unsigned q = rng_chance(r, 30) ? g->priv : random_priv(g);
        if (q == PRV_M && g->priv == PRV_S && (g->medeleg & (1u << CAUSE_SUPERVISOR_ECALL)))
            q = PRV_U;          /* S cannot reach M by ecall now; U can (medeleg_fix) */
        clear_a7 = switch_to(g, q, blk + 1);
    }
    unsigned t = rand_wreg(g);
    emit_la(g, t, g->priv == PRV_U ? "rg_end_u" : "rg_end_s");
    ins(g, "jr    %s", reg_names[t]);
}

static void print_stats(const gen_t *g)
{
    fprintf(stderr, PROG ": seed %llu: %u body instructions, %u blocks\n",
            (unsigned long long)g->seed, g->emitted, g->nblocks);
    for (unsigned k = 0; k < K_COUNT; k++)
        fprintf(stderr, "  %-20s %lu\n", kind_names[k], g->count[k]);
}

int main(int argc, char **argv)
{
    static gen_t g;
    const char *outfile = NULL;
    uint64_t v;
    bool budget_set = false;
    g.seed = 1;
    g.length = 10000;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!strcmp(a, "--link-script")) {
            emit_link_script(stdout);
            return 0;
        }
        if (!strcmp(a, "--paging")) {
            g.paging = true;
            continue;
        }
        if (!strcmp(a, "--stats")) {
            g.stats = true;
            continue;
        }
        if (!strcmp(a, "--selfcheck")) {
            g.selfcheck = true;
            continue;
        }
        if (!strcmp(a, "--uarch-events")) {
            g.uarch_events = true;
            continue;
        }
        const char *val = strchr(a, '=');
        size_t nlen = val ? (size_t)(val - a) : strlen(a);
        static const char *const with_arg[] = { "--seed", "--length", "--budget", "-o" };
        int which = -1;
        for (int k = 0; k < 4; k++)
            if (strlen(with_arg[k]) == nlen && !strncmp(a, with_arg[k], nlen))
                which = k;
        if (which < 0) {
            error_line("unknown option '%s' (see --help)", a);
            return EXIT_BAD_INPUT;
        }
        if (val)
            val++;
        else if (i + 1 < argc)
            val = argv[++i];
        else {
            error_line("option '%s' needs an argument", a);
            return EXIT_BAD_INPUT;
        }
        if (which == 3) {
            if (!*val) {
                error_line("option '-o' needs a file name");
                return EXIT_BAD_INPUT;
            }
            outfile = val;
            continue;
        }
        if (!parse_u64(val, &v)) {
            error_line("option '%s': bad number '%s'", with_arg[which], val);
            return EXIT_BAD_INPUT;
        }
        if (which == 0) {
            g.seed = v;
        } else if (which == 1) {
            if (v < 100 || v > LENGTH_MAX) {
                error_line("--length %s: must be between 100 and %u", val, LENGTH_MAX);
                return EXIT_BAD_INPUT;
            }
            g.length = (unsigned)v;
        } else {
            if (v < 1 || v > 100000000) {
                error_line("--budget %s: must be between 1 and 100000000", val);
                return EXIT_BAD_INPUT;
            }
            g.budget = (unsigned)v;
            budget_set = true;
        }
    }
    if (!budget_set)
        g.budget = g.length / 2 + 500;

    g.out = outfile ? fopen(outfile, "w") : stdout;
    if (!g.out) {
        error_line("cannot write '%s': %s", outfile, strerror(errno));
        return EXIT_BAD_INPUT;
    }
    rng_seed(&g.rng, g.seed);
    g.priv = PRV_M;
    g.section = -1;
    if (g.paging)
        pt_build(&g);
    emit_prologue(&g);
    gen_body(&g);
    emit_handlers(&g);
    emit_static_data(&g);
    if (g.stats)
        print_stats(&g);
    if (ferror(g.out) || (outfile && fclose(g.out) != 0)) {
        error_line("error writing '%s'", outfile ? outfile : "standard output");
        if (outfile)
            remove(outfile);
        return EXIT_BAD_INPUT;
    }
    return 0;
}
