/* items.c — random body items: ALU/M, loads/stores/AMOs/LR-SC, forward branches and
 * jumps, bounded loops, deliberate traps (illegal words, ecall, ebreak, misaligned and
 * faulting accesses and jumps, xRET in the wrong mode), interrupt arming and wfi.
 *
 * Rules every item obeys (what keeps the program terminating, see rgen/README.md):
 *  - never write gp, tp (handler registers) or an enclosing loop's counter;
 *  - a register loaded with an address is used before anything else writes it;
 *  - stores/AMOs go to data or device addresses only (never code, state, page tables,
 *    the finisher), so they are safe whether the address is translated or not;
 *  - control flow moves forward, except a loop's own back edge;
 *  - a jump that may fault on its fetch sets tp to the instruction after it first;
 *  - wfi only runs when an interrupt source is pending and enabled in mie, so it wakes.
 */
#include "rgen.h"

#define CLINT_MSIP_ADDR     (CLINT_BASE + CLINT_MSIP)
#define CLINT_MTIMECMP_ADDR (CLINT_BASE + CLINT_MTIMECMP)
#define CLINT_MTIME_ADDR    (CLINT_BASE + CLINT_MTIME)

static bool translated(const gen_t *g)
{
    return g->paging && (g->priv != PRV_M || g->mprv);
}

/* A register random code may write, different from the ones in `avoid` (bit mask). */
static unsigned temp_reg(gen_t *g, uint32_t avoid)
{
    uint32_t saved = g->no_write;
    g->no_write |= avoid;
    unsigned r = rand_wreg(g);
    g->no_write = saved;
    return r;
}

/* ---- arithmetic ---- */

static void item_alu(gen_t *g)
{
    static const char *const ops[] = { "add", "sub", "sll", "slt", "sltu", "xor", "srl",
                                       "sra", "or", "and" };
    ins(g, "%-5s %s, %s, %s", ops[rng_below(&g->rng, 10)], reg_names[rand_rd(g)],
        reg_names[rand_rs(g)], reg_names[rand_rs(g)]);
    count(g, K_ALU);
}

static int32_t rand_imm12(gen_t *g)
{
    static const int32_t special[] = { 0, 1, -1, 2047, -2048, 0x7FF, 0x400, -0x400, 31, 32 };
    if (rng_chance(&g->rng, 40))
        return special[rng_below(&g->rng, 10)];
    return rng_range(&g->rng, -2048, 2047);
}

static void item_alui(gen_t *g)
{
    static const char *const ops[] = { "addi", "slti", "sltiu", "xori", "ori", "andi" };
    static const char *const sh[] = { "slli", "srli", "srai" };
    unsigned rd = rand_rd(g), rs = rand_rs(g);
    if (rng_chance(&g->rng, 30))
        ins(g, "%-5s %s, %s, %u", sh[rng_below(&g->rng, 3)], reg_names[rd], reg_names[rs],
            rng_below(&g->rng, 32));
    else
        ins(g, "%-5s %s, %s, %d", ops[rng_below(&g->rng, 6)], reg_names[rd], reg_names[rs],
            rand_imm12(g));
    count(g, K_ALUI);
}

static void item_lui(gen_t *g)
{
    ins(g, "%-5s %s, 0x%x", rng_chance(&g->rng, 60) ? "lui" : "auipc", reg_names[rand_rd(g)],
        rng_value(&g->rng) & 0xFFFFF);
    count(g, K_LUI);
}

static void item_muldiv(gen_t *g)
{
    static const char *const ops[] = { "mul", "mulh", "mulhsu", "mulhu", "div", "divu",
                                       "rem", "remu" };
    unsigned rs1 = rand_rs(g), rs2 = rand_rs(g);
    if (rng_chance(&g->rng, 30)) {      /* the corner cases: /0, INT_MIN / -1 */
        static const uint32_t a[] = { 0x80000000u, 0x80000000u, 0, 1, 0xFFFFFFFFu, 7 };
        static const uint32_t b[] = { 0xFFFFFFFFu, 0, 0, 0, 0xFFFFFFFFu, 0xFFFFFFF9u };
        unsigned k = rng_below(&g->rng, 6);
        rs1 = rand_wreg(g);
        rs2 = temp_reg(g, 1u << rs1);
        emit_li(g, rs1, a[k]);
        emit_li(g, rs2, b[k]);
    }
    ins(g, "%-5s %s, %s, %s", ops[rng_below(&g->rng, 8)], reg_names[rand_rd(g)],
        reg_names[rs1], reg_names[rs2]);
    count(g, K_MULDIV);
}

