/* pmp-match — PMP address matching (priv spec 1.12, 3.7.1), translation off: NAPOT of
 * 8 bytes and of 4 KiB, NA4, TOR (with the entry below as its base, and entry 0's TOR
 * starting at address 0), overlapping entries (the lowest-numbered match decides),
 * TOR entries whose top is not above their base (empty), checked at the first and last
 * word inside and the words just outside each region,
 * for S-mode and U-mode loads, stores and fetches (access faults 5/7/1, tval = the
 * address); M-mode ignores unlocked entries; with no matching entry S and U are denied
 * and M is allowed. */
#include "vm.h"

#define CODE_RET 0x00C0DE55

/* a0 = region + off */
#define AT(off)  la a0, region; li t0, off; add a0, a0, t0
/* access region + off: no trap, or a trap taken in M with cause and tval = the address */
#define LD_OK(off)           AT(off); EXPECT_OK(lw a2, 0(a0))
#define LD_DENY(off)         AT(off); _deny __LINE__, CAUSE_LOAD_ACCESS, lw a2, 0(a0)
#define ST_OK(off)           AT(off); EXPECT_OK(sw a3, 0(a0))
#define ST_DENY(off)         AT(off); _deny __LINE__, CAUSE_STORE_ACCESS, sw a3, 0(a0)
#define DENY(cause, off, ...) AT(off); _deny __LINE__, cause, __VA_ARGS__
#define FETCH_OK(off)        AT(off); _vm_ok __LINE__, jalr ra, a0
#define FETCH_DENY(off)      AT(off); _fetch_deny __LINE__, off
.macro _deny line, cause, insn:vararg
        TRAP_CLEAR
.Ld\@:  \insn
        _vm_trap_is \line, PRV_M, \cause
        TRAP_FIELD(TRAP_EPC);  _check_eqa t5, .Ld\@, \line, env_what_epc
        TRAP_FIELD(TRAP_TVAL); _check_eqr t5, a0, \line, env_what_tval
.endm
.macro _fetch_deny line, off
        TRAP_CLEAR
        jalr ra, a0
        _vm_trap_is \line, PRV_M, CAUSE_FETCH_ACCESS
        TRAP_FIELD(TRAP_TVAL); _check_eqr t5, a0, \line, env_what_tval
        TRAP_FIELD(TRAP_EPC);  _check_eqr t5, a0, \line, env_what_epc
.endm

/* the checks for S and U under the first set of entries */
.macro FIRST_SET
        /* entry 0: NAPOT 8 bytes at +0x100, no permissions */
        LD_OK(0xFC)
        LD_DENY(0x100)
        LD_DENY(0x104)
        ST_DENY(0x104)
        DENY(CAUSE_LOAD_ACCESS, 0x107, lbu a2, 0(a0))
        LD_OK(0x108)
        /* entry 1: NAPOT 4 KiB at +0x1000 */
        LD_OK(0xFFC)
        LD_DENY(0x1000)
        LD_DENY(0x1A5C)
        LD_DENY(0x1FFC)
        ST_DENY(0x1FFE - 2)
        LD_OK(0x2000)
        /* entry 2: NA4 at +0x3008 */
        LD_OK(0x3004)
        LD_DENY(0x3008)
        DENY(CAUSE_LOAD_ACCESS, 0x300A, lhu a2, 0(a0))
        DENY(CAUSE_STORE_ACCESS, 0x300B, sb a3, 0(a0))
        LD_OK(0x300C)
        ST_OK(0x300C)
        /* entry 4: TOR [+0x5000, +0x5100) (entry 3 is OFF and gives the base) */
        LD_OK(0x4FFC)
        LD_DENY(0x5000)
        LD_DENY(0x50FC)
        ST_DENY(0x5080)
        LD_OK(0x5100)
        /* entry 5: R only at +0x8000 over entry 7's R W */
        LD_OK(0x8000)
        ST_DENY(0x8000)
        ST_DENY(0x8FFC)
        ST_OK(0x9000)
        FETCH_DENY(0x8100)
        /* entry 6: R X at +0xB000; entry 7 (R W, no X) elsewhere */
        FETCH_OK(0xB000)
        CHECK_EQ(a2, CODE_RET)
        ST_DENY(0xB800)
        FETCH_DENY(0xA000)
        /* entry 15 (all, R W X) below and above the region */
        la   a0, below
        EXPECT_OK(sw a3, 0(a0))
        la   a0, region
        li   t0, 0x10000
        add  a0, a0, t0
        EXPECT_OK(lw a2, 0(a0))
.endm

