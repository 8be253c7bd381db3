/* rv32ua-lrsc — LR.W/SC.W: a paired SC succeeds (rd = 0) and stores; an SC without a
 * reservation, to another word, or after another SC fails (rd = 1, the only defined
 * failure code) and stores nothing; the most recent LR decides; an LR/SC increment loop;
 * aq/rl variants; LR with rs2 != x0 is a reserved encoding (illegal). */
#include "test.h"

TEST_NAME("rv32ua-lrsc")
TEST_BEGIN
        la   s0, lbuf
        addi s1, s0, 4                      /* the neighbouring word */
        li   t0, 0x1000
        sw   t0, 0(s0)
        li   t0, 0x2000
        sw   t0, (s1)

        /* LR reads; the paired SC writes and returns 0 */
        lr.w a1, (s0)
        CHECK_EQ(a1, 0x1000)
        li   a2, 0x1001
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 0)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0x1001)

        /* a second SC: the reservation was consumed */
        li   a2, 0x1002
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0x1001)

        /* SC to a word other than the reserved one fails... */
        lr.w a1, (s0)
        li   a2, 0x2222
        sc.w a3, a2, (s1)
        CHECK_EQ(a3, 1)
        lw   a4, (s1)
        CHECK_EQ(a4, 0x2000)
        /* ... and also clears the reservation */
        li   a2, 0x1111
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0x1001)

        /* the most recent LR decides */
        lr.w a1, (s0)
        lr.w a1, (s1)
        CHECK_EQ(a1, 0x2000)
        li   a2, 0x3333
        sc.w a3, a2, (s0)
        CHECK_EQ(a3, 1)
        lr.w a1, (s0)
        lr.w a1, (s1)
        li   a2, 0x4444
        sc.w a3, a2, (s1)
        CHECK_EQ(a3, 0)
        lw   a4, (s1)
        CHECK_EQ(a4, 0x4444)

        /* rd = x0 on SC; rd = rs2 */
        lr.w a1, (s0)
        li   a2, 0x5555
        sc.w x0, a2, (s0)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0x5555)
        CHECK_EQ(x0, 0)
        lr.w a1, (s0)
        li   a2, 0x6666
        sc.w a2, a2, (s0)
        CHECK_EQ(a2, 0)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0x6666)

        /* ordering bits */
        lr.w.aq a1, (s0)
        addi a1, a1, 1
        sc.w.rl a3, a1, (s0)
        CHECK_EQ(a3, 0)
        lr.w.aqrl a1, (s0)
        addi a1, a1, 1
        sc.w.aqrl a3, a1, (s0)
        CHECK_EQ(a3, 0)
        lw   a4, 0(s0)
        CHECK_EQ(a4, 0x6668)

        /* the usual atomic-increment loop, 20 times */
        sw   zero, 8(s0)
        addi a5, s0, 8
        li   a6, 20
1:      lr.w a1, (a5)
        addi a1, a1, 1
        sc.w a3, a1, (a5)
        bnez a3, 1b
        addi a6, a6, -1
        bnez a6, 1b
        lw   a4, 8(s0)
        CHECK_EQ(a4, 20)

        /* LR with rs2 != 0 is reserved: illegal instruction, tval = the bits */
        TRAP_CLEAR
2:      .word (0x02 << 27) | (1 << 20) | (8 << 15) | (2 << 12) | (11 << 7) | 0x2f  /* lr.w a1, (s0), rs2 = x1 */
        CHECK_ILLEGAL_M(2b, (0x02 << 27) | (1 << 20) | (8 << 15) | (2 << 12) | (11 << 7) | 0x2f)
        TEST_PASS

        .bss
        .balign 16
lbuf:   .space 16
