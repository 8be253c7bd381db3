/* csr.c — the CSR file of docs/csr.md: access rules, WARL write masks, counters.
 *
 * csr_read/csr_write are raw (no privilege checks); csr_instr applies the access
 * rules of csr.md in their order and then the read/modify/write of the instruction.
 */
#include <string.h>

#include "iss_priv.h"

#define MCOUNTINHIBIT_MASK 0x7FDu       /* CY, IR, HPM3..HPM10 */
#define INHIBIT_CY BIT(0)
#define INHIBIT_IR BIT(2)
#define MSTATUS_VM_BITS (BIT(MSTATUS_SUM) | BIT(MSTATUS_MXR) | BIT(MSTATUS_MPRV) | MSTATUS_MPP_MASK)
#define HPM_LAST (3 + HPM_COUNTERS - 1) /* mhpmcounter10 */

void csr_reset(iss_t *s)
{
    s->mstatus = s->medeleg = s->mideleg = s->mie = s->mip_sw = 0;
    s->mtvec = s->mcounteren = s->mcountinhibit = 0;
    s->menvcfg = s->menvcfgh = s->mscratch = s->mepc = s->mcause = s->mtval = 0;
    s->stvec = s->scounteren = s->senvcfg = s->sscratch = s->sepc = s->scause = 0;
    s->stval = s->satp = 0;
    s->mcycle = s->minstret = 0;
    memset(s->hpmcounter, 0, sizeof s->hpmcounter);
    memset(s->hpmevent, 0, sizeof s->hpmevent);
    memset(&s->pmp, 0, sizeof s->pmp);
    s->sync_steps = s->steps;
    s->sync_retired = s->steps - s->notretired;
}

/* Bring mcycle, minstret and (standalone) mtime up to the current step. */
void counters_sync(iss_t *s)
{
    uint64_t retired = s->steps - s->notretired;
    uint64_t ds = s->steps - s->sync_steps, dr = retired - s->sync_retired;
    if (!(s->mcountinhibit & INHIBIT_CY))
        s->mcycle += ds;
    if (!(s->mcountinhibit & INHIBIT_IR))
        s->minstret += dr;
    if (!s->mtime_manual)
        s->dev.mtime += ds;
    s->sync_steps = s->steps;
    s->sync_retired = retired;
}

/* Architectural mip: software bits plus the lines (devices, or the override). */
uint32_t csr_mip(iss_t *s)
{
    counters_sync(s);
    uint32_t lines = dev_irq_lines(&s->dev);
    if (s->dev.mtime >= s->dev.mtimecmp)
        lines |= BIT(IRQ_M_TIMER);
    lines = (lines & ~s->irq_ovr_mask) | (s->irq_ovr_bits & s->irq_ovr_mask);
    lines &= BIT(IRQ_M_EXT) | BIT(IRQ_M_TIMER) | BIT(IRQ_M_SOFT);
    return lines | (s->mip_sw & MIP_MWRITE_MASK);
}

void hpm_event(iss_t *s, unsigned ev)
{
    for (unsigned i = 0; i < HPM_COUNTERS; i++)
        if (s->hpmevent[i] == ev && !(s->mcountinhibit & BIT(i + 3)))
            s->hpmcounter[i]++;
}

static void write_mstatus(iss_t *s, uint32_t v)
{
    uint32_t nv = v & MSTATUS_WMASK;
    if (((nv >> MSTATUS_MPP_LO) & 3) == 2)
        nv &= ~MSTATUS_MPP_MASK;                /* reserved MPP stores U */
    uint32_t changed = s->mstatus ^ nv;
    s->mstatus = nv;
    if (changed & MSTATUS_VM_BITS)
        priv_changed(s);
}

/* mtvec/stvec (csr.md): bit 1 reads 0; with MODE = 1 (vectored) the base is 64-byte aligned */
static uint32_t tvec_legal(uint32_t v)
{
    return (v & 1) ? v & TVEC_VECTORED_MASK : v & ~2u;
}

static uint64_t set_half(uint64_t r, uint32_t v, bool hi)
{
    return hi ? (r & 0xFFFFFFFFull) | (uint64_t)v << 32 : (r & ~0xFFFFFFFFull) | v;
}

/* Counter CSRs (machine addresses B00-B9F; the C00 shadows map here). */
static bool read_counter(iss_t *s, unsigned n, bool hi, uint32_t *v)
{
    uint64_t c;
    if (n == 0)
        c = s->mcycle;
    else if (n == 1)
        c = s->dev.mtime;       /* only reachable through time/timeh */
    else if (n == 2)
        c = s->minstret;
    else if (n <= HPM_LAST)
        c = s->hpmcounter[n - 3];
    else
        c = 0;
    *v = (uint32_t)(hi ? c >> 32 : c);
    return true;
}

