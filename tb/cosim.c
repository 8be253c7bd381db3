/* cosim.c — lockstep co-simulation of the RTL retire port against the ISS. See cosim.h.
 *
 * Per RTL record, in this order:
 *   1. the model must still be running (an exit it took at an earlier record that the
 *      RTL did not take is a divergence);
 *   2. the model's MEIP/MTIP/MSIP lines are set to the record's rvfi_mip (the lines the
 *      core saw when it decided about interrupts for this instruction);
 *   3. a load from outside RAM (a device) gets the RTL's loaded value;
 *   4. one model step;
 *   5. a read of a counter that is not architecturally exact (mcycle, time, the MMU
 *      event counters mhpmcounter3..10, their h halves and user shadows) gives the
 *      model the RTL's value in rd; time/timeh and CLINT mtime reads also move the
 *      model's mtime (manual mode) to what the RTL read;
 *   6. every field is compared (compare_records); the first record with a difference
 *      ends the run.
 * The records of both sides are kept in rings of COSIM_HISTORY for the report.
 */
#include "cosim.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "htif.h"
#include "iss.h"

#define IRQ_LINES ((1u << IRQ_M_EXT) | (1u << IRQ_M_TIMER) | (1u << IRQ_M_SOFT))
#define MAX_DIFFS 8

struct cosim {
    iss_t *iss;
    uint32_t ram_bytes;
    uint64_t n;                             /* records checked */
    uint64_t cycle;                         /* cycle of the last record */
    bool inject_on, injected;
    uint64_t inject_at;
    retire_t rtl_hist[COSIM_HISTORY];
    retire_t iss_hist[COSIM_HISTORY];
    bool iss_stepped[COSIM_HISTORY];        /* false: the model had ended, no step */
};

/* One differing field: name and both values. */
typedef struct {
    const char *field;
    uint32_t rtl, iss;
} diff_t;

static const char *const priv_name = "USHM";

cosim_t *cosim_create(const char *elf, uint32_t ram_bytes, bool no_m, char *err, size_t errlen)
{
    iss_config_t cfg = {
        .ram_size = ram_bytes,
        .console_off = true,        /* the RTL side prints */
        .console_input = false,     /* device reads come from the RTL */
        .mtime_manual = true,       /* mtime follows what the RTL reads */
        .no_m = no_m,               /* the core has no M extension (MulDiv = 0) */
    };
    cosim_t *c = calloc(1, sizeof *c);

    if (!c || !(c->iss = iss_create(&cfg))) {
        snprintf(err, errlen, "--cosim: cannot create the reference model (out of memory)");
        free(c);
        return NULL;
    }
    if (iss_load_elf(c->iss, elf, err, errlen) != 0) {
        iss_destroy(c->iss);
        free(c);
        return NULL;
    }
    iss_set_htif_manual(c->iss, true);
    c->ram_bytes = ram_bytes;
    return c;
}

void cosim_destroy(cosim_t *c)
{
    if (c) {
        iss_destroy(c->iss);
        free(c);
    }
}

void cosim_inject(cosim_t *c, uint64_t n)
{
    c->inject_on = true;
    c->inject_at = n;
}

uint64_t cosim_records(const cosim_t *c)
{
    return c->n;
}

/* ---- helpers ---- */

static uint32_t lanes_of(unsigned mask)
{
    uint32_t m = 0;
    for (int i = 0; i < 4; i++)
        if (mask & (1u << i))
            m |= 0xffu << (8 * i);
    return m;
}

static bool in_ram(const cosim_t *c, uint32_t pa)
{
    return pa >= RAM_BASE && pa - RAM_BASE < c->ram_bytes;
}

/* The value a device load returned, as the model's device layer hands it over: the
 * bytes of the access in the low bits (the load then sign- or zero-extends). */
static uint32_t device_load_value(const retire_t *r)
{
    unsigned shift = (unsigned)__builtin_ctz(r->mem_rmask);
    return (r->mem_rdata & lanes_of(r->mem_rmask)) >> (8 * shift);
}

