/* seq.c — the MMU bench's cycle-level sequencer.
 *
 * Called once per clock cycle (mmu_tb_cycle): it first checks what core_mmu answered in
 * the cycle that ends, then decides the inputs of the next cycle. Two agents drive the
 * channels the way the pipeline does:
 *   D agent  loads, LR, stores, SC/AMO; holds a request until ready.
 *   I agent  fetches; may start while the D agent is busy (its hits must still answer at
 *            once). An I-TLB miss waits with i_walk_ok low until the data side is idle,
 *            then i_walk_ok rises (after random delays) or the fetch is dropped. While an
 *            I walk runs the D agent stays idle (core_mmu's contract: the walker's PMP
 *            check borrows the data channel's checker).
 * Everything else happens when both channels are idle: CSR-state and PMP changes, PTE
 * edits in memory (no sfence), sfence.vma of the four forms (optionally followed by probe
 * accesses to every entry the TLBs held), resets and new page-table worlds.
 * The walker's memory port is served from physmem: a grant decided one cycle ahead
 * (random stall rates per epoch), read data in the cycle after the grant, random junk on
 * ptw_rdata otherwise.
 *
 * Every access is one check: hit (answer in its first cycle, no walker traffic) or walk
 * as the TLB mirror predicts; the exact walker traffic (PTE reads, Svadu write and its
 * value); the walk events; the fault and cause, or the physical address. The mirror is
 * then updated the way core_tlb updates itself.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arch.h"
#include "bench.h"
#include "cover.h"
#include "mmu_dpi.h"
#include "oracle.h"
#include "physmem.h"
#include "rng.h"
#include "tlbm.h"
#include "world.h"

#define TIMEOUT 400               /* cycles an access may take */
#define STALL_EPOCH 4000          /* cycles between changes of the grant stall rate */
#define REBUILD_EVERY 6000        /* checks between new page-table worlds */
#define MAX_PROBES 16
#define D_AG 0
#define I_AG 1

typedef struct {
    bool active;
    bool is_i;
    bacc_t acc;
    uint32_t va;
    bool predicted;               /* x is valid (an I miss waits for i_walk_ok first) */
    expect_t x;
    bool walk_ok;                 /* I: i_walk_ok is driven */
    bool probe;
    unsigned presented;           /* cycles presented */
    unsigned walk_cycles;         /* cycles presented since the walk may run */
    unsigned nops;
    memop_t ops[ORACLE_MAX_OPS];  /* walker traffic seen */
    unsigned ev_walk;
    unsigned stalls;
    /* the answer seen */
    bool got_ready, got_fault;
    unsigned got_cause;
    uint32_t got_pa;
} agent_t;

typedef struct {
    bool is_i;
    uint32_t va;
    unsigned asid;
} probe_t;

static struct {
    rng_t rng;
    uint64_t cycle, checks;
    bool failed, done;
    mmu_state_t st;
    bool state_dirty;
    tlbm_t itlb, dtlb;
    agent_t ag[2];
    uint32_t ctl;                 /* the control word driven in this cycle */
    bool sf_va, sf_asid;          /* the sfence driven in this cycle */
    uint32_t sf_vaddr;
    unsigned sf_asid_val;
    int owner;                    /* agent whose walk owns the memory port, -1 none */
    bool rdata_due;
    uint32_t rdata_val;
    unsigned stall_pct;
    uint64_t next_epoch;
    unsigned reset_left;
    probe_t probes[MAX_PROBES];
    unsigned nprobes, probe_pos;
    bool pending;                 /* an access delayed by an sfence that keeps entries apart */
    bool pend_is_i;
    bacc_t pend_acc;
    uint32_t pend_va;
    bool follow;                  /* an sfence to issue after a PTE edit */
    pte_edit_t edit;
    uint64_t next_rebuild;
} S;

static tlbm_t *tlb_of(bool is_i)
{
    return is_i ? &S.itlb : &S.dtlb;
}

static const char *priv_name(unsigned p)
{
    return p == PRV_U ? "U" : p == PRV_S ? "S" : "M";
}

/* ---- failure reports ---- */

