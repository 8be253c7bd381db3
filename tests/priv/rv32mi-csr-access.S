/* rv32mi-csr-access — CSR access rules (priv spec 2.1, docs/csr.md "Access rules"):
 * too low a privilege (csr[9:8]) is illegal; writing a read-only CSR (csr[11:10] = 3)
 * is illegal, where "writing" means CSRRW/CSRRWI always, CSRRS/CSRRC with rs1 != x0
 * and CSRRSI/CSRRCI with uimm != 0; an unimplemented address is illegal. tval holds
 * the instruction bits; rd is not written. (rs1 != x0 holding zero is also a write;
 * QEMU 7.2 gets that case wrong, so it lives in the vsim-only rv32mi-csr-warl.) */
#include "test.h"

/* CSR instruction encoding: csr[31:20] rs1/uimm[19:15] funct3 rd[11:7] 0x73 */
#define CSRI(csr, rs1, f3, rd)  (((csr) << 20) | ((rs1) << 15) | ((f3) << 12) | ((rd) << 7) | 0x73)
#define F_RW  1
#define F_RS  2
#define F_RC  3
#define F_RWI 5
#define F_RSI 6
#define F_RCI 7
#define A0 10
#define A1 11

/* The instruction at label must trap as illegal at `level` with tval = its bits,
 * leaving a0 = 0x5a5a. */
#define EXPECT_ILLEGAL(level, bits)                                     \
        li   a0, 0x5a5a;                                                \
        TRAP_CLEAR;                                                     \
8001:   .word bits;                                                     \
        CHECK_TRAP(level, CAUSE_ILLEGAL_INSN, 8001b);                   \
        CHECK_TVAL(bits);                                               \
        CHECK_EQ(a0, 0x5a5a)
#define EXPECT_LEGAL(bits)                                              \
        TRAP_CLEAR;                                                     \
        .word bits;                                                     \
        CHECK_NO_TRAP

TEST_NAME("rv32mi-csr-access")
TEST_BEGIN
        li   a1, 1                          /* rs1 = a1 */

        /* ---- read-only CSRs from M ---- */
        EXPECT_LEGAL(CSRI(CSR_MVENDORID, 0, F_RS, A0))      /* csrr */
        EXPECT_LEGAL(CSRI(CSR_MHARTID, 0, F_RC, A0))        /* csrrc rs1 = x0 */
        EXPECT_LEGAL(CSRI(CSR_MIMPID, 0, F_RSI, A0))        /* csrrsi uimm 0 */
        EXPECT_LEGAL(CSRI(CSR_MARCHID, 0, F_RCI, A0))       /* csrrci uimm 0 */
        EXPECT_LEGAL(CSRI(CSR_CYCLE, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MVENDORID, A1, F_RW, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MVENDORID, A1, F_RW, 0))     /* rd = x0 */
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MHARTID, A1, F_RS, A0))      /* rs1 != x0 */
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MHARTID, A1, F_RC, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MIMPID, 0, F_RWI, A0))       /* CSRRWI uimm 0 */
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MARCHID, 1, F_RSI, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MARCHID, 1, F_RCI, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_CYCLE, A1, F_RW, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_INSTRET, 3, F_RSI, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_TIME, A1, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MCONFIGPTR, A1, F_RW, A0))

        /* ---- unimplemented addresses (also on other RV32 harts without them) ---- */
        EXPECT_ILLEGAL(PRV_M, CSRI(0x7c0, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(0x321, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(0x3a4, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(0x3c0, A1, F_RW, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(0xb01, 0, F_RS, A0))

        /* ---- from S: M-level CSRs are illegal, S-level ones legal ---- */
        ENTER_S
        EXPECT_LEGAL(CSRI(CSR_SSCRATCH, 0, F_RS, A0))
        EXPECT_LEGAL(CSRI(CSR_SSTATUS, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MSCRATCH, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MSCRATCH, A1, F_RW, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MSTATUS, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MEPC, 0, F_RCI, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MHARTID, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MCYCLE, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_PMPCFG0, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MIP, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MTVEC, A1, F_RW, 0))
        TRAP_FIELD(TRAP_PREV)
        CHECK_EQ(t5, PRV_S)
        ENTER_M

        /* ---- from U: S- and M-level CSRs are illegal ---- */
        ENTER_U
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_SSCRATCH, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_SSTATUS, A1, F_RW, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_SATP, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_STVEC, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MSCRATCH, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MSTATUS, 0, F_RSI, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(CSR_MVENDORID, 0, F_RS, A0))
        EXPECT_ILLEGAL(PRV_M, CSRI(0x7c0, 0, F_RS, A0))
        TRAP_FIELD(TRAP_PREV)
        CHECK_EQ(t5, PRV_U)
        ENTER_M
        TEST_PASS
