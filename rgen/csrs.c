/* csrs.c — CSR items: every CSR of docs/csr.md plus unimplemented addresses, all six
 * CSR instructions, from every privilege. Each implemented CSR has a value policy:
 *   free       any value (scratch, epc/cause/tval, counters, counteren, enables, ...)
 *   tracked    mstatus/sstatus, medeleg/mideleg, menvcfgh: any value, and the generator
 *              follows the result (TSR is never set while illegal-instruction traps are
 *              delegated: the S handler's own sret would trap to itself)
 *   tvec       mtvec/stvec: one of the two vector tables, any mode bits
 *   satp       paging: a root of this program with one of its ASIDs, or 0; else 0
 *   pmp        PMP model below: entries 0-14 only ever cover zone A (data) or zone B
 *              (test page tables), only zone-A ranges are ever locked, entry 15 stays
 *              NAPOT-everything RWX and unlocked
 */
#include "rgen.h"

enum { P_FREE, P_MSTATUS, P_SSTATUS, P_MEDELEG, P_MIDELEG, P_MENVCFGH, P_MTVEC, P_STVEC,
       P_SATP, P_PMPCFG, P_PMPADDR, P_HPMEVENT };

typedef struct {
    uint16_t addr;
    uint8_t policy;
} csr_t;

static const csr_t named[] = {
    { CSR_SSTATUS, P_SSTATUS }, { CSR_SIE, P_FREE }, { CSR_STVEC, P_STVEC },
    { CSR_SCOUNTEREN, P_FREE }, { CSR_SENVCFG, P_FREE }, { CSR_SSCRATCH, P_FREE },
    { CSR_SEPC, P_FREE }, { CSR_SCAUSE, P_FREE }, { CSR_STVAL, P_FREE }, { CSR_SIP, P_FREE },
    { CSR_SATP, P_SATP }, { CSR_MSTATUS, P_MSTATUS }, { CSR_MISA, P_FREE },
    { CSR_MEDELEG, P_MEDELEG }, { CSR_MIDELEG, P_MIDELEG }, { CSR_MIE, P_FREE },
    { CSR_MTVEC, P_MTVEC }, { CSR_MCOUNTEREN, P_FREE }, { CSR_MENVCFG, P_FREE },
    { CSR_MSTATUSH, P_FREE }, { CSR_MENVCFGH, P_MENVCFGH }, { CSR_MCOUNTINHIBIT, P_FREE },
    { CSR_MSCRATCH, P_FREE }, { CSR_MEPC, P_FREE }, { CSR_MCAUSE, P_FREE },
    { CSR_MTVAL, P_FREE }, { CSR_MIP, P_FREE }, { CSR_MCYCLE, P_FREE },
    { CSR_MINSTRET, P_FREE }, { CSR_MCYCLEH, P_FREE }, { CSR_MINSTRETH, P_FREE },
    { CSR_CYCLE, P_FREE }, { CSR_TIME, P_FREE }, { CSR_INSTRET, P_FREE },
    { CSR_CYCLEH, P_FREE }, { CSR_TIMEH, P_FREE }, { CSR_INSTRETH, P_FREE },
    { CSR_MVENDORID, P_FREE }, { CSR_MARCHID, P_FREE }, { CSR_MIMPID, P_FREE },
    { CSR_MHARTID, P_FREE }, { CSR_MCONFIGPTR, P_FREE },
};
#define NNAMED (sizeof named / sizeof named[0])

