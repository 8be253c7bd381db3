/* rv32mi-clint — the CLINT as software sees it (docs/platform.md): mtime counts up
 * and is writable (both halves); mtimecmp reads back; MTIP is the 64-bit comparison
 * mtime >= mtimecmp (the high words decide first); msip bit 0 reads back. */
#include "test.h"

#define MTIME    (CLINT_BASE + CLINT_MTIME)
#define MTIMECMP (CLINT_BASE + CLINT_MTIMECMP)

/* a0 = mip.MTIP (0 or 1) */
#define READ_MTIP  csrr a0, mip; srli a0, a0, IRQ_M_TIMER; andi a0, a0, 1

TEST_NAME("rv32mi-clint")
TEST_BEGIN
        /* ---- mtime counts ---- */
        call clint_mtime
        mv   s0, a0
        li   s1, 1000000                    /* polls before giving up */
1:      call clint_mtime
        bne  a0, s0, 2f
        addi s1, s1, -1
        bnez s1, 1b
2:      sub  a0, a0, s0                     /* moved forward */
        srli a0, a0, 31
        CHECK_EQ(a0, 0)
        sltu a0, x0, s1
        CHECK_EQ(a0, 1)

        /* ---- mtime is writable ---- */
        li   t0, MTIME
        li   a1, 0x0000abcd
        sw   a1, 4(t0)
        sw   zero, 0(t0)
        call clint_mtime
        CHECK_EQ(a1, 0x0000abcd)            /* high word as written */
        li   t0, 0x01000000                 /* low word small (< 2^24 ticks) */
        sltu a0, a0, t0
        CHECK_EQ(a0, 1)

        /* ---- mtimecmp reads back ---- */
        li   t0, MTIMECMP
        li   a1, -1
        sw   a1, 0(t0)
        li   a1, 0x0000abce
        sw   a1, 4(t0)
        li   a1, 0x00000123
        sw   a1, 0(t0)
        lw   a0, 0(t0)
        CHECK_EQ(a0, 0x00000123)
        lw   a0, 4(t0)
        CHECK_EQ(a0, 0x0000abce)
        /* high word above mtime's: not pending although the low word is small */
        READ_MTIP
        CHECK_EQ(a0, 0)
        /* high word equal, low word far ahead: not pending */
        li   a1, -1
        sw   a1, 0(t0)
        li   a1, 0x0000abcd
        sw   a1, 4(t0)
        li   a1, 0x40000000
        sw   a1, 0(t0)
        READ_MTIP
        CHECK_EQ(a0, 0)
        /* high word below mtime's, low word large: pending */
        li   a1, -1
        sw   a1, 0(t0)
        li   a1, 0x0000abcc
        sw   a1, 4(t0)
        READ_MTIP
        CHECK_EQ(a0, 1)
        /* compare value far ahead, then mtime moved just below it: pending once
         * mtime gets there (mtime writes make this independent of the tick rate) */
        li   a0, 0x00200000
        li   a1, 0x0000abcd
        call clint_timer_at
        READ_MTIP
        CHECK_EQ(a0, 0)
        li   t0, MTIME
        li   a1, 0x00200000 - 2000          /* 2000 ticks before the compare value */
        sw   a1, 0(t0)
        call clint_mtime
        mv   s0, a0
1:      READ_MTIP
        bnez a0, 2f
        call clint_mtime
        sub  a0, a0, s0
        li   t0, WAIT_BOUND
        blt  a0, t0, 1b
        li   a0, 0
2:      CHECK_EQ(a0, 1)
        /* moving mtime back clears it */
        li   t0, MTIME
        sw   zero, 0(t0)
        sw   zero, 4(t0)
        READ_MTIP
        CHECK_EQ(a0, 0)
        call clint_timer_off

        /* ---- msip ---- */
        li   t0, CLINT_BASE
        li   a1, 1
        sw   a1, CLINT_MSIP(t0)
        lw   a0, CLINT_MSIP(t0)
        CHECK_EQ(a0, 1)
        sw   zero, CLINT_MSIP(t0)
        lw   a0, CLINT_MSIP(t0)
        CHECK_EQ(a0, 0)
        TEST_PASS