/* CSR instructions (Zicsr): the CSR number, or -1. */
static int csr_of(uint32_t insn)
{
    unsigned f3 = (insn >> 12) & 7;
    if ((insn & 0x7f) != 0x73 || f3 == 0 || f3 == 4)
        return -1;
    return (int)(insn >> 20);
}

/* Counters whose value is not architecturally defined at an instruction boundary:
 * mcycle/cycle (clock cycles), time (CLINT mtime), mhpmcounter3..10 and hpmcounter3..10
 * (MMU events: TLB misses and walks are microarchitectural). minstret/instret are
 * exact, and mhpmcounter11..31 read 0: both are compared. */
static bool counter_inexact(int csr)
{
    unsigned block = (unsigned)csr >> 5, n = (unsigned)csr & 31;
    if (block != (0xB00 >> 5) && block != (0xB80 >> 5) && block != (0xC00 >> 5) &&
        block != (0xC80 >> 5))
        return false;
    return n == 0 || n == 1 || (n >= 3 && n <= 10);
}

static void set_mtime_half(iss_t *s, bool hi, uint32_t v)
{
    uint64_t t = iss_get_mtime(s);
    t = hi ? (t & 0xffffffffull) | (uint64_t)v << 32 : (t & ~0xffffffffull) | v;
    iss_set_mtime(s, t);
}

#define DIFF(name, a, b) do {                                           \
        if ((a) != (b) && nd < max) {                                   \
            d[nd].field = (name);                                       \
            d[nd].rtl = (uint32_t)(a);                                  \
            d[nd].iss = (uint32_t)(b);                                  \
            nd++;                                                       \
        }                                                               \
    } while (0)

/* The comparison rules: which fields must be equal. Fills up to max differences,
 * returns how many there are. */
static int compare_records(const retire_t *r, const retire_t *m, diff_t *d, int max)
{
    int nd = 0;

    DIFF("order", r->order, m->order);
    DIFF("pc", r->pc, m->pc);
    DIFF("intr", r->intr, m->intr);
    DIFF("trap", r->trap, m->trap);
    if (!r->intr && !m->intr)               /* an interrupted instruction did not execute */
        DIFF("insn", r->insn, m->insn);
    DIFF("priv", r->priv, m->priv);
    DIFF("cause", r->cause, m->cause);
    DIFF("tval", r->tval, m->tval);
    DIFF("rd_addr", r->rd_addr, m->rd_addr);
    DIFF("rd_wdata", r->rd_wdata, m->rd_wdata);
    DIFF("mem_rmask", r->mem_rmask, m->mem_rmask);
    DIFF("mem_wmask", r->mem_wmask, m->mem_wmask);
    if (r->mem_rmask | r->mem_wmask | m->mem_rmask | m->mem_wmask) {
        DIFF("mem_addr", r->mem_addr, m->mem_addr);
        DIFF("mem_paddr", r->mem_paddr, m->mem_paddr);
    }
    if (r->mem_rmask && r->mem_rmask == m->mem_rmask) {
        uint32_t l = lanes_of(r->mem_rmask);
        DIFF("mem_rdata", r->mem_rdata & l, m->mem_rdata & l);
    }
    if (r->mem_wmask && r->mem_wmask == m->mem_wmask) {
        uint32_t l = lanes_of(r->mem_wmask);
        DIFF("mem_wdata", r->mem_wdata & l, m->mem_wdata & l);
    }
    DIFF("next_pc", r->next_pc, m->next_pc);
    return nd;
}