/* Ranges: mhpmevent3..31, mhpmcounter3..31(h), hpmcounter3..31(h), pmpcfg, pmpaddr. */
static bool pick_csr(gen_t *g, csr_t *c)
{
    rng_t *r = &g->rng;
    unsigned k = rng_below(r, 100);
    if (g->priv != PRV_M && rng_chance(r, 50)) {        /* mostly CSRs of this level */
        do
            *c = named[rng_below(r, NNAMED)];
        while (((c->addr >> 8) & 3) != g->priv);
        return true;
    }
    if (k < 55) {
        *c = named[rng_below(r, NNAMED)];
    } else if (k < 63) {
        c->addr = CSR_MHPMEVENT3 + rng_below(r, 29);
        c->policy = c->addr < CSR_MHPMEVENT3 + 8 ? P_HPMEVENT : P_FREE;
    } else if (k < 71) {
        static const uint16_t base[] = { CSR_MHPMCOUNTER3, CSR_MHPMCOUNTER3H, CSR_HPMCOUNTER3,
                                         CSR_HPMCOUNTER3H };
        c->addr = base[rng_below(r, 4)] + rng_below(r, 29), c->policy = P_FREE;
    } else if (k < 77) {
        c->addr = CSR_PMPCFG0 + rng_below(r, 4), c->policy = P_PMPCFG;
    } else if (k < 85) {
        c->addr = CSR_PMPADDR0 + rng_below(r, 16), c->policy = P_PMPADDR;
    } else {
        return false;                   /* an unimplemented address */
    }
    return true;
}

static bool implemented(unsigned a)
{
    for (unsigned i = 0; i < NNAMED; i++)
        if (named[i].addr == a)
            return true;
    return (a >= CSR_MHPMEVENT3 && a < CSR_MHPMEVENT3 + 29) ||
           (a >= CSR_MHPMCOUNTER3 && a < CSR_MHPMCOUNTER3 + 29) ||
           (a >= CSR_MHPMCOUNTER3H && a < CSR_MHPMCOUNTER3H + 29) ||
           (a >= CSR_HPMCOUNTER3 && a < CSR_HPMCOUNTER3 + 29) ||
           (a >= CSR_HPMCOUNTER3H && a < CSR_HPMCOUNTER3H + 29) ||
           (a >= CSR_PMPCFG0 && a < CSR_PMPCFG0 + 4) ||
           (a >= CSR_PMPADDR0 && a < CSR_PMPADDR0 + 16);
}

/* ---- medeleg ---- */

/* Never delegate ecall from U and ecall from S at the same time: then no ecall reaches M
 * from S or U and the program could never return to M. Adjusts the value/mask v of a
 * write (op) so that the result keeps at least one of the two with M. */
static uint32_t medeleg_fix(const gen_t *g, bool set_only, uint32_t v)
{
    const uint32_t u = 1u << CAUSE_USER_ECALL, s = 1u << CAUSE_SUPERVISOR_ECALL;
    uint32_t res = set_only ? g->medeleg | v : v;
    if ((res & u) && (res & s))
        v &= (v & u) ? ~u : ~s;
    return v;
}

/* ---- tracked mstatus ---- */

#define MS(b) (1u << MSTATUS_##b)

/* Keep TSR and TVM set less often than other bits: with TSR every S-handler return traps
 * to M, with TVM S can neither switch satp nor fence. */
uint32_t mstatus_bias(gen_t *g, uint32_t v)
{
    if ((v & MS(TSR)) && !rng_chance(&g->rng, 30))
        v &= ~MS(TSR);
    if ((v & MS(TVM)) && !rng_chance(&g->rng, 40))
        v &= ~MS(TVM);
    return v;
}

static uint32_t mstatus_tracked(const gen_t *g)
{
    return (g->mie ? MS(MIE) : 0) | (g->sie ? MS(SIE) : 0) | (g->mprv ? MS(MPRV) : 0) |
           (g->sum ? MS(SUM) : 0) | (g->mxr ? MS(MXR) : 0) | (g->tvm ? MS(TVM) : 0) |
           (g->tw ? MS(TW) : 0) | (g->tsr ? MS(TSR) : 0);
}

void set_mstatus_tracked(gen_t *g, uint32_t v)
{
    g->mie = v & MS(MIE), g->sie = v & MS(SIE), g->mprv = v & MS(MPRV);
    g->sum = v & MS(SUM), g->mxr = v & MS(MXR), g->tvm = v & MS(TVM);
    g->tw = v & MS(TW), g->tsr = v & MS(TSR);
}

/* A trap vector: one of the two tables of the handler's level, mode bits below `modes`
 * (4: any; mode 2/3 store 0/1 here, QEMU ignores such writes; every slot of a table
 * jumps to the handler, so both modes work). */
