/* cover.c — coverage cross and counters of the MMU bench; see cover.h. */
#include <string.h>

#include "arch.h"
#include "cover.h"

enum { SZ_NONE, SZ_4K, SZ_4M, NSZ };
enum { PV_S, PV_U, PV_MPRV, PV_M, NPV };
enum { OUT_OK, OUT_PF, OUT_AF, NOUT };
enum { NAD = 2, NPMP = 2 };

static const char *const sz_name[NSZ] = { "none", "4K", "4M" };
static const char *const pv_name[NPV] = { "S", "U", "M+MPRV", "M" };
static const char *const out_name[NOUT] = { "ok", "pf", "af" };

stats_t stats;
static uint64_t bins[NSZ][NPV][ACC_N][NOUT][NAD][NPMP];

void cover_init(void)
{
    memset(&stats, 0, sizeof stats);
    memset(bins, 0, sizeof bins);
    for (unsigned i = 0; i < 3; i++)
        stats.lat_min[i] = ~0u;
}

/* Why a bin cannot be hit, or NULL. */
static const char *impossible(unsigned sz, unsigned pv, unsigned acc, unsigned out, unsigned pmp)
{
    if (pv == PV_MPRV && acc == ACC_FETCH)
        return "MPRV applies to loads and stores only: M-mode fetches are counted under M";
    if (pv == PV_M && sz != SZ_NONE)
        return "M-mode accesses (MPRV=0, or fetches) are never translated";
    if (pv == PV_M && out == OUT_PF)
        return "no translation in M-mode, hence no page fault";
    if (out == OUT_OK && pmp)
        return "a PMP denial on the path always ends in an access fault";
    if (sz == SZ_NONE && out == OUT_PF && pmp)
        return "page fault before any leaf: the PTE reads were allowed and there is no target";
    return NULL;
}

void cover_access(const expect_t *x, const mmu_state_t *st)
{
    unsigned pv = x->mprv_data ? PV_MPRV
                : st->priv == PRV_M ? PV_M : st->priv == PRV_S ? PV_S : PV_U;
    unsigned out = x->cause < 0 ? OUT_OK
                 : (unsigned)x->cause == oracle_pf_cause(x->acc) ? OUT_PF : OUT_AF;
    unsigned sz = x->xlate ? (unsigned)x->size : SZ_NONE;
    bins[sz][pv][x->acc][out][st->adue][x->pmp_denied]++;
}

