/* runtime.c — the fixed parts of every generated program: header, start-up code, trap
 * vectors, the M and S trap handlers, the landing page, the state block, the data
 * region, and the linker script (`rgen --link-script`).
 *
 * Handler contract (rgen/README.md has the full story):
 *   gp = RG_STATE and tp are never written by random code. tp holds the address to
 *   resume at after an instruction fetch fault (set before every deliberate bad jump).
 *   Each handler saves tp, t0, t1, t2 in its own save area, counts the trap in the
 *   histogram (hist[level][cause | 16*interrupt][previous privilege]), decrements the
 *   shared trap budget (0 → pass through the finisher), then:
 *     interrupt        disarm its source: M: msip = 0, mtimecmp = max, UART IER = 0,
 *                      S-level bits cleared in mip; S: sip.SSIP cleared, or the
 *                      interrupt's sie bit cleared (S cannot clear STIP/SEIP);
 *     fetch fault      (cause 1, 12) resume at tp;
 *     service ecall    a7 = RG_MAGIC + n: n = 4 finish (pass); n = 0/1/3 resume at a6
 *                      in privilege n (the S handler forwards n = 3 to M with an ecall
 *                      at rg_sfwd, which the M handler recognises by its epc);
 *     anything else    skip the instruction (epc += 4).
 *   The S handler's sret traps when mstatus.TSR = 1; the M handler recognises the epc
 *   rg_ssret and performs that sret itself.
 */
#include "rgen.h"

