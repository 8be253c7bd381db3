/* rv32mi-csr-warl — every WARL choice of docs/csr.md, CSR by CSR: which bits are
 * stored, what reserved values turn into, the read-only identification values, the
 * PMP lock rules, and that a CSRRS/CSRRC with rs1 != x0 is a write even when rs1
 * holds 0. vsim-only: these are our choices (QEMU stores other bit sets, ignores
 * mtvec mode 2/3 writes, keeps mepc[1:0], writes nothing for a zero mask). */
#include "test.h"

/* csr := value, then it must read back as exp. */
#define WR(csr, value, exp)  li a0, value; csrw csr, a0; CHECK_CSR(csr, exp)

TEST_NAME("rv32mi-csr-warl")
TEST_BEGIN
        /* ---- identification: fixed values, misa writes ignored ---- */
        CHECK_CSR(mvendorid, MVENDORID_VALUE)
        CHECK_CSR(marchid, MARCHID_VALUE)
        CHECK_CSR(mimpid, MIMPID_VALUE)
        CHECK_CSR(mhartid, 0)
        CHECK_CSR(mconfigptr, 0)
        CHECK_CSR(misa, MISA_VALUE)
        TRAP_CLEAR
        csrw misa, zero
        li   a0, -1
        csrw misa, a0
        CHECK_NO_TRAP
        CHECK_CSR(misa, MISA_VALUE)
        /* reset value documented in csr.md (crt does not write menvcfgh) */
        CHECK_CSR(menvcfgh, 0)

        /* ---- mstatus / mstatush / sstatus ---- */
        WR(mstatus, 0xffffffff, MSTATUS_WMASK)
        WR(mstatus, 0, 0)
        WR(mstatus, 2 << MSTATUS_MPP_LO, 0)                     /* MPP 2 -> U */
        WR(mstatus, 1 << MSTATUS_MPP_LO, 1 << MSTATUS_MPP_LO)
        WR(mstatus, 3 << MSTATUS_MPP_LO, 3 << MSTATUS_MPP_LO)
        WR(mstatus, (3 << 13) | (3 << 9) | (3 << 15) | BIT(31), 0)   /* FS VS XS SD */
        WR(mstatush, 0xffffffff, 0)
        WR(sstatus, 0xffffffff, SSTATUS_MASK)
        CHECK_CSR(mstatus, SSTATUS_MASK)
        WR(sstatus, 0, 0)
        CHECK_CSR(mstatus, 0)

        /* ---- delegation, enables, pending ---- */
        WR(medeleg, 0xffffffff, MEDELEG_MASK)
        WR(medeleg, 0, 0)
        WR(mideleg, 0xffffffff, MIDELEG_MASK)
        WR(mie, 0xffffffff, MIE_MASK)
        CHECK_CSR(sie, MIDELEG_MASK)
        WR(sie, 0, 0)
        CHECK_CSR(mie, MIE_MASK & ~MIDELEG_MASK)
        WR(mie, 0, 0)
        WR(mip, 0xffffffff, MIP_MWRITE_MASK)
        CHECK_CSR(sip, MIP_MWRITE_MASK)
        WR(mip, 0, 0)
        WR(sip, 0xffffffff, SIP_WRITE_MASK)                      /* only SSIP */
        CHECK_CSR(mip, SIP_WRITE_MASK)
        WR(sip, 0, 0)
        WR(mideleg, 0, 0)
        WR(mip, BIT(IRQ_S_SOFT), BIT(IRQ_S_SOFT))
        WR(sip, 0, 0)                        /* not delegated: sip writes do nothing */
        CHECK_CSR(mip, BIT(IRQ_S_SOFT))
        WR(mip, 0, 0)

        /* ---- trap vectors: bit 1 reads 0, mode 2 -> 0, mode 3 -> 1; vectored: bits 5:2 read 0 ---- */
        csrr s0, mtvec
        li   a0, 0xffffffff
        csrw mtvec, a0
        csrr a1, mtvec
        li   a0, 0x12345678
        csrw mtvec, a0
        csrr a2, mtvec
        li   a0, 0x8765432e
        csrw mtvec, a0
        csrr a3, mtvec
        li   a0, 0x8765432f
        csrw mtvec, a0
        csrr a4, mtvec
        csrw mtvec, s0
        CHECK_EQ(a1, 0xffffffc1)
        CHECK_EQ(a2, 0x12345678)
        CHECK_EQ(a3, 0x8765432c)
        CHECK_EQ(a4, 0x87654301)
        csrr s0, stvec
        WR(stvec, 0xffffffff, 0xffffffc1)
        WR(stvec, 0x8765432e, 0x8765432c)
        WR(stvec, 0x00000103, 0x00000101)
        WR(stvec, 0x0000013d, 0x00000101)
        csrw stvec, s0

        /* ---- epc: bits 1:0 read 0; cause: interrupt bit and code 3:0; tval, scratch: all ---- */
        WR(mepc, 0xffffffff, 0xfffffffc)
        WR(mepc, 0x80000003, 0x80000000)
        WR(sepc, 0xffffffff, 0xfffffffc)
        WR(sepc, 0x12345676, 0x12345674)
        WR(mcause, 0xffffffff, 0x8000000f)
        WR(mcause, 0x7ffffff5, 0x00000005)
        WR(scause, 0x8000abcd, 0x8000000d)
        WR(mtval, 0xa5a5a5a5, 0xa5a5a5a5)
        WR(stval, 0x5a5a5a5a, 0x5a5a5a5a)

        /* ---- counters enables, envcfg, satp ---- */
        WR(mcounteren, 0xffffffff, COUNTEREN_MASK)
        WR(mcounteren, 0xa5a5a5a5, 0xa5a5a5a5 & COUNTEREN_MASK)
        WR(mcounteren, 0, 0)
        WR(scounteren, 0xffffffff, COUNTEREN_MASK)
        WR(scounteren, 0, 0)
        WR(mcountinhibit, 0xffffffff, 0x7fd)
        WR(mcountinhibit, 0, 0)
        WR(menvcfg, 0xffffffff, BIT(ENVCFG_FIOM))
        WR(menvcfg, 0, 0)
        WR(menvcfgh, 0xffffffff, BIT(MENVCFGH_ADUE))
        WR(menvcfgh, 0, 0)
        WR(senvcfg, 0xffffffff, BIT(ENVCFG_FIOM))
        WR(senvcfg, 0, 0)
        WR(satp, 0xffffffff, 0xffffffff)    /* MODE, 9 ASID bits, 22 PPN bits */
        WR(satp, 0x7fc00000, 0x7fc00000)
        WR(satp, 0, 0)

        /* ---- PMP: cfg bits 6:5 read 0; R = 0 with W = 1 stores W = 0 ---- */
        WR(pmpcfg1, 0x7f7f7f7f, 0x1f1f1f1f)
        WR(pmpcfg1, 0x02020202, 0)
        WR(pmpcfg2, 0x0a0b0302, 0x080b0300)     /* W alone -> 0; W+TOR -> TOR */
        WR(pmpcfg3, 0x60401807, 0x00001807)
        WR(pmpcfg1, 0, 0)
        WR(pmpcfg2, 0, 0)
        WR(pmpcfg3, 0, 0)
        WR(pmpaddr1, 0xffffffff, 0xffffffff)
        WR(pmpaddr7, 0x12345678, 0x12345678)
        WR(pmpaddr15, 0x87654321, 0x87654321)
        WR(pmpaddr1, 0, 0)
        WR(pmpaddr7, 0, 0)
        CHECK_CSR(pmpaddr0, 0xffffffff)     /* entry 0 as crt left it */
        CHECK_CSR(pmpcfg0, BIT(PMPCFG_R) | BIT(PMPCFG_W) | BIT(PMPCFG_X) | (3 << PMPCFG_A_LO))

        /* ---- a zero-valued rs1 other than x0 is a write ---- */
        li   a1, 0
        TRAP_CLEAR
1:      csrrs a0, mvendorid, a1
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        TRAP_CLEAR
1:      csrrc a0, mhartid, a1
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        TRAP_CLEAR
1:      csrrs a0, cycle, a1
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)

        /* ---- PMP locks (last: they last until reset). Entry 15 TOR over [0, 0) and
         * entry 13 OFF match nothing, so locking them restricts no access. ---- */
        WR(pmpaddr14, 0, 0)
        WR(pmpaddr15, 0, 0)
        WR(pmpaddr13, 0x100, 0x100)
        WR(pmpcfg3, 0x88008000, 0x88008000)  /* 15: L TOR; 13: L OFF; 12, 14: 0 */
        WR(pmpcfg3, 0x0f0f0f0f, 0x880f800f)  /* bytes of 13 and 15 ignore writes */
        WR(pmpcfg3, 0, 0x88008000)
        WR(pmpaddr15, 0x1000, 0)             /* locked entry */
        WR(pmpaddr14, 0x1000, 0)             /* below a locked TOR entry */
        WR(pmpaddr13, 0x2000, 0x100)         /* locked (OFF) entry */
        WR(pmpaddr12, 0x3000, 0x3000)        /* unlocked neighbour */
        WR(pmpaddr12, 0, 0)
        TEST_PASS