/* One record as a line: order, privilege, pc, instruction, then what it did. */
static void format_record(char *buf, size_t n, const retire_t *r)
{
    int p = snprintf(buf, n, "%10" PRIu64 " %c 0x%08x (0x%08x)", r->order,
                     priv_name[r->priv & 3], r->pc, r->insn);
#define ADD(...) do { if (p >= 0 && (size_t)p < n) p += snprintf(buf + p, n - (size_t)p, __VA_ARGS__); } while (0)
    if (r->intr)
        ADD(" interrupt cause 0x%08x", r->cause);
    else if (r->trap)
        ADD(" trap cause %u tval 0x%08x", r->cause, r->tval);
    if (r->rd_addr)
        ADD(" x%-2u 0x%08x", r->rd_addr, r->rd_wdata);
    if (r->mem_rmask)
        ADD(" load 0x%08x pa 0x%08x mask %x 0x%08x", r->mem_addr, r->mem_paddr, r->mem_rmask,
            r->mem_rdata & lanes_of(r->mem_rmask));
    if (r->mem_wmask)
        ADD(" store 0x%08x pa 0x%08x mask %x 0x%08x", r->mem_addr, r->mem_paddr, r->mem_wmask,
            r->mem_wdata & lanes_of(r->mem_wmask));
    ADD(" -> 0x%08x", r->next_pc);
#undef ADD
}

/* The report after the headline: the last records of both sides, in pairs. */
static void print_history(const cosim_t *c)
{
    uint64_t first = c->n > COSIM_HISTORY ? c->n - COSIM_HISTORY : 0;
    char line[256];

    fprintf(stderr, "vsim: last %" PRIu64 " records (R = RTL, I = ISS reference model, "
                    "* = the records differ):\n", c->n - first);
    for (uint64_t k = first; k < c->n; k++) {
        const retire_t *r = &c->rtl_hist[k % COSIM_HISTORY];
        const retire_t *m = &c->iss_hist[k % COSIM_HISTORY];
        bool stepped = c->iss_stepped[k % COSIM_HISTORY];
        diff_t d[1];
        bool differ = !stepped || compare_records(r, m, d, 1) != 0;

        format_record(line, sizeof line, r);
        fprintf(stderr, "%c R %s\n", differ ? '*' : ' ', line);
        if (stepped)
            format_record(line, sizeof line, m);
        else
            snprintf(line, sizeof line, "%10s (the model had ended the run: no step)", "-");
        fprintf(stderr, "%c I %s\n", differ ? '*' : ' ', line);
    }
}

static void headline(const char *what, uint64_t order, uint64_t cycle, uint32_t pc)
{
    fflush(stdout);
    fprintf(stderr, "vsim: COSIM DIVERGENCE at record %" PRIu64 " (cycle %" PRIu64
                    ", pc 0x%08x): %s\n", order, cycle, pc, what);
}

static void describe_status(char *buf, size_t n, bool ended, int status)
{
    if (!ended)
        snprintf(buf, n, "running");
    else
        snprintf(buf, n, "ended the run with exit status %d", status);
}

/* ---- API ---- */