static void item_li(gen_t *g)
{
    emit_li(g, rand_wreg(g), rng_value(&g->rng));
    count(g, K_LI);
}

/* ---- memory ---- */

enum { ACC_LOAD, ACC_STORE, ACC_AMO };

static uint32_t pick(gen_t *g, const uint32_t *v, unsigned n)
{
    return v[rng_below(&g->rng, n)];
}

enum { A_DATA, A_FAR, A_PLAY, A_TESTVA, A_UNMAPPED, A_KERNEL, A_DEVICE, A_N };

static uint32_t class_addr(gen_t *g, unsigned cls)
{
    static const uint32_t unmapped[] = { 0x00000800u, 0x00200000u, 0x60000000u,
                                         RAM_BASE + RAM_SIZE_DEFAULT, 0xF0000000u };
    static const uint32_t kernel[] = { RG_STATE, RG_TEXT_S, RG_TEXT_INIT, RG_LANDING, RG_PT,
                                       RG_TEXT_U };
    static const uint32_t devices[] = { CLINT_MSIP_ADDR, CLINT_MTIMECMP_ADDR,
                                        CLINT_MTIMECMP_ADDR + 4, CLINT_MTIME_ADDR,
                                        CLINT_MTIME_ADDR + 4, UART_BASE + UART_LSR,
                                        UART_BASE + UART_IIR_FCR, UART_BASE + UART_SCR,
                                        FINISHER_BASE };
    rng_t *r = &g->rng;
    switch (cls) {
    case A_DATA:     return RG_DATA + rng_below(r, RG_DATA_INIT);
    case A_FAR:      return (rng_chance(r, 50) ? RG_DATA : RG_DATA2) + rng_below(r, RG_MEGA);
    case A_PLAY:     return RG_PLAY - 64 + rng_below(r, RG_PLAY_SIZE + 128);
    case A_TESTVA:   return test_va(g);
    case A_UNMAPPED: return pick(g, unmapped, 5) + rng_below(r, 0x800);
    case A_KERNEL:   return pick(g, kernel, 6) + rng_below(r, 0x1000);
    default:         return pick(g, devices, 9);
    }
}

/* An address for a `size`-byte access of kind acc, aligned unless made misaligned.
 * Every class is safe for a store whether or not it is translated (see layout.h). */
static uint32_t mem_addr(gen_t *g, unsigned size, int acc)
{
    static const unsigned w_tr[A_N] = { 24, 4, 6, 36, 3, 4, 3 };
    static const unsigned w_bare[A_N] = { 48, 8, 20, 3, 4, 4, 3 };
    rng_t *r = &g->rng;
    unsigned cls;
    do
        cls = rng_weighted(r, translated(g) ? w_tr : w_bare, A_N);
    while ((acc != ACC_LOAD && cls == A_KERNEL) || (acc == ACC_STORE && cls == A_DEVICE));
    uint32_t a = class_addr(g, cls) & ~(size - 1);
    /* Translated from S/U: most of the time, look for an address of the class that
     * works now, so that translations (and the TLBs) get exercised, not only faults. */
    if (cls <= A_TESTVA && g->paging && g->priv != PRV_M && rng_chance(r, 70)) {
        for (unsigned tries = 0; tries < 12; tries++) {
            uint32_t b = class_addr(g, cls) & ~(size - 1);
            if (pt_access_ok(g, b, acc == ACC_LOAD ? 'r' : 'w')) {
                a = b;
                break;
            }
        }
    }
    if (size > 1 && rng_chance(r, 6))
        a += 1 + rng_below(r, size - 1);
    return a;
}

static const char *ordering(gen_t *g)
{
    static const char *const o[] = { "", "", ".aq", ".rl", ".aqrl" };
    return o[rng_below(&g->rng, 5)];
}

static void item_load(gen_t *g)
{
    static const char *const ops[] = { "lb", "lh", "lw", "lbu", "lhu" };
    static const unsigned sizes[] = { 1, 2, 4, 1, 2 };
    unsigned k = rng_below(&g->rng, 5);
    uint32_t a = mem_addr(g, sizes[k], ACC_LOAD);
    int32_t off = rng_chance(&g->rng, 50) ? 0 : rand_imm12(g);
    unsigned rb = rand_wreg(g);
    emit_li(g, rb, a - (uint32_t)off);
    ins(g, "%-5s %s, %d(%s)", ops[k], reg_names[rand_rd(g)], off, reg_names[rb]);
    count(g, K_LOAD);
}