bool csr_read(iss_t *s, unsigned csr, uint32_t *v)
{
    counters_sync(s);
    if (csr >= CSR_MCYCLE && csr <= CSR_MCYCLE + 31 && csr != CSR_MCYCLE + 1)
        return read_counter(s, csr & 31, false, v);
    if (csr >= CSR_MCYCLEH && csr <= CSR_MCYCLEH + 31 && csr != CSR_MCYCLEH + 1)
        return read_counter(s, csr & 31, true, v);
    if (csr >= CSR_CYCLE && csr <= CSR_CYCLE + 31)
        return read_counter(s, csr & 31, false, v);
    if (csr >= CSR_CYCLEH && csr <= CSR_CYCLEH + 31)
        return read_counter(s, csr & 31, true, v);
    if (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT3 + 28) {
        unsigned i = csr - CSR_MHPMEVENT3;
        *v = i < HPM_COUNTERS ? s->hpmevent[i] : 0;
        return true;
    }
    if (csr >= CSR_PMPCFG0 && csr < CSR_PMPCFG0 + 4) {
        *v = pmp_read_cfg(&s->pmp, csr - CSR_PMPCFG0);
        return true;
    }
    if (csr >= CSR_PMPADDR0 && csr < CSR_PMPADDR0 + PMP_ENTRIES) {
        *v = pmp_read_addr(&s->pmp, csr - CSR_PMPADDR0);
        return true;
    }
    switch (csr) {
    case CSR_SSTATUS:       *v = s->mstatus & SSTATUS_MASK; break;
    case CSR_SIE:           *v = s->mie & s->mideleg; break;
    case CSR_STVEC:         *v = s->stvec; break;
    case CSR_SCOUNTEREN:    *v = s->scounteren; break;
    case CSR_SENVCFG:       *v = s->senvcfg; break;
    case CSR_SSCRATCH:      *v = s->sscratch; break;
    case CSR_SEPC:          *v = s->sepc; break;
    case CSR_SCAUSE:        *v = s->scause; break;
    case CSR_STVAL:         *v = s->stval; break;
    case CSR_SIP:           *v = csr_mip(s) & s->mideleg; break;
    case CSR_SATP:          *v = s->satp; break;
    case CSR_MSTATUS:       *v = s->mstatus; break;
    case CSR_MISA:          *v = s->no_m ? MISA_VALUE & ~MISA_M : MISA_VALUE; break;
    case CSR_MEDELEG:       *v = s->medeleg; break;
    case CSR_MIDELEG:       *v = s->mideleg; break;
    case CSR_MIE:           *v = s->mie; break;
    case CSR_MTVEC:         *v = s->mtvec; break;
    case CSR_MCOUNTEREN:    *v = s->mcounteren; break;
    case CSR_MENVCFG:       *v = s->menvcfg; break;
    case CSR_MSTATUSH:      *v = 0; break;
    case CSR_MENVCFGH:      *v = s->menvcfgh; break;
    case CSR_MCOUNTINHIBIT: *v = s->mcountinhibit; break;
    case CSR_MSCRATCH:      *v = s->mscratch; break;
    case CSR_MEPC:          *v = s->mepc; break;
    case CSR_MCAUSE:        *v = s->mcause; break;
    case CSR_MTVAL:         *v = s->mtval; break;
    case CSR_MIP:           *v = csr_mip(s); break;
    case CSR_MVENDORID:     *v = MVENDORID_VALUE; break;
    case CSR_MARCHID:       *v = MARCHID_VALUE; break;
    case CSR_MIMPID:        *v = MIMPID_VALUE; break;
    case CSR_MHARTID:       *v = 0; break;
    case CSR_MCONFIGPTR:    *v = 0; break;
    default:                return false;
    }
    return true;
}

static bool write_counter(iss_t *s, unsigned n, bool hi, uint32_t v)
{
    if (n == 0)
        s->mcycle = set_half(s->mcycle, v, hi);
    else if (n == 2)
        s->minstret = set_half(s->minstret, v, hi);
    else if (n >= 3 && n <= HPM_LAST)
        s->hpmcounter[n - 3] = set_half(s->hpmcounter[n - 3], v, hi);
    return true;            /* mhpmcounter11..31: writes ignored */
}

