/* rv32mi-csr — the six CSR instructions (Zicsr): old value to rd, write/set/clear,
 * 5-bit zero-extended immediates, rd = x0, rs1 = x0 / uimm = 0 leave the CSR alone,
 * rd = rs1, back-to-back accesses; sstatus, sie and sip as views of mstatus, mie and
 * mip (priv spec 4.1.1, 4.1.3). Only architecturally fixed behaviour: the exact masks
 * of every CSR are rv32mi-csr-warl's job. */
#include "test.h"

TEST_NAME("rv32mi-csr")
TEST_BEGIN
        /* ---- register forms on mscratch (a full 32-bit read/write register) ---- */
        li   a1, 0x12345678
        csrw mscratch, a1
        li   a2, 0xf0f0f0f0
        csrrw a0, mscratch, a2
        CHECK_EQ(a0, 0x12345678)
        CHECK_CSR(mscratch, 0xf0f0f0f0)
        li   a2, 0x0000ff0f
        csrrs a0, mscratch, a2
        CHECK_EQ(a0, 0xf0f0f0f0)
        CHECK_CSR(mscratch, 0xf0f0ffff)
        li   a2, 0xf00000ff
        csrrc a0, mscratch, a2
        CHECK_EQ(a0, 0xf0f0ffff)
        CHECK_CSR(mscratch, 0x00f0ff00)
        /* rs1 = x0: CSRRS/CSRRC only read */
        csrrs a0, mscratch, x0
        CHECK_EQ(a0, 0x00f0ff00)
        csrrc a0, mscratch, x0
        CHECK_EQ(a0, 0x00f0ff00)
        CHECK_CSR(mscratch, 0x00f0ff00)
        /* rd = x0: CSRRW only writes */
        li   a2, 0xdeadbeef
        csrrw x0, mscratch, a2
        CHECK_CSR(mscratch, 0xdeadbeef)
        CHECK_EQ(x0, 0)
        /* rd = rs1: swap */
        li   a0, 0x0badf00d
        csrrw a0, mscratch, a0
        CHECK_EQ(a0, 0xdeadbeef)
        CHECK_CSR(mscratch, 0x0badf00d)
        /* all ones and all zeros */
        li   a2, -1
        csrw mscratch, a2
        CHECK_CSR(mscratch, 0xffffffff)
        csrw mscratch, zero
        CHECK_CSR(mscratch, 0)

        /* ---- immediate forms: uimm is 5 bits, zero-extended ---- */
        csrrwi a0, mscratch, 31
        CHECK_EQ(a0, 0)
        CHECK_CSR(mscratch, 31)
        csrrci a0, mscratch, 0x15
        CHECK_EQ(a0, 31)
        CHECK_CSR(mscratch, 0x0a)
        csrrsi a0, mscratch, 0x10
        CHECK_EQ(a0, 0x0a)
        CHECK_CSR(mscratch, 0x1a)
        li   a2, 0xffff0000
        csrs mscratch, a2
        csrrsi a0, mscratch, 0              /* uimm = 0: read only */
        CHECK_EQ(a0, 0xffff001a)
        csrrci a0, mscratch, 0
        CHECK_EQ(a0, 0xffff001a)
        CHECK_CSR(mscratch, 0xffff001a)
        csrrci a0, mscratch, 31             /* clears only bits 4:0 */
        CHECK_CSR(mscratch, 0xffff0000)
        csrwi mscratch, 0
        CHECK_CSR(mscratch, 0)
        csrrwi x0, mscratch, 7
        CHECK_CSR(mscratch, 7)

        /* ---- back-to-back: each sees the previous one's effect ---- */
        csrw mscratch, zero
        csrsi mscratch, 1
        csrsi mscratch, 2
        csrsi mscratch, 4
        csrci mscratch, 1
        csrr a0, mscratch
        CHECK_EQ(a0, 6)
        li   a1, 100
        csrw mscratch, a1
        csrr a0, mscratch
        addi a0, a0, 1
        csrw mscratch, a0
        csrr a0, mscratch
        CHECK_EQ(a0, 101)

        /* ---- sscratch, same forms ---- */
        li   a1, 0x89abcdef
        csrrw a0, sscratch, a1
        csrrs a0, sscratch, x0
        CHECK_EQ(a0, 0x89abcdef)
        csrrci a0, sscratch, 0xf
        CHECK_CSR(sscratch, 0x89abcde0)
        ENV_RESTORE_SCRATCH

        /* ---- sstatus is a view of mstatus ---- */
        csrw mstatus, zero
        csrsi sstatus, BIT(MSTATUS_SIE)
        CHECK_CSR(mstatus, BIT(MSTATUS_SIE))
        li   a1, BIT(MSTATUS_SPIE) | BIT(MSTATUS_SPP) | BIT(MSTATUS_SUM) | BIT(MSTATUS_MXR)
        csrs sstatus, a1
        li   a2, BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE) | BIT(MSTATUS_SPP) | BIT(MSTATUS_SUM) | BIT(MSTATUS_MXR)
        csrr a0, mstatus
        CHECK_EQR(a0, a2)
        csrr a0, sstatus
        CHECK_EQR(a0, a2)
        /* M-only fields: not writable through sstatus, not visible in it */
        li   a1, BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE) | (3 << MSTATUS_MPP_LO) | BIT(MSTATUS_MPRV) | BIT(MSTATUS_TVM) | BIT(MSTATUS_TW) | BIT(MSTATUS_TSR)
        csrs sstatus, a1
        csrr a0, mstatus
        CHECK_EQR(a0, a2)
        csrw mstatus, a1
        csrr a0, sstatus
        CHECK_EQ(a0, 0)
        csrw sstatus, zero                  /* clearing through sstatus keeps M fields */
        csrr a0, mstatus
        CHECK_EQR(a0, a1)
        csrc sstatus, a2
        csrw mstatus, zero
        csrwi sstatus, BIT(MSTATUS_SIE)
        csrci sstatus, BIT(MSTATUS_SIE)
        CHECK_CSR(mstatus, 0)

        /* ---- sie / sip: views through mideleg ---- */
        csrw mideleg, zero
        li   a1, BIT(IRQ_S_SOFT) | BIT(IRQ_S_TIMER) | BIT(IRQ_S_EXT)
        csrw mie, a1
        CHECK_CSR(sie, 0)                   /* nothing delegated: nothing visible */
        csrw mideleg, a1
        csrr a0, sie
        CHECK_EQR(a0, a1)
        li   a2, BIT(IRQ_S_SOFT)
        csrc sie, a2                        /* delegated: writes reach mie */
        li   a2, BIT(IRQ_S_TIMER) | BIT(IRQ_S_EXT)
        csrr a0, mie
        CHECK_EQR(a0, a2)
        li   a2, BIT(IRQ_M_SOFT)
        csrs sie, a2                        /* an M bit: not reachable */
        li   a2, BIT(IRQ_S_TIMER) | BIT(IRQ_S_EXT)
        csrr a0, mie
        CHECK_EQR(a0, a2)
        csrw mie, zero
        /* sip.SSIP: written through sip when delegated, seen in mip */
        csrw mip, zero
        csrsi sip, BIT(IRQ_S_SOFT)
        csrr a0, mip
        andi a0, a0, BIT(IRQ_S_SOFT)
        CHECK_EQ(a0, BIT(IRQ_S_SOFT))
        csrr a0, sip
        andi a0, a0, BIT(IRQ_S_SOFT)
        CHECK_EQ(a0, BIT(IRQ_S_SOFT))
        csrci sip, BIT(IRQ_S_SOFT)
        csrr a0, mip
        andi a0, a0, BIT(IRQ_S_SOFT)
        CHECK_EQ(a0, 0)
        /* M sets SSIP in mip; not delegated, sip does not show it */
        csrw mideleg, zero
        csrsi mip, BIT(IRQ_S_SOFT)
        csrr a0, sip
        CHECK_EQ(a0, 0)
        csrr a0, mip
        andi a0, a0, BIT(IRQ_S_SOFT)
        CHECK_EQ(a0, BIT(IRQ_S_SOFT))
        csrci mip, BIT(IRQ_S_SOFT)
        csrr a0, mip
        CHECK_EQ(a0, 0)
        TEST_PASS