/* The handlers proper: plain text, constants by name. */
static const char handlers_asm[] =
    "        .section .text.init, \"ax\", @progbits\n"
    "# ---- trap vectors: every slot jumps to the common handler, so direct and vectored\n"
    "# ---- mode work with either base\n"
    "        .balign 64\n"
    "rg_mvec:\n"
    "        .rept 16\n"
    "        j     rg_mtrap\n"
    "        .endr\n"
    "rg_mvec2:\n"
    "        .rept 16\n"
    "        j     rg_mtrap\n"
    "        .endr\n"
    "rg_svec:\n"
    "        .rept 16\n"
    "        j     rg_strap\n"
    "        .endr\n"
    "rg_svec2:\n"
    "        .rept 16\n"
    "        j     rg_strap\n"
    "        .endr\n"
    "\n"
    "# ---- M-mode handler\n"
    "rg_mtrap:\n"
    "        sw    tp, ST_M_SAVE+0(gp)\n"
    "        sw    t0, ST_M_SAVE+4(gp)\n"
    "        sw    t1, ST_M_SAVE+8(gp)\n"
    "        sw    t2, ST_M_SAVE+12(gp)\n"
    "        csrr  t0, mcause\n"
    "        srli  t1, t0, 27\n"
    "        andi  t1, t1, 16\n"
    "        andi  t0, t0, 15\n"
    "        or    t0, t0, t1\n"
    "        slli  t0, t0, 2\n"
    "        csrr  t1, mstatus\n"
    "        srli  t1, t1, MSTATUS_MPP_LO\n"
    "        andi  t1, t1, 3\n"
    "        or    t0, t0, t1\n"
    "        slli  t0, t0, 2\n"
    "        add   t0, t0, gp\n"
    "        lw    t1, ST_HIST(t0)\n"
    "        addi  t1, t1, 1\n"
    "        sw    t1, ST_HIST(t0)\n"
    "        lw    t0, ST_BUDGET(gp)\n"
    "        addi  t0, t0, -1\n"
    "        sw    t0, ST_BUDGET(gp)\n"
    "        blez  t0, rg_mbudget\n"
    "        csrr  t0, mcause\n"
    "        bltz  t0, rg_mirq\n"
    "        li    t1, CAUSE_FETCH_ACCESS\n"
    "        beq   t0, t1, rg_mfetch\n"
    "        li    t1, CAUSE_FETCH_PAGE_FAULT\n"
    "        beq   t0, t1, rg_mfetch\n"
    "        li    t1, CAUSE_ILLEGAL_INSN\n"
    "        beq   t0, t1, rg_millegal\n"
    "        li    t1, CAUSE_USER_ECALL\n"
    "        bltu  t0, t1, rg_mskip\n"
    "        li    t1, CAUSE_MACHINE_ECALL\n"
    "        bgtu  t0, t1, rg_mskip\n"
    "        li    t1, RG_MAGIC                  # ecall: a service call?\n"
    "        sub   t1, a7, t1\n"
    "        li    t2, RG_SVC_COUNT\n"
    "        bgeu  t1, t2, rg_mskip\n"
    "        li    t2, RG_SVC_FINISH\n"
    "        beq   t1, t2, rg_mfinish\n"
    "        li    t2, 2\n"
    "        beq   t1, t2, rg_mskip\n"
    "        li    t2, RG_TEXT_S                 # switch: a6 must be body code\n"
    "        bltu  a6, t2, rg_mskip\n"
    "        li    t2, RG_TEXT_U_END\n"
    "        bgeu  a6, t2, rg_mskip\n"
    "        andi  t2, a6, 3\n"
    "        bnez  t2, rg_mskip\n"
    "        csrr  t0, mepc\n"
    "        la    t2, rg_sfwd\n"
    "        bne   t0, t2, 1f\n"
    "        # forwarded by the S handler: finish its trap as its sret would\n"
    "        # (SIE = SPIE, SPIE = 1, SPP = U), with the registers it saved\n"
    "        lw    t2, ST_S_SAVE+0(gp)\n"
    "        sw    t2, ST_M_SAVE+0(gp)\n"
    "        lw    t2, ST_S_SAVE+4(gp)\n"
    "        sw    t2, ST_M_SAVE+4(gp)\n"
    "        lw    t2, ST_S_SAVE+8(gp)\n"
    "        sw    t2, ST_M_SAVE+8(gp)\n"
    "        lw    t2, ST_S_SAVE+12(gp)\n"
    "        sw    t2, ST_M_SAVE+12(gp)\n"
    "        csrr  t0, sstatus\n"
    "        andi  t2, t0, 1 << MSTATUS_SPIE\n"
    "        srli  t2, t2, MSTATUS_SPIE - MSTATUS_SIE\n"
    "        andi  t0, t0, ~((1 << MSTATUS_SIE) | (1 << MSTATUS_SPP))\n"
    "        or    t0, t0, t2\n"
    "        ori   t0, t0, 1 << MSTATUS_SPIE\n"
    "        csrw  sstatus, t0\n"
    "1:      csrw  mepc, a6\n"
    "        li    t0, (1 << MSTATUS_MPRV) | (3 << MSTATUS_MPP_LO)\n"
    "        csrc  mstatus, t0\n"
    "        slli  t1, t1, MSTATUS_MPP_LO\n"
    "        csrs  mstatus, t1\n"
    "        j     rg_mret\n"
    "rg_mfetch:                                  # resume at tp\n"
    "        lw    t0, ST_M_SAVE+0(gp)\n"
    "        csrw  mepc, t0\n"
    "        j     rg_mret\n"
    "rg_millegal:\n"
    "        csrr  t0, mepc\n"
    "        la    t2, rg_ssret\n"
    "        bne   t0, t2, rg_mskip\n"
    "        # the S handler's sret trapped (TSR = 1): perform it (priv = SPP,\n"
    "        # SIE = SPIE, SPIE = 1, SPP = U, pc = sepc) through mret\n"
    "        csrr  t0, sepc\n"
    "        csrw  mepc, t0\n"
    "        csrr  t0, mstatus\n"
    "        andi  t1, t0, 1 << MSTATUS_SPP\n"
    "        slli  t1, t1, MSTATUS_MPP_LO - MSTATUS_SPP\n"
    "        andi  t2, t0, 1 << MSTATUS_SPIE\n"
    "        srli  t2, t2, MSTATUS_SPIE - MSTATUS_SIE\n"
    "        or    t1, t1, t2\n"
    "        li    t2, (1 << MSTATUS_SIE) | (1 << MSTATUS_SPP) | (3 << MSTATUS_MPP_LO) | (1 << MSTATUS_MPRV)\n"
    "        not   t2, t2\n"
    "        and   t0, t0, t2\n"
    "        or    t0, t0, t1\n"
    "        ori   t0, t0, 1 << MSTATUS_SPIE\n"
    "        csrw  mstatus, t0\n"
    "        j     rg_mret\n"
    "rg_mskip:\n"
    "        csrr  t0, mepc\n"
    "        addi  t0, t0, 4\n"
    "        csrw  mepc, t0\n"
    "rg_mret:\n"
    "        lw    t2, ST_M_SAVE+12(gp)\n"
    "        lw    t1, ST_M_SAVE+8(gp)\n"
    "        lw    t0, ST_M_SAVE+4(gp)\n"
    "        lw    tp, ST_M_SAVE+0(gp)\n"
    "        mret\n"
    "rg_mirq:                                    # disarm the source\n"
    "        andi  t0, t0, 15\n"
    "        li    t1, IRQ_M_SOFT\n"
    "        beq   t0, t1, 1f\n"
    "        li    t1, IRQ_M_TIMER\n"
    "        beq   t0, t1, 2f\n"
    "        li    t1, IRQ_M_EXT\n"
    "        beq   t0, t1, 3f\n"
    "        li    t1, 1                         # an S-level interrupt taken in M\n"
    "        sll   t1, t1, t0\n"
    "        csrc  mip, t1\n"
    "        j     rg_mret\n"
    "1:      li    t1, CLINT_BASE + CLINT_MSIP\n"
    "        sw    zero, 0(t1)\n"
    "        j     rg_mret\n"
    "2:      li    t1, CLINT_BASE + CLINT_MTIMECMP\n"
    "        li    t0, -1\n"
    "        sw    t0, 4(t1)\n"
    "        sw    t0, 0(t1)\n"
    "        j     rg_mret\n"
    "3:      li    t1, UART_BASE\n"
    "        sb    zero, UART_LCR(t1)\n"
    "        sb    zero, UART_IER(t1)\n"
    "        j     rg_mret\n"
    "rg_mbudget:\n"
    "        li    t0, 2\n"
    "        j     1f\n"
    "rg_mfinish:\n"
    "        li    t0, 1\n"
    "1:      sw    t0, ST_REASON(gp)\n"
    "        li    t0, FINISHER_BASE\n"
    "        li    t1, FINISHER_PASS\n"
    "        sw    t1, 0(t0)\n"
    "2:      j     2b\n"
    "\n"
    "# ---- S-mode handler (runs through the kernel mappings when paging is on)\n"
    "rg_strap:\n"
    "        sw    tp, ST_S_SAVE+0(gp)\n"
    "        sw    t0, ST_S_SAVE+4(gp)\n"
    "        sw    t1, ST_S_SAVE+8(gp)\n"
    "        sw    t2, ST_S_SAVE+12(gp)\n"
    "        csrr  t0, scause\n"
    "        srli  t1, t0, 27\n"
    "        andi  t1, t1, 16\n"
    "        andi  t0, t0, 15\n"
    "        or    t0, t0, t1\n"
    "        slli  t0, t0, 2\n"
    "        csrr  t1, sstatus\n"
    "        srli  t1, t1, MSTATUS_SPP\n"
    "        andi  t1, t1, 1\n"
    "        or    t0, t0, t1\n"
    "        slli  t0, t0, 2\n"
    "        add   t0, t0, gp\n"
    "        lw    t1, ST_HIST+512(t0)\n"
    "        addi  t1, t1, 1\n"
    "        sw    t1, ST_HIST+512(t0)\n"
    "        lw    t0, ST_BUDGET(gp)\n"
    "        addi  t0, t0, -1\n"
    "        sw    t0, ST_BUDGET(gp)\n"
    "        blez  t0, rg_sbudget\n"
    "        csrr  t0, scause\n"
    "        bltz  t0, rg_sirq\n"
    "        li    t1, CAUSE_FETCH_ACCESS\n"
    "        beq   t0, t1, rg_sfetch\n"
    "        li    t1, CAUSE_FETCH_PAGE_FAULT\n"
    "        beq   t0, t1, rg_sfetch\n"
    "        li    t1, CAUSE_USER_ECALL\n"
    "        bltu  t0, t1, rg_sskip\n"
    "        li    t1, CAUSE_SUPERVISOR_ECALL\n"
    "        bgtu  t0, t1, rg_sskip\n"
    "        li    t1, RG_MAGIC                  # ecall: a service call?\n"
    "        sub   t1, a7, t1\n"
    "        li    t2, RG_SVC_COUNT\n"
    "        bgeu  t1, t2, rg_sskip\n"
    "        li    t2, RG_SVC_FINISH\n"
    "        beq   t1, t2, rg_sfinish\n"
    "        li    t2, 2\n"
    "        beq   t1, t2, rg_sskip\n"
    "        li    t2, RG_TEXT_S                 # switch: a6 must be body code\n"
    "        bltu  a6, t2, rg_sskip\n"
    "        li    t2, RG_TEXT_U_END\n"
    "        bgeu  a6, t2, rg_sskip\n"
    "        andi  t2, a6, 3\n"
    "        bnez  t2, rg_sskip\n"
    "        li    t2, RG_SVC_TO_M\n"
    "        beq   t1, t2, rg_sfwd\n"
    "        csrw  sepc, a6                      # to S or U: resume at a6\n"
    "        li    t2, 1 << MSTATUS_SPP\n"
    "        csrc  sstatus, t2\n"
    "        slli  t1, t1, MSTATUS_SPP\n"
    "        csrs  sstatus, t1\n"
    "        j     rg_sret\n"
    "rg_sfwd:                                    # to M: ask the M handler\n"
    "        ecall\n"
    "        j     rg_sskip\n"
    "rg_sfetch:                                  # resume at tp\n"
    "        lw    t0, ST_S_SAVE+0(gp)\n"
    "        csrw  sepc, t0\n"
    "        j     rg_sret\n"
    "rg_sskip:\n"
    "        csrr  t0, sepc\n"
    "        addi  t0, t0, 4\n"
    "        csrw  sepc, t0\n"
    "rg_sret:\n"
    "        lw    t2, ST_S_SAVE+12(gp)\n"
    "        lw    t1, ST_S_SAVE+8(gp)\n"
    "        lw    t0, ST_S_SAVE+4(gp)\n"
    "        lw    tp, ST_S_SAVE+0(gp)\n"
    "rg_ssret:\n"
    "        sret\n"
    "rg_sirq:\n"
    "        andi  t0, t0, 15\n"
    "        li    t1, IRQ_S_SOFT\n"
    "        bne   t0, t1, 1f\n"
    "        csrci sip, 1 << IRQ_S_SOFT\n"
    "        j     rg_sret\n"
    "1:      li    t1, 1                         # STIP/SEIP: S can only disable them\n"
    "        sll   t1, t1, t0\n"
    "        csrc  sie, t1\n"
    "        j     rg_sret\n"
    "rg_sbudget:\n"
    "        li    t0, 2\n"
    "        j     1f\n"
    "rg_sfinish:\n"
    "        li    t0, 1\n"
    "1:      sw    t0, ST_REASON(gp)\n"
    "        li    t0, FINISHER_BASE\n"
    "        li    t1, FINISHER_PASS\n"
    "        sw    t1, 0(t0)\n"
    "2:      j     2b\n";