int cosim_step(cosim_t *c, const retire_t *rtl, uint32_t mip, uint64_t cycle)
{
    const unsigned slot = (unsigned)(c->n % COSIM_HISTORY);
    retire_t *m = &c->iss_hist[slot];
    diff_t d[MAX_DIFFS];
    int nd, csr;

    c->rtl_hist[slot] = *rtl;
    c->cycle = cycle;
    if (iss_exited(c->iss)) {
        char st[64];
        c->iss_stepped[slot] = false;
        c->n++;
        describe_status(st, sizeof st, true, iss_exit_code(c->iss));
        headline("exit", rtl->order, cycle, rtl->pc);
        fprintf(stderr, "vsim:   the ISS %s at the previous record; the RTL did not "
                        "and retired this record\n", st);
        print_history(c);
        return -1;
    }

    iss_set_irq_override(c->iss, IRQ_LINES, mip & IRQ_LINES);
    if (!rtl->trap && !rtl->intr && rtl->mem_rmask && !in_ram(c, rtl->mem_paddr))
        iss_set_mmio_load_override(c->iss, device_load_value(rtl));
    iss_step(c->iss, m);
    c->iss_stepped[slot] = true;

    if (!m->trap && !m->intr && m->rd_addr && !rtl->trap && !rtl->intr &&
        rtl->rd_addr == m->rd_addr && rtl->insn == m->insn &&
        (csr = csr_of(m->insn)) >= 0 && counter_inexact(csr)) {
        iss_set_reg(c->iss, m->rd_addr, rtl->rd_wdata);
        m->rd_wdata = rtl->rd_wdata;
        if ((csr & ~0x80) == 0xC01)                         /* time, timeh */
            set_mtime_half(c->iss, csr & 0x80, rtl->rd_wdata);
    }
    if (!rtl->trap && !rtl->intr && rtl->mem_rmask == 0xf &&
        (rtl->mem_paddr & ~4u) == CLINT_BASE + CLINT_MTIME)   /* CLINT mtime, mtimeh */
        set_mtime_half(c->iss, rtl->mem_paddr & 4, rtl->mem_rdata);

    if (c->inject_on && !c->injected && m->order >= c->inject_at && !m->trap && !m->intr &&
        m->rd_addr) {
        c->injected = true;
        iss_set_reg(c->iss, m->rd_addr, iss_get_reg(c->iss, m->rd_addr) ^ 1u);
        m->rd_wdata ^= 1u;
        fprintf(stderr, "vsim: --cosim-inject: corrupted the ISS's x%u at record %" PRIu64 "\n",
                m->rd_addr, m->order);
    }
    c->n++;

    nd = compare_records(rtl, m, d, MAX_DIFFS);
    if (nd == 0)
        return 0;
    headline(d[0].field, rtl->order, cycle, rtl->pc);
    for (int i = 0; i < nd; i++)
        fprintf(stderr, "vsim:   %-9s RTL 0x%08x  ISS 0x%08x\n", d[i].field, d[i].rtl, d[i].iss);
    print_history(c);
    return -1;
}

int cosim_htif(cosim_t *c, int rtl_status)
{
    bool took = iss_htif_take(c->iss);
    bool iss_ended = iss_exited(c->iss);
    int iss_status = iss_ended ? iss_exit_code(c->iss) : HTIF_CONTINUE;
    const retire_t *last = &c->rtl_hist[(c->n + COSIM_HISTORY - 1) % COSIM_HISTORY];
    char a[64], b[64];

    if (took && iss_status == rtl_status)
        return 0;
    headline("htif", c->n ? last->order : 0, c->cycle, c->n ? last->pc : 0);
    describe_status(a, sizeof a, rtl_status != HTIF_CONTINUE, rtl_status);
    describe_status(b, sizeof b, iss_ended, iss_status);
    if (!took)
        fprintf(stderr, "vsim:   the RTL's host took a tohost request; the ISS's tohost is 0\n");
    else
        fprintf(stderr, "vsim:   after the tohost request the RTL is %s, the ISS is %s\n", a, b);
    print_history(c);
    return -1;
}

int cosim_end(cosim_t *c, bool rtl_exited, int rtl_status)
{
    bool iss_ended = iss_exited(c->iss);
    int iss_status = iss_ended ? iss_exit_code(c->iss) : 0;
    const retire_t *last = &c->rtl_hist[(c->n + COSIM_HISTORY - 1) % COSIM_HISTORY];
    char a[64], b[64];

    if (rtl_exited == iss_ended && (!rtl_exited || rtl_status == iss_status))
        return 0;
    headline("exit", c->n ? last->order : 0, c->cycle, c->n ? last->pc : 0);
    describe_status(a, sizeof a, rtl_exited, rtl_status);
    describe_status(b, sizeof b, iss_ended, iss_status);
    fprintf(stderr, "vsim:   at the end of the run the RTL %s, the ISS %s\n",
            rtl_exited ? a : "had not ended it", iss_ended ? b : "had not ended it");
    print_history(c);
    return -1;
}