static void describe_expect(const expect_t *x, const tlbm_t *t)
{
    fprintf(stderr, "  access: %s %s va 0x%08x, effective privilege %s%s, %s\n",
            x->is_i ? "I-channel" : "D-channel", bacc_name[x->acc], x->va,
            priv_name(x->eff_priv), x->mprv_data ? " (M-mode with MPRV)" : "",
            x->xlate ? "translated" : "not translated");
    if (x->xlate) {
        if (x->hit_idx >= 0) {
            const tlbm_entry_t *e = &t->e[x->hit_idx];
            fprintf(stderr, "  mirror: %s hit, entry %d (mask 0x%x)%s%s\n", t->name, x->hit_idx,
                    x->hit_mask, x->stale ? ", stale (memory changed since the fill)" : "",
                    x->walk ? "; Svadu store to a D=0 entry: must walk" : "");
            fprintf(stderr, "          entry: va page 0x%08x %s asid %u ppn 0x%06x flags 0x%02x\n",
                    e->vpn << 12, e->mega ? "4M" : "4K", e->asid, e->ppn, e->flags);
        } else {
            fprintf(stderr, "  mirror: %s miss (ASID %u): must walk\n", t->name, x->asid);
        }
        if (x->inject.on)
            fprintf(stderr, "  injected: before walker access #%u, PTE @0x%09llx := 0x%08x "
                    "(the Svadu re-read must see it and restart)\n", x->inject.at,
                    (unsigned long long)x->inject.addr, x->inject.val);
    }
    if (x->cause == -1)
        fprintf(stderr, "  expected: ready, no fault, paddr 0x%08x", x->pa);
    else
        fprintf(stderr, "  expected: ready, fault cause %d", x->cause);
    fprintf(stderr, " (%s)\n", x->walk ? "after a walk" : "in the first cycle");
    if (x->walk)
        oracle_describe_ops("expected", x->ops, x->nops);
}

static void fail(agent_t *a, const char *fmt, ...)
{
    va_list ap;
    char msg[512];
    if (S.failed)
        return;
    S.failed = true;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "mmu-bench: FAIL at check %llu (cycle %llu, seed %llu, %u+%u TLB entries): %s\n",
            (unsigned long long)S.checks + 1, (unsigned long long)S.cycle,
            (unsigned long long)opts.seed, opts.itlb, opts.dtlb, msg);
    for (int k = 0; k < 2; k++) {
        agent_t *o = &S.ag[k];
        if (!a && o->active) {                    /* no culprit named: show both channels */
            fprintf(stderr, "  %s (%s):\n", k == I_AG ? "I-channel" : "D-channel",
                    S.owner == k ? "its walk owns the walker port" : "not walking");
            if (o->predicted)
                describe_expect(&o->x, tlb_of(o->is_i));
            oracle_describe_ops("seen", o->ops, o->nops);
        }
    }
    if (a && a->active) {
        if (a->predicted) {
            describe_expect(&a->x, tlb_of(a->is_i));
        } else {
            fprintf(stderr, "  access: I-channel %s va 0x%08x: I-TLB miss waiting for i_walk_ok\n",
                    bacc_name[a->acc], a->va);
        }
        fprintf(stderr, "  got:      after %u cycle(s): %s", a->presented,
                a->got_ready ? "ready" : "not ready");
        if (a->got_ready && a->got_fault)
            fprintf(stderr, ", fault cause %u", a->got_cause);
        else if (a->got_ready)
            fprintf(stderr, ", no fault, paddr 0x%08x", a->got_pa);
        fprintf(stderr, "; %u walk event(s), %u grant stall(s)\n", a->ev_walk, a->stalls);
        oracle_describe_ops("seen", a->ops, a->nops);
        oracle_describe_path(&S.st, a->va);
    }
    oracle_describe_state(&S.st);
    tlbm_print(&S.itlb, "  ");
    tlbm_print(&S.dtlb, "  ");
    fprintf(stderr, "mmu-bench: FAIL at check %llu (details above): %s\n",
            (unsigned long long)S.checks + 1, msg);
    if (a && a->active && a->predicted) {
        char want[48], got[48];
        if (a->x.cause >= 0)
            snprintf(want, sizeof want, "cause %d", a->x.cause);
        else
            snprintf(want, sizeof want, "paddr 0x%08x", a->x.pa);
        if (!a->got_ready)
            snprintf(got, sizeof got, "not ready");
        else if (a->got_fault)
            snprintf(got, sizeof got, "cause %u", a->got_cause);
        else
            snprintf(got, sizeof got, "paddr 0x%08x", a->got_pa);
        fprintf(stderr, "  %s %s va 0x%08x: expected %s %s; got %s after %u cycle(s), %u walker "
                "access(es) (expected %u)\n", a->is_i ? "I-channel" : "D-channel",
                bacc_name[a->acc], a->va, want, a->x.walk ? "after a walk" : "in the first cycle",
                got, a->presented, a->nops, a->x.nops);
    }
    fprintf(stderr, "  reproduce: mmu_bench --seed %llu --count %llu%s  (waveform: add --trace "
            "f.fst --trace-start %llu)\n", (unsigned long long)opts.seed,
            (unsigned long long)S.checks + 1, opts.overlap ? " --overlap" : "",
            (unsigned long long)(S.cycle > 200 ? S.cycle - 200 : 0));
}