/* Start-up in M-mode: machine state, PMP, counters, paging, registers. The caller then
 * switches into the first block. */
void emit_prologue(gen_t *g)
{
    rng_t *r = &g->rng;
    out(g, "/* Generated by rgen --seed %llu --length %u%s. Do not edit. */",
        (unsigned long long)g->seed, g->length, g->paging ? " --paging" : "");
    out(g, "#include \"arch.h\"");
    out(g, "        .option norelax");
    out(g, "        .equ RG_STATE, 0x%08x", RG_STATE);
    out(g, "        .equ RG_TEXT_S, 0x%08x", RG_TEXT_S);
    out(g, "        .equ RG_TEXT_U_END, 0x%08x", RG_TEXT_U_END);
    out(g, "        .equ ST_BUDGET, %d", ST_BUDGET);
    out(g, "        .equ ST_REASON, %d", ST_REASON);
    out(g, "        .equ ST_M_SAVE, %d", ST_M_SAVE);
    out(g, "        .equ ST_S_SAVE, %d", ST_S_SAVE);
    out(g, "        .equ ST_HIST, %d", ST_HIST);
    out(g, "        .equ RG_MAGIC, 0x%08x", RG_MAGIC);
    out(g, "        .equ RG_SVC_COUNT, %d", RG_SVC_COUNT);
    out(g, "        .equ RG_SVC_FINISH, %d", RG_SVC_FINISH);
    out(g, "        .equ RG_SVC_TO_M, %d", RG_SVC_TO_M);
    out(g, "        .section .text.init, \"ax\", @progbits");
    out(g, "        .globl _start");
    out(g, "_start:");
    ins(g, "li    gp, RG_STATE");
    emit_la(g, REG_TP, "rg_end_s");
    emit_tvec_la(g, 5, true, 2);
    out(g, "        csrw  mtvec, t0");
    emit_tvec_la(g, 5, false, 2);
    out(g, "        csrw  stvec, t0");
    out(g, "        csrw  mie, zero");
    out(g, "        csrw  mip, zero");
    out(g, "        li    t0, CLINT_BASE");
    out(g, "        sw    zero, CLINT_MSIP(t0)");
    out(g, "        li    t0, CLINT_BASE + CLINT_MTIMECMP");
    out(g, "        li    t1, -1");
    out(g, "        sw    t1, 4(t0)");
    out(g, "        sw    t1, 0(t0)");
    pmp_init(g);

    /* Delegation, counters, environment: random; mstatus tracked from here on. */
    g->medeleg = medeleg_random(g);
    g->mideleg = rng_u32(r) & MIDELEG_MASK;
    out(g, "        li    t0, 0x%08x", g->medeleg);
    out(g, "        csrw  medeleg, t0");
    out(g, "        li    t0, 0x%08x", g->mideleg);
    out(g, "        csrw  mideleg, t0");
    out(g, "        li    t0, 0x%08x", rng_value(r));
    out(g, "        csrw  mcounteren, t0");
    out(g, "        li    t0, 0x%08x", rng_value(r));
    out(g, "        csrw  scounteren, t0");
    out(g, "        li    t0, 0x%08x", rng_chance(r, 70) ? 0 : rng_value(r));
    out(g, "        csrw  mcountinhibit, t0");
    g->adue = rng_chance(r, 50);
    out(g, "        li    t0, 0x%08x", g->adue ? 1u << MENVCFGH_ADUE : 0);
    out(g, "        csrw  menvcfgh, t0");
    uint32_t ms = mstatus_bias(g, rng_u32(r) & MSTATUS_WMASK & ~(1u << MSTATUS_MIE) &
                                      ~(1u << MSTATUS_MPRV));
    if (g->medeleg & (1u << CAUSE_ILLEGAL_INSN))
        ms &= ~(1u << MSTATUS_TSR);
    set_mstatus_tracked(g, ms);
    out(g, "        li    t0, 0x%08x", ms);
    out(g, "        csrw  mstatus, t0");
    if (g->paging) {
        g->satp = pt_initial_satp(g);
        out(g, "        li    t0, 0x%08x", g->satp);
        out(g, "        csrw  satp, t0");
        out(g, "        sfence.vma");
    }
    for (unsigned x = 1; x < 32; x++)
        if (x != REG_GP && x != REG_TP)
            emit_li(g, x, rng_value(r));
}