static void item_store(gen_t *g)
{
    static const char *const ops[] = { "sb", "sh", "sw" };
    unsigned k = rng_below(&g->rng, 3);
    uint32_t a = mem_addr(g, 1u << k, ACC_STORE);
    int32_t off = rng_chance(&g->rng, 50) ? 0 : rand_imm12(g);
    unsigned rb = rand_wreg(g);
    emit_li(g, rb, a - (uint32_t)off);
    ins(g, "%-5s %s, %d(%s)", ops[k], reg_names[rand_rs(g)], off, reg_names[rb]);
    count(g, K_STORE);
}

static void item_amo(gen_t *g)
{
    static const char *const ops[] = { "amoswap", "amoadd", "amoxor", "amoand", "amoor",
                                       "amomin", "amomax", "amominu", "amomaxu" };
    unsigned rb = rand_wreg(g);
    emit_li(g, rb, mem_addr(g, 4, ACC_AMO));
    ins(g, "%s.w%s %s, %s, (%s)", ops[rng_below(&g->rng, 9)], ordering(g),
        reg_names[rand_rd(g)], reg_names[rand_rs(g)], reg_names[rb]);
    count(g, K_AMO);
}

/* LR then SC to the same address (a few ALU ops between), SC to another address, or
 * a lone SC (with or without a reservation left by an earlier LR). */
static void item_lrsc(gen_t *g)
{
    unsigned rb = rand_wreg(g);
    uint32_t a = mem_addr(g, 4, ACC_AMO);
    emit_li(g, rb, a);
    unsigned form = rng_below(&g->rng, 4);
    if (form != 3) {
        ins(g, "lr.w%s %s, (%s)", ordering(g), reg_names[temp_reg(g, 1u << rb)],
            reg_names[rb]);
        for (unsigned n = rng_below(&g->rng, 3); n; n--)
            ins(g, "addi  %s, %s, %d", reg_names[temp_reg(g, 1u << rb)],
                reg_names[rand_rs(g)], rand_imm12(g));
    }
    if (form == 2) {                    /* SC to a different address */
        unsigned rc = temp_reg(g, 1u << rb);
        emit_li(g, rc, rng_chance(&g->rng, 50) ? a + 4 : mem_addr(g, 4, ACC_AMO));
        rb = rc;
    }
    ins(g, "sc.w%s %s, %s, (%s)", ordering(g), reg_names[rand_rd(g)], reg_names[rand_rs(g)],
        reg_names[rb]);
    count(g, K_LRSC);
}

/* Controlled device accesses (bare addresses; translated they go through the test
 * mappings of the CLINT and UART pages): the values keep the devices tame. */
static void item_device(gen_t *g)
{
    rng_t *r = &g->rng;
    unsigned rb = rand_wreg(g), rv = temp_reg(g, 1u << rb);
    uint32_t a, v;
    const char *op = "sw";
    switch (rng_below(r, 6)) {
    case 0: a = CLINT_MSIP_ADDR; v = rng_below(r, 2); break;
    case 1: a = CLINT_MTIMECMP_ADDR + 4 * rng_below(r, 2); v = rng_below(r, 3) ? rng_below(r, 5000) : 0xFFFFFFFFu; break;
    case 2: a = CLINT_MTIME_ADDR; v = rng_below(r, 3000); break;
    case 3: a = UART_BASE + UART_IER; v = rng_below(r, 4); op = "sb"; break;
    case 4: a = UART_BASE + UART_SCR; v = rng_u32(r) & 0xFF; op = "sb"; break;
    default: {
        static const char *const lops[] = { "lw", "lbu", "lb", "lhu" };
        static const uint32_t la[] = { CLINT_MSIP_ADDR, CLINT_MTIMECMP_ADDR, CLINT_MTIME_ADDR,
                                       CLINT_MTIME_ADDR + 4, UART_BASE + UART_LSR,
                                       UART_BASE + UART_IIR_FCR, UART_BASE + UART_MSR,
                                       UART_BASE + UART_LCR, FINISHER_BASE };
        emit_li(g, rb, pick(g, la, 9));
        ins(g, "%-5s %s, 0(%s)", lops[rng_below(r, 4)], reg_names[rand_rd(g)], reg_names[rb]);
        count(g, K_DEVICE);
        return;
    }
    }
    emit_li(g, rb, a);
    emit_li(g, rv, v);
    ins(g, "%-5s %s, 0(%s)", op, reg_names[rv], reg_names[rb]);
    count(g, K_DEVICE);
}

/* ---- control flow ---- */

/* A forward target: an item boundary after this item, at most 6 items on, and never
 * beyond the next item that changes tracked state (jumping over it would make the
 * generator's view of the machine wrong; landing on it is fine). */
static void target_label(gen_t *g, char *buf, size_t n)
{
    unsigned left = g->scope_limit - g->scope_idx;      /* >= 1 */
    unsigned t = g->scope_idx + 1 + rng_below(&g->rng, left < 6 ? left : 6);
    snprintf(buf, n, ".L%u_%u", g->scope, t);
}

