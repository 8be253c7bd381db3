/* rv32ua-amo — AMOSWAP/ADD/AND/OR/XOR/MIN/MAX/MINU/MAXU.W: rd gets the old memory
 * word, memory gets op(old, rs2); signed and unsigned min/max edges; rd = x0 (memory
 * still updated), rd = rs2, aq/rl variants, neighbouring words untouched. */
#include "test.h"

/* mem = init; rd = amo(mem, v) must be init and mem must become exp. */
#define AMO(op, init, v, exp)                                           \
        li t0, init; sw t0, 0(s0);                                      \
        li a2, v; op a3, a2, (s0);                                      \
        CHECK_EQ(a3, init);                                             \
        lw a4, 0(s0); CHECK_EQ(a4, exp)

TEST_NAME("rv32ua-amo")
TEST_BEGIN
        la   s0, abuf + 4
        li   t0, 0x5a5a5a5a                 /* guards around the target word */
        sw   t0, -4(s0)
        sw   t0, 4(s0)

        AMO(amoswap.w, 0x11111111, 0x22222222, 0x22222222)
        AMO(amoswap.w, 0, 0xffffffff, 0xffffffff)
        AMO(amoadd.w,  1, 2, 3)
        AMO(amoadd.w,  0x7fffffff, 1, 0x80000000)
        AMO(amoadd.w,  0xffffffff, 1, 0)
        AMO(amoadd.w,  0x80000000, 0x80000000, 0)
        AMO(amoand.w,  0xff00ff00, 0x0f0f0f0f, 0x0f000f00)
        AMO(amoor.w,   0xff00ff00, 0x0f0f0f0f, 0xff0fff0f)
        AMO(amoxor.w,  0xff00ff00, 0x0f0f0f0f, 0xf00ff00f)
        AMO(amoxor.w,  0x12345678, 0x12345678, 0)
        /* signed min/max */
        AMO(amomin.w,  0x80000000, 1, 0x80000000)
        AMO(amomin.w,  1, 0x80000000, 0x80000000)
        AMO(amomin.w,  0xffffffff, 0, 0xffffffff)
        AMO(amomin.w,  5, 3, 3)
        AMO(amomin.w,  7, 7, 7)
        AMO(amomin.w,  0x7fffffff, 0x80000000, 0x80000000)
        AMO(amomax.w,  0x80000000, 1, 1)
        AMO(amomax.w,  0xffffffff, 0, 0)
        AMO(amomax.w,  5, 3, 5)
        AMO(amomax.w,  0x7fffffff, 0x80000000, 0x7fffffff)
        AMO(amomax.w,  0xfffffffe, 0xffffffff, 0xffffffff)
        /* unsigned min/max */
        AMO(amominu.w, 0x80000000, 1, 1)
        AMO(amominu.w, 0xffffffff, 0, 0)
        AMO(amominu.w, 3, 5, 3)
        AMO(amominu.w, 0x7fffffff, 0x80000000, 0x7fffffff)
        AMO(amomaxu.w, 0x80000000, 1, 0x80000000)
        AMO(amomaxu.w, 0xffffffff, 0, 0xffffffff)
        AMO(amomaxu.w, 3, 5, 5)
        AMO(amomaxu.w, 0x7fffffff, 0x80000000, 0x80000000)
        /* ordering bits do not change the result */
        AMO(amoadd.w.aq,   10, 5, 15)
        AMO(amoadd.w.rl,   10, 6, 16)
        AMO(amoadd.w.aqrl, 10, 7, 17)
        AMO(amoswap.w.aqrl, 1, 2, 2)
        AMO(amomaxu.w.aq,  1, 2, 2)

        /* guards untouched */
        lw   a4, -4(s0)
        CHECK_EQ(a4, 0x5a5a5a5a)
        lw   a4, 4(s0)
        CHECK_EQ(a4, 0x5a5a5a5a)

        /* rd = x0: memory is still updated */
        li   t0, 100
        sw   t0, 0(s0)
        li   a2, 23
        amoadd.w x0, a2, (s0)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 123)
        CHECK_EQ(x0, 0)
        /* rd = rs2: the old value lands in rd, the new uses the old rs2 */
        li   a2, 7
        amoswap.w a2, a2, (s0)
        CHECK_EQ(a2, 123)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 7)
        li   a2, 3
        amoadd.w a2, a2, (s0)
        CHECK_EQ(a2, 7)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 10)
        /* rs2 = x0 */
        amoswap.w a3, x0, (s0)
        CHECK_EQ(a3, 10)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0)
        /* rd = rs1: the address is read before rd is written */
        mv   a5, s0
        li   a2, 0x40
        sw   a2, 0(s0)
        amoor.w a5, a2, (a5)
        CHECK_EQ(a5, 0x40)
        /* a store right before and a load right after the AMO */
        li   t0, 1000
        sw   t0, 0(s0)
        li   a2, 1
        amoadd.w a3, a2, (s0)
        lw   a4, 0(s0)
        CHECK_EQ(a3, 1000)
        CHECK_EQ(a4, 1001)
        /* a run of AMOs on one word */
        sw   zero, 0(s0)
        li   a2, 1
        li   a1, 50
1:      amoadd.w x0, a2, (s0)
        addi a1, a1, -1
        bnez a1, 1b
        lw   a4, 0(s0)
        CHECK_EQ(a4, 50)
        TEST_PASS

        .bss
        .balign 16
abuf:   .space 16
