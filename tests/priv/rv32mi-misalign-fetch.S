/* rv32mi-misalign-fetch — without the C extension a taken JAL, JALR or branch whose
 * target is not 4-byte aligned raises instruction-address-misaligned (cause 0) on the
 * jump itself: epc = the jump, rd is not written (unprivileged spec 2.5), tval = the
 * target. A branch that is not taken does not trap. tval is checked here for JALR
 * only: QEMU 7.2 reports a stale pc for JAL and branches, so their tval is checked in
 * the vsim-only rv32mi-tval. */
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
#define A4 14

TEST_NAME("rv32mi-misalign-fetch")
TEST_BEGIN
        /* JAL +6 and -2, rd = ra and a4 */
        li   ra, 0x1111
        TRAP_CLEAR
1:      .word J_ENC(6, RA)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_EQ(ra, 0x1111)
        li   a4, 0x2222
        TRAP_CLEAR
1:      .word J_ENC(-2, A4)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_EQ(a4, 0x2222)
        TRAP_CLEAR
1:      .word J_ENC(0x802, 0)               /* far, rd = x0 */
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)

        /* JALR: offset +2; base +2; base +3 (bit 0 cleared, bit 1 stays) */
        la   a0, 2f
        li   ra, 0x3333
        TRAP_CLEAR
1:      jalr ra, 2(a0)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(2f + 2)
        CHECK_EQ(ra, 0x3333)
        addi a1, a0, 2
        TRAP_CLEAR
1:      jalr ra, 0(a1)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALR(a1)
        addi a1, a0, 3
        TRAP_CLEAR
1:      jalr ra, 0(a1)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(2f + 2)
        la   a1, 2f + 8
        TRAP_CLEAR
1:      jalr a1, -6(a1)                     /* rd = rs1: not written either */
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(2f + 2)
        CHECK_EQA(a1, 2f + 8)
        /* aligned JALR with bit 0 set in the sum: no trap */
        la   a1, 3f
        TRAP_CLEAR
        jalr ra, 1(a1)
        nop
3:      CHECK_NO_TRAP

        /* branches: taken to +6 traps; not taken does not */
        li   a1, 1
        li   a2, 1
        TRAP_CLEAR
1:      .word B_ENC(6, A1, A2, 0)           /* beq a1, a2, .+6: taken */
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        TRAP_CLEAR
1:      .word B_ENC(-6, A1, A2, 4)          /* blt a1, a2, .-6: not taken */
        CHECK_NO_TRAP
        TRAP_CLEAR
1:      .word B_ENC(-6, A1, A2, 5)          /* bge a1, a2, .-6: taken */
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        li   a2, 2
        TRAP_CLEAR
        .word B_ENC(10, A1, A2, 0)          /* beq 1, 2: not taken */
        CHECK_NO_TRAP

        /* from U as well */
        ENTER_U
        la   a0, 2f
        TRAP_CLEAR
1:      jalr ra, 2(a0)
        CHECK_TRAP(PRV_M, CAUSE_MISALIGNED_FETCH, 1b)
        CHECK_TVALA(2f + 2)
        CHECK_PREV(PRV_U)
        ENTER_M
        TEST_PASS

        .balign 16
2:      nop                                 /* jump targets live around here */
        nop
        nop
        nop
        j    env_pass                       /* never reached */