static void item_branch(gen_t *g)
{
    static const char *const ops[] = { "beq", "bne", "blt", "bge", "bltu", "bgeu" };
    const char *op = ops[rng_below(&g->rng, 6)];
    unsigned rs1 = rand_rs(g), rs2 = rng_chance(&g->rng, 20) ? rs1 : rand_rs(g);
    if (rng_chance(&g->rng, 8)) {       /* target not 4-byte aligned: traps when taken */
        ins(g, "%-5s %s, %s, . + %u", op, reg_names[rs1], reg_names[rs2],
            4 * rng_below(&g->rng, 4) + 2);
        count(g, K_BRANCH_MISALIGNED);
        return;
    }
    char lab[32];
    target_label(g, lab, sizeof lab);
    ins(g, "%-5s %s, %s, %s", op, reg_names[rs1], reg_names[rs2], lab);
    count(g, K_BRANCH);
}

/* jal/jalr forward to an item boundary; jalr sometimes with bit 0 set (ignored), or to
 * a target + 2 (misaligned: traps on the jump, which the handler skips). */
static void item_jump(gen_t *g)
{
    char lab[32];
    target_label(g, lab, sizeof lab);
    unsigned rd = rand_rd(g);
    if (rng_chance(&g->rng, 40)) {
        bool mis = rng_chance(&g->rng, 10);
        ins(g, "jal   %s, %s%s", reg_names[rd], lab, mis ? " + 2" : "");
    } else {
        unsigned rt = rand_wreg(g);
        int32_t k = rng_range(&g->rng, -64, 64) * 4;
        unsigned extra = rng_chance(&g->rng, 15) ? 1 : rng_chance(&g->rng, 8) ? 2 : 0;
        ins_n(g, 2, "la    %s, %s - %d", reg_names[rt], lab, k);
        ins(g, "jalr  %s, %d(%s)", reg_names[rd], k + (int32_t)extra, reg_names[rt]);
    }
    count(g, K_JUMP);
}

/* Jumps whose fetch faults (device, nothing there, a test-window address with no
 * translation) or whose target is misaligned. tp = the resume point. The link register
 * is ra, so that a translation that happens to reach the landing page returns. */
static void item_badjump(gen_t *g)
{
    static const uint32_t targets[] = { 0x00000000u, 0x00000800u, FINISHER_BASE,
                                        CLINT_BASE, UART_BASE, 0x40000000u, 0xF0000000u,
                                        RAM_BASE + RAM_SIZE_DEFAULT };
    uint32_t t = pick(g, targets, 8) + 4 * rng_below(&g->rng, 64);
    if (rng_chance(&g->rng, 15))
        t = RG_LANDING + 2;             /* misaligned */
    unsigned rt = temp_reg(g, 1u << REG_RA);
    emit_la(g, REG_TP, "1f");
    emit_li(g, rt, t);
    ins(g, "jalr  ra, 0(%s)", reg_names[rt]);   /* ra: a translation may reach landing */
    out(g, "1:");
    count(g, K_BADJUMP);
}

/* A call into the landing page (identity) or a test-window address: it runs the
 * landing code (`ret`) when the translation allows execution, else fetch-faults. */
static void item_probe(gen_t *g)
{
    uint32_t t;
    if (!g->paging || rng_chance(&g->rng, 25))
        t = RG_LANDING + 4 * rng_below(&g->rng, RG_PAGE / 4);
    else {
        bool want_ok = g->priv != PRV_M && rng_chance(&g->rng, 50);
        for (unsigned tries = 0;; tries++) {
            do  /* never a data address: with satp = Bare it would run data */
                t = test_va(g) & ~3u;
            while (t >= RAM_BASE);
            if (!want_ok || tries >= 12 || pt_access_ok(g, t, 'x'))
                break;
        }
    }
    if (rng_chance(&g->rng, 5))
        t += 2;
    unsigned rt = temp_reg(g, 1u << REG_RA);
    emit_la(g, REG_TP, "1f");
    emit_li(g, rt, t);
    ins(g, "jalr  ra, 0(%s)", reg_names[rt]);
    out(g, "1:");
    count(g, K_PROBE);
}

/* A bounded loop: li c, n; body; addi c, c, -1; bnez c, top. The body never writes c
 * and never changes tracked state, so every iteration does the same thing. */
