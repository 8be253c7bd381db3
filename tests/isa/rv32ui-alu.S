/* rv32ui-alu — register-register and register-immediate arithmetic, logic and
 * compares; LUI, AUIPC; x0 as source and destination; HINT encodings.
 * Expected values follow the unprivileged spec, chapter 2.4; they were worked out
 * by hand (hex arithmetic) and are independent of any implementation. */
#include "test.h"

/* rd = op(v1, v2), with rd distinct, rd = rs1 and rd = rs2. */
#define RR(op, v1, v2, exp)                                             \
        li a1, v1; li a2, v2; op a3, a1, a2; CHECK_EQ(a3, exp);         \
        li a1, v1; li a2, v2; op a1, a1, a2; CHECK_EQ(a1, exp);         \
        li a1, v1; li a2, v2; op a2, a1, a2; CHECK_EQ(a2, exp)
/* rd = op(v, v) with rs1 = rs2. */
#define RR_SAME(op, v, exp)                                             \
        li a1, v; op a3, a1, a1; CHECK_EQ(a3, exp)
/* rd = op(v1, imm), rd distinct and rd = rs1. */
#define RI(op, v1, imm, exp)                                            \
        li a1, v1; op a3, a1, imm; CHECK_EQ(a3, exp);                   \
        li a1, v1; op a1, a1, imm; CHECK_EQ(a1, exp)

TEST_NAME("rv32ui-alu")
TEST_BEGIN
        /* ---- ADD ---- */
        RR(add, 0, 0, 0)
        RR(add, 1, 1, 2)
        RR(add, 3, 7, 10)
        RR(add, 0x7fffffff, 1, 0x80000000)
        RR(add, 0xffffffff, 1, 0)
        RR(add, 0x80000000, 0x80000000, 0)
        RR(add, 0xffffffff, 0xffffffff, 0xfffffffe)
        RR(add, 0x12345678, 0x0fedcba9, 0x22222221)
        RR_SAME(add, 0x40000001, 0x80000002)

        /* ---- SUB ---- */
        RR(sub, 0, 0, 0)
        RR(sub, 1, 1, 0)
        RR(sub, 3, 7, 0xfffffffc)
        RR(sub, 0, 1, 0xffffffff)
        RR(sub, 0x80000000, 1, 0x7fffffff)
        RR(sub, 0x7fffffff, 0xffffffff, 0x80000000)
        RR(sub, 0x22222221, 0x0fedcba9, 0x12345678)
        RR_SAME(sub, 0x5a5a5a5a, 0)

        /* ---- AND / OR / XOR ---- */
        RR(and, 0xff00ff00, 0x0f0f0f0f, 0x0f000f00)
        RR(and, 0x00ff00ff, 0xf0f0f0f0, 0x00f000f0)
        RR(and, 0xffffffff, 0x12345678, 0x12345678)
        RR(or,  0xff00ff00, 0x0f0f0f0f, 0xff0fff0f)
        RR(or,  0x00ff00ff, 0xf0f0f0f0, 0xf0fff0ff)
        RR(or,  0, 0x12345678, 0x12345678)
        RR(xor, 0xff00ff00, 0x0f0f0f0f, 0xf00ff00f)
        RR(xor, 0x00ff00ff, 0xf0f0f0f0, 0xf00ff00f)
        RR(xor, 0xffffffff, 0x12345678, 0xedcba987)
        RR_SAME(and, 0x89abcdef, 0x89abcdef)
        RR_SAME(xor, 0x89abcdef, 0)

        /* ---- SLT (signed) / SLTU (unsigned) ---- */
        RR(slt, 0, 0, 0)
        RR(slt, 1, 1, 0)
        RR(slt, 3, 7, 1)
        RR(slt, 7, 3, 0)
        RR(slt, 0x80000000, 0, 1)
        RR(slt, 0, 0x80000000, 0)
        RR(slt, 0xffffffff, 0, 1)
        RR(slt, 0xffffffff, 1, 1)
        RR(slt, 0x7fffffff, 0x80000000, 0)
        RR(slt, 0x80000000, 0x7fffffff, 1)
        RR(slt, 0xfffffffe, 0xffffffff, 1)
        RR(sltu, 0, 0, 0)
        RR(sltu, 3, 7, 1)
        RR(sltu, 7, 3, 0)
        RR(sltu, 0x80000000, 0, 0)
        RR(sltu, 0, 0x80000000, 1)
        RR(sltu, 0xffffffff, 0, 0)
        RR(sltu, 0, 0xffffffff, 1)
        RR(sltu, 0x7fffffff, 0x80000000, 1)
        RR(sltu, 0xfffffffe, 0xffffffff, 1)
        RR_SAME(slt, 0x80000000, 0)
        RR_SAME(sltu, 0xffffffff, 0)

        /* ---- ADDI (12-bit signed immediate) ---- */
        RI(addi, 0, 0, 0)
        RI(addi, 1, 1, 2)
        RI(addi, 3, 7, 10)
        RI(addi, 0, -2048, 0xfffff800)
        RI(addi, 0, 2047, 0x000007ff)
        RI(addi, 0x7fffffff, 1, 0x80000000)
        RI(addi, 0x80000000, -1, 0x7fffffff)
        RI(addi, 0xffffffff, 1, 0)
        RI(addi, 0x00001000, -2048, 0x00000800)
        RI(addi, 0x7ffff800, 2047, 0x7fffffff)

        /* ---- SLTI / SLTIU (immediate sign-extended, then compared) ---- */
        RI(slti, 0, 0, 0)
        RI(slti, 0x80000000, 0, 1)
        RI(slti, 0, -1, 0)
        RI(slti, 0xffffffff, 0, 1)
        RI(slti, 0x7fffffff, -2048, 0)
        RI(slti, 0, 2047, 1)
        RI(slti, 2047, 2047, 0)
        RI(slti, 0xfffff800, -2048, 0)
        RI(slti, 0xfffff7ff, -2048, 1)
        RI(sltiu, 0, -1, 1)
        RI(sltiu, 0xfffffffe, -1, 1)
        RI(sltiu, 0xffffffff, -1, 0)
        RI(sltiu, 1, 1, 0)
        RI(sltiu, 0, 1, 1)
        RI(sltiu, 5, 0, 0)
        RI(sltiu, 0x7ff, -2048, 1)
        RI(sltiu, 0xfffff800, -2048, 0)

        /* ---- ANDI / ORI / XORI (immediate sign-extended) ---- */
        RI(andi, 0xff00ff00, 0x0f0, 0x00000000)
        RI(andi, 0xff00ff0f, 0x70f, 0x0000070f)
        RI(andi, 0xff00ff00, -241, 0xff00ff00)       /* imm 0xf0f -> 0xffffff0f */
        RI(andi, 0x12345678, -1, 0x12345678)
        RI(ori,  0xff00ff00, 0x0f0, 0xff00fff0)
        RI(ori,  0x00ff00ff, -241, 0xffffffff)
        RI(ori,  0x12345678, 0, 0x12345678)
        RI(ori,  0x12345000, -2048, 0xfffff800)
        RI(xori, 0x00ff0f00, -241, 0xff00f00f)
        RI(xori, 0x12345678, -1, 0xedcba987)
        RI(xori, 0x0ff00ff0, 0x70f, 0x0ff008ff)

        /* ---- LUI ---- */
        lui  a0, 0
        CHECK_EQ(a0, 0)
        lui  a0, 0xfffff
        CHECK_EQ(a0, 0xfffff000)
        lui  a0, 0x80000
        CHECK_EQ(a0, 0x80000000)
        lui  a0, 0x12345
        CHECK_EQ(a0, 0x12345000)
        lui  a0, 0x7ffff
        addi a0, a0, 0x7ff                  /* lui + addi builds a full constant */
        CHECK_EQ(a0, 0x7ffff7ff)

        /* ---- AUIPC ---- */
