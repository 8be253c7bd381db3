/* rv32mi-tval — tval values that are our choices (docs/csr.md "Traps") or that QEMU
 * 7.2 reports differently: EBREAK writes tval = pc (the spec also allows 0, QEMU
 * writes 0), in M, S and U and when delegated to S; misaligned JAL and branch targets
 * give tval = the target (QEMU 7.2 reports a stale pc). vsim-only. */
#include "test.h"

#define J_ENC(off, rd) \
        ((((off) >> 20 & 1) << 31) | (((off) >> 1 & 0x3ff) << 21) | (((off) >> 11 & 1) << 20) | \
         (((off) >> 12 & 0xff) << 12) | ((rd) << 7) | 0x6f)
#define B_ENC(off, rs1, rs2, f3) \
        ((((off) >> 12 & 1) << 31) | (((off) >> 5 & 0x3f) << 25) | ((rs2) << 20) | ((rs1) << 15) | \
         ((f3) << 12) | (((off) >> 1 & 0xf) << 8) | (((off) >> 11 & 1) << 7) | 0x63)
#define RA 1
#define A1 11
#define A2 12

TEST_NAME("rv32mi-tval")
TEST_BEGIN
        /* EBREAK: tval = pc */
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        CHECK_TVALA(1b)
        ENTER_S
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        CHECK_TVALA(1b)
        ENTER_M
        ENTER_U
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_M, CAUSE_BREAKPOINT, 1b)
        CHECK_TVALA(1b)
        ENTER_M
        li   a0, BIT(CAUSE_BREAKPOINT)
        csrw medeleg, a0
        ENTER_U
        TRAP_CLEAR
1:      ebreak
        CHECK_TRAP(PRV_S, CAUSE_BREAKPOINT, 1b)
        CHECK_TVALA(1b)
        ENTER_M
        csrw medeleg, zero

        /* misaligned JAL / branch targets: tval = the target */
        TRAP_CLEAR
1:      .word J_ENC(6, RA)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(1b + 6)
        TRAP_CLEAR
1:      .word J_ENC(-2, RA)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(1b - 2)
        TRAP_CLEAR
1:      .word J_ENC(0x802, 0)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(1b + 0x802)
        li   a1, 1
        li   a2, 1
        TRAP_CLEAR
1:      .word B_ENC(6, A1, A2, 0)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(1b + 6)
        TRAP_CLEAR
1:      .word B_ENC(-6, A1, A2, 5)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(1b - 6)
        TEST_PASS