void emit_tvec_la(gen_t *g, unsigned reg, bool machine, unsigned modes)
{
    static const char *const tabs[] = { "rg_svec", "rg_svec2", "rg_mvec", "rg_mvec2" };
    ins_n(g, 2, "la    %s, %s + %u", reg_names[reg],
          tabs[(machine ? 2 : 0) + rng_below(&g->rng, 2)], rng_below(&g->rng, modes));
}

/* ---- PMP model (docs/csr.md: byte WARL, locking, TOR locking of the entry below) ---- */

#define PMP_A(c)   (((c) >> PMPCFG_A_LO) & 3)
#define PMP_L      (1u << PMPCFG_L)
enum { A_OFF, A_TOR, A_NA4, A_NAPOT };

static bool pmp_range(const pmp_model_t *m, unsigned i, uint64_t *lo, uint64_t *hi)
{
    uint64_t a = (uint64_t)m->addr[i] << 2;
    switch (PMP_A(m->cfg[i])) {
    case A_TOR:
        *lo = i ? (uint64_t)m->addr[i - 1] << 2 : 0;
        *hi = a;
        return *lo < *hi;
    case A_NA4:
        *lo = a, *hi = a + 4;
        return true;
    case A_NAPOT: {
        unsigned t = ~m->addr[i] ? (unsigned)__builtin_ctz(~m->addr[i]) : 32;
        uint64_t size = 1ull << (t + 3);
        *lo = a & ~(size - 1), *hi = *lo + size;
        return true;
    }
    default:
        return false;
    }
}

bool pmp_allows(const gen_t *g, uint32_t paddr, unsigned priv, char access)
{
    const pmp_model_t *m = &g->pmp;
    for (unsigned i = 0; i < 16; i++) {
        uint64_t lo, hi;
        if (!pmp_range(m, i, &lo, &hi) || paddr < lo || paddr >= hi)
            continue;
        if (priv == PRV_M && !(m->cfg[i] & PMP_L))
            return true;
        unsigned bit = access == 'r' ? PMPCFG_R : access == 'w' ? PMPCFG_W : PMPCFG_X;
        return m->cfg[i] & (1u << bit);
    }
    return priv == PRV_M;
}

static void model_write_cfg(pmp_model_t *m, unsigned k, uint32_t v)
{
    for (unsigned b = 0; b < 4; b++) {
        unsigned i = 4 * k + b;
        uint8_t c = (uint8_t)(v >> (8 * b));
        if (m->cfg[i] & PMP_L)
            continue;
        c &= (uint8_t)~0x60;
        if (!(c & (1u << PMPCFG_R)))
            c &= (uint8_t)~(1u << PMPCFG_W);
        m->cfg[i] = c;
    }
}

static void model_write_addr(pmp_model_t *m, unsigned i, uint32_t v)
{
    if ((m->cfg[i] & PMP_L) || (i < 15 && (m->cfg[i + 1] & PMP_L) && PMP_A(m->cfg[i + 1]) == A_TOR))
        return;
    m->addr[i] = v;
}

/* Is this model state allowed? Entry 15 untouched; entry 0 never TOR (its base is 0);
 * every locked entry off or inside zone A. Unlocked entries are inside A or B (or the
 * gap between them, for a TOR spanning both) by the way addresses are chosen. */
static bool model_safe(const pmp_model_t *m)
{
    if (m->cfg[15] != ((A_NAPOT << PMPCFG_A_LO) | 7) || m->addr[15] != 0xFFFFFFFFu)
        return false;
    if (PMP_A(m->cfg[0]) == A_TOR)
        return false;
    for (unsigned i = 0; i < 15; i++) {
        uint64_t lo, hi;
        if ((m->cfg[i] & PMP_L) && pmp_range(m, i, &lo, &hi) &&
            (lo < RG_PLAY || hi > RG_PLAY + RG_PLAY_SIZE))
            return false;
    }
    return true;
}

/* A pmpaddr value inside zone A or B whose NAPOT reading also stays inside the zone
 * (its low bits are never all ones across the whole zone). */
