/* rv32ui-shadow — instructions that a pipelined core may have fetched but must not
 * execute: the ones after a taken branch or jump (a trap there must not be taken, a
 * store must not land, a CSR must not change, a load from a hole must not fault) and
 * the ones after a trapping instruction (they run exactly once, after the handler). */
#include "test.h"

#define HOLE 0x00200000

/* The shadow: everything that would show if it executed. */
#define SHADOW                                                          \
        .word 0;                        /* illegal */                   \
        ecall;                                                          \
        sw   s2, 0(s0);                 /* store */                     \
        amoadd.w x0, s2, (s0);                                          \
        lw   a5, 0(s1);                 /* load from a hole */          \
        csrw mscratch, s2;                                              \
        addi s3, s3, 1;                                                 \
        mret

TEST_NAME("rv32ui-shadow")
TEST_BEGIN
        la   s0, word
        li   s1, HOLE
        li   s2, 0x5a5a
        li   s3, 0
        csrr s4, mscratch
        TRAP_CLEAR

        /* taken branches, forward, both directions of the predictor's guess */
        li   a1, 1
        li   a2, 1
        beq  a1, a2, 1f
        SHADOW
1:      bne  a1, x0, 1f
        SHADOW
1:      blt  x0, a1, 1f
        SHADOW
1:      bgeu a1, a2, 1f
        SHADOW
        /* a loop: its last, not-taken branch is usually predicted taken */
1:      li   a3, 8
2:      addi a3, a3, -1
        bnez a3, 2b
        j    3f
        SHADOW
        /* jumps */
3:      jal  ra, 1f
        SHADOW
1:      la   a4, 1f
        jalr x0, 0(a4)
        SHADOW
1:      call leaf
        j    1f
        SHADOW
        /* branch whose operand comes from a load right before it */
1:      lw   a3, 4(s0)                      /* = 1 */
        bnez a3, 1f
        SHADOW
1:      CHECK_NO_TRAP
        CHECK_EQ(s3, 0)
        lw   a3, 0(s0)
        CHECK_EQ(a3, 0x1234)
        csrr a3, mscratch
        CHECK_EQR(a3, s4)

        /* after a trapping instruction: the next ones run once, after the handler */
        li   s3, 0
        TRAP_CLEAR
1:      .word 0
        addi s3, s3, 1
        amoadd.w x0, a1, (s0)
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_EQ(s3, 1)
        lw   a3, 0(s0)
        CHECK_EQ(a3, 0x1235)
        TRAP_CLEAR
1:      lw   a5, 0(s1)                      /* load access fault */
        addi s3, s3, 1
        sw   s3, 8(s0)
        CHECK_TRAP(PRV_M, CAUSE_LOAD_ACCESS, 1b)
        CHECK_EQ(s3, 2)
        lw   a3, 8(s0)
        CHECK_EQ(a3, 2)
        TRAP_CLEAR
1:      ecall
        csrw mscratch, s2
        addi s3, s3, 1
        CHECK_TRAP(PRV_M, CAUSE_MACHINE_ECALL, 1b)
        CHECK_EQ(s3, 3)
        CHECK_CSR(mscratch, 0x5a5a)
        ENV_RESTORE_SCRATCH
        TEST_PASS

leaf:   ret
        SHADOW

        .data
        .balign 16
word:   .word 0x1234
        .word 1
        .word 0