/* ---- checks at the end of an access ---- */

static bool ops_equal(const agent_t *a)
{
    const expect_t *x = &a->x;
    if (a->nops != x->nops)
        return false;
    for (unsigned i = 0; i < a->nops && i < ORACLE_MAX_OPS; i++)
        if (a->ops[i].we != x->ops[i].we || a->ops[i].addr != x->ops[i].addr ||
            (a->ops[i].we && a->ops[i].data != x->ops[i].data))
            return false;
    return true;
}

static bool answer_is(const agent_t *a, int cause, uint32_t pa)
{
    if (cause >= 0)
        return a->got_fault && a->got_cause == (unsigned)cause;
    return !a->got_fault && a->got_pa == pa;
}

/* With --overlap, a lookup hitting several entries may use any one of them (priv spec
 * 4.3.2, address-translation cache): is the answer one of theirs? */
static bool answer_from_some_entry(const agent_t *a, const tlbm_t *t, uint32_t mask)
{
    for (unsigned i = 0; i < t->n; i++) {
        if (!(mask >> i & 1))
            continue;
        int cause;
        uint32_t pa;
        bool upd;
        oracle_from_entry(&S.st, a->acc, a->x.eff_priv, a->va, &t->e[i], &cause, &pa, &upd);
        if (!upd && answer_is(a, cause, pa))
            return true;
    }
    return false;
}

static void log_check(const agent_t *a)
{
    const expect_t *x = &a->x;
    printf("check %llu cycle %llu: %c %-5s va 0x%08x %s%s asid %3u: %s", (unsigned long long)S.checks,
           (unsigned long long)S.cycle, a->is_i ? 'I' : 'D', bacc_name[a->acc], a->va,
           priv_name(x->eff_priv), x->mprv_data ? "(MPRV)" : "", x->asid,
           !x->xlate ? "bare" : x->hit_idx >= 0 && !x->walk ? "hit" : "walk");
    if (x->hit_idx >= 0)
        printf("[%d]", x->hit_idx);
    if (x->cause >= 0)
        printf(" -> cause %d", x->cause);
    else
        printf(" -> pa 0x%08x", x->pa);
    printf(" (%u cycles, %u ops%s)\n", a->presented, x->nops, x->ad_write ? ", A/D write" : "");
}