static uint32_t zone_addr(gen_t *g, bool zone_a)
{
    rng_t *r = &g->rng;
    uint32_t base = zone_a ? RG_PLAY : RG_PT_TEST;
    uint32_t size = zone_a ? RG_PLAY_SIZE : RG_PT_TEST_SIZE;
    unsigned log2 = (unsigned)__builtin_ctz(size);
    if (rng_chance(r, 50)) {
        unsigned s = 3 + rng_below(r, log2 - 2);        /* region 2^s, s in [3, log2] */
        uint32_t rb = base + (rng_below(r, size >> s) << s);
        return (rb >> 2) | ((1u << (s - 3)) - 1);
    }
    return (base + 4 * rng_below(r, size / 4 - 1)) >> 2;
}

static uint8_t cfg_byte(gen_t *g, unsigned i)
{
    static const unsigned modes[] = { A_OFF, A_TOR, A_NA4, A_NAPOT };
    rng_t *r = &g->rng;
    if (i == 15)
        return (A_NAPOT << PMPCFG_A_LO) | 7;
    if (rng_chance(r, 35))
        return g->pmp.cfg[i];
    unsigned a = modes[rng_below(r, 4)];
    if (i == 0 && a == A_TOR)
        a = A_NAPOT;
    uint8_t c = (uint8_t)((a << PMPCFG_A_LO) | rng_below(r, 8) | (rng_below(r, 4) << 5));
    if (rng_chance(r, 8))
        c |= PMP_L;
    return c;
}

/* Program start: entries 0-14 off with zone addresses, entry 15 everything RWX. */
void pmp_init(gen_t *g)
{
    for (unsigned i = 0; i < 15; i++) {
        g->pmp.addr[i] = zone_addr(g, rng_chance(&g->rng, 60));
        out(g, "        li    t0, 0x%08x", g->pmp.addr[i]);
        out(g, "        csrw  0x%03x, t0", CSR_PMPADDR0 + i);
    }
    g->pmp.addr[15] = 0xFFFFFFFFu;
    g->pmp.cfg[15] = (A_NAPOT << PMPCFG_A_LO) | 7;
    out(g, "        li    t0, -1");
    out(g, "        csrw  0x%03x, t0", CSR_PMPADDR0 + 15);
    out(g, "        csrw  0x%03x, zero", CSR_PMPCFG0);
    out(g, "        csrw  0x%03x, zero", CSR_PMPCFG0 + 1);
    out(g, "        csrw  0x%03x, zero", CSR_PMPCFG0 + 2);
    out(g, "        li    t0, 0x%08x", (uint32_t)g->pmp.cfg[15] << 24);
    out(g, "        csrw  0x%03x, t0", CSR_PMPCFG0 + 3);
}

/* mhpmevent3..10: no event, an architectural one (page faults, sfence.vma), or an
 * unassigned number. TLB misses and walks are microarchitectural: counting them would
 * make the RTL and the reference model read different counter values, so they are only
 * selected with --uarch-events (when the co-simulation takes counter reads from the RTL). */
static uint32_t hpm_event(gen_t *g)
{
    static const uint32_t arch_events[] = { HPM_EVENT_NONE, HPM_EVENT_FETCH_PF,
                                            HPM_EVENT_LOAD_PF, HPM_EVENT_STORE_PF,
                                            HPM_EVENT_SFENCE_VMA };
    rng_t *r = &g->rng;
    if (g->uarch_events && rng_chance(r, 40))
        return HPM_EVENT_ITLB_MISS + rng_below(r, HPM_EVENT_WALK_CYCLE - HPM_EVENT_ITLB_MISS + 1);
    if (rng_chance(r, 15))
        return (HPM_EVENT_SFENCE_VMA + 1 + rng_below(r, HPM_EVENT_MASK - HPM_EVENT_SFENCE_VMA)) |
               (rng_u32(r) & ~HPM_EVENT_MASK);
    return arch_events[rng_below(r, 5)];
}

uint32_t medeleg_random(gen_t *g)
{
    return medeleg_fix(g, false, rng_u32(&g->rng) & MEDELEG_MASK);
}

