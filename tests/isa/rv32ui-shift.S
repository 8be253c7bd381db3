/* rv32ui-shift — SLL/SRL/SRA and SLLI/SRLI/SRAI: amounts 0, 1, 7, 31, register
 * amounts that use only their low five bits, sign fill of SRA. */
#include "test.h"

#define RR(op, v1, v2, exp)                                             \
        li a1, v1; li a2, v2; op a3, a1, a2; CHECK_EQ(a3, exp);         \
        li a1, v1; li a2, v2; op a1, a1, a2; CHECK_EQ(a1, exp);         \
        li a1, v1; li a2, v2; op a2, a1, a2; CHECK_EQ(a2, exp)
#define RI(op, v1, sh, exp)                                             \
        li a1, v1; op a3, a1, sh; CHECK_EQ(a3, exp);                    \
        li a1, v1; op a1, a1, sh; CHECK_EQ(a1, exp)

TEST_NAME("rv32ui-shift")
TEST_BEGIN
        /* ---- SLL ---- */
        RR(sll, 1, 0, 1)
        RR(sll, 1, 1, 2)
        RR(sll, 1, 7, 0x80)
        RR(sll, 1, 31, 0x80000000)
        RR(sll, 0xffffffff, 31, 0x80000000)
        RR(sll, 0x21212121, 7, 0x90909080)
        RR(sll, 0x21212121, 14, 0x48484000)
        RR(sll, 0x21212121, 32, 0x21212121)      /* amount uses rs2[4:0] only */
        RR(sll, 0x21212121, 33, 0x42424242)
        RR(sll, 0x21212121, 0xffffffe7, 0x90909080)
        RR(sll, 0x21212121, 0xffffffff, 0x80000000)
        /* ---- SRL ---- */
        RR(srl, 0x80000000, 0, 0x80000000)
        RR(srl, 0x80000000, 1, 0x40000000)
        RR(srl, 0x80000000, 7, 0x01000000)
        RR(srl, 0x80000000, 31, 1)
        RR(srl, 0xffffffff, 31, 1)
        RR(srl, 0x21212121, 7, 0x00424242)
        RR(srl, 0x21212121, 14, 0x00008484)
        RR(srl, 0x81818181, 32, 0x81818181)
        RR(srl, 0x81818181, 33, 0x40c0c0c0)
        RR(srl, 0x81818181, 0xffffffff, 1)
        /* ---- SRA ---- */
        RR(sra, 0x80000000, 0, 0x80000000)
        RR(sra, 0x80000000, 1, 0xc0000000)
        RR(sra, 0x80000000, 7, 0xff000000)
        RR(sra, 0x80000000, 31, 0xffffffff)
        RR(sra, 0x7fffffff, 31, 0)
        RR(sra, 0x7fffffff, 1, 0x3fffffff)
        RR(sra, 0x81818181, 1, 0xc0c0c0c0)
        RR(sra, 0x81818181, 7, 0xff030303)
        RR(sra, 0x81818181, 31, 0xffffffff)
        RR(sra, 0x81818181, 32, 0x81818181)
        RR(sra, 0x81818181, 0xffffffe1, 0xc0c0c0c0)
        RR(sra, 0x01818181, 7, 0x00030303)
        /* ---- immediates ---- */
        RI(slli, 1, 0, 1)
        RI(slli, 1, 1, 2)
        RI(slli, 1, 31, 0x80000000)
        RI(slli, 0x21212121, 7, 0x90909080)
        RI(slli, 0xffffffff, 31, 0x80000000)
        RI(srli, 0x80000000, 0, 0x80000000)
        RI(srli, 0x80000000, 1, 0x40000000)
        RI(srli, 0x80000000, 31, 1)
        RI(srli, 0x21212121, 7, 0x00424242)
        RI(srli, 0xffffffff, 31, 1)
        RI(srai, 0x80000000, 0, 0x80000000)
        RI(srai, 0x80000000, 1, 0xc0000000)
        RI(srai, 0x80000000, 31, 0xffffffff)
        RI(srai, 0x81818181, 7, 0xff030303)
        RI(srai, 0x7fffffff, 31, 0)
        RI(srai, 0x7fffffff, 30, 1)
        /* ---- x0 ---- */
        li   a2, 3
        sll  a3, x0, a2
        CHECK_EQ(a3, 0)
        li   a1, 0x80000001
        sra  a3, a1, x0
        CHECK_EQ(a3, 0x80000001)
        sll  x0, a1, a2
        CHECK_EQ(x0, 0)
        TEST_PASS