static void print_counters(FILE *f)
{
    static const char *const form[4] = { "all (rs1=x0, rs2=x0)", "one address (rs1!=x0)",
                                         "one ASID (rs2!=x0)", "address+ASID" };
    fprintf(f, "mmu-bench: accesses: %llu fetch + %llu data; %llu TLB hits (%llu stale: memory "
            "changed without sfence.vma, %llu of them page-faulted from the cached entry), "
            "%llu walks (%llu filled, %llu faulted), %llu untranslated\n",
            (unsigned long long)stats.i_checks, (unsigned long long)stats.d_checks,
            (unsigned long long)stats.hits, (unsigned long long)stats.stale_hits,
            (unsigned long long)stats.stale_pf, (unsigned long long)stats.walks,
            (unsigned long long)stats.walk_fills, (unsigned long long)stats.walk_faults,
            (unsigned long long)stats.bare);
    fprintf(f, "mmu-bench: walks: page fault before a leaf %llu, page fault at a leaf %llu, "
            "access fault on a PTE %llu; filled but the target faults %llu\n",
            (unsigned long long)stats.wf_noleaf_pf, (unsigned long long)stats.wf_leaf_pf,
            (unsigned long long)stats.wf_pte_af, (unsigned long long)stats.fill_af);
    fprintf(f, "mmu-bench: Svadu PTE writes %llu (%llu by stores hitting a D=0 entry), Svadu "
            "re-read restarts %llu, grant stall cycles %llu, I-walks %llu, cycles an I miss "
            "waited for i_walk_ok %llu, fetches dropped before their walk %llu\n",
            (unsigned long long)stats.ad_writes, (unsigned long long)stats.svadu_hit_upgrades,
            (unsigned long long)stats.restarts, (unsigned long long)stats.gnt_stalls,
            (unsigned long long)stats.i_walks, (unsigned long long)stats.walk_ok_holds,
            (unsigned long long)stats.abandoned);
    fprintf(f, "mmu-bench: cycles with both channels requesting %llu (I hits during a D walk "
            "%llu), pseudo-LRU evictions %llu, resets %llu, page-table worlds %llu, PMP "
            "configurations %llu, state changes %llu, PTE edits %llu\n",
            (unsigned long long)stats.concurrent, (unsigned long long)stats.i_hit_during_d_walk,
            (unsigned long long)stats.evictions, (unsigned long long)stats.resets,
            (unsigned long long)stats.world_builds, (unsigned long long)stats.pmp_configs,
            (unsigned long long)stats.state_changes, (unsigned long long)stats.pte_edits);
    for (unsigned i = 0; i < 4; i++)
        fprintf(f, "mmu-bench: sfence.vma %-22s %7llu times, entries dropped %7llu, kept %7llu\n",
                form[i], (unsigned long long)stats.sfence[i],
                (unsigned long long)stats.sfence_dropped[i],
                (unsigned long long)stats.sfence_kept[i]);
    fprintf(f, "mmu-bench: %llu probe accesses after sfences; %llu sfences issued to keep "
            "entries from overlapping (see README)\n",
            (unsigned long long)stats.probes, (unsigned long long)stats.overlap_sfences);
    static const char *const lat[3] = { "4 KiB", "4 MiB", "4 KiB + A/D write" };
    for (unsigned i = 0; i < 3; i++)
        if (stats.lat_n[i])
            fprintf(f, "mmu-bench: walk latency %-16s (cycles added to the access, no grant "
                    "stall): min %u, max %u, mean %.2f over %llu\n", lat[i], stats.lat_min[i],
                    stats.lat_max[i], (double)stats.lat_sum[i] / (double)stats.lat_n[i],
                    (unsigned long long)stats.lat_n[i]);
}

/* Scenarios the run must have exercised besides the cross. */
static unsigned check_scenarios(FILE *f)
{
    struct { const char *what; uint64_t n; } req[] = {
        { "stale TLB hits", stats.stale_hits },
        { "Svadu PTE writes", stats.ad_writes },
        { "stores upgrading a D=0 entry (Svadu)", stats.svadu_hit_upgrades },
        { "Svadu re-read restarts", stats.restarts },
        { "grant stalls", stats.gnt_stalls },
        { "I-walks", stats.i_walks },
        { "i_walk_ok holds", stats.walk_ok_holds },
        { "fetches dropped before their walk", stats.abandoned },
        { "I hits during a D walk", stats.i_hit_during_d_walk },
        { "pseudo-LRU evictions", stats.evictions },
        { "resets", stats.resets },
        { "probes after sfence", stats.probes },
    };
    unsigned bad = 0;
    for (unsigned i = 0; i < sizeof req / sizeof req[0]; i++)
        if (!req[i].n) {
            fprintf(f, "mmu-bench: COVERAGE: no %s\n", req[i].what);
            bad++;
        }
    for (unsigned i = 0; i < 4; i++) {
        if (!stats.sfence_dropped[i]) {
            fprintf(f, "mmu-bench: COVERAGE: sfence.vma form %u never dropped an entry\n", i);
            bad++;
        }
        if (!stats.sfence_kept[i] && i) {
            fprintf(f, "mmu-bench: COVERAGE: sfence.vma form %u never kept an entry\n", i);
            bad++;
        }
    }
    return bad;
}