static void item_loop(gen_t *g)
{
    unsigned c = temp_reg(g, 1u << REG_RA), top = new_label(g);   /* probes write ra */
    emit_li(g, c, 2 + rng_below(&g->rng, 4));
    out(g, ".Lloop%u:", top);
    uint32_t saved_nw = g->no_write;
    unsigned s = g->scope, si = g->scope_idx, sl = g->scope_limit;
    g->no_write |= 1u << c;
    g->in_loop = true;
    gen_items(g, 2 + rng_below(&g->rng, 8));
    g->in_loop = false;
    g->no_write = saved_nw;
    g->scope = s, g->scope_idx = si, g->scope_limit = sl;
    ins(g, "addi  %s, %s, -1", reg_names[c], reg_names[c]);
    ins(g, "bnez  %s, .Lloop%u", reg_names[c], top);
    count(g, K_LOOP);
}

/* ---- deliberate traps ---- */

/* An encoding that is illegal on RV32IMA_Zicsr_Zifencei by construction. */
static uint32_t illegal_word(gen_t *g)
{
    static const uint8_t bad_opcodes[] = { 0x07, 0x27, 0x0B, 0x2B, 0x3B, 0x1B, 0x43, 0x47,
                                           0x4B, 0x4F, 0x53, 0x57, 0x5B, 0x6B, 0x7B, 0x1F,
                                           0x3F, 0x7F, 0x77 };
    rng_t *r = &g->rng;
    uint32_t x = rng_u32(r);
    switch (rng_below(r, 10)) {
    case 0: return (x & ~0x7Fu) | bad_opcodes[rng_below(r, sizeof bad_opcodes)];
    case 1: return x & ~3u & (rng_chance(r, 50) ? 0xFFFFu : ~0u);   /* 16-bit space */
    case 2: return (x & ~0x707Fu) | 0x03 | (pick(g, (const uint32_t[]){ 3, 6, 7 }, 3) << 12);
    case 3: return (x & ~0x707Fu) | 0x23 | ((3 + rng_below(r, 5)) << 12);
    case 4: return (x & ~0x707Fu) | 0x63 | ((2 + rng_below(r, 2)) << 12);
    case 5: return (x & ~0x707Fu) | 0x67 | ((1 + rng_below(r, 7)) << 12);
    case 6: {                           /* OP with a funct7 that is not 0, 1 or 0x20 */
        uint32_t f7;
        do
            f7 = rng_below(r, 128);
        while (f7 == 0 || f7 == 1 || f7 == 0x20);
        return (x & 0x01FFFF80u) | (f7 << 25) | 0x33;
    }
    case 7: {                           /* AMO: bad width or bad funct5, or LR with rs2 */
        uint32_t f5, v = x & ~0xF800707Fu;
        if (rng_chance(r, 30))
            return (x & ~0xF9F0707Fu) | (2u << 27) | (1u << 20) | (2u << 12) | 0x2F;
        if (rng_chance(r, 40))
            return (x & ~0x707Fu) | ((rng_below(r, 2) ? 0u : 3u + rng_below(r, 5)) << 12) | 0x2F;
        do
            f5 = rng_below(r, 32);
        while (f5 == 0 || f5 == 1 || f5 == 2 || f5 == 3 || f5 == 4 || f5 == 8 || f5 == 12 ||
               f5 == 16 || f5 == 20 || f5 == 24 || f5 == 28);
        return v | (f5 << 27) | (2u << 12) | 0x2F;
    }
    case 8: {                           /* SYSTEM: funct3 4, or a priv word that is none */
        static const uint32_t sys[] = { 0x00200073u, 0x7B200073u, 0x10400073u, 0x30500073u,
                                        0x00000873u, 0x00008073u, 0x10200273u };
        if (rng_chance(r, 50))
            return (x & ~0x707Fu) | (4u << 12) | 0x73;
        return pick(g, sys, 7);
    }
    default: {                          /* shift-immediate with bad upper bits, MISC-MEM 2+ */
        if (rng_chance(r, 50))
            return (x & ~0x707Fu) | ((2 + rng_below(r, 6)) << 12) | 0x0F;
        uint32_t f3 = rng_chance(r, 50) ? 1 : 5, hi;
        do
            hi = rng_below(r, 128);
        while (hi == 0 || (f3 == 5 && hi == 0x20));
        return (x & 0x01FF8F80u) | (hi << 25) | (f3 << 12) | 0x13;
    }
    }
}

static void item_illegal(gen_t *g)
{
    ins(g, ".word 0x%08x", illegal_word(g));
    count(g, K_ILLEGAL);
}

static void item_ecall(gen_t *g)
{
    if (rng_chance(&g->rng, 50)) {
        ins(g, "ecall");
        count(g, K_ECALL);
    } else {
        ins(g, "ebreak");
        count(g, K_EBREAK);
    }
}

