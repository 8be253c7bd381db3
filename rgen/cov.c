/* cov.c — build/rgen-cov: coverage of a batch of rgen programs.
 *
 *   rgen-cov [--dump] [--sig FILE]... [--log FILE]... [--counts FILE]...
 *
 *   --sig FILE     a signature dump of one run (build/iss --signature: one hex word per
 *                  line of the program's state block): the handlers' trap histogram
 *                  hist[handler M/S][cause | 16*interrupt][previous privilege], the
 *                  trap budget left and why the run ended
 *   --log FILE     a commit log of one run (build/iss --commit-log, Spike format): every
 *                  retired instruction, classified by mnemonic and privilege ("-" = stdin)
 *   --counts FILE  counts written earlier by --dump (to merge batches)
 *   --dump         write the merged counts (machine-readable) instead of the report
 *
 * The report lists every exception cause and interrupt with the privilege it came
 * from and the handler that took it, and every instruction class per privilege, and
 * names the causes and classes that never occurred. Exit status 0, or 2 on bad input.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

#define PROG "rgen-cov"

enum { NKIND = 32, NPRIV = 4 };

static const char *const class_names[] = {
    "lui", "auipc", "jal", "jalr", "beq", "bne", "blt", "bge", "bltu", "bgeu",
    "lb", "lh", "lw", "lbu", "lhu", "sb", "sh", "sw",
    "addi", "slti", "sltiu", "xori", "ori", "andi", "slli", "srli", "srai",
    "add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
    "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
    "lr.w", "sc.w(ok)", "sc.w(fail)", "sc.w(rd=x0)", "amoswap.w", "amoadd.w", "amoxor.w",
    "amoand.w", "amoor.w", "amomin.w", "amomax.w", "amominu.w", "amomaxu.w",
    "fence", "fence.tso", "fence.i", "csrrw", "csrrs", "csrrc", "csrrwi", "csrrsi", "csrrci",
    "mret", "sret", "wfi", "sfence.vma", "sfence.vma va", "sfence.vma asid",
    "sfence.vma va,asid", "other",
};
enum { NCLASS = sizeof class_names / sizeof class_names[0] };

static const char *const cause_names[NKIND] = {
    [0] = "misaligned fetch", [1] = "fetch access", [2] = "illegal instruction",
    [3] = "breakpoint", [4] = "misaligned load", [5] = "load access",
    [6] = "misaligned store/AMO", [7] = "store/AMO access", [8] = "ecall from U",
    [9] = "ecall from S", [11] = "ecall from M", [12] = "fetch page fault",
    [13] = "load page fault", [15] = "store/AMO page fault",
    [16 + 1] = "S software irq", [16 + 3] = "M software irq", [16 + 5] = "S timer irq",
    [16 + 7] = "M timer irq", [16 + 9] = "S external irq", [16 + 11] = "M external irq",
};

typedef struct {
    uint64_t trap[2][NKIND][NPRIV];
    uint64_t insn[NCLASS][NPRIV];
    uint64_t runs, reason[3], budget_left, log_lines;
} counts_t;

static counts_t C;

static int cls(const char *name)
{
    for (int i = 0; i < NCLASS; i++)
        if (!strcmp(class_names[i], name))
            return i;
    return NCLASS - 1;
}

/* Mnemonic class of a retired instruction; rd_value < 0 when no register was written. */
static int classify(uint32_t insn, long long rd_value)
{
    static const char *const br[] = { "beq", "bne", 0, 0, "blt", "bge", "bltu", "bgeu" };
    static const char *const ld[] = { "lb", "lh", "lw", 0, "lbu", "lhu", 0, 0 };
    static const char *const st[] = { "sb", "sh", "sw", 0, 0, 0, 0, 0 };
    static const char *const opi[] = { "addi", "slli", "slti", "sltiu", "xori", "srli", "ori", "andi" };
    static const char *const op[] = { "add", "sll", "slt", "sltu", "xor", "srl", "or", "and" };
    static const char *const mul[] = { "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu" };
    static const char *const csr[] = { 0, "csrrw", "csrrs", "csrrc", 0, "csrrwi", "csrrsi", "csrrci" };
    unsigned f3 = (insn >> 12) & 7, f7 = insn >> 25;
    const char *n = 0;
    switch (insn & 0x7F) {
    case 0x37: n = "lui"; break;
    case 0x17: n = "auipc"; break;
    case 0x6F: n = "jal"; break;
    case 0x67: n = "jalr"; break;
    case 0x63: n = br[f3]; break;
    case 0x03: n = ld[f3]; break;
    case 0x23: n = st[f3]; break;
    case 0x13: n = (f3 == 5 && (f7 & 0x20)) ? "srai" : opi[f3]; break;
    case 0x33:
        if (f7 == 1)
            n = mul[f3];
        else
            n = f7 == 0x20 ? (f3 == 0 ? "sub" : "sra") : op[f3];
        break;
    case 0x0F:
        n = f3 == 1 ? "fence.i" : (insn >> 28) == 8 ? "fence.tso" : "fence";
        break;
    case 0x2F:
        switch (insn >> 27) {
        case 0x02: n = "lr.w"; break;
        case 0x03: n = rd_value < 0 ? "sc.w(rd=x0)" : rd_value ? "sc.w(fail)" : "sc.w(ok)"; break;
        case 0x01: n = "amoswap.w"; break;
        case 0x00: n = "amoadd.w"; break;
        case 0x04: n = "amoxor.w"; break;
        case 0x0C: n = "amoand.w"; break;
        case 0x08: n = "amoor.w"; break;
        case 0x10: n = "amomin.w"; break;
        case 0x14: n = "amomax.w"; break;
        case 0x18: n = "amominu.w"; break;
        case 0x1C: n = "amomaxu.w"; break;
        }
        break;
    case 0x73:
        if (f3)
            n = csr[f3];
        else if (insn == 0x30200073u)
            n = "mret";
        else if (insn == 0x10200073u)
            n = "sret";
        else if (insn == 0x10500073u)
            n = "wfi";
        else if ((insn & 0xFE007FFFu) == 0x12000073u) {   /* by form: rs1, rs2 zero? */
            static const char *const form[] = { "sfence.vma", "sfence.vma va",
                                                "sfence.vma asid", "sfence.vma va,asid" };
            n = form[(((insn >> 15) & 31) ? 1 : 0) | (((insn >> 20) & 31) ? 2 : 0)];
        }
        break;
    }
    return n ? cls(n) : NCLASS - 1;
}