/* ---- CSR instructions ---- */

enum { OP_RW, OP_RS, OP_RC, OP_RWI, OP_RSI, OP_RCI };
static const char *const op_names[] = { "csrrw", "csrrs", "csrrc", "csrrwi", "csrrsi", "csrrci" };

/* Emit one CSR instruction: op with value/mask v (an immediate for the *i forms; for
 * the register forms v is loaded into a fresh register, or x0 when v is 0 and zero_rs
 * is set: a read-only access). */
static void emit_csr(gen_t *g, unsigned op, unsigned csr, uint32_t v, bool zero_rs)
{
    unsigned rd = rand_rd(g);
    if (op >= OP_RWI) {
        ins(g, "%-6s %s, 0x%03x, %u", op_names[op], reg_names[rd], csr, v & 31);
        return;
    }
    unsigned rs = 0;
    if (!(zero_rs && v == 0)) {
        rs = rand_wreg(g);
        emit_li(g, rs, v);
    }
    ins(g, "%-6s %s, 0x%03x, %s", op_names[op], reg_names[rd], csr, reg_names[rs]);
}

static bool writes(unsigned op, uint32_t v)
{
    return op == OP_RW || op == OP_RWI || v != 0;
}

/* Does the instruction execute (no illegal-instruction trap)? */
static bool executes(const gen_t *g, unsigned csr, unsigned op, uint32_t v)
{
    if (g->priv < ((csr >> 8) & 3))
        return false;
    if (((csr >> 10) & 3) == 3 && writes(op, v))
        return false;
    if (csr == CSR_SATP && g->priv == PRV_S && g->tvm)
        return false;
    return true;
}

static uint32_t apply(unsigned op, uint32_t old, uint32_t v)
{
    switch (op) {
    case OP_RW: case OP_RWI: return v;
    case OP_RS: case OP_RSI: return old | v;
    default: return old & ~v;
    }
}

/* Priv spec 3.7.2: with paging, PMP changes reach translation caches only through
 * sfence.vma x0, x0 — emitted after every PMP write that executed. */
static void pmp_fence(gen_t *g, bool wrote)
{
    if (wrote && g->paging)
        ins(g, "sfence.vma");
}

static void csr_pmp(gen_t *g, unsigned csr, unsigned op)
{
    rng_t *r = &g->rng;
    bool run = executes(g, csr, op, 1);
    if (csr >= CSR_PMPADDR0) {
        unsigned i = csr - CSR_PMPADDR0;
        if (i == 15 || rng_chance(r, 15)) {             /* read it */
            emit_csr(g, OP_RS, csr, 0, true);
            return;
        }
        uint32_t v = zone_addr(g, rng_chance(r, 60));
        emit_csr(g, OP_RW, csr, v, false);
        if (run)
            model_write_addr(&g->pmp, i, v);
        pmp_fence(g, run);
        return;
    }
    unsigned k = csr - CSR_PMPCFG0;
    if (rng_chance(r, 15)) {
        emit_csr(g, OP_RS, csr, 0, true);
        return;
    }
    uint32_t cand = 0, cur = 0;
    for (unsigned b = 0; b < 4; b++) {
        cand |= (uint32_t)cfg_byte(g, 4 * k + b) << (8 * b);
        cur |= (uint32_t)g->pmp.cfg[4 * k + b] << (8 * b);
    }
    pmp_model_t trial = g->pmp;
    model_write_cfg(&trial, k, cand);
    if (!model_safe(&trial)) {                          /* drop the lock bits */
        cand &= ~0x80808080u;
        trial = g->pmp;
        model_write_cfg(&trial, k, cand);
        if (!model_safe(&trial)) {
            emit_csr(g, OP_RS, csr, 0, true);
            return;
        }
    }
    /* Reach cand by csrrs/csrrc when that lands on the same (safe) state. */
    if (op == OP_RS || op == OP_RC) {
        uint32_t mask = op == OP_RS ? cand & ~cur : cur & ~cand;
        pmp_model_t t2 = g->pmp;
        model_write_cfg(&t2, k, apply(op, cur, mask));
        if (model_safe(&t2)) {
            emit_csr(g, op, csr, mask, true);
            if (run)
                g->pmp = t2;
            pmp_fence(g, run && mask);
            return;
        }
    }
    emit_csr(g, OP_RW, csr, cand, false);
    if (run)
        g->pmp = trial;
    pmp_fence(g, run);
}