/* mret/sret where they are illegal. */
static void item_xret(gen_t *g)
{
    if (g->priv == PRV_U)
        ins(g, rng_chance(&g->rng, 50) ? "mret" : "sret");
    else if (g->priv == PRV_S)
        ins(g, g->tsr && rng_chance(&g->rng, 50) ? "sret" : "mret");
    else
        return;
    count(g, K_XRET_ILLEGAL);
}

static void item_fence(gen_t *g)
{
    static const char *const sets[] = { "r", "w", "rw", "i", "o", "io", "iorw", "ir", "ow" };
    if (rng_chance(&g->rng, 25)) {
        ins(g, "fence.i");
        count(g, K_FENCEI);
        return;
    }
    if (rng_chance(&g->rng, 10))
        ins(g, "fence.tso");
    else
        ins(g, "fence %s, %s", sets[rng_below(&g->rng, 9)], sets[rng_below(&g->rng, 9)]);
    count(g, K_FENCE);
}

/* A stand-alone sfence.vma with random operands (all four forms). Extra flushes never
 * change what a fence-correct program sees. */
static void item_sfence(gen_t *g)
{
    unsigned rs1 = 0, rs2 = 0;
    if (rng_chance(&g->rng, 50)) {
        rs1 = rand_wreg(g);
        emit_li(g, rs1, g->paging ? test_va(g) : rng_value(&g->rng));
    }
    if (rng_chance(&g->rng, 50)) {
        rs2 = temp_reg(g, 1u << rs1);
        emit_li(g, rs2, g->pt.asid[rng_below(&g->rng, NASIDS)]);
    }
    ins(g, "sfence.vma %s, %s", reg_names[rs1], reg_names[rs2]);
    count(g, K_SFENCE);
}

/* ---- interrupts ---- */

void clear_mprv(gen_t *g)
{
    if (g->priv != PRV_M || !g->mprv)
        return;
    unsigned t = rand_wreg(g);
    emit_li(g, t, 1u << MSTATUS_MPRV);
    ins(g, "csrc  mstatus, %s", reg_names[t]);
    g->mprv = false;
}

/* mtimecmp = mtime + delta (64-bit, mtime read high word first; mtimecmp written low
 * word all-ones first so that no intermediate value is earlier than the final one). */
static void arm_timer(gen_t *g, uint32_t delta)
{
    unsigned ra = rand_wreg(g), rh = temp_reg(g, 1u << ra);
    unsigned rl = temp_reg(g, (1u << ra) | (1u << rh));
    unsigned rc = temp_reg(g, (1u << ra) | (1u << rh) | (1u << rl));
    emit_li(g, ra, CLINT_MTIME_ADDR);
    ins(g, "lw    %s, 4(%s)", reg_names[rh], reg_names[ra]);
    ins(g, "lw    %s, 0(%s)", reg_names[rl], reg_names[ra]);
    ins(g, "addi  %s, %s, %u", reg_names[rc], reg_names[rl], delta);
    ins(g, "sltu  %s, %s, %s", reg_names[rl], reg_names[rc], reg_names[rl]);
    ins(g, "add   %s, %s, %s", reg_names[rh], reg_names[rh], reg_names[rl]);
    emit_li(g, ra, CLINT_MTIMECMP_ADDR);
    emit_li(g, rl, 0xFFFFFFFFu);
    ins(g, "sw    %s, 0(%s)", reg_names[rl], reg_names[ra]);
    ins(g, "sw    %s, 4(%s)", reg_names[rh], reg_names[ra]);
    ins(g, "sw    %s, 0(%s)", reg_names[rc], reg_names[ra]);
}

static void csr_set(gen_t *g, const char *csr, uint32_t bits)
{
    if (bits < 32) {
        ins(g, "csrsi %s, %u", csr, bits);
        return;
    }
    unsigned t = rand_wreg(g);
    emit_li(g, t, bits);
    ins(g, "csrs  %s, %s", csr, reg_names[t]);
}