1:      auipc a0, 0
        CHECK_EQA(a0, 1b)
2:      auipc a0, 1
        la   a1, 2b
        li   a2, 0x1000
        add  a1, a1, a2
        CHECK_EQR(a0, a1)
3:      auipc a0, 0xfffff
        la   a1, 3b
        li   a2, 0x1000
        sub  a1, a1, a2
        CHECK_EQR(a0, a1)
4:      auipc a0, 0x80000                   /* pc + 0x80000000 wraps */
        la   a1, 4b
        li   a2, 0x80000000
        add  a1, a1, a2
        CHECK_EQR(a0, a1)

        /* ---- x0: reads as zero, writes are discarded ---- */
        li   a1, 0x1234
        add  a3, x0, a1
        CHECK_EQ(a3, 0x1234)
        sub  a3, x0, a1
        CHECK_EQ(a3, 0xffffedcc)
        sub  a3, a1, x0
        CHECK_EQ(a3, 0x1234)
        slt  a3, x0, a1
        CHECK_EQ(a3, 1)
        sltu a3, a1, x0
        CHECK_EQ(a3, 0)
        add  x0, a1, a1
        CHECK_EQ(x0, 0)
        addi x0, x0, 5
        CHECK_EQ(x0, 0)
        lui  x0, 0xabcde
        CHECK_EQ(x0, 0)
        auipc x0, 1
        CHECK_EQ(x0, 0)
        add  a3, x0, x0                     /* and x0 read right after a discarded write */
        CHECK_EQ(a3, 0)
        /* HINTs (rd = x0) execute as no-ops: no trap, no write. */
        TRAP_CLEAR
        addi x0, a1, 7
        slti x0, a1, 3
        andi x0, a1, 1
        slli x0, a1, 3
        add  x0, x0, a1
        CHECK_NO_TRAP
        mv   a3, x0
        CHECK_EQ(a3, 0)

        /* ---- long dependency chain through all registers ---- */
        li   x1, 1
        add  x2, x1, x1
        add  x3, x2, x1
        add  x4, x3, x1
        add  x5, x4, x1
        add  x6, x5, x1
        add  x7, x6, x1
        add  x8, x7, x1
        add  x9, x8, x1
        add  x10, x9, x1
        add  x11, x10, x1
        add  x12, x11, x1
        add  x13, x12, x1
        add  x14, x13, x1
        add  x15, x14, x1
        add  x16, x15, x1
        add  x17, x16, x1
        add  x18, x17, x1
        add  x19, x18, x1
        add  x20, x19, x1
        add  x21, x20, x1
        add  x22, x21, x1
        add  x23, x22, x1
        add  x24, x23, x1
        add  x25, x24, x1
        add  x26, x25, x1
        add  x27, x26, x1
        add  x28, x27, x1
        add  x29, x28, x1
        CHECK_EQ(x29, 29)
        /* every register kept its own value */
        sub  a0, x29, x28
        CHECK_EQ(a0, 1)
        CHECK_EQ(x2, 2)
        CHECK_EQ(x3, 3)
        CHECK_EQ(x7, 7)
        CHECK_EQ(x8, 8)
        CHECK_EQ(x9, 9)
        CHECK_EQ(x16, 16)
        CHECK_EQ(x23, 23)
        CHECK_EQ(x27, 27)
        TEST_PASS
