/* emit.c — assembly output: lines, instruction counting, registers, labels, sections. */
#include <stdarg.h>

#include "rgen.h"

const char *const reg_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3",
    "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11",
    "t3", "t4", "t5", "t6",
};

const char *const kind_names[K_COUNT] = {
    [K_ALU] = "alu", [K_ALUI] = "alu-imm", [K_LUI] = "lui/auipc", [K_MULDIV] = "mul/div",
    [K_LI] = "li", [K_LOAD] = "load", [K_STORE] = "store", [K_AMO] = "amo",
    [K_LRSC] = "lr/sc", [K_BRANCH] = "branch", [K_BRANCH_MISALIGNED] = "branch-misaligned",
    [K_JUMP] = "jump", [K_BADJUMP] = "bad-jump", [K_PROBE] = "fetch-probe",
    [K_CSR] = "csr", [K_CSR_ILLEGAL] = "csr-unimplemented", [K_ILLEGAL] = "illegal-word",
    [K_ECALL] = "ecall", [K_EBREAK] = "ebreak", [K_XRET_ILLEGAL] = "xret-illegal",
    [K_FENCE] = "fence", [K_FENCEI] = "fence.i", [K_SFENCE] = "sfence.vma",
    [K_IRQ] = "irq-arm", [K_WFI] = "wfi", [K_WFI_TRAP] = "wfi-illegal",
    [K_MSTATUS] = "mstatus/sstatus", [K_DELEG] = "deleg", [K_PMP] = "pmp",
    [K_SATP] = "satp", [K_PTE_EDIT] = "pte-edit", [K_ADUE] = "adue",
    [K_MPRV] = "mprv", [K_LOOP] = "loop", [K_DEVICE] = "device",
    [K_SWITCH_MRET] = "switch-mret", [K_SWITCH_SRET] = "switch-sret",
    [K_SWITCH_ECALL] = "switch-ecall",
};

void out(gen_t *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(g->out, fmt, ap);
    va_end(ap);
    fputc('\n', g->out);
}

static void vins(gen_t *g, unsigned n, const char *fmt, va_list ap)
{
    fputs("        ", g->out);
    vfprintf(g->out, fmt, ap);
    fputc('\n', g->out);
    g->emitted += n;
}

/* One instruction (or a pseudo-instruction that expands to one). */
void ins(gen_t *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vins(g, 1, fmt, ap);
    va_end(ap);
}

/* A line that expands to n instructions. */
void ins_n(gen_t *g, unsigned n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vins(g, n, fmt, ap);
    va_end(ap);
}

void emit_li(gen_t *g, unsigned rd, uint32_t v)
{
    int32_t s = (int32_t)v;
    unsigned n = (s >= -2048 && s < 2048) || (v & 0xFFF) == 0 ? 1 : 2;
    if (s >= -2048 && s < 2048)
        ins_n(g, n, "li    %s, %d", reg_names[rd], s);
    else
        ins_n(g, n, "li    %s, 0x%08x", reg_names[rd], v);
}

void emit_la(gen_t *g, unsigned rd, const char *label)
{
    ins_n(g, 2, "la    %s, %s", reg_names[rd], label);
}

void emit_section(gen_t *g, int section)
{
    if (g->section == section)
        return;
    g->section = section;
    out(g, "        .section %s, \"ax\", @progbits", section ? ".rgen.text_u" : ".rgen.text_s");
}

unsigned rand_wreg(gen_t *g)
{
    unsigned r;
    do
        r = 1 + rng_below(&g->rng, 31);
    while (g->no_write & (1u << r));
    return r;
}

unsigned rand_rd(gen_t *g)
{
    return rng_chance(&g->rng, 4) ? 0 : rand_wreg(g);
}

unsigned rand_rs(gen_t *g)
{
    return rng_chance(&g->rng, 6) ? 0 : rng_below(&g->rng, 32);
}

unsigned new_label(gen_t *g)
{
    return g->nscope++;
}

void count(gen_t *g, int kind)
{
    g->count[kind]++;
}