/* Make interrupts pending and/or enabled; whether and where they are taken follows. */
static void item_irq(gen_t *g)
{
    rng_t *r = &g->rng;
    count(g, K_IRQ);
    if (g->priv == PRV_S) {
        switch (rng_below(r, 3)) {
        case 0: ins(g, "csrsi sip, %u", 1u << IRQ_S_SOFT); break;
        case 1: csr_set(g, "sie", rng_u32(r) & MIDELEG_MASK); break;
        default: ins(g, "csrsi sstatus, %u", 1u << MSTATUS_SIE); g->sie = true; break;
        }
        return;
    }
    if (g->priv != PRV_M)
        return;
    switch (rng_below(r, 6)) {
    case 0:
        clear_mprv(g);
        arm_timer(g, rng_below(r, 300));
        break;
    case 1: {
        clear_mprv(g);
        unsigned ra = rand_wreg(g), rv = temp_reg(g, 1u << ra);
        emit_li(g, ra, CLINT_MSIP_ADDR);
        emit_li(g, rv, 1);
        ins(g, "sw    %s, 0(%s)", reg_names[rv], reg_names[ra]);
        break;
    }
    case 2: csr_set(g, "mip", rng_u32(r) & MIP_MWRITE_MASK); break;
    case 3: csr_set(g, "mie", rng_u32(r) & MIE_MASK); break;
    case 4: ins(g, "csrsi mstatus, %u", 1u << MSTATUS_MIE); g->mie = true; break;
    default: ins(g, "csrsi mstatus, %u", 1u << MSTATUS_SIE); g->sie = true; break;
    }
}

/* wfi that is sure to wake: global enables off at this level, then a source made
 * pending (or armed to fire) and enabled in mie; where that is impossible, a wfi that
 * traps (U, or S with TW = 1). */
void gen_wfi(gen_t *g)
{
    rng_t *r = &g->rng;
    if (g->priv == PRV_U || (g->priv == PRV_S && g->tw)) {
        ins(g, "wfi");
        count(g, K_WFI_TRAP);
        return;
    }
    if (g->priv == PRV_S) {
        if (!(g->mideleg & (1u << IRQ_S_SOFT)))
            return;
        ins(g, "csrci sstatus, %u", 1u << MSTATUS_SIE);
        g->sie = false;
        ins(g, "csrsi sie, %u", 1u << IRQ_S_SOFT);
        ins(g, "csrsi sip, %u", 1u << IRQ_S_SOFT);
        ins(g, "wfi");
        count(g, K_WFI);
        return;
    }
    ins(g, "csrci mstatus, %u", 1u << MSTATUS_MIE);
    g->mie = false;
    switch (rng_below(r, 3)) {
    case 0: {
        uint32_t bits = rng_u32(r) & MIP_MWRITE_MASK;
        if (!bits)
            bits = 1u << IRQ_S_SOFT;
        csr_set(g, "mip", bits);
        csr_set(g, "mie", bits);
        break;
    }
    case 1: {
        clear_mprv(g);
        unsigned ra = rand_wreg(g), rv = temp_reg(g, 1u << ra);
        emit_li(g, ra, CLINT_MSIP_ADDR);
        emit_li(g, rv, 1);
        ins(g, "sw    %s, 0(%s)", reg_names[rv], reg_names[ra]);
        csr_set(g, "mie", 1u << IRQ_M_SOFT);
        break;
    }
    default:
        clear_mprv(g);
        arm_timer(g, 1 + rng_below(r, 200));
        csr_set(g, "mie", 1u << IRQ_M_TIMER);
        break;
    }
    ins(g, "wfi");
    count(g, K_WFI);
}

/* M: let loads/stores use the privilege in MPP (translated when paging is on). */
static void item_mprv(gen_t *g)
{
    if (g->priv != PRV_M)
        return;
    unsigned t = rand_wreg(g);
    static const uint32_t mpp[] = { PRV_U, PRV_S, PRV_M, 2 };
    emit_li(g, t, (1u << MSTATUS_MPRV) | (3u << MSTATUS_MPP_LO));
    ins(g, "csrc  mstatus, %s", reg_names[t]);
    emit_li(g, t, (1u << MSTATUS_MPRV) | (pick(g, mpp, 4) << MSTATUS_MPP_LO));
    ins(g, "csrs  mstatus, %s", reg_names[t]);
    g->mprv = true;
    count(g, K_MPRV);
}

/* ---- the item mix ---- */

enum {
    I_ALU, I_ALUI, I_LUI, I_MULDIV, I_LI, I_LOAD, I_STORE, I_AMO, I_LRSC, I_BRANCH, I_JUMP,
    I_BADJUMP, I_PROBE, I_CSR, I_ILLEGAL, I_ECALL, I_XRET, I_FENCE, I_SFENCE, I_IRQ, I_WFI,
    I_MSTATUS, I_DELEG, I_PMP, I_SATP, I_PTE, I_ADUE, I_MPRV, I_LOOP, I_DEVICE, I_N
};

