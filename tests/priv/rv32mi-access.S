/* rv32mi-access — access faults for addresses where nothing is mapped (0x0020_0000
 * and 0xF000_0000 are holes both in our memory map and in QEMU virt's): loads and LR
 * give cause 5, stores cause 7, fetches cause 1; tval = the address (for fetches also
 * epc = the address); a faulting load does not write rd, a faulting store writes
 * nothing. AMO/SC faults and device targets are in the vsim-only rv32mi-access-dev
 * (QEMU 7.2 reports AMO faults as loads and lets AMOs reach devices). */
#include "test.h"

#define HOLE1 0x00200000
#define HOLE2 0xf0000000

/* Load/store at addr must fault with cause; rd (a0) keeps 0x5a5a. */
#define FAULT(cause, addr, insn...)                                     \
        li   s1, addr;                                                  \
        li   a0, 0x5a5a;                                                \
        TRAP_CLEAR;                                                     \
8001:   insn;                                                           \
        CHECK_TRAP(PRV_M, cause, 8001b);                                \
        CHECK_TVAL(addr);                                               \
        CHECK_EQ(a0, 0x5a5a)

TEST_NAME("rv32mi-access")
TEST_BEGIN
        li   a1, 0x77
        FAULT(CAUSE_LOAD_ACCESS, HOLE1, lw a0, 0(s1))
        FAULT(CAUSE_LOAD_ACCESS, HOLE1 + 6, lh a0, 0(s1))
        FAULT(CAUSE_LOAD_ACCESS, HOLE1 + 3, lbu a0, 0(s1))
        FAULT(CAUSE_LOAD_ACCESS, HOLE2 + 8, lw a0, 0(s1))
        FAULT(CAUSE_LOAD_ACCESS, HOLE2 + 2, lhu a0, 0(s1))
        FAULT(CAUSE_LOAD_ACCESS, HOLE2 + 1, lb a0, 0(s1))
        FAULT(CAUSE_LOAD_ACCESS, HOLE1, lr.w a0, (s1))
        FAULT(CAUSE_LOAD_ACCESS, HOLE2 + 4, lr.w a0, (s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE1, sw a1, 0(s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE1 + 2, sh a1, 0(s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE1 + 1, sb a1, 0(s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE2 + 12, sw a1, 0(s1))
        /* offsets count: the faulting address is base + offset */
        li   s1, HOLE1 + 0x100
        TRAP_CLEAR
8002:   lw   a0, -0x100 + 8(s1)
        CHECK_TRAP(PRV_M, CAUSE_LOAD_ACCESS, 8002b)
        CHECK_TVAL(HOLE1 + 8)

        /* fetch faults: epc = tval = the target; the handler resumes at ra */
        li   s1, HOLE1
        TRAP_CLEAR
        jalr ra, 0(s1)
        CHECK_TRAPR(PRV_M, CAUSE_FETCH_ACCESS, s1)
        CHECK_TVAL(HOLE1)
        li   s1, HOLE2 + 0x40
        TRAP_CLEAR
        jalr ra, 0(s1)
        CHECK_TRAPR(PRV_M, CAUSE_FETCH_ACCESS, s1)
        CHECK_TVAL(HOLE2 + 0x40)

        /* the same from U-mode */
        ENTER_U
        FAULT(CAUSE_LOAD_ACCESS, HOLE1 + 4, lw a0, 0(s1))
        FAULT(CAUSE_STORE_ACCESS, HOLE2, sw a1, 0(s1))
        li   s1, HOLE1
        TRAP_CLEAR
        jalr ra, 0(s1)
        CHECK_TRAPR(PRV_M, CAUSE_FETCH_ACCESS, s1)
        CHECK_PREV(PRV_U)
        ENTER_M
        TEST_PASS