TEST_NAME("pmp-match")
TEST_BEGIN
        /* the routine, at +0xA000 (not executable) and +0xB000 (executable) */
        la   a1, routine
        lw   a2, 0(a1)
        lw   a3, 4(a1)
        lw   a4, 8(a1)
        AT(0xA000)
        sw   a2, 0(a0)
        sw   a3, 4(a0)
        sw   a4, 8(a0)
        AT(0xB000)
        sw   a2, 0(a0)
        sw   a3, 4(a0)
        sw   a4, 8(a0)
        fence.i
        li   a3, VM_STORE_DATA

        PMP_CLEAR_ALL
        la   s0, region
        addi a1, s0, 0x100
        NAPOT_ADDR a1, a1, 8
        PMP_ENTRY 0, PMP_NAPOT, a1
        li   a1, 0x1000
        add  a1, a1, s0
        NAPOT_ADDR a1, a1, 0x1000
        PMP_ENTRY 1, PMP_NAPOT, a1
        li   a1, 0x3008
        add  a1, a1, s0
        srli a1, a1, 2
        PMP_ENTRY 2, PMP_NA4, a1
        li   a1, 0x5000
        add  a1, a1, s0
        srli a1, a1, 2
        PMP_ENTRY 3, 0, a1
        li   a1, 0x5100
        add  a1, a1, s0
        srli a1, a1, 2
        PMP_ENTRY 4, PMP_TOR, a1
        li   a1, 0x8000
        add  a1, a1, s0
        NAPOT_ADDR a1, a1, 0x1000
        PMP_ENTRY 5, PMP_NAPOT | PMP_R, a1
        li   a1, 0xB000
        add  a1, a1, s0
        NAPOT_ADDR a1, a1, 0x1000
        PMP_ENTRY 6, PMP_NAPOT | PMP_R | PMP_X, a1
        NAPOT_ADDR a1, s0, 0x10000
        PMP_ENTRY 7, PMP_NAPOT | PMP_R | PMP_W, a1
        /* entries 8 and 9: TOR with top <= bottom, empty (they would deny everything) */
        la   a1, below
        srli a1, a1, 2
        PMP_ENTRY 8, PMP_TOR, a1
        PMP_ENTRY 9, PMP_TOR, a1
        li   a1, -1
        PMP_ENTRY 15, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1

        ENTER_S
        FIRST_SET
        CHECK_PREV(PRV_S)
        ENTER_M
        ENTER_U
        FIRST_SET
        CHECK_PREV(PRV_U)
        ENTER_M
        /* M-mode: unlocked entries do not apply */
        LD_OK(0x100)
        ST_OK(0x1000)
        ST_OK(0x3008)
        ST_OK(0x5000)
        ST_OK(0x8000)
        FETCH_OK(0xA000)
        CHECK_EQ(a2, CODE_RET)

        /* ---- entry 0: TOR from address 0 up to the region, R W X; entry 1: TOR over
         * the region (entry 0's address as its base), R only; entry 15 all ---- */
        PMP_CLEAR_ALL
        srli a1, s0, 2
        PMP_ENTRY 0, PMP_TOR | PMP_R | PMP_W | PMP_X, a1
        li   a1, 0x10000
        add  a1, a1, s0
        srli a1, a1, 2
        PMP_ENTRY 1, PMP_TOR | PMP_R, a1
        li   a1, -1
        PMP_ENTRY 15, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1
        ENTER_S
        la   a0, below
        EXPECT_OK(sw a3, 0(a0))
        ST_DENY(0)
        LD_OK(0)
        LD_OK(0xFFFC)
        ST_DENY(0xFFFC)
        FETCH_DENY(0xB000)
        ENTER_M

        /* ---- no entry matches the region (TOR below it, TOR above it): S and U
         * denied, M allowed ---- */
        li   a1, 0x10000
        add  a1, a1, s0
        srli a1, a1, 2
        PMP_ENTRY 1, 0, a1
        li   a1, -1
        PMP_ENTRY 2, PMP_TOR | PMP_R | PMP_W | PMP_X, a1
        csrw CSR_PMPCFG0 + 3, zero
        ENTER_S
        LD_DENY(0x10)
        ST_DENY(0x10)
        LD_DENY(0xFFFC)
        LD_OK(0x10000)
        FETCH_DENY(0xB000)
        ENTER_M
        ENTER_U
        LD_DENY(0xFFF0)
        DENY(CAUSE_STORE_ACCESS, 0x22, sh a3, 0(a0))
        ENTER_M
        LD_OK(0x10)
        ST_OK(0x10)

        /* back to the environment's single entry */
        PMP_CLEAR_ALL
        li   a1, -1
        PMP_ENTRY 0, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1
        TEST_PASS

routine:
        li   a2, CODE_RET
        ret

        VM_LIB

        .pushsection .bss
        .balign 16
below:  .space 16
        .balign 0x10000
region: .space 0x10000
        .popsection