static void complete(int idx)
{
    agent_t *a = &S.ag[idx];
    expect_t *x = &a->x;
    tlbm_t *t = tlb_of(a->is_i);

    if (x->cause == -2) {
        fail(a, "the bench's oracle disagrees with the reference translator");
        return;
    }
    if (x->walk && a->walk_cycles == 1) {
        fail(a, "answered in its first cycle, but the TLB mirror predicts %s",
             x->hit_idx >= 0 ? "a walk (Svadu store to a D=0 entry)" : "a miss");
        return;
    }
    if (a->ev_walk != (x->walk ? 1u : 0u)) {
        fail(a, "%u walk event(s) (ev_walk with ev_%ctlb_miss), expected %u", a->ev_walk,
             a->is_i ? 'i' : 'd', x->walk ? 1u : 0u);
        return;
    }
    if (!ops_equal(a)) {
        fail(a, "walker memory traffic differs from the reference walk");
        return;
    }

    /* the answer, and the mirror update (core_tlb: hit touch, fill, retried lookup) */
    uint32_t mask_after = x->hit_mask;
    tlbm_t before = *t;
    if (x->hit_idx >= 0)
        tlbm_touch(t, (unsigned)x->hit_idx);
    if (x->fill) {
        unsigned fi = tlbm_fill_index(t, x->hit_mask);
        if (!x->hit_mask && t->e[fi].valid)
            stats.evictions++;
        tlbm_entry_t e = x->fill_e;
        e.fill_check = S.checks + 1;
        tlbm_fill(t, fi, &e);
        mask_after = tlbm_lookup(t, a->va >> 12, x->asid);
        tlbm_touch(t, (unsigned)tlbm_lowest(mask_after));
    }
    if (!opts.overlap && (__builtin_popcount(mask_after) > 1 || __builtin_popcount(x->hit_mask) > 1)) {
        fail(a, "bench error: overlapping TLB entries (mask 0x%x) although the sequencer keeps "
             "them apart", x->hit_mask | mask_after);
        return;
    }
    if (opts.overlap && x->xlate && __builtin_popcount(mask_after) > 1 &&
        (!x->walk || x->fill)) {
        stats.multi_hits++;
        if (!answer_from_some_entry(a, t, mask_after)) {
            *t = before;
            fail(a, "lookup hit %d entries (mask 0x%x) and the answer is none of theirs "
                 "(priv spec 4.3.2: any one of the cached entries may be used, \"but the "
                 "behavior is otherwise well defined\")", __builtin_popcount(mask_after),
                 mask_after);
            return;
        }
    } else if (!answer_is(a, x->cause, x->pa)) {
        *t = before;
        fail(a, "answer differs");
        return;
    }

    S.checks++;
    stats.checks++;
    if (a->is_i)
        stats.i_checks++;
    else
        stats.d_checks++;
    if (!x->xlate) {
        stats.bare++;
    } else if (x->walk) {
        stats.walks++;
        if (x->fill) {
            stats.walk_fills++;
            stats.fill_af += x->cause >= 0;
        } else {
            stats.walk_faults++;
            if (x->cause != (int)oracle_pf_cause(x->acc))
                stats.wf_pte_af++;
            else if (x->level < 0)
                stats.wf_noleaf_pf++;
            else
                stats.wf_leaf_pf++;
        }
        if (x->hit_idx >= 0)
            stats.svadu_hit_upgrades++;
        if (a->is_i)
            stats.i_walks++;
    } else {
        stats.hits++;
        if (x->stale) {
            stats.stale_hits++;
            if (x->cause == (int)oracle_pf_cause(x->acc))
                stats.stale_pf++;
        }
        if (a->is_i && S.ag[D_AG].active && S.ag[D_AG].predicted && S.ag[D_AG].x.walk)
            stats.i_hit_during_d_walk++;
    }
    if (x->ad_write)
        stats.ad_writes++;
    stats.restarts += x->restarts;
    if (a->probe)
        stats.probes++;
    if (x->walk && x->fill && !a->stalls && !x->restarts && !(x->ad_write && x->fill_e.mega)) {
        unsigned k = x->ad_write ? 2 : x->fill_e.mega ? 1 : 0, lat = a->walk_cycles - 1;
        stats.lat_n[k]++;
        stats.lat_sum[k] += lat;
        if (lat < stats.lat_min[k]) stats.lat_min[k] = lat;
        if (lat > stats.lat_max[k]) stats.lat_max[k] = lat;
    }
    cover_access(x, &S.st);
    if (x->fill || (x->hit_idx >= 0 && !x->walk))
        world_note_va(a->is_i, a->va, x->asid);       /* cached: worth coming back to */
    if (opts.log_from && S.checks >= opts.log_from)
        log_check(a);
    a->active = false;
    if (S.owner == idx)
        S.owner = -1;
}

/* ---- observing the cycle that ends ---- */

