/* rv32mi-access-dev — platform rules from docs/platform.md that QEMU does not share
 * (vsim-only): AMO/SC to unmapped addresses give store access faults (cause 7; QEMU
 * 7.2 says 5); AMO/LR/SC to devices fault (LR 5, SC/AMO 7), QEMU lets them through;
 * instruction fetch from a device faults (QEMU aborts); RAM ends at RAM_BASE +
 * RAM_SIZE_DEFAULT (QEMU has more); finisher loads read 0; a device access of another
 * width is accepted. */
#include "test.h"

#define HOLE1   0x00200000
#define RAM_END (RAM_BASE + RAM_SIZE_DEFAULT)

#define FAULT(cause, addr, insn...)                                     \
        li   s1, addr;                                                  \
        li   a0, 0x5a5a;                                                \
        TRAP_CLEAR;                                                     \
8001:   insn;                                                           \
        CHECK_TRAP(PRV_M, cause, 8001b);                                \
        CHECK_TVAL(addr);                                               \
        CHECK_EQ(a0, 0x5a5a)

#define FETCH_FAULT(addr)                                               \
        li   s1, addr;                                                  \
        TRAP_CLEAR;                                                     \
        jalr ra, 0(s1);                                                 \
        CHECK_TRAPR(PRV_M, CAUSE_FETCH_ACCESS, s1);                     \
        CHECK_TVAL(addr)

TEST_NAME("rv32mi-access-dev")
TEST_BEGIN
        li   a1, 0                          /* AMO operand: harmless if it did write */
        /* AMO and SC to a hole */
        FAULT(CAUSE_STORE_ACCESS, HOLE1, amoadd.w a0, a1, (s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE1 + 4, amoswap.w a0, a1, (s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE1 + 8, amomaxu.w a0, a1, (s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE1, sc.w a0, a1, (s1))
        /* AMO / LR / SC to each device */
        FAULT(CAUSE_STORE_ACCESS, CLINT_BASE + CLINT_MSIP, amoor.w a0, a1, (s1))
        FAULT(CAUSE_STORE_ACCESS, CLINT_BASE + CLINT_MTIME, amoadd.w a0, a1, (s1))
        FAULT(CAUSE_LOAD_ACCESS, CLINT_BASE + CLINT_MTIME, lr.w a0, (s1))
        FAULT(CAUSE_STORE_ACCESS, CLINT_BASE + CLINT_MSIP, sc.w a0, a1, (s1))
        FAULT(CAUSE_STORE_ACCESS, UART_BASE + UART_SCR - 3, amoor.w a0, a1, (s1))
        FAULT(CAUSE_LOAD_ACCESS, UART_BASE, lr.w a0, (s1))
        FAULT(CAUSE_STORE_ACCESS, UART_BASE + 4, sc.w a0, a1, (s1))
        FAULT(CAUSE_STORE_ACCESS, FINISHER_BASE, amoswap.w a0, a1, (s1))
        FAULT(CAUSE_LOAD_ACCESS, FINISHER_BASE, lr.w a0, (s1))
        /* RAM ends where the platform says */
        FAULT(CAUSE_LOAD_ACCESS, RAM_END, lw a0, 0(s1))
        FAULT(CAUSE_STORE_ACCESS, RAM_END + 0x100, sw a1, 0(s1))
        FAULT(CAUSE_STORE_ACCESS, RAM_END, amoadd.w a0, a1, (s1))
        li   s1, RAM_END - 4                /* the last RAM word works */
        li   a2, 0x1357
        sw   a2, 0(s1)
        lw   a0, 0(s1)
        CHECK_EQ(a0, 0x1357)
        amoadd.w a0, a2, (s1)
        CHECK_EQ(a0, 0x1357)
        lw   a0, 0(s1)
        CHECK_EQ(a0, 0x26ae)
        /* instruction fetch: devices, the zero page, past the end of RAM */
        FETCH_FAULT(UART_BASE)
        FETCH_FAULT(CLINT_BASE)
        FETCH_FAULT(CLINT_BASE + CLINT_MTIMECMP)
        FETCH_FAULT(FINISHER_BASE)
        FETCH_FAULT(0)
        FETCH_FAULT(RAM_END)
        FETCH_FAULT(RAM_BASE - 4)
        /* a fall-through from the last RAM word into the hole: set up "nop" there,
         * jump to it; the fetch after it faults at RAM_END */
        li   s1, RAM_END - 4
        li   a2, 0x00000013                 /* nop */
        sw   a2, 0(s1)
        fence.i
        li   s2, RAM_END
        TRAP_CLEAR
        jalr ra, 0(s1)
        CHECK_TRAPR(PRV_M, CAUSE_FETCH_ACCESS, s2)
        CHECK_TVAL(RAM_END)

        /* finisher: loads read 0; other widths on devices are accepted */
        TRAP_CLEAR
        li   s1, FINISHER_BASE
        li   a0, 0x5a5a
        lw   a0, 0(s1)
        CHECK_EQ(a0, 0)
        li   s1, UART_BASE
        li   a2, 0xa5
        sb   a2, UART_SCR(s1)               /* byte register, byte access */
        lbu  a0, UART_SCR(s1)
        CHECK_EQ(a0, 0xa5)
        lw   a0, 4(s1)                      /* word load over MCR..SCR */
        li   s1, CLINT_BASE
        lbu  a0, CLINT_MSIP(s1)             /* byte load of a word register */
        CHECK_EQ(a0, 0)
        CHECK_NO_TRAP
        TEST_PASS