bool csr_write(iss_t *s, unsigned csr, uint32_t v)
{
    counters_sync(s);
    if ((csr >> 10) == 3)
        return false;                           /* read-only space */
    if (csr >= CSR_MCYCLE && csr <= CSR_MCYCLE + 31 && csr != CSR_MCYCLE + 1)
        return write_counter(s, csr & 31, false, v);
    if (csr >= CSR_MCYCLEH && csr <= CSR_MCYCLEH + 31 && csr != CSR_MCYCLEH + 1)
        return write_counter(s, csr & 31, true, v);
    if (csr >= CSR_MHPMEVENT3 && csr <= CSR_MHPMEVENT3 + 28) {
        unsigned i = csr - CSR_MHPMEVENT3;
        if (i < HPM_COUNTERS)
            s->hpmevent[i] = v & HPM_EVENT_MASK;
        return true;
    }
    if (csr >= CSR_PMPCFG0 && csr < CSR_PMPCFG0 + 4) {
        pmp_write_cfg(&s->pmp, csr - CSR_PMPCFG0, v);
        mmu_flush(s);
        return true;
    }
    if (csr >= CSR_PMPADDR0 && csr < CSR_PMPADDR0 + PMP_ENTRIES) {
        pmp_write_addr(&s->pmp, csr - CSR_PMPADDR0, v);
        mmu_flush(s);
        return true;
    }
    uint32_t m;
    switch (csr) {
    case CSR_SSTATUS:
        write_mstatus(s, (s->mstatus & ~SSTATUS_MASK) | (v & SSTATUS_MASK));
        break;
    case CSR_SIE:
        m = s->mideleg & MIE_MASK;
        s->mie = (s->mie & ~m) | (v & m);
        break;
    case CSR_STVEC:         s->stvec = tvec_legal(v); break;
    case CSR_SCOUNTEREN:    s->scounteren = v & COUNTEREN_MASK; break;
    case CSR_SENVCFG:       s->senvcfg = v & BIT(ENVCFG_FIOM); break;
    case CSR_SSCRATCH:      s->sscratch = v; break;
    case CSR_SEPC:          s->sepc = v & ~3u; break;
    case CSR_SCAUSE:        s->scause = v & CAUSE_MASK; break;
    case CSR_STVAL:         s->stval = v; break;
    case CSR_SIP:
        m = SIP_WRITE_MASK & s->mideleg;
        s->mip_sw = (s->mip_sw & ~m) | (v & m);
        break;
    case CSR_SATP:
        s->satp = v;
        mmu_flush(s);
        break;
    case CSR_MSTATUS:       write_mstatus(s, v); break;
    case CSR_MISA:          break;
    case CSR_MEDELEG:       s->medeleg = v & MEDELEG_MASK; break;
    case CSR_MIDELEG:       s->mideleg = v & MIDELEG_MASK; break;
    case CSR_MIE:           s->mie = v & MIE_MASK; break;
    case CSR_MTVEC:         s->mtvec = tvec_legal(v); break;
    case CSR_MCOUNTEREN:    s->mcounteren = v & COUNTEREN_MASK; break;
    case CSR_MENVCFG:       s->menvcfg = v & BIT(ENVCFG_FIOM); break;
    case CSR_MSTATUSH:      break;
    case CSR_MENVCFGH:
        if ((s->menvcfgh ^ v) & BIT(MENVCFGH_ADUE))
            mmu_flush(s);
        s->menvcfgh = v & BIT(MENVCFGH_ADUE);
        break;
    case CSR_MCOUNTINHIBIT: s->mcountinhibit = v & MCOUNTINHIBIT_MASK; break;
    case CSR_MSCRATCH:      s->mscratch = v; break;
    case CSR_MEPC:          s->mepc = v & ~3u; break;
    case CSR_MCAUSE:        s->mcause = v & CAUSE_MASK; break;
    case CSR_MTVAL:         s->mtval = v; break;
    case CSR_MIP:
        s->mip_sw = (s->mip_sw & ~MIP_MWRITE_MASK) | (v & MIP_MWRITE_MASK);
        break;
    default:
        return false;
    }
    return true;
}

static bool is_counter_shadow(unsigned csr)
{
    return (csr >= CSR_CYCLE && csr <= CSR_CYCLE + 31) ||
           (csr >= CSR_CYCLEH && csr <= CSR_CYCLEH + 31);
}

bool csr_instr(iss_t *s, unsigned csr, unsigned funct3, uint32_t src, bool writes, uint32_t *old)
{
    /* csr.md "Access rules", in order */
    if (s->priv < ((csr >> 8) & 3))
        return false;
    if (writes && (csr >> 10) == 3)
        return false;
    if (csr == CSR_SATP && s->priv == PRV_S && (s->mstatus & BIT(MSTATUS_TVM)))
        return false;
    if (is_counter_shadow(csr)) {
        uint32_t bit = BIT(csr & 31);
        if (s->priv < PRV_M && !(s->mcounteren & bit))
            return false;
        if (s->priv == PRV_U && !(s->scounteren & bit))
            return false;
    }
    uint32_t v;
    if (!csr_read(s, csr, &v))
        return false;
    if (writes) {
        uint32_t nv = (funct3 & 3) == 1 ? src : (funct3 & 3) == 2 ? v | src : v & ~src;
        uint32_t inhibit_before = s->mcountinhibit;
        csr_write(s, csr, nv);
        /* A write to mcountinhibit takes effect for the next instruction (csr.md): the
         * writing instruction itself is counted under the old bits. Its increment is
         * applied lazily under the new ones, so correct it here. */
        uint32_t flipped = inhibit_before ^ s->mcountinhibit;
        if (flipped & INHIBIT_CY)
            s->mcycle += (inhibit_before & INHIBIT_CY) ? (uint64_t)-1 : 1;
        if (flipped & INHIBIT_IR)
            s->minstret += (inhibit_before & INHIBIT_IR) ? (uint64_t)-1 : 1;
        /* The writing instruction does not count itself (csr.md): undo its increment. */
        if ((csr & ~0x80u) == CSR_MCYCLE && !(s->mcountinhibit & INHIBIT_CY))
            s->mcycle--;
        if ((csr & ~0x80u) == CSR_MINSTRET && !(s->mcountinhibit & INHIBIT_IR))
            s->minstret--;
    }
    *old = v;
    batch_break(s);
    return true;
}