static void observe(uint32_t status, uint32_t i_paddr, uint32_t d_paddr, uint32_t ptw_addr,
                    uint32_t ptw_wdata)
{
    if (!(S.ctl & MMU_CTL_RST_N)) {
        tlbm_reset(&S.itlb);
        tlbm_reset(&S.dtlb);
        S.rdata_due = false;
        return;
    }

    /* walker port */
    bool req = status & MMU_ST_PTW_REQ, we = status & MMU_ST_PTW_WE;
    if ((status & MMU_ST_EV_WALK_CYC) && S.owner < 0) {
        fail(NULL, "walker busy (ev_walk_cycle) while no walk is in progress");
        return;
    }
    if (req && S.owner < 0) {
        fail(NULL, "walker request (%s 0x%08x) while no walk is expected", we ? "write" : "read",
             ptw_addr);
        return;
    }
    S.rdata_due = false;
    if (req) {
        agent_t *a = &S.ag[S.owner];
        if (!(S.ctl & MMU_CTL_PTW_GNT)) {
            stats.gnt_stalls++;
            a->stalls++;
        } else {
            memop_t op = { we, ptw_addr, we ? ptw_wdata : 0 };
            if (!we) {
                const inject_t *inj = &a->x.inject;
                if (inj->on && a->nops == inj->at && ptw_addr == inj->addr)
                    physmem_write(ptw_addr, inj->val);
                op.data = physmem_read(ptw_addr);
                S.rdata_due = true;
                S.rdata_val = op.data;
            } else if (pma_is_ram(ptw_addr)) {
                physmem_write(ptw_addr, ptw_wdata);
            }
            if (a->nops < ORACLE_MAX_OPS)
                a->ops[a->nops] = op;
            a->nops++;
        }
    }

    /* walk events */
    bool ev_i = status & MMU_ST_EV_ITLB_MISS, ev_d = status & MMU_ST_EV_DTLB_MISS;
    bool ev_w = status & MMU_ST_EV_WALK;
    if (ev_w != (ev_i || ev_d) || (ev_i && ev_d)) {
        fail(NULL, "walk events disagree: ev_walk %d ev_itlb_miss %d ev_dtlb_miss %d", ev_w, ev_i,
             ev_d);
        return;
    }
    if ((ev_i && !S.ag[I_AG].active) || (ev_d && !S.ag[D_AG].active)) {
        fail(NULL, "walk event for an idle channel (ev_itlb_miss %d ev_dtlb_miss %d)", ev_i, ev_d);
        return;
    }
    S.ag[I_AG].ev_walk += ev_i;
    S.ag[D_AG].ev_walk += ev_d;

    /* sfence.vma takes effect at this edge */
    if (S.ctl & MMU_CTL_SFENCE) {
        unsigned form = S.sf_va + 2u * S.sf_asid, kept_i, kept_d;
        unsigned dropped = tlbm_sfence(&S.itlb, S.sf_va, S.sf_asid, S.sf_vaddr >> 12,
                                       S.sf_asid_val, &kept_i);
        dropped += tlbm_sfence(&S.dtlb, S.sf_va, S.sf_asid, S.sf_vaddr >> 12, S.sf_asid_val,
                               &kept_d);
        stats.sfence[form]++;
        stats.sfence_dropped[form] += dropped;
        stats.sfence_kept[form] += kept_i + kept_d;
    }
    if ((S.ctl & MMU_CTL_I_REQ) && (S.ctl & MMU_CTL_D_REQ))
        stats.concurrent++;

    /* the channels */
    for (int idx = 0; idx < 2 && !S.failed; idx++) {
        agent_t *a = &S.ag[idx];
        if (!a->active)
            continue;
        a->presented++;
        if (a->predicted)
            a->walk_cycles++;
        a->got_ready = status & (idx == I_AG ? MMU_ST_I_READY : MMU_ST_D_READY);
        a->got_fault = status & (idx == I_AG ? MMU_ST_I_FAULT : MMU_ST_D_FAULT);
        a->got_cause = idx == I_AG ? MMU_ST_I_CAUSE(status) : MMU_ST_D_CAUSE(status);
        a->got_pa = idx == I_AG ? i_paddr : d_paddr;
        if (!a->predicted) {
            stats.walk_ok_holds++;
            if (a->got_ready)
                fail(a, "fetch answered while its I-TLB miss was waiting for i_walk_ok");
            else if (a->ev_walk)
                fail(a, "walk started for a fetch without i_walk_ok");
            continue;
        }
        if (a->got_ready)
            complete(idx);
        else if (!a->x.walk)
            fail(a, "expected an answer in the first cycle (%s), got not ready",
                 !a->x.xlate ? "no translation" : "TLB hit");
        else if (a->walk_cycles > TIMEOUT)
            fail(a, "no answer after %u cycles", TIMEOUT);
    }
}

/* ---- deciding the next cycle ---- */

static bacc_t random_data_acc(void)
{
    unsigned k = rng_below(&S.rng, 100);
    return k < 34 ? ACC_LOAD : k < 46 ? ACC_LR : k < 78 ? ACC_STORE : ACC_AMO;
}

static void issue_sfence(bool va_form, bool asid_form, uint32_t va, unsigned asid)
{
    S.ctl |= MMU_CTL_SFENCE | (va_form ? MMU_CTL_SFENCE_VA : 0) |
             (asid_form ? MMU_CTL_SFENCE_ASID : 0) | MMU_CTL_ASID(asid);
    S.sf_va = va_form;
    S.sf_asid = asid_form;
    S.sf_vaddr = va;
    S.sf_asid_val = asid & 0x1FF;
}

