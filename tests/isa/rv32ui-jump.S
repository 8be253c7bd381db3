/* rv32ui-jump — JAL and JALR: link values, rd = x0, rd = rs1, JALR offsets and the
 * cleared low bit, far JAL offsets in both directions, indirect calls through a table,
 * deep recursion and returns to an address other than the call site (return-stack
 * predictors must recover). */
#include "test.h"

TEST_NAME("rv32ui-jump")
TEST_BEGIN
        /* ---- JAL ---- */
        li   a3, 0
        jal  ra, 1f
r1:     li   a3, 99                         /* skipped */
1:      CHECK_EQA(ra, r1)
        CHECK_EQ(a3, 0)
        li   a4, 0x55
        jal  a4, 1f                         /* any rd links */
r2:     li   a3, 99
1:      CHECK_EQA(a4, r2)
        CHECK_EQ(a3, 0)
        jal  x0, 1f                         /* no link */
        li   a3, 99
1:      CHECK_EQ(x0, 0)
        CHECK_EQ(a3, 0)

        /* ---- JALR ---- */
        la   a0, 1f
        jalr ra, 0(a0)
r3:     li   a3, 99
1:      CHECK_EQA(ra, r3)
        CHECK_EQ(a3, 0)
        la   a0, 1f + 12                    /* negative offset */
        jalr ra, -12(a0)
r4:     li   a3, 99
1:      CHECK_EQA(ra, r4)
        CHECK_EQ(a3, 0)
        la   a0, 1f - 2044                  /* large positive offset */
        jalr ra, 2044(a0)
        li   a3, 99
1:      CHECK_EQ(a3, 0)
        la   a0, 1f + 2048                  /* most negative offset */
        jalr ra, -2048(a0)
        li   a3, 99
1:      CHECK_EQ(a3, 0)
        la   a0, 1f
        addi a0, a0, 1                      /* bit 0 of the target is cleared */
        jalr ra, 0(a0)
        li   a3, 99
1:      CHECK_EQ(a3, 0)
        la   a0, 1f
        jalr ra, 1(a0)                      /* ... also when it comes from the offset */
        li   a3, 99
1:      CHECK_EQ(a3, 0)
        la   a0, 1f
        jalr a0, 0(a0)                      /* rd = rs1: target uses the old value */
r5:     li   a3, 99
1:      CHECK_EQA(a0, r5)
        CHECK_EQ(a3, 0)
        la   a0, 1f
        jalr x0, 0(a0)
        li   a3, 99
1:      CHECK_EQ(x0, 0)
        CHECK_EQ(a3, 0)

        /* ---- far JAL: forward 0xaaac, backward -0xaab8 ---- */
        li   a3, 0
        j    2f
1:      addi a3, a3, 2                      /* backward target */
        j    3f
2:      jal  ra, far_fwd
        .skip 0xaaac - 4, 0
far_fwd:
        addi a3, a3, 1
far_back:
        jal  ra, 1b
3:      CHECK_EQ(a3, 3)
        la   a1, far_fwd
        la   a2, 2b
        sub  a1, a1, a2
        CHECK_EQ(a1, 0xaaac)
        la   a1, far_back
        la   a2, 1b
        sub  a1, a2, a1
        CHECK_EQ(a1, -0xaab8)

        /* ---- indirect calls with changing targets ---- */
        la   s0, functab
        li   s1, 0                          /* i */
        li   s2, 0                          /* sum */
1:      andi t0, s1, 3
        slli t0, t0, 2
        add  t0, t0, s0
        lw   t0, 0(t0)
        jalr ra, 0(t0)                      /* adds 1, 10, 100 or 1000 to s2 */
        addi s1, s1, 1
        li   t0, 22
        blt  s1, t0, 1b
        CHECK_EQ(s2, 6 * 1 + 6 * 10 + 5 * 100 + 5 * 1000)

        /* ---- recursion: sum(25) = 325, 25 nested calls ---- */
        li   a0, 25
        call rsum
        CHECK_EQ(a0, 325)

        /* ---- return to somewhere other than the call site ---- */
        li   a3, 0
        call redirect                       /* returns to redirected, not here */
        li   a3, 99
redirected:
        CHECK_EQ(a3, 5)
        li   a3, 0
        call tailer                         /* tail call: leaf returns here */
        CHECK_EQ(a3, 7)
        TEST_PASS

f_1:    addi s2, s2, 1
        ret
f_10:   addi s2, s2, 10
        ret
f_100:  addi s2, s2, 100
        ret
f_1000: addi s2, s2, 1000
        ret

/* rsum(n): n + rsum(n - 1), rsum(0) = 0, on the stack */
rsum:   beqz a0, 1f
        addi sp, sp, -16
        sw   ra, 12(sp)
        sw   a0, 8(sp)
        addi a0, a0, -1
        call rsum
        lw   t0, 8(sp)
        add  a0, a0, t0
        lw   ra, 12(sp)
        addi sp, sp, 16
1:      ret

redirect:
        li   a3, 5
        la   ra, redirected
        ret
tailer: addi a3, a3, 3
        j    leaf
leaf:   addi a3, a3, 4
        ret

        .section .rodata
        .balign 4
functab: .word f_1, f_10, f_100, f_1000
