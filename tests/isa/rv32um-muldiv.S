/* rv32um-muldiv — MUL/MULH/MULHSU/MULHU and DIV/DIVU/REM/REMU: signs, extremes,
 * division by zero (quotient all ones, remainder = dividend), signed overflow
 * (-2^31 / -1 = -2^31, remainder 0), register aliasing, x0.
 * Expected values: unprivileged spec chapter 7, computed independently (host
 * arbitrary-precision arithmetic) — see the table in each line. */
#include "test.h"

#define RR(op, v1, v2, exp)                                             \
        li a1, v1; li a2, v2; op a3, a1, a2; CHECK_EQ(a3, exp);         \
        li a1, v1; li a2, v2; op a1, a1, a2; CHECK_EQ(a1, exp);         \
        li a1, v1; li a2, v2; op a2, a1, a2; CHECK_EQ(a2, exp)

/* All four products of v1 * v2. */
#define MUL4(v1, v2, lo, hs, hu, hsu)                                   \
        RR(mul, v1, v2, lo); RR(mulh, v1, v2, hs);                      \
        RR(mulhu, v1, v2, hu); RR(mulhsu, v1, v2, hsu)
/* All four divisions of v1 by v2. */
#define DIV4(v1, v2, q, r, qu, ru)                                      \
        RR(div, v1, v2, q); RR(rem, v1, v2, r);                         \
        RR(divu, v1, v2, qu); RR(remu, v1, v2, ru)

TEST_NAME("rv32um-muldiv")
TEST_BEGIN
        /*     v1          v2          mul         mulh        mulhu       mulhsu */
        MUL4(0,          0,          0,          0,          0,          0)
        MUL4(3,          7,          0x15,       0,          0,          0)
        MUL4(0xfffffffd, 7,          0xffffffeb, 0xffffffff, 6,          0xffffffff)
        MUL4(0xfffffffd, 0xfffffff9, 0x15,       0,          0xfffffff6, 0xfffffffd)
        MUL4(0x7fffffff, 0x7fffffff, 1,          0x3fffffff, 0x3fffffff, 0x3fffffff)
        MUL4(0x80000000, 0x80000000, 0,          0x40000000, 0x40000000, 0xc0000000)
        MUL4(0xffffffff, 0xffffffff, 1,          0,          0xfffffffe, 0xffffffff)
        MUL4(0x80000000, 0xffffffff, 0x80000000, 0,          0x7fffffff, 0x80000000)
        MUL4(0x80000000, 0x7fffffff, 0x80000000, 0xc0000000, 0x3fffffff, 0xc0000000)
        MUL4(0xffff8000, 0x0000ffff, 0x80008000, 0xffffffff, 0x0000fffe, 0xffffffff)
        MUL4(0xaaaaaaab, 0x0002fe7d, 0x0000ff7f, 0xffff0081, 0x0001fefe, 0xffff0081)
        MUL4(0x0002fe7d, 0xaaaaaaab, 0x0000ff7f, 0xffff0081, 0x0001fefe, 0x0001fefe)
        MUL4(0x12345678, 0x9abcdef0, 0x242d2080, 0xf8cc93d6, 0x0b00ea4e, 0x0b00ea4e)

        /*     v1          v2          div         rem         divu        remu */
        DIV4(20,         6,          3,          2,          3,          2)
        DIV4(0xffffffec, 6,          0xfffffffd, 0xfffffffe, 0x2aaaaaa7, 2)
        DIV4(20,         0xfffffffa, 0xfffffffd, 2,          0,          20)
        DIV4(0xffffffec, 0xfffffffa, 3,          0xfffffffe, 0,          0xffffffec)
        DIV4(0x80000000, 1,          0x80000000, 0,          0x80000000, 0)
        DIV4(0x80000000, 0xffffffff, 0x80000000, 0,          0,          0x80000000)
        DIV4(0x80000000, 2,          0xc0000000, 0,          0x40000000, 0)
        DIV4(0x7fffffff, 0xffffffff, 0x80000001, 0,          0,          0x7fffffff)
        DIV4(1,          0x80000000, 0,          1,          0,          1)
        DIV4(0x12345678, 0x1234,     0x10004,    0xda8,      0x10004,    0xda8)
        DIV4(0x87654321, 7,          0xeec552bc, 0xfffffffd, 0x13579be0, 1)
        DIV4(5,          5,          1,          0,          1,          0)
        DIV4(0xffffffff, 0xffffffff, 1,          0,          1,          0)
        /* division by zero */
        DIV4(0,          0,          0xffffffff, 0,          0xffffffff, 0)
        DIV4(1,          0,          0xffffffff, 1,          0xffffffff, 1)
        DIV4(0xffffffff, 0,          0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff)
        DIV4(0x80000000, 0,          0xffffffff, 0x80000000, 0xffffffff, 0x80000000)

        /* rs1 = rs2 */
        li   a1, 0xfffffffd
        mul  a3, a1, a1
        CHECK_EQ(a3, 9)
        mulhu a3, a1, a1
        CHECK_EQ(a3, 0xfffffffa)
        div  a3, a1, a1
        CHECK_EQ(a3, 1)
        remu a3, a1, a1
        CHECK_EQ(a3, 0)
        /* x0 */
        li   a1, 1234
        div  a3, a1, x0
        CHECK_EQ(a3, 0xffffffff)
        rem  a3, a1, x0
        CHECK_EQ(a3, 1234)
        mul  a3, x0, a1
        CHECK_EQ(a3, 0)
        mul  x0, a1, a1
        CHECK_EQ(x0, 0)
        /* back-to-back M operations depending on each other */
        li   a1, 12345
        li   a2, 678
        mul  a3, a1, a2                     /* 8369910 */
        div  a4, a3, a2                     /* 12345 */
        rem  a5, a3, a1                     /* 0 */
        mulh a6, a4, a3
        add  a7, a4, a5
        add  a7, a7, a6
        CHECK_EQ(a7, 12345 + 0 + 24)        /* 12345 * 8369910 >> 32 = 24 */
        TEST_PASS