/* A virtual address inside an entry's page (anywhere in a megapage). */
static uint32_t va_in(const tlbm_entry_t *e)
{
    uint32_t off = rng_u32(&S.rng) & 0xFFC;
    if (e->mega)
        return (e->vpn & ~0x3FFu) << 12 | rng_below(&S.rng, 1024) << 12 | off;
    return e->vpn << 12 | off;
}

/* Remember up to MAX_PROBES entries of both TLBs, to access them after an sfence. */
static void plan_probes(void)
{
    S.nprobes = S.probe_pos = 0;
    for (int k = 0; k < 2; k++) {
        const tlbm_t *t = tlb_of(k);
        for (unsigned i = 0; i < t->n && S.nprobes < MAX_PROBES; i++)
            if (t->e[i].valid)
                S.probes[S.nprobes++] = (probe_t){ k == 1, va_in(&t->e[i]), t->e[i].asid };
    }
}

/* The entry a fill would overlap (a later lookup could hit both), or -1. */
static int fill_conflict(const tlbm_t *t, const expect_t *x)
{
    if (!x->fill)
        return -1;
    unsigned replaced = tlbm_fill_index(t, x->hit_mask);
    for (unsigned i = 0; i < t->n; i++)
        if (i != replaced && t->e[i].valid && tlbm_overlap(&t->e[i], &x->fill_e))
            return (int)i;
    return -1;
}

/* An sfence.vma that drops entry e (its form chosen at random among those that do). */
static void sfence_dropping(const tlbm_entry_t *e)
{
    bool global = e->flags & (1u << PTE_G);
    unsigned k = rng_below(&S.rng, global ? 2 : 4);
    uint32_t va = va_in(e);
    issue_sfence(k & 1, k >> 1, va, e->asid);
}

static void drive_agent(const agent_t *a)
{
    if (a->is_i) {
        S.ctl |= MMU_CTL_I_REQ | (a->walk_ok ? MMU_CTL_I_WALK_OK : 0);
    } else {
        S.ctl |= MMU_CTL_D_REQ;
        if (a->acc == ACC_STORE || a->acc == ACC_AMO)
            S.ctl |= MMU_CTL_D_STORE;
        if (a->acc == ACC_LR || a->acc == ACC_AMO)
            S.ctl |= MMU_CTL_D_ATOMIC;
    }
}

/* Start an access in the next cycle. Returns false when it cannot start now. */
static bool start_access(bool is_i, bacc_t acc, uint32_t va, bool probe)
{
    agent_t *a = &S.ag[is_i];
    const tlbm_t *t = tlb_of(is_i);
    bool idle = !S.ag[D_AG].active && !S.ag[I_AG].active;
    expect_t x;
    bool inject = S.st.adue && rng_pct(&S.rng, 12);
    oracle_predict(&S.st, t, is_i, acc, va, inject, rng_u32(&S.rng), &x);

    if (opts.overlap) {
        /* a multi-hit store under Svadu would make the answer depend on which entry
         * asked for the walk: not a spec question, skip it */
        if (__builtin_popcount(x.hit_mask) > 1 && x.walk)
            return false;
    } else {
        int c = fill_conflict(t, &x);
        if (c >= 0) {
            /* Software keeps overlapping translations out of the TLB (sfence.vma after
             * upgrading a page to a megapage, consistent G bits): do the sfence first. */
            if (!idle || (S.ctl & MMU_CTL_SFENCE))
                return false;
            sfence_dropping(&t->e[c]);
            stats.overlap_sfences++;
            S.pending = true;
            S.pend_is_i = is_i;
            S.pend_acc = acc;
            S.pend_va = va;
            return true;
        }
    }
    memset(a, 0, sizeof *a);
    a->active = true;
    a->is_i = is_i;
    a->acc = acc;
    a->va = va;
    a->probe = probe;
    a->x = x;
    a->predicted = !(is_i && x.walk);
    if (!is_i && x.walk)
        S.owner = D_AG;
    drive_agent(a);
    return true;
}

/* The I agent's TLB miss: raise i_walk_ok (now that the data side is idle), drop the
 * fetch, or keep waiting. */