/* Weights per privilege (M, S, U); stateful items are left out of loop bodies. */
static const unsigned weights[I_N][3] = {
    [I_ALU] = { 12, 12, 14 },    [I_ALUI] = { 10, 10, 12 },  [I_LUI] = { 2, 2, 3 },
    [I_MULDIV] = { 7, 7, 8 },    [I_LI] = { 5, 5, 6 },       [I_LOAD] = { 10, 12, 12 },
    [I_STORE] = { 8, 10, 10 },   [I_AMO] = { 4, 5, 5 },      [I_LRSC] = { 3, 3, 3 },
    [I_BRANCH] = { 6, 6, 7 },    [I_JUMP] = { 3, 3, 3 },     [I_BADJUMP] = { 1, 1, 1 },
    [I_PROBE] = { 1, 3, 3 },     [I_CSR] = { 10, 6, 2 },      [I_ILLEGAL] = { 1, 1, 1 },
    [I_ECALL] = { 1, 1, 1 },     [I_XRET] = { 0, 1, 1 },     [I_FENCE] = { 2, 2, 2 },
    [I_SFENCE] = { 1, 1, 1 },    [I_IRQ] = { 4, 2, 0 },      [I_WFI] = { 1, 1, 1 },
    [I_MSTATUS] = { 3, 2, 1 },   [I_DELEG] = { 2, 0, 0 },    [I_PMP] = { 2, 0, 0 },
    [I_SATP] = { 2, 2, 0 },      [I_PTE] = { 4, 4, 0 },      [I_ADUE] = { 1, 0, 0 },
    [I_MPRV] = { 2, 0, 0 },      [I_LOOP] = { 2, 2, 2 },     [I_DEVICE] = { 3, 2, 2 },
};

/* Items that change what the generator tracks: never skipped by a forward branch. */
static bool barrier(unsigned i)
{
    return i == I_IRQ || i == I_WFI || i == I_MSTATUS || i == I_DELEG || i == I_PMP ||
           i == I_SATP || i == I_PTE || i == I_ADUE || i == I_MPRV || i == I_CSR;
}

static unsigned pick_kind(gen_t *g)
{
    unsigned w[I_N], p = g->priv == PRV_M ? 0 : g->priv == PRV_S ? 1 : 2;
    for (unsigned i = 0; i < I_N; i++) {
        w[i] = weights[i][p];
        if (g->in_loop && (barrier(i) || i == I_LOOP))
            w[i] = 0;           /* loop bodies repeat: nothing stateful in them */
        if (!g->paging && (i == I_PTE || i == I_ADUE))
            w[i] = 0;
    }
    return rng_weighted(&g->rng, w, I_N);
}

static void gen_item(gen_t *g, unsigned kind)
{
    switch (kind) {
    case I_ALU: item_alu(g); break;
    case I_ALUI: item_alui(g); break;
    case I_LUI: item_lui(g); break;
    case I_MULDIV: item_muldiv(g); break;
    case I_LI: item_li(g); break;
    case I_LOAD: item_load(g); break;
    case I_STORE: item_store(g); break;
    case I_AMO: item_amo(g); break;
    case I_LRSC: item_lrsc(g); break;
    case I_BRANCH: item_branch(g); break;
    case I_JUMP: item_jump(g); break;
    case I_BADJUMP: item_badjump(g); break;
    case I_PROBE: item_probe(g); break;
    case I_CSR: gen_csr_item(g); break;
    case I_ILLEGAL: item_illegal(g); break;
    case I_ECALL: item_ecall(g); break;
    case I_XRET: item_xret(g); break;
    case I_FENCE: item_fence(g); break;
    case I_SFENCE: item_sfence(g); break;
    case I_IRQ: item_irq(g); break;
    case I_WFI: gen_wfi(g); break;
    case I_MSTATUS: gen_mstatus_item(g); break;
    case I_DELEG: gen_deleg_item(g); break;
    case I_PMP: gen_pmp_item(g); break;
    case I_SATP: gen_satp_item(g); break;
    case I_PTE: gen_pte_edit_item(g); break;
    case I_ADUE: gen_adue_item(g); break;
    case I_MPRV: item_mprv(g); break;
    case I_LOOP: item_loop(g); break;
    default: item_device(g); break;
    }
}

/* A list of n items (a block, or a loop body) with a label before each and at the end. */
void gen_items(gen_t *g, unsigned n)
{
    unsigned scope = new_label(g), kinds[64];
    if (n > 64)
        n = 64;
    for (unsigned i = 0; i < n; i++)
        kinds[i] = pick_kind(g);
    for (unsigned i = 0; i < n; i++) {
        out(g, ".L%u_%u:", scope, i);
        unsigned lim = i + 1;
        while (lim < n && !barrier(kinds[lim]))
            lim++;
        g->scope = scope;
        g->scope_idx = i;
        g->scope_limit = lim;
        gen_item(g, kinds[i]);
    }
    out(g, ".L%u_%u:", scope, n);
}
