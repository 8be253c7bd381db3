/* trap.c — trap entry (delegation, vectoring), interrupt selection, mret/sret, wfi.
 * Rules: docs/csr.md "Traps" (priv spec 1.12, 3.1.6-3.1.9, 3.3, 4.1.1).
 */
#include "iss_priv.h"

#define MSTATUS_BIT(n) BIT(MSTATUS_##n)

/* Recompute what depends on the privilege/MPRV state; flush the TLB if it changed. */
void priv_changed(iss_t *s)
{
    unsigned ls = s->priv;
    if (s->priv == PRV_M && (s->mstatus & MSTATUS_BIT(MPRV)))
        ls = mstatus_mpp(s);
    s->ls_priv = ls;
    mmu_flush(s);
    batch_break(s);
}

static void set_priv(iss_t *s, unsigned p)
{
    s->priv = p;
    priv_changed(s);
}

/* Enter a trap for exception/interrupt `cause` (interrupt bit included), epc = s->pc. */
void trap_enter(iss_t *s, uint32_t cause, uint32_t tval)
{
    bool intr = cause & MCAUSE_INTERRUPT;
    unsigned code = cause & 31;
    uint32_t deleg = intr ? s->mideleg : s->medeleg;
    bool to_s = s->priv <= PRV_S && ((deleg >> code) & 1);
    uint32_t st = s->mstatus, vec;

    s->resv_valid = false;
    if (!intr) {
        if (code == CAUSE_FETCH_PAGE_FAULT)
            hpm_event(s, HPM_EVENT_FETCH_PF);
        else if (code == CAUSE_LOAD_PAGE_FAULT)
            hpm_event(s, HPM_EVENT_LOAD_PF);
        else if (code == CAUSE_STORE_PAGE_FAULT)
            hpm_event(s, HPM_EVENT_STORE_PF);
    }
    if (to_s) {
        s->sepc = s->pc;
        s->scause = cause & CAUSE_MASK;
        s->stval = tval;
        st &= ~(MSTATUS_BIT(SPIE) | MSTATUS_BIT(SIE) | MSTATUS_BIT(SPP));
        if (s->mstatus & MSTATUS_BIT(SIE))
            st |= MSTATUS_BIT(SPIE);
        if (s->priv == PRV_S)
            st |= MSTATUS_BIT(SPP);
        vec = s->stvec;
    } else {
        s->mepc = s->pc;
        s->mcause = cause & CAUSE_MASK;
        s->mtval = tval;
        st &= ~(MSTATUS_BIT(MPIE) | MSTATUS_BIT(MIE) | MSTATUS_MPP_MASK);
        if (s->mstatus & MSTATUS_BIT(MIE))
            st |= MSTATUS_BIT(MPIE);
        st |= s->priv << MSTATUS_MPP_LO;
        vec = s->mtvec;
    }
    s->mstatus = st;
    s->pc = (vec & ~3u) + ((intr && (vec & 1)) ? 4 * code : 0);
    set_priv(s, to_s ? PRV_S : PRV_M);
    if (s->rec) {
        s->rec->cause = cause;
        s->rec->tval = tval;
    }
}

/* Highest-priority interrupt that can be taken now, or -1. Interrupts destined for
 * M are served before those destined for S (priv spec 3.1.9); within a level the
 * order is MEI, MSI, MTI, SEI, SSI, STI. */
int irq_select(iss_t *s)
{
    static const unsigned order[] = { IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER,
                                      IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER };
    uint32_t pend = csr_mip(s) & s->mie;
    if (!pend)
        return -1;
    uint32_t to_m = pend & ~s->mideleg, to_s = pend & s->mideleg;
    bool m_en = s->priv < PRV_M || (s->mstatus & MSTATUS_BIT(MIE));
    bool s_en = s->priv < PRV_S || (s->priv == PRV_S && (s->mstatus & MSTATUS_BIT(SIE)));
    uint32_t take = (to_m && m_en) ? to_m : (to_s && s_en) ? to_s : 0;
    for (unsigned i = 0; i < sizeof order / sizeof order[0]; i++)
        if (take & BIT(order[i]))
            return (int)order[i];
    return -1;
}

bool irq_take(iss_t *s)
{
    int code = irq_select(s);
    if (code < 0)
        return false;
    trap_enter(s, MCAUSE_INTERRUPT | (uint32_t)code, 0);
    return true;
}

void do_mret(iss_t *s)
{
    unsigned mpp = mstatus_mpp(s);
    uint32_t st = s->mstatus & ~(MSTATUS_BIT(MIE) | MSTATUS_MPP_MASK);
    if (s->mstatus & MSTATUS_BIT(MPIE))
        st |= MSTATUS_BIT(MIE);
    st |= MSTATUS_BIT(MPIE);
    if (mpp != PRV_M)
        st &= ~MSTATUS_BIT(MPRV);
    s->mstatus = st;
    s->resv_valid = false;
    s->pc = s->mepc;
    set_priv(s, mpp);
}

void do_sret(iss_t *s)
{
    unsigned spp = (s->mstatus & MSTATUS_BIT(SPP)) ? PRV_S : PRV_U;
    uint32_t st = s->mstatus & ~(MSTATUS_BIT(SIE) | MSTATUS_BIT(SPP) | MSTATUS_BIT(MPRV));
    if (s->mstatus & MSTATUS_BIT(SPIE))
        st |= MSTATUS_BIT(SIE);
    st |= MSTATUS_BIT(SPIE);
    s->mstatus = st;
    s->resv_valid = false;
    s->pc = s->sepc;
    set_priv(s, spp);
}

/* wfi waits until (mip & mie) != 0. Standalone, time is the only thing that can
 * advance while nothing executes: jump mtime to mtimecmp when that wakes the hart.
 * (Otherwise wfi retires at once, as the spec allows; a loop around it lets mtime
 * advance one step per instruction.) */
void wfi_wait(iss_t *s)
{
    batch_break(s);
    if (csr_mip(s) & s->mie)
        return;
    if (!s->mtime_manual && (s->mie & BIT(IRQ_M_TIMER)) &&
        !(s->irq_ovr_mask & BIT(IRQ_M_TIMER)) && s->dev.mtime < s->dev.mtimecmp)
        s->dev.mtime = s->dev.mtimecmp;
}