static void decide_walk_ok(void)
{
    agent_t *a = &S.ag[I_AG];
    unsigned k = rng_below(&S.rng, 100);
    if (k < 40 || a->presented > 40) {
        expect_t x;
        bool inject = S.st.adue && rng_pct(&S.rng, 12);
        oracle_predict(&S.st, &S.itlb, true, a->acc, a->va, inject, rng_u32(&S.rng), &x);
        if (!opts.overlap && fill_conflict(&S.itlb, &x) >= 0) {
            a->active = false;                /* the pipeline would be flushed: drop it */
            stats.abandoned++;
            return;
        }
        a->x = x;
        a->predicted = true;
        a->walk_ok = true;
        S.owner = I_AG;
    } else if (k < 43) {
        a->active = false;                    /* redirected before its walk was allowed */
        stats.abandoned++;
    }
}

static void start_probe(void)
{
    const probe_t *p = &S.probes[S.probe_pos++];
    int s = world_space_of_asid(p->asid);
    S.st.satp = s >= 0 ? world_satp(s)
                       : (1u << SATP_MODE_BIT) | p->asid << SATP_ASID_LO | (S.st.satp & 0x3FFFFF);
    S.st.priv = rng_pct(&S.rng, 50) ? PRV_S : PRV_U;
    S.state_dirty = true;
    start_access(p->is_i, p->is_i ? ACC_FETCH : random_data_acc(), p->va, true);
}

static void random_sfence(void)
{
    unsigned form = rng_below(&S.rng, 4);
    const tlbm_t *t = tlb_of(rng_pct(&S.rng, 50));
    const tlbm_entry_t *e = NULL;
    if (tlbm_count(t) && rng_pct(&S.rng, 75)) {
        unsigned i;
        do
            i = rng_below(&S.rng, t->n);
        while (!t->e[i].valid);
        e = &t->e[i];
    }
    uint32_t va = e ? va_in(e) : rng_u32(&S.rng);
    unsigned asid = (e && rng_pct(&S.rng, 80)) ? e->asid
                  : rng_pct(&S.rng, 50) ? (S.st.satp >> SATP_ASID_LO) & 0x1FF : rng_below(&S.rng, 512);
    if (rng_pct(&S.rng, 50))
        plan_probes();
    issue_sfence(form & 1, form >> 1, va, asid);
}

/* What to do when both channels are idle. */
static void idle_step(void)
{
    if (S.pending) {
        S.pending = false;
        start_access(S.pend_is_i, S.pend_acc, S.pend_va, false);
        return;
    }
    if (S.follow) {                           /* the sfence that should follow a PTE edit */
        unsigned k = rng_below(&S.rng, 100);
        S.follow = false;
        if (rng_pct(&S.rng, 70))
            plan_probes();
        if (k < 20)
            issue_sfence(false, false, 0, 0);
        else if (k < 60 || S.edit.global)
            issue_sfence(true, false, S.edit.va, 0);
        else if (k < 85)
            issue_sfence(true, true, S.edit.va, S.edit.asid);
        else
            issue_sfence(false, true, 0, S.edit.asid);
        return;
    }
    if (S.probe_pos < S.nprobes) {
        start_probe();
        return;
    }
    if (S.checks >= S.next_rebuild) {
        S.next_rebuild += REBUILD_EVERY;
        world_build();
        stats.world_builds++;
        if (rng_pct(&S.rng, 50)) {
            S.reset_left = 1;
            S.ctl &= ~MMU_CTL_RST_N;
            stats.resets++;
        } else {
            issue_sfence(false, false, 0, 0);
        }
        return;
    }
    unsigned k = rng_below(&S.rng, 1000);
    if (k < 2) {
        S.reset_left = rng_below(&S.rng, 2);
        S.ctl &= ~MMU_CTL_RST_N;
        stats.resets++;
    } else if (k < 12) {
        world_random_pmp(&S.st, &S.st.pmp);
        S.state_dirty = true;
        stats.pmp_configs++;
    } else if (k < 55) {
        world_random_state(&S.st);
        S.state_dirty = true;
        stats.state_changes++;
    } else if (k < 72) {
        world_edit_pte(&S.st, &S.itlb, &S.dtlb, &S.edit);
        stats.pte_edits++;
        S.follow = rng_pct(&S.rng, 40);
    } else if (k < 95) {
        random_sfence();
    } else if (k < 110) {
        /* an idle cycle */
    } else {
        unsigned c = rng_below(&S.rng, 100);
        if (c < 62 || c >= 85) {
            if (!start_access(false, random_data_acc(), world_pick_va(&S.st, false), false))
                return;
        }
        if (c >= 62 && !(S.ctl & MMU_CTL_SFENCE) && !S.pending)
            start_access(true, ACC_FETCH, world_pick_va(&S.st, true), false);
    }
}