unsigned cover_report(FILE *f, bool full)
{
    unsigned possible = 0, empty = 0, excluded = 0;
    for (unsigned sz = 0; sz < NSZ; sz++)
        for (unsigned pv = 0; pv < NPV; pv++)
            for (unsigned acc = 0; acc < ACC_N; acc++)
                for (unsigned out = 0; out < NOUT; out++)
                    for (unsigned ad = 0; ad < NAD; ad++)
                        for (unsigned pmp = 0; pmp < NPMP; pmp++) {
                            if (impossible(sz, pv, acc, out, pmp)) {
                                excluded++;
                                continue;
                            }
                            possible++;
                            empty += !bins[sz][pv][acc][out][ad][pmp];
                        }

    if (full) {
        fprintf(f, "mmu-bench: coverage cross (counts; '-' impossible, '!!' possible but empty)\n");
        fprintf(f, "  %-4s %-6s %-5s |%s|%s\n", "size", "priv", "acc",
                "  ------------- Svade: PMP allowed / denied -------------",
                "  ------------- Svadu: PMP allowed / denied -------------");
        fprintf(f, "  %-4s %-6s %-5s |", "", "", "");
        for (unsigned ad = 0; ad < NAD; ad++)
            for (unsigned out = 0; out < NOUT; out++)
                for (unsigned pmp = 0; pmp < NPMP; pmp++)
                    fprintf(f, " %6s%c", out_name[out], pmp ? '-' : '+');
        fputc('\n', f);
    }
    for (unsigned sz = 0; sz < NSZ; sz++)
        for (unsigned pv = 0; pv < NPV; pv++)
            for (unsigned acc = 0; acc < ACC_N; acc++) {
                bool any = false, row_empty = false;
                for (unsigned out = 0; out < NOUT; out++)
                    for (unsigned pmp = 0; pmp < NPMP; pmp++)
                        if (!impossible(sz, pv, acc, out, pmp)) {
                            any = true;
                            for (unsigned ad = 0; ad < NAD; ad++)
                                row_empty |= !bins[sz][pv][acc][out][ad][pmp];
                        }
                if (!any || (!full && !row_empty))
                    continue;
                fprintf(f, "  %-4s %-6s %-5s |", sz_name[sz], pv_name[pv], bacc_name[acc]);
                for (unsigned ad = 0; ad < NAD; ad++)
                    for (unsigned out = 0; out < NOUT; out++)
                        for (unsigned pmp = 0; pmp < NPMP; pmp++) {
                            uint64_t n = bins[sz][pv][acc][out][ad][pmp];
                            if (impossible(sz, pv, acc, out, pmp))
                                fprintf(f, " %7s", "-");
                            else if (!n)
                                fprintf(f, " %7s", "!!");
                            else
                                fprintf(f, " %7llu", (unsigned long long)n);
                        }
                fputc('\n', f);
            }
    fprintf(f, "mmu-bench: %u bins excluded as impossible:\n", excluded);
    {
        /* list each rule once with the number of bins it excludes */
        const char *seen[8] = { 0 };
        unsigned count[8] = { 0 }, nseen = 0;
        for (unsigned sz = 0; sz < NSZ; sz++)
            for (unsigned pv = 0; pv < NPV; pv++)
                for (unsigned acc = 0; acc < ACC_N; acc++)
                    for (unsigned out = 0; out < NOUT; out++)
                        for (unsigned pmp = 0; pmp < NPMP; pmp++) {
                            const char *why = impossible(sz, pv, acc, out, pmp);
                            if (!why)
                                continue;
                            unsigned k = 0;
                            while (k < nseen && seen[k] != why)
                                k++;
                            if (k == nseen && nseen < 8)
                                seen[nseen++] = why;
                            if (k < 8)
                                count[k] += NAD;
                        }
        for (unsigned k = 0; k < nseen; k++)
            fprintf(f, "  %3u bins: %s\n", count[k], seen[k]);
    }
    fprintf(f, "mmu-bench: coverage %u/%u possible bins hit%s\n", possible - empty, possible,
            empty ? " -- FAIL: empty bins are marked !! above" : "");
    print_counters(f);
    return empty + check_scenarios(f);
}
