/* rv32ui-hazard — a result reaches its consumer at every distance 0..4 instructions:
 * ALU, load, LUI/AUIPC, JAL link, MUL/DIV, CSR, AMO/LR results into ALU operands,
 * branch operands, store data and store addresses; write-after-write; x0 never
 * forwards. Pipeline bypass and interlock bugs show up here. */
#include "test.h"

.macro PAD n
        .rept \n
        nop
        .endr
.endm

/* One distance's worth of producer/consumer pairs. */
.macro HAZARDS n
        la   s0, hbuf
        /* ALU -> ALU, both operand positions */
        li   a1, 0x100
        addi a1, a1, 0x23
        PAD  \n
        add  a2, a1, x0
        CHECK_EQ(a2, 0x123)
        li   a1, 0x100
        addi a1, a1, 0x45
        PAD  \n
        sub  a2, x0, a1
        CHECK_EQ(a2, -0x145)
        /* load -> ALU */
        lw   a1, 0(s0)
        PAD  \n
        addi a2, a1, 1
        CHECK_EQ(a2, 0x5a5a0001)
        lw   a1, 4(s0)
        PAD  \n
        sub  a2, x0, a1
        CHECK_EQ(a2, 0xf0f0f0f1)
        /* LUI / AUIPC / JAL link -> ALU */
        lui  a1, 0x12345
        PAD  \n
        srli a2, a1, 12
        CHECK_EQ(a2, 0x12345)
1:      auipc a1, 0
        PAD  \n
        mv   a2, a1
        CHECK_EQA(a2, 1b)
        jal  a1, 2f
2:      PAD  \n
        mv   a2, a1
        CHECK_EQA(a2, 2b)
        /* MUL / DIV -> ALU */
        li   a1, 1000
        li   a3, 1001
        mul  a4, a1, a3
        PAD  \n
        addi a2, a4, 0
        CHECK_EQ(a2, 1001000)
        li   a1, 1001000
        li   a3, 7
        div  a4, a1, a3
        PAD  \n
        add  a2, a4, x0
        CHECK_EQ(a2, 143000)
        rem  a4, a1, a3
        add  a2, a4, a4                     /* (distance 0 always for this one) */
        CHECK_EQ(a2, 0)
        /* CSR write -> CSR read -> ALU */
        li   a1, 0x7e57
        csrw mtval, a1
        PAD  \n
        csrr a4, mtval
        PAD  \n
        addi a2, a4, 1
        CHECK_EQ(a2, 0x7e58)
        /* ALU / load -> branch operands */
        li   a1, 5
        addi a1, a1, 1
        li   a3, 6
        PAD  \n
        li   a2, 0
        beq  a1, a3, 3f
        li   a2, 1
3:      CHECK_EQ(a2, 0)
        lw   a1, 8(s0)
        PAD  \n
        li   a2, 0
        bltz a1, 3f
        li   a2, 1
3:      CHECK_EQ(a2, 0)
        /* ALU / load -> store data and store address */
        li   a1, 0x600
        addi a1, a1, 0x66
        PAD  \n
        sw   a1, 16(s0)
        lw   a2, 16(s0)
        CHECK_EQ(a2, 0x666)
        addi a3, s0, 20
        PAD  \n
        sw   a1, 0(a3)
        lw   a2, 20(s0)
        CHECK_EQ(a2, 0x666)
        lw   a1, 0(s0)
        PAD  \n
        sw   a1, 24(s0)
        lw   a2, 24(s0)
        CHECK_EQ(a2, 0x5a5a0000)
        lw   a3, 12(s0)                     /* = address of hbuf + 28 */
        PAD  \n
        sw   a1, 0(a3)
        lw   a2, 28(s0)
        CHECK_EQ(a2, 0x5a5a0000)
        /* AMO / LR -> ALU */
        li   a1, 3
        addi a3, s0, 32
        sw   x0, 0(a3)
        amoadd.w a4, a1, (a3)
        PAD  \n
        addi a2, a4, 1
        CHECK_EQ(a2, 1)
        lr.w a4, (a3)
        PAD  \n
        addi a2, a4, 1
        CHECK_EQ(a2, 4)
        sc.w a4, a1, (a3)                   /* release the reservation */
        /* write after write: the younger value wins */
        li   a1, 1
        li   a1, 2
        PAD  \n
        mv   a2, a1
        CHECK_EQ(a2, 2)
        lw   a1, 0(s0)
        li   a1, 9
        PAD  \n
        mv   a2, a1
        CHECK_EQ(a2, 9)
        li   a1, 9
        lw   a1, 4(s0)
        PAD  \n
        mv   a2, a1
        CHECK_EQ(a2, 0x0f0f0f0f)
        /* x0 is never forwarded */
        addi x0, x0, 7
        PAD  \n
        add  a2, x0, x0
        CHECK_EQ(a2, 0)
        lw   x0, 0(s0)
        PAD  \n
        mv   a2, x0
        CHECK_EQ(a2, 0)
.endm

TEST_NAME("rv32ui-hazard")
TEST_BEGIN
        la   s0, hbuf
        addi t0, s0, 28
        sw   t0, 12(s0)
        HAZARDS 0
        HAZARDS 1
        HAZARDS 2
        HAZARDS 3
        HAZARDS 4
        TEST_PASS

        .data
        .balign 16
hbuf:   .word 0x5a5a0000
        .word 0x0f0f0f0f
        .word 0x80000000
        .word 0                             /* set to hbuf + 28 at run time */
        .space 32