void emit_handlers(gen_t *g)
{
    g->section = -1;
    fputs(handlers_asm, g->out);
}

/* End of the body, one copy per text section: the finish service call, repeated (every
 * ecall is a trap, so the budget ends the run even if the service were ignored). */
static void emit_end(gen_t *g, int section)
{
    emit_section(g, section);
    out(g, "rg_end_%c:", section ? 'u' : 's');
    out(g, "        li    a7, RG_MAGIC + RG_SVC_FINISH");
    out(g, "1:      ecall");
    out(g, "        j     1b");
}

void emit_static_data(gen_t *g)
{
    emit_end(g, 0);
    emit_end(g, 1);

    out(g, "        .section .rgen.landing, \"ax\", @progbits");
    out(g, "rg_landing:                     # fetch probes land here and return");
    out(g, "        .rept %u", RG_PAGE / 4);
    out(g, "        jalr  zero, 0(ra)");
    out(g, "        .endr");

    out(g, "        .section .rgen.state, \"aw\", @progbits");
    out(g, "        .globl begin_signature, end_signature");
    out(g, "begin_signature:");
    out(g, "        .word %u", g->budget);
    out(g, "        .zero %u", ST_SIG_END - 4);
    out(g, "end_signature:");

    out(g, "        .section .rgen.data, \"aw\", @progbits");
    out(g, "rg_data:");
    for (unsigned i = 0; i < RG_DATA_INIT / 4; i += 8) {
        uint32_t w[8];
        for (unsigned k = 0; k < 8; k++)
            w[k] = rng_value(&g->rng);
        out(g, "        .word 0x%08x, 0x%08x, 0x%08x, 0x%08x, 0x%08x, 0x%08x, 0x%08x, 0x%08x",
            w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }
    if (g->paging)
        pt_emit(g);
}

void emit_link_script(FILE *f)
{
    fprintf(f,
            "/* Linker script for rgen programs: generated by `rgen --link-script` from\n"
            " * rgen/layout.h, so the page tables the generator writes match the layout. */\n"
            "OUTPUT_ARCH(riscv)\n"
            "ENTRY(_start)\n"
            "SECTIONS\n"
            "{\n"
            "  .text.init 0x%08x : { *(.text.init) *(.text .text.*) }\n"
            "  .rgen.landing 0x%08x : { *(.rgen.landing) }\n"
            "  .rgen.text_s 0x%08x : { *(.rgen.text_s) }\n"
            "  .rgen.text_u 0x%08x : { *(.rgen.text_u) }\n"
            "  .rgen.state 0x%08x : { *(.rgen.state) }\n"
            "  .rgen.pt 0x%08x : { *(.rgen.pt) }\n"
            "  .rgen.data 0x%08x : { *(.rgen.data) *(.data .data.* .bss .bss.*) }\n"
            "}\n"
            "ASSERT(_start == 0x%08x, \"_start must be at the reset PC\")\n"
            "ASSERT(ADDR(.text.init) + SIZEOF(.text.init) <= 0x%08x, \"start-up code too big\")\n"
            "ASSERT(ADDR(.rgen.text_s) + SIZEOF(.rgen.text_s) <= 0x%08x, \"body too long (S/M code)\")\n"
            "ASSERT(ADDR(.rgen.text_u) + SIZEOF(.rgen.text_u) <= 0x%08x, \"body too long (U code)\")\n"
            "ASSERT(ADDR(.rgen.pt) + SIZEOF(.rgen.pt) <= 0x%08x, \"page tables too big\")\n",
            RG_TEXT_INIT, RG_LANDING, RG_TEXT_S, RG_TEXT_U, RG_STATE, RG_PT, RG_DATA,
            RESET_PC, RG_LANDING, RG_TEXT_S_END, RG_TEXT_U_END, RG_PT_TEST + RG_PT_TEST_SIZE);
}
