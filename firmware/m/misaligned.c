/* misaligned.c — emulation of misaligned loads and stores from S/U, and trap
 * redirection to S.
 *
 * The core traps on every misaligned access (cause 4/6). The layer reads the
 * instruction at mepc and performs the access byte by byte with MPRV set and
 * MPP = the trapped mode, so the bytes go through that mode's translation and
 * permissions. A fault on a byte (page fault, access fault) is handed to S as if
 * the instruction had taken it, with stval = the faulting byte's address (a
 * store may then be partly done, as on Linux). AMOs/LR/SC are not emulated: the
 * misaligned cause itself goes to S.
 */
#include "arch.h"
#include "m.h"

volatile uint32_t m_probing, m_probe_cause, m_probe_tval;

#define MPP_MASK   (3u << MSTATUS_MPP_LO)
#define OP_LOAD    0x03
#define OP_STORE   0x23

/* Enters the S trap handler as if the trapped instruction had raised `cause`
 * there (priv spec 3.1.6.1 / 4.1.1: sepc, scause, stval, SPP, SPIE, SIE). */
void m_redirect(struct mframe *f, uint32_t cause, uint32_t tval)
{
    uint32_t ms = f->mstatus;
    uint32_t from = (ms >> MSTATUS_MPP_LO) & 3;

    M_CSR_WRITE(CSR_SEPC, f->mepc);
    M_CSR_WRITE(CSR_SCAUSE, cause);
    M_CSR_WRITE(CSR_STVAL, tval);
    ms &= ~(BIT(MSTATUS_SPP) | BIT(MSTATUS_SPIE) | BIT(MSTATUS_SIE) | MPP_MASK);
    if (from == PRV_S)
        ms |= BIT(MSTATUS_SPP);
    if (f->mstatus & BIT(MSTATUS_SIE))
        ms |= BIT(MSTATUS_SPIE);
    ms |= (uint32_t)PRV_S << MSTATUS_MPP_LO;
    f->mstatus = ms;
    f->mepc = M_CSR_READ(CSR_STVEC) & ~3u;
}

void m_emulate_misaligned(struct mframe *f)
{
    uint32_t back = f->mstatus & ~BIT(MSTATUS_MPRV);
    uint32_t probe = back | BIT(MSTATUS_MPRV);
    uint32_t addr = f->mtval, insn, funct3, len, v = 0;

    m_probing = 1;
    m_probe_cause = 0;
    insn = m_probe_lw(f->mepc, probe | BIT(MSTATUS_MXR), back);
    if (m_probe_cause)
        goto fault;
    funct3 = (insn >> 12) & 7;
    len = 1u << (funct3 & 3);
    if ((insn & 0x7f) == OP_LOAD && (funct3 & 3) != 3) {
        for (uint32_t i = 0; i < len; i++) {
            v |= m_probe_lbu(addr + i, probe, back) << (8 * i);
            if (m_probe_cause)
                goto fault;
        }
        if (!(funct3 & 4) && len < 4 && (v & (1u << (8 * len - 1))))
            v |= ~0u << (8 * len);                 /* lh: sign-extend */
        uint32_t rd = (insn >> 7) & 31;
        if (rd)
            f->x[rd] = v;
    } else if ((insn & 0x7f) == OP_STORE && funct3 < 3) {
        v = f->x[(insn >> 20) & 31];
        for (uint32_t i = 0; i < len; i++) {
            m_probe_sb(addr + i, probe, back, (v >> (8 * i)) & 0xff);
            if (m_probe_cause)
                goto fault;
        }
    } else {
        m_probing = 0;
        m_redirect(f, f->mcause, f->mtval);         /* AMO, LR/SC: S decides */
        return;
    }
    m_probing = 0;
    f->mepc += 4;
    return;
fault:
    m_probing = 0;
    m_redirect(f, m_probe_cause, m_probe_tval);
}
