/* rv32ui-fencei — self-modifying code made visible by FENCE.I (Zifencei): a called
 * routine rewritten twice, the instruction right after the FENCE.I rewritten, a loop
 * body rewritten after it has run, a taken jump rewritten into a no-op. Stale fetched
 * or predicted instructions make these fail. */
#include "test.h"

/* addi rd, rs1, imm */
#define ADDI(rd, rs1, imm)  ((((imm) & 0xfff) << 20) | ((rs1) << 15) | ((rd) << 7) | 0x13)
#define NOP                 ADDI(0, 0, 0)
#define A0                  10

TEST_NAME("rv32ui-fencei")
TEST_BEGIN
        /* a routine: "addi a0, x0, 1; ret", called, rewritten, called again */
        call smc_func
        CHECK_EQ(a0, 1)
        la   t0, smc_func
        li   t1, ADDI(A0, 0, 42)
        sw   t1, 0(t0)
        fence.i
        call smc_func
        CHECK_EQ(a0, 42)
        li   t1, ADDI(A0, 0, -7)
        sw   t1, 0(t0)
        fence.i
        call smc_func
        CHECK_EQ(a0, -7)

        /* the very next instruction after the fence.i */
        la   t0, 1f
        li   t1, ADDI(A0, 0, 0x123)
        sw   t1, 0(t0)
        fence.i
1:      li   a0, 1
        CHECK_EQ(a0, 0x123)

        /* a loop body that ran before being rewritten */
        li   s1, 0                          /* pass */
        li   a0, 0
2:      li   a1, 4
3:
loop_insn:
        addi a0, a0, 1
        addi a1, a1, -1
        bnez a1, 3b
        bnez s1, 4f
        CHECK_EQ(a0, 4)
        la   t0, loop_insn
        li   t1, ADDI(A0, A0, 100)
        sw   t1, 0(t0)
        fence.i
        li   s1, 1
        j    2b
4:      CHECK_EQ(a0, 404)

        /* a jump that was taken, rewritten into a no-op */
        li   s1, 0
        li   a0, 0
5:
jump_insn:
        j    6f
        addi a0, a0, 10                     /* runs once the jump is gone */
6:      addi a0, a0, 1
        bnez s1, 7f
        la   t0, jump_insn
        li   t1, NOP
        sw   t1, 0(t0)
        fence.i
        li   s1, 1
        j    5b
7:      CHECK_EQ(a0, 1 + 11)
        TEST_PASS

        .balign 16
smc_func:
        li   a0, 1
        ret