static void plan(uint32_t *rdata)
{
    agent_t *d = &S.ag[D_AG], *i = &S.ag[I_AG];

    S.ctl = MMU_CTL_RST_N;
    if (S.cycle >= S.next_epoch) {
        S.next_epoch = S.cycle + STALL_EPOCH;
        S.stall_pct = rng_pct(&S.rng, 50) ? 0 : 5 + rng_below(&S.rng, 60);
    }
    if (!rng_pct(&S.rng, S.stall_pct))
        S.ctl |= MMU_CTL_PTW_GNT;
    *rdata = S.rdata_due ? S.rdata_val : rng_u32(&S.rng);

    if (S.reset_left) {
        S.reset_left--;
        S.ctl &= ~MMU_CTL_RST_N;
        return;
    }
    bool idle = !d->active && !i->active;
    if (idle && S.checks >= opts.count) {
        S.done = true;
        return;
    }
    if (d->active)
        drive_agent(d);
    if (i->active && !i->predicted && !d->active)
        decide_walk_ok();
    if (i->active)
        drive_agent(i);

    if (idle) {
        idle_step();
    } else if (d->active && !i->active) {
        if (rng_pct(&S.rng, 15))
            start_access(true, ACC_FETCH, world_pick_va(&S.st, true), false);
    } else if (!d->active && i->active && !i->walk_ok) {
        if (rng_pct(&S.rng, 25))
            start_access(false, random_data_acc(), world_pick_va(&S.st, false), false);
    }
}

/* ---- interface ---- */

void seq_init(void)
{
    memset(&S, 0, sizeof S);
    S.rng.s = opts.seed * 0x2545F4914F6CDD1Dull + 0x1234567;
    world_init(&S.rng);
    physmem_init(opts.ram_bytes);
    cover_init();
    tlbm_init(&S.itlb, opts.itlb, "I-TLB");
    tlbm_init(&S.dtlb, opts.dtlb, "D-TLB");
    world_build();
    stats.world_builds++;
    S.st.priv = PRV_S;
    S.st.mpp = PRV_U;
    S.st.satp = world_satp(0);
    world_random_pmp(&S.st, &S.st.pmp);
    S.state_dirty = true;
    S.reset_left = 3;
    S.owner = -1;
    S.next_rebuild = REBUILD_EVERY;
}

int seq_cycle(uint32_t status, uint32_t i_paddr, uint32_t d_paddr, uint32_t ptw_addr,
              uint32_t ptw_wdata, uint32_t *ctl, uint32_t *i_vaddr, uint32_t *d_vaddr,
              uint32_t *sfence_vaddr, uint32_t *ptw_rdata)
{
    S.cycle++;
    observe(status, i_paddr, d_paddr, ptw_addr, ptw_wdata);
    if (!S.failed)
        plan(ptw_rdata);
    *ctl = S.ctl;
    *i_vaddr = S.ag[I_AG].active ? S.ag[I_AG].va : rng_u32(&S.rng);
    *d_vaddr = S.ag[D_AG].active ? S.ag[D_AG].va : rng_u32(&S.rng);
    *sfence_vaddr = (S.ctl & MMU_CTL_SFENCE) ? S.sf_vaddr : rng_u32(&S.rng);
    int rc = (S.failed || S.done) ? MMU_RC_DONE : 0;
    if (S.state_dirty) {
        S.state_dirty = false;
        rc |= MMU_RC_STATE;
    }
    return rc;
}

void seq_state(uint32_t *mode, uint32_t *satp, uint32_t pmpcfg[4], uint32_t pmpaddr[16])
{
    *mode = MMU_MODE(S.st.priv, S.st.mprv, S.st.mpp, S.st.sum, S.st.mxr, S.st.adue);
    *satp = S.st.satp;
    for (unsigned r = 0; r < 4; r++)
        pmpcfg[r] = pmp_read_cfg(&S.st.pmp, r);
    for (unsigned i = 0; i < 16; i++)
        pmpaddr[i] = pmp_read_addr(&S.st.pmp, i);
}

bool seq_failed(void)
{
    return S.failed;
}

uint64_t seq_checks(void)
{
    return S.checks;
}

uint64_t seq_cycles(void)
{
    return S.cycle;
}
