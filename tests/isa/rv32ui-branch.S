/* rv32ui-branch — BEQ/BNE/BLT/BGE/BLTU/BGEU taken and not taken, signed and
 * unsigned edges, forward/backward and far offsets (the 13-bit immediate), branch on
 * freshly computed operands, and loops with patterns for a branch predictor. */
#include "test.h"

/* a3 = 2 when `op v1, v2` branches, 1 when it falls through. */
#define BR(op, v1, v2, taken)                                           \
        li a1, v1; li a2, v2; li a3, 0;                                 \
        op a1, a2, 8801f;                                               \
        li a3, 1; j 8802f;                                              \
8801:   li a3, 2;                                                       \
8802:   CHECK_EQ(a3, 1 + (taken))

TEST_NAME("rv32ui-branch")
TEST_BEGIN
        BR(beq, 0, 0, 1)
        BR(beq, 1, 1, 1)
        BR(beq, 0xffffffff, 0xffffffff, 1)
        BR(beq, 0, 1, 0)
        BR(beq, 1, 0, 0)
        BR(beq, 0x80000000, 0, 0)
        BR(beq, 0x7fffffff, 0xffffffff, 0)
        BR(bne, 0, 1, 1)
        BR(bne, 1, 0, 1)
        BR(bne, 0x80000000, 0, 1)
        BR(bne, 0, 0, 0)
        BR(bne, 0xffffffff, 0xffffffff, 0)
        BR(blt, 0, 1, 1)
        BR(blt, 0xffffffff, 1, 1)
        BR(blt, 0xfffffffe, 0xffffffff, 1)
        BR(blt, 0x80000000, 0x7fffffff, 1)
        BR(blt, 1, 0, 0)
        BR(blt, 1, 0xffffffff, 0)
        BR(blt, 0x7fffffff, 0x80000000, 0)
        BR(blt, 5, 5, 0)
        BR(bge, 0, 0, 1)
        BR(bge, 1, 0, 1)
        BR(bge, 1, 0xffffffff, 1)
        BR(bge, 0x7fffffff, 0x80000000, 1)
        BR(bge, 0xffffffff, 0xffffffff, 1)
        BR(bge, 0, 1, 0)
        BR(bge, 0xffffffff, 0, 0)
        BR(bge, 0x80000000, 0x7fffffff, 0)
        BR(bltu, 0, 1, 1)
        BR(bltu, 1, 0xffffffff, 1)
        BR(bltu, 0x7fffffff, 0x80000000, 1)
        BR(bltu, 0xfffffffe, 0xffffffff, 1)
        BR(bltu, 0xffffffff, 1, 0)
        BR(bltu, 0x80000000, 0x7fffffff, 0)
        BR(bltu, 5, 5, 0)
        BR(bgeu, 0, 0, 1)
        BR(bgeu, 0xffffffff, 1, 1)
        BR(bgeu, 0x80000000, 0x7fffffff, 1)
        BR(bgeu, 0xffffffff, 0xffffffff, 1)
        BR(bgeu, 1, 0xffffffff, 0)
        BR(bgeu, 0x7fffffff, 0x80000000, 0)
        BR(bgeu, 0, 1, 0)

        /* x0 operands */
        li   a3, 0
        beq  x0, x0, 1f
        li   a3, 1
1:      CHECK_EQ(a3, 0)
        li   a1, -1
        li   a3, 0
        blt  a1, x0, 1f
        li   a3, 1
1:      CHECK_EQ(a3, 0)
        li   a3, 0
        bltu a1, x0, 1f                     /* nothing is below 0 unsigned */
        li   a3, 1
1:      CHECK_EQ(a3, 1)

        /* taken branch to the next instruction */
        li   a3, 0
        bne  a1, x0, 1f
1:      addi a3, a3, 1
        CHECK_EQ(a3, 1)

        /* operands produced right before the branch (forwarding) */
        li   a1, 5
        addi a2, a1, -5
        li   a3, 0
        beqz a2, 1f
        li   a3, 1
1:      CHECK_EQ(a3, 0)
        li   a1, 7
        li   a2, 7
        addi a1, a1, 1
        li   a3, 0
        beq  a1, a2, 1f
        li   a3, 1
1:      CHECK_EQ(a3, 1)

        /* backward branch: count a loop down */
        li   a1, 10
        li   a3, 0
1:      addi a3, a3, 3
        addi a1, a1, -1
        bnez a1, 1b
        CHECK_EQ(a3, 30)

        /* far offsets: +4092 (the largest aligned forward) and -4096 (the most negative) */
        li   a3, 0
        li   a1, 1
        j    2f
1:      addi a3, a3, 10                     /* reached by the backward branch */
        j    3f
2:      bnez a1, far_fwd                    /* +4092 */
        li   a3, 99
        j    3f
        .skip 4096 - 20, 0
far_back:
        bnez a1, 1b                         /* -4096 */
far_fwd:
        addi a3, a3, 1
        j    far_back
3:      CHECK_EQ(a3, 11)
        /* the layout really gives those offsets (no assembler relaxation) */
        la   a1, far_fwd
        la   a2, 2b
        sub  a1, a1, a2
        CHECK_EQ(a1, 4092)
        la   a1, far_back
        la   a2, 1b
        sub  a1, a2, a1
        CHECK_EQ(a1, -4096)

        /* predictor patterns: alternating, every third, nested loops */
        li   a1, 0                          /* i */
        li   a3, 0                          /* taken count */
        li   a4, 64
1:      andi a2, a1, 1
        beqz a2, 2f
        addi a3, a3, 1
2:      addi a1, a1, 1
        blt  a1, a4, 1b
        CHECK_EQ(a3, 32)
        li   a1, 0
        li   a3, 0
        li   a5, 0                          /* i mod 3 */
        li   a6, 2
1:      bne  a5, a6, 2f
        addi a3, a3, 1
        li   a5, -1
2:      addi a5, a5, 1
        addi a1, a1, 1
        blt  a1, a4, 1b
        CHECK_EQ(a3, 21)                    /* i = 2, 5, ..., 62 */
        li   a1, 0
        li   a3, 0
1:      li   a2, 0
2:      addi a3, a3, 1
        addi a2, a2, 1
        sltiu a5, a2, 5
        bnez a5, 2b
        addi a1, a1, 1
        sltiu a5, a1, 7
        bnez a5, 1b
        CHECK_EQ(a3, 35)
        TEST_PASS
