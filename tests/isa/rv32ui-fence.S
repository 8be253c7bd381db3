/* rv32ui-fence — FENCE in its forms (pred/succ sets, FENCE.TSO, PAUSE, reserved fm and
 * nonzero rs1/rd, which base implementations must execute as ordinary fences) and
 * FENCE.I with nonzero reserved fields: none traps, none disturbs surrounding
 * loads/stores or registers. */
#include "test.h"

/* FENCE encoding: fm[31:28] pred[27:24] succ[23:20] rs1 funct3=0 rd opcode 0x0f */
#define FENCE_ENC(fm, pred, succ, rs1, rd) \
        .word ((fm) << 28) | ((pred) << 24) | ((succ) << 20) | ((rs1) << 15) | ((rd) << 7) | 0x0f
/* FENCE.I encoding with imm, rs1, rd (reserved, ignored) */
#define FENCEI_ENC(imm, rs1, rd) \
        .word ((imm) << 20) | ((rs1) << 15) | (1 << 12) | ((rd) << 7) | 0x0f

TEST_NAME("rv32ui-fence")
TEST_BEGIN
        la   s0, fbuf
        li   a1, 0x11
        li   a2, 0x22
        li   a5, 0x55                       /* rd of the odd encodings: must survive */
        TRAP_CLEAR
        sw   a1, 0(s0)
        fence
        lw   a3, 0(s0)
        fence rw, rw
        sw   a2, 4(s0)
        fence r, r
        fence w, w
        fence iorw, iorw
        fence i, o
        fence o, i
        fence.tso
        FENCE_ENC(0, 1, 0, 0, 0)            /* pause (Zihintpause hint) */
        FENCE_ENC(1, 3, 3, 0, 0)            /* reserved fm */
        FENCE_ENC(0, 3, 3, 9, 15)           /* rs1 = s1, rd = a5: ignored */
        FENCE_ENC(0, 0, 0, 0, 0)            /* empty sets */
        fence.i
        FENCEI_ENC(0x123, 9, 15)            /* imm, rs1, rd: ignored */
        lw   a4, 4(s0)
        CHECK_NO_TRAP
        CHECK_EQ(a3, 0x11)
        CHECK_EQ(a4, 0x22)
        CHECK_EQ(a5, 0x55)
        CHECK_EQ(x0, 0)
        TEST_PASS

        .bss
        .balign 16
fbuf:   .space 16
