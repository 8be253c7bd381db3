/* rv32mi-misalign-ldst — this core does not support misaligned data accesses
 * (docs/platform.md): every misaligned load/LR traps with cause 4, every misaligned
 * store/SC/AMO with cause 6, tval = the address, whatever the target (RAM, device,
 * hole); rd is not written and memory is not changed. vsim-only: QEMU performs
 * misaligned loads and stores, reports misaligned AMOs as loads and lets SC fail
 * without trapping. */
#include "test.h"

#define FAULT(cause, insn...)                                           \
        li   a0, 0x5a5a;                                                \
        TRAP_CLEAR;                                                     \
8001:   insn;                                                           \
        CHECK_TRAP(PRV_M, cause, 8001b);                                \
        CHECK_EQ(a0, 0x5a5a)

/* Every misaligned offset for one base register s1 (word at s1 aligned). */
#define ALL_AT_BASE                                                     \
        FAULT(CAUSE_MISALIGNED_LOAD, lh a0, 1(s1));   CHECK_TVALR(s1_1); \
        FAULT(CAUSE_MISALIGNED_LOAD, lh a0, 3(s1));   CHECK_TVALR(s1_3); \
        FAULT(CAUSE_MISALIGNED_LOAD, lhu a0, 1(s1));  CHECK_TVALR(s1_1); \
        FAULT(CAUSE_MISALIGNED_LOAD, lw a0, 1(s1));   CHECK_TVALR(s1_1); \
        FAULT(CAUSE_MISALIGNED_LOAD, lw a0, 2(s1));   CHECK_TVALR(s1_2); \
        FAULT(CAUSE_MISALIGNED_LOAD, lw a0, 3(s1));   CHECK_TVALR(s1_3); \
        FAULT(CAUSE_MISALIGNED_STORE, sh a2, 1(s1));  CHECK_TVALR(s1_1); \
        FAULT(CAUSE_MISALIGNED_STORE, sh a2, 3(s1));  CHECK_TVALR(s1_3); \
        FAULT(CAUSE_MISALIGNED_STORE, sw a2, 1(s1));  CHECK_TVALR(s1_1); \
        FAULT(CAUSE_MISALIGNED_STORE, sw a2, 2(s1));  CHECK_TVALR(s1_2); \
        FAULT(CAUSE_MISALIGNED_STORE, sw a2, 3(s1));  CHECK_TVALR(s1_3)

#define s1_1 s2
#define s1_2 s3
#define s1_3 s4
#define SET_BASE(addr)  li s1, addr; addi s2, s1, 1; addi s3, s1, 2; addi s4, s1, 3

TEST_NAME("rv32mi-misalign-ldst")
TEST_BEGIN
        li   a2, 0x77777777
        /* RAM: the word must stay as it was */
        la   s1, mbuf
        addi s2, s1, 1
        addi s3, s1, 2
        addi s4, s1, 3
        ALL_AT_BASE
        lw   a0, 0(s1)
        CHECK_EQ(a0, 0x01234567)
        lw   a0, 4(s1)
        CHECK_EQ(a0, 0x89abcdef)
        /* LR, SC (with and without a reservation) and AMOs */
        FAULT(CAUSE_MISALIGNED_LOAD, lr.w a0, (s2))
        CHECK_TVALR(s2)
        FAULT(CAUSE_MISALIGNED_STORE, sc.w a0, a2, (s3))
        CHECK_TVALR(s3)
        lr.w a3, (s1)
        FAULT(CAUSE_MISALIGNED_STORE, sc.w a0, a2, (s3))
        CHECK_TVALR(s3)
        FAULT(CAUSE_MISALIGNED_STORE, amoadd.w a0, a2, (s2))
        CHECK_TVALR(s2)
        FAULT(CAUSE_MISALIGNED_STORE, amoswap.w a0, a2, (s4))
        CHECK_TVALR(s4)
        FAULT(CAUSE_MISALIGNED_STORE, amominu.w a0, a2, (s3))
        CHECK_TVALR(s3)
        lw   a0, 0(s1)
        CHECK_EQ(a0, 0x01234567)
        /* a device (CLINT msip) and a hole: misaligned wins over the rest */
        SET_BASE(CLINT_BASE + CLINT_MSIP)
        ALL_AT_BASE
        FAULT(CAUSE_MISALIGNED_STORE, amoadd.w a0, a2, (s2))
        CHECK_TVALR(s2)
        SET_BASE(0x00200000)
        ALL_AT_BASE
        FAULT(CAUSE_MISALIGNED_LOAD, lr.w a0, (s3))
        CHECK_TVALR(s3)
        /* from U */
        ENTER_U
        la   s1, mbuf
        addi s2, s1, 1
        addi s3, s1, 2
        addi s4, s1, 3
        FAULT(CAUSE_MISALIGNED_LOAD, lw a0, 2(s1))
        CHECK_TVALR(s3)
        CHECK_PREV(PRV_U)
        FAULT(CAUSE_MISALIGNED_STORE, sh a2, 3(s1))
        CHECK_TVALR(s4)
        ENTER_M
        /* aligned accesses in between still work */
        la   s1, mbuf
        lh   a0, 2(s1)
        CHECK_EQ(a0, 0x0123)
        TEST_PASS

        .data
        .balign 16
mbuf:   .word 0x01234567
        .word 0x89abcdef
