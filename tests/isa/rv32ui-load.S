/* rv32ui-load — LB/LH/LW/LBU/LHU: every byte and halfword position, sign and zero
 * extension, negative and extreme offsets, rd = base, rd = x0, load-use chains. */
#include "test.h"

TEST_NAME("rv32ui-load")
TEST_BEGIN
        la   a0, ldat
        /* bytes of word 0 (0x80ff7f01): 01 7f ff 80 */
        lb   a1, 0(a0)
        CHECK_EQ(a1, 0x00000001)
        lb   a1, 1(a0)
        CHECK_EQ(a1, 0x0000007f)
        lb   a1, 2(a0)
        CHECK_EQ(a1, 0xffffffff)
        lb   a1, 3(a0)
        CHECK_EQ(a1, 0xffffff80)
        lbu  a1, 0(a0)
        CHECK_EQ(a1, 0x01)
        lbu  a1, 1(a0)
        CHECK_EQ(a1, 0x7f)
        lbu  a1, 2(a0)
        CHECK_EQ(a1, 0xff)
        lbu  a1, 3(a0)
        CHECK_EQ(a1, 0x80)
        /* halfwords */
        lh   a1, 0(a0)
        CHECK_EQ(a1, 0x00007f01)
        lh   a1, 2(a0)
        CHECK_EQ(a1, 0xffff80ff)
        lhu  a1, 0(a0)
        CHECK_EQ(a1, 0x7f01)
        lhu  a1, 2(a0)
        CHECK_EQ(a1, 0x80ff)
        lh   a1, 4(a0)                      /* word 1 = 0x00f08f0f */
        CHECK_EQ(a1, 0xffff8f0f)
        lh   a1, 6(a0)
        CHECK_EQ(a1, 0x000000f0)
        lhu  a1, 4(a0)
        CHECK_EQ(a1, 0x8f0f)
        lhu  a1, 6(a0)
        CHECK_EQ(a1, 0x00f0)
        /* words */
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0x80ff7f01)
        lw   a1, 4(a0)
        CHECK_EQ(a1, 0x00f08f0f)
        lw   a1, 8(a0)
        CHECK_EQ(a1, 0xdeadbeef)
        lw   a1, 12(a0)
        CHECK_EQ(a1, 0x7ffe8001)
        lb   a1, 15(a0)
        CHECK_EQ(a1, 0x7f)
        lb   a1, 14(a0)
        CHECK_EQ(a1, 0xfffffffe)
        lh   a1, 12(a0)
        CHECK_EQ(a1, 0xffff8001)

        /* negative offsets */
        la   a0, ldat + 16
        lw   a1, -16(a0)
        CHECK_EQ(a1, 0x80ff7f01)
        lb   a1, -13(a0)
        CHECK_EQ(a1, 0xffffff80)
        lhu  a1, -6(a0)
        CHECK_EQ(a1, 0xdead)
        lh   a1, -6(a0)
        CHECK_EQ(a1, 0xffffdead)
        /* extreme offsets */
        la   a0, ldat + 2048
        lw   a1, -2048(a0)
        CHECK_EQ(a1, 0x80ff7f01)
        la   a0, ldat + 8 - 2047
        lbu  a1, 2047(a0)
        CHECK_EQ(a1, 0xef)

        /* rd = base */
        la   a0, ldat + 8
        lw   a0, 0(a0)
        CHECK_EQ(a0, 0xdeadbeef)
        /* rd = x0: the load happens, nothing is written */
        la   a0, ldat
        lw   x0, 0(a0)
        CHECK_EQ(x0, 0)
        lb   x0, 3(a0)
        add  a1, x0, x0
        CHECK_EQ(a1, 0)

        /* load-use: the value feeds the next instruction */
        la   a0, ldat
        lw   a1, 8(a0)
        addi a2, a1, 1
        CHECK_EQ(a2, 0xdeadbef0)
        lbu  a1, 2(a0)
        add  a2, a1, a1
        CHECK_EQ(a2, 0x1fe)
        /* pointer chasing: each load's value is the next address */
        la   a0, chain
        lw   a0, 0(a0)
        lw   a0, 0(a0)
        lw   a0, 0(a0)
        lw   a1, 4(a0)
        CHECK_EQ(a1, 0xc0ffee00)
        /* back-to-back loads of different sizes into the same register */
        la   a0, ldat
        lw   a1, 0(a0)
        lh   a1, 2(a0)
        lbu  a1, 1(a0)
        CHECK_EQ(a1, 0x7f)
        TEST_PASS

        .data
        .balign 16
ldat:   .word 0x80ff7f01
        .word 0x00f08f0f
        .word 0xdeadbeef
        .word 0x7ffe8001
        .balign 16
chain:  .word chain + 8
        .word 0
        .word chain + 16
        .word 0
        .word chain + 24
        .word 0
        .word 0
        .word 0xc0ffee00
