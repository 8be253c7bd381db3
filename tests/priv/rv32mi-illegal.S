/* rv32mi-illegal — reserved and unsupported encodings raise an illegal-instruction
 * exception with tval = the instruction bits (priv spec 3.1.16; docs/csr.md "Traps"),
 * rd is not written and execution continues after the handler skips them.
 * Encodings are chosen outside every ratified extension QEMU 7.2 knows, so the result
 * is the same on any RV32IMA hart without those extensions. */
#include "test.h"

#define R(f7, rs2, rs1, f3, rd, op) \
        (((f7) << 25) | ((rs2) << 20) | ((rs1) << 15) | ((f3) << 12) | ((rd) << 7) | (op))
#define I(imm, rs1, f3, rd, op) \
        ((((imm) & 0xfff) << 20) | ((rs1) << 15) | ((f3) << 12) | ((rd) << 7) | (op))
#define A0 10
#define A1 11
#define A2 12

#define EXPECT_ILLEGAL(bits)                                            \
        li   a0, 0x5a5a;                                                \
        TRAP_CLEAR;                                                     \
8001:   .word bits;                                                     \
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8001b);                   \
        CHECK_TVAL(bits);                                               \
        CHECK_EQ(a0, 0x5a5a)

TEST_NAME("rv32mi-illegal")
TEST_BEGIN
        li   a1, 3
        li   a2, 5
        /* all zeros, all ones */
        EXPECT_ILLEGAL(0x00000000)
        EXPECT_ILLEGAL(0xffffffff)
        /* opcodes of extensions we do not have: custom-0..3, OP-32 and OP-IMM-32
         * (RV64), LOAD-FP/STORE-FP/OP-FP/MADD (F), OP-V (V), reserved 0x6b */
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x0b))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x2b))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x5b))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x7b))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x3b))
        EXPECT_ILLEGAL(I(1, A1, 0, A0, 0x1b))
        EXPECT_ILLEGAL(I(0, A1, 2, A0, 0x07))
        EXPECT_ILLEGAL(R(0, A2, A1, 2, 0, 0x27))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x53))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x43))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x57))
        EXPECT_ILLEGAL(R(0, A2, A1, 0, A0, 0x6b))
        /* OP with reserved funct7 / funct3 combinations */
        EXPECT_ILLEGAL(R(0x02, A2, A1, 0, A0, 0x33))
        EXPECT_ILLEGAL(R(0x40, A2, A1, 0, A0, 0x33))
        EXPECT_ILLEGAL(R(0x20, A2, A1, 2, A0, 0x33))
        EXPECT_ILLEGAL(R(0x20, A2, A1, 3, A0, 0x33))
        EXPECT_ILLEGAL(R(0x7f, A2, A1, 7, A0, 0x33))
        /* shifts by immediate: imm[11:5] other than 0 (SLLI/SRLI) or 0x20 (SRAI);
         * shamt[5] = 1 is reserved on RV32 */
        EXPECT_ILLEGAL(R(0x01, 1, A1, 1, A0, 0x13))
        EXPECT_ILLEGAL(R(0x01, 1, A1, 5, A0, 0x13))
        EXPECT_ILLEGAL(R(0x21, 1, A1, 5, A0, 0x13))
        EXPECT_ILLEGAL(R(0x40, 1, A1, 5, A0, 0x13))
        EXPECT_ILLEGAL(R(0x02, 1, A1, 1, A0, 0x13))
        EXPECT_ILLEGAL(R(0x20, 1, A1, 1, A0, 0x13))
        /* loads with funct3 3, 6, 7; stores with funct3 3..7 */
        la   a1, ibuf
        EXPECT_ILLEGAL(I(0, A1, 3, A0, 0x03))
        EXPECT_ILLEGAL(I(0, A1, 6, A0, 0x03))
        EXPECT_ILLEGAL(I(0, A1, 7, A0, 0x03))
        EXPECT_ILLEGAL(R(0, A2, A1, 3, 0, 0x23))
        EXPECT_ILLEGAL(R(0, A2, A1, 4, 0, 0x23))
        EXPECT_ILLEGAL(R(0, A2, A1, 7, 0, 0x23))
        /* branches with funct3 2 and 3; JALR with funct3 != 0 */
        EXPECT_ILLEGAL(R(0, A2, A1, 2, 8, 0x63))
        EXPECT_ILLEGAL(R(0, A2, A1, 3, 8, 0x63))
        EXPECT_ILLEGAL(I(0, A1, 1, A0, 0x67))
        EXPECT_ILLEGAL(I(0, A1, 4, A0, 0x67))
        /* MISC-MEM funct3 3..7 */
        EXPECT_ILLEGAL(I(0, 0, 3, 0, 0x0f))
        EXPECT_ILLEGAL(I(0, 0, 7, 0, 0x0f))
        /* SYSTEM: funct3 4; funct3 0 with unknown funct12 (uret, dret outside debug
         * mode, 0x003, 0x7ff) */
        EXPECT_ILLEGAL(I(0x7ff, 0, 4, 0, 0x73))
        EXPECT_ILLEGAL(I(0x002, 0, 0, 0, 0x73))
        EXPECT_ILLEGAL(I(0x7b2, 0, 0, 0, 0x73))
        EXPECT_ILLEGAL(I(0x003, 0, 0, 0, 0x73))
        EXPECT_ILLEGAL(I(0x7ff, 0, 0, 0, 0x73))
        /* AMO: reserved funct5 values; funct3 other than 2 (.D is RV64) */
        EXPECT_ILLEGAL(R(0x06 << 2, A2, A1, 2, A0, 0x2f))
        EXPECT_ILLEGAL(R(0x0a << 2, A2, A1, 2, A0, 0x2f))
        EXPECT_ILLEGAL(R(0x1f << 2, A2, A1, 2, A0, 0x2f))
        EXPECT_ILLEGAL(R(0x00 << 2, A2, A1, 3, A0, 0x2f))
        EXPECT_ILLEGAL(R(0x01 << 2, A2, A1, 7, A0, 0x2f))
        /* the memory the illegal loads/stores/AMOs pointed at is untouched */
        la   a1, ibuf
        lw   a0, 0(a1)
        CHECK_EQ(a0, 0x600dc0de)

        /* 16-bit (compressed) encodings: no C extension, so illegal. Only the cause
         * and epc are checked: how many bits tval holds for a 16-bit parcel is not
         * fixed by the spec. */
        TRAP_CLEAR
8002:   .word 0x00010001                    /* c.nop, c.nop */
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8002b)
        TRAP_CLEAR
8003:   .word 0x45014501                    /* c.li a0, 0 (twice) */
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8003b)
        TRAP_CLEAR
8004:   .word 0x00008082                    /* c.jr ra */
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8004b)
        TEST_PASS

        .data
        .balign 16
ibuf:   .word 0x600dc0de
        .word 0x600dc0de