static FILE *open_in(const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        fprintf(stderr, PROG ": error: cannot read '%s': %s\n", path, strerror(errno));
        exit(2);
    }
    return f;
}

static void read_sig(const char *path)
{
    FILE *f = open_in(path);
    uint32_t w[ST_SIG_END / 4];
    unsigned n = 0;
    char line[64];
    while (n < ST_SIG_END / 4 && fgets(line, sizeof line, f))
        w[n++] = (uint32_t)strtoul(line, NULL, 16);
    fclose(f);
    if (n != ST_SIG_END / 4) {
        fprintf(stderr, PROG ": error: '%s': %u words, expected %u (not an rgen signature?)\n",
                path, n, ST_SIG_END / 4);
        exit(2);
    }
    C.runs++;
    C.reason[w[ST_REASON / 4] < 3 ? w[ST_REASON / 4] : 0]++;
    C.budget_left += w[ST_BUDGET / 4];
    for (unsigned l = 0; l < 2; l++)
        for (unsigned k = 0; k < NKIND; k++)
            for (unsigned p = 0; p < NPRIV; p++)
                C.trap[l][k][p] += w[ST_HIST / 4 + (l * NKIND + k) * NPRIV + p];
}

/* "core   0: P 0xPC (0xINSN)[ xN  0xV][ mem ...]" */
static void read_log(const char *path)
{
    FILE *f = open_in(path);
    char line[256];
    while (fgets(line, sizeof line, f)) {
        unsigned priv, pc, insn;
        if (sscanf(line, "core %*d: %u 0x%x (0x%x)", &priv, &pc, &insn) != 3 || priv > 3)
            continue;
        long long rd_value = -1;
        const char *x = strstr(line, ") x");
        unsigned rdv;
        if (x && sscanf(x + 3, "%*d 0x%x", &rdv) == 1)
            rd_value = rdv;
        C.insn[classify(insn, rd_value)][priv]++;
        C.log_lines++;
    }
    if (f != stdin)
        fclose(f);
}