static void csr_satp(gen_t *g, unsigned op)
{
    bool run = executes(g, CSR_SATP, OP_RW, 1);
    if (op != OP_RW || !g->paging) {
        if (op == OP_RWI || (op == OP_RW && !g->paging)) {
            emit_csr(g, op, CSR_SATP, 0, false);        /* Bare */
            if (run)
                g->satp = 0;
        } else {
            emit_csr(g, op == OP_RW ? OP_RS : op, CSR_SATP, 0, true);
        }
        return;
    }
    unsigned root, ai;
    uint32_t v = pt_satp_random(g, &root, &ai);
    emit_csr(g, OP_RW, CSR_SATP, v, false);
    if (run)
        pt_satp_written(g, v);
}

void gen_csr_item(gen_t *g)
{
    rng_t *r = &g->rng;
    static const unsigned op_w[] = { 30, 25, 20, 10, 8, 7 };
    unsigned op = rng_weighted(r, op_w, 6);
    csr_t c;
    if (!pick_csr(g, &c)) {
        unsigned a;
        do
            a = rng_below(r, 4096);
        while (implemented(a));
        emit_csr(g, op, a, rng_chance(r, 30) ? 0 : rng_value(r), true);
        count(g, K_CSR_ILLEGAL);
        return;
    }
    count(g, K_CSR);
    uint32_t v = op >= OP_RWI ? rng_below(r, 32) : rng_chance(r, 25) ? 0 : rng_value(r);
    bool run = executes(g, c.addr, op, v);
    switch (c.policy) {
    case P_PMPCFG:
    case P_PMPADDR:
        csr_pmp(g, c.addr, op);
        return;
    case P_SATP:
        csr_satp(g, op);
        return;
    case P_HPMEVENT:
        if (op == OP_RW) {
            emit_csr(g, op, c.addr, hpm_event(g), true);
        } else {
            emit_csr(g, op >= OP_RWI ? OP_RSI : OP_RS, c.addr, 0, true);
        }
        return;
    case P_MTVEC:
    case P_STVEC:
        if (op == OP_RW) {
            unsigned t = rand_wreg(g);
            emit_tvec_la(g, t, c.policy == P_MTVEC, 4);
            ins(g, "csrrw %s, 0x%03x, %s", reg_names[rand_rd(g)], c.addr, reg_names[t]);
        } else {
            emit_csr(g, op == OP_RWI ? OP_RSI : op, c.addr, v & 3, true);
        }
        return;
    case P_MSTATUS: {
        if (op < OP_RWI)
            v = (v & MSTATUS_WMASK) | (rng_u32(r) & ~MSTATUS_WMASK & 0xFF800000u);
        if (op == OP_RW || op == OP_RS)
            v = mstatus_bias(g, v);
        if ((g->medeleg & (1u << CAUSE_ILLEGAL_INSN)) && op != OP_RC && op != OP_RCI)
            v &= ~MS(TSR);
        emit_csr(g, op, c.addr, v, true);
        if (run) {
            uint32_t nv = apply(op, mstatus_tracked(g), v);
            if (op == OP_RW || op == OP_RWI)
                nv = v;
            set_mstatus_tracked(g, nv);
        }
        return;
    }
    case P_SSTATUS: {
        emit_csr(g, op, c.addr, v, true);
        if (run) {
            uint32_t old = mstatus_tracked(g);
            uint32_t nv = (old & ~SSTATUS_MASK) | (apply(op, old, v) & SSTATUS_MASK);
            set_mstatus_tracked(g, nv);
        }
        return;
    }
    case P_MEDELEG:
        if (g->tsr && op != OP_RC && op != OP_RCI)
            v &= ~(1u << CAUSE_ILLEGAL_INSN);
        if (op == OP_RW || op == OP_RS)
            v = medeleg_fix(g, op == OP_RS, v);
        emit_csr(g, op, c.addr, v, true);
        if (run)
            g->medeleg = apply(op, g->medeleg, v) & MEDELEG_MASK;
        return;
    case P_MIDELEG:
        emit_csr(g, op, c.addr, v, true);
        if (run)
            g->mideleg = apply(op, g->mideleg, v) & MIDELEG_MASK;
        return;
    case P_MENVCFGH: {
        if (op < OP_RWI && rng_chance(r, 70))
            v = rng_chance(r, 50) ? 1u << MENVCFGH_ADUE : 0;
        emit_csr(g, op, c.addr, v, true);
        bool adue = (apply(op, g->adue ? 1u << MENVCFGH_ADUE : 0, v) >> MENVCFGH_ADUE) & 1;
        if (run && adue != g->adue) {
            g->adue = adue;
            if (g->paging)
                ins(g, "sfence.vma");
        }
        return;
    }
    default:
        emit_csr(g, op, c.addr, v, true);
        return;
    }
}

