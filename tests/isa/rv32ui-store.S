/* rv32ui-store — SB/SH/SW into every lane (only the addressed bytes change), only the
 * low bits of rs2 are stored, negative and extreme offsets, x0 as data, stores followed
 * at once by loads of the same bytes, data and address produced just before. */
#include "test.h"

/* Reset the word at 0(a0) to 0x11223344. */
#define RESET_WORD  li t0, 0x11223344; sw t0, 0(a0)

TEST_NAME("rv32ui-store")
TEST_BEGIN
        la   a0, sbuf
        li   a2, 0x123456aa
        RESET_WORD
        sb   a2, 0(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0x112233aa)
        RESET_WORD
        sb   a2, 1(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0x1122aa44)
        RESET_WORD
        sb   a2, 2(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0x11aa3344)
        RESET_WORD
        sb   a2, 3(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0xaa223344)
        li   a2, 0xa5a5beef
        RESET_WORD
        sh   a2, 0(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0x1122beef)
        RESET_WORD
        sh   a2, 2(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0xbeef3344)
        RESET_WORD
        sw   a2, 0(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0xa5a5beef)
        /* neighbours untouched */
        li   t0, 0x55555555
        sw   t0, 4(a0)
        sw   t0, 8(a0)
        li   a2, -1
        sb   a2, 7(a0)
        sh   a2, 8(a0)
        lw   a1, 4(a0)
        CHECK_EQ(a1, 0xff555555)
        lw   a1, 8(a0)
        CHECK_EQ(a1, 0x5555ffff)
        lw   a1, 12(a0)
        CHECK_EQ(a1, 0)

        /* x0 as data */
        RESET_WORD
        sb   x0, 1(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0x11220044)
        sw   x0, 0(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0)

        /* negative and extreme offsets */
        la   a0, sbuf + 32
        li   a2, 0xcafef00d
        sw   a2, -32(a0)
        la   a3, sbuf
        lw   a1, 0(a3)
        CHECK_EQ(a1, 0xcafef00d)
        la   a0, sbuf + 2048
        li   a2, 0x0badcafe
        sw   a2, -2048(a0)
        lw   a1, 0(a3)
        CHECK_EQ(a1, 0x0badcafe)
        la   a0, sbuf + 16 - 2047
        li   a2, 0x77
        sb   a2, 2047(a0)
        lbu  a1, 16(a3)
        CHECK_EQ(a1, 0x77)

        /* store then load at once: full, partial, and a byte into a stored word */
        la   a0, sbuf
        li   a2, 0x11223344
        sw   a2, 0(a0)
        lb   a1, 2(a0)
        CHECK_EQ(a1, 0x22)
        li   a2, 0x99
        sb   a2, 1(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0x11229944)
        li   a2, 0x8765
        sh   a2, 2(a0)
        lh   a1, 2(a0)
        CHECK_EQ(a1, 0xffff8765)
        /* several stores to one word, then one load */
        li   a2, 0xa1
        sb   a2, 0(a0)
        li   a2, 0xb2
        sb   a2, 1(a0)
        li   a2, 0xc3
        sb   a2, 2(a0)
        li   a2, 0xd4
        sb   a2, 3(a0)
        lw   a1, 0(a0)
        CHECK_EQ(a1, 0xd4c3b2a1)

        /* data and address produced by the instruction right before the store */
        li   a2, 0x100
        addi a2, a2, 0x23
        sw   a2, 4(a0)
        lw   a1, 4(a0)
        CHECK_EQ(a1, 0x123)
        la   a4, sbuf
        addi a4, a4, 8
        sw   a2, 0(a4)
        lw   a1, 8(a0)
        CHECK_EQ(a1, 0x123)
        /* loaded value stored at once */
        lw   a5, 0(a0)
        sw   a5, 12(a0)
        lw   a1, 12(a0)
        CHECK_EQ(a1, 0xd4c3b2a1)
        TEST_PASS

        .bss
        .balign 16
sbuf:   .space 64