static void read_counts(const char *path)
{
    FILE *f = open_in(path);
    char tag[16];
    while (fscanf(f, "%15s", tag) == 1) {
        unsigned a, b, c;
        uint64_t v;
        if (!strcmp(tag, "T") && fscanf(f, "%u %u %u %" SCNu64, &a, &b, &c, &v) == 4 &&
            a < 2 && b < NKIND && c < NPRIV)
            C.trap[a][b][c] += v;
        else if (!strcmp(tag, "I") && fscanf(f, "%u %u %" SCNu64, &a, &b, &v) == 3 &&
                 a < NCLASS && b < NPRIV)
            C.insn[a][b] += v;
        else if (!strcmp(tag, "R") && fscanf(f, "%u %" SCNu64, &a, &v) == 2 && a < 3)
            C.reason[a] += v;
        else if (!strcmp(tag, "N") && fscanf(f, "%" SCNu64, &v) == 1)
            C.runs += v;
        else if (!strcmp(tag, "B") && fscanf(f, "%" SCNu64, &v) == 1)
            C.budget_left += v;
        else if (!strcmp(tag, "L") && fscanf(f, "%" SCNu64, &v) == 1)
            C.log_lines += v;
        else {
            fprintf(stderr, PROG ": error: '%s': bad counts line at '%s'\n", path, tag);
            exit(2);
        }
    }
    fclose(f);
}

static void dump(void)
{
    printf("N %" PRIu64 "\nB %" PRIu64 "\nL %" PRIu64 "\n", C.runs, C.budget_left, C.log_lines);
    for (unsigned r = 0; r < 3; r++)
        printf("R %u %" PRIu64 "\n", r, C.reason[r]);
    for (unsigned l = 0; l < 2; l++)
        for (unsigned k = 0; k < NKIND; k++)
            for (unsigned p = 0; p < NPRIV; p++)
                if (C.trap[l][k][p])
                    printf("T %u %u %u %" PRIu64 "\n", l, k, p, C.trap[l][k][p]);
    for (unsigned i = 0; i < NCLASS; i++)
        for (unsigned p = 0; p < NPRIV; p++)
            if (C.insn[i][p])
                printf("I %u %u %" PRIu64 "\n", i, p, C.insn[i][p]);
}

static void report(void)
{
    uint64_t total_traps = 0;
    printf("runs %" PRIu64 ": body end reached %" PRIu64 ", trap budget used up %" PRIu64
           ", no record %" PRIu64 "\n", C.runs, C.reason[1], C.reason[2], C.reason[0]);
    if (C.runs) {
        printf("\ntraps taken (handler <- previous privilege)\n");
        printf("  %-22s %10s %10s %10s %10s %10s\n", "cause", "M<-U", "M<-S", "M<-M", "S<-U",
               "S<-S");
        for (unsigned k = 0; k < NKIND; k++) {
            uint64_t *m = C.trap[0][k], *s = C.trap[1][k];
            uint64_t sum = m[0] + m[1] + m[3] + s[0] + s[1];
            if (!cause_names[k] && !sum)
                continue;
            total_traps += sum;
            printf("  %-22s %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10" PRIu64 " %10" PRIu64 "%s\n",
                   cause_names[k] ? cause_names[k] : "?", m[0], m[1], m[3], s[0], s[1],
                   sum ? "" : "   <-- never");
        }
        printf("  %-22s %10" PRIu64 "\n", "all", total_traps);
    }
    if (C.log_lines) {
        uint64_t per[NPRIV] = { 0 };
        printf("\nretired instructions by class\n  %-18s %12s %12s %12s %12s\n", "class", "M", "S",
               "U", "all");
        for (unsigned i = 0; i < NCLASS; i++) {
            uint64_t *c = C.insn[i], sum = c[0] + c[1] + c[3];
            for (unsigned p = 0; p < NPRIV; p++)
                per[p] += c[p];
            printf("  %-18s %12" PRIu64 " %12" PRIu64 " %12" PRIu64 " %12" PRIu64 "%s\n",
                   class_names[i], c[3], c[1], c[0], sum,
                   sum || i == NCLASS - 1 ? "" : "   <-- never");
        }
        printf("  %-18s %12" PRIu64 " %12" PRIu64 " %12" PRIu64 " %12" PRIu64 "\n", "all", per[3],
               per[1], per[0], C.log_lines);
    }
}

int main(int argc, char **argv)
{
    bool want_dump = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--dump")) {
            want_dump = true;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            puts("usage: " PROG " [--dump] [--sig FILE]... [--log FILE]... [--counts FILE]...");
            return 0;
        } else if (i + 1 < argc && !strcmp(a, "--sig")) {
            read_sig(argv[++i]);
        } else if (i + 1 < argc && !strcmp(a, "--log")) {
            read_log(argv[++i]);
        } else if (i + 1 < argc && !strcmp(a, "--counts")) {
            read_counts(argv[++i]);
        } else {
            fprintf(stderr, PROG ": error: bad argument '%s' (see --help)\n", a);
            return 2;
        }
    }
    if (want_dump)
        dump();
    else
        report();
    return 0;
}