/* Random mstatus (M) or sstatus (S) write with tracking. */
void gen_mstatus_item(gen_t *g)
{
    rng_t *r = &g->rng;
    count(g, K_MSTATUS);
    if (g->priv == PRV_U) {
        emit_csr(g, OP_RS, rng_chance(r, 50) ? CSR_MSTATUS : CSR_SSTATUS, rng_value(r), true);
        return;
    }
    static const unsigned op_w[] = { 40, 30, 30 };
    unsigned op = rng_weighted(r, op_w, 3);
    if (g->priv == PRV_S) {
        uint32_t v = rng_u32(r) & SSTATUS_MASK;
        emit_csr(g, op, CSR_SSTATUS, v, true);
        uint32_t old = mstatus_tracked(g);
        set_mstatus_tracked(g, (old & ~SSTATUS_MASK) | (apply(op, old, v) & SSTATUS_MASK));
        return;
    }
    uint32_t v = rng_u32(r) & MSTATUS_WMASK;
    if (op != OP_RW)        /* a few bits at a time */
        v &= rng_u32(r) & rng_u32(r);
    if (op != OP_RC)
        v = mstatus_bias(g, v);
    if (g->medeleg & (1u << CAUSE_ILLEGAL_INSN))
        v &= ~MS(TSR);
    emit_csr(g, op, CSR_MSTATUS, v, true);
    set_mstatus_tracked(g, op == OP_RW ? v : apply(op, mstatus_tracked(g), v));
}

/* medeleg/mideleg (and the counter enables, which share the item). */
void gen_deleg_item(gen_t *g)
{
    rng_t *r = &g->rng;
    count(g, K_DELEG);
    if (g->priv != PRV_M)
        return;
    switch (rng_below(r, 4)) {
    case 0:
    case 1: {
        uint32_t v = medeleg_fix(g, false, rng_u32(r) & MEDELEG_MASK);
        if (g->tsr)
            v &= ~(1u << CAUSE_ILLEGAL_INSN);
        emit_csr(g, OP_RW, CSR_MEDELEG, v, false);
        g->medeleg = v;
        break;
    }
    case 2: {
        uint32_t v = rng_u32(r) & MIDELEG_MASK;
        emit_csr(g, OP_RW, CSR_MIDELEG, v, false);
        g->mideleg = v;
        break;
    }
    default:
        emit_csr(g, OP_RW, rng_chance(r, 50) ? CSR_MCOUNTEREN : CSR_SCOUNTEREN,
                 rng_chance(r, 50) ? 0xFFFFFFFFu : rng_u32(r), false);
        break;
    }
}

void gen_pmp_item(gen_t *g)
{
    count(g, K_PMP);
    static const unsigned op_w[] = { 60, 20, 20 };
    unsigned csr = rng_chance(&g->rng, 50) ? CSR_PMPCFG0 + rng_below(&g->rng, 4)
                                           : CSR_PMPADDR0 + rng_below(&g->rng, 16);
    csr_pmp(g, csr, rng_weighted(&g->rng, op_w, 3));
}
