/* pmp-lock — the PMP L bit (priv spec 1.12, 3.7.1): a locked entry applies to M-mode
 * too (loads, stores, fetches; NAPOT and TOR), while the lowest-numbered matching entry
 * still decides (an unlocked entry in front of a locked one lets M through); a locked
 * entry ignores writes to its pmpcfg byte and pmpaddr, and a locked TOR entry also
 * locks the pmpaddr below it; S-mode sees the same permissions; M-mode with no matching
 * entry is allowed. (Locks last until reset, so this is one program, locks last.) */
#include "vm.h"

#define CODE_RET 0x00C0DE99
#define AT(off)  la a0, lk; li t0, off; add a0, a0, t0
.macro _deny line, cause, insn:vararg
        TRAP_CLEAR
.Ld\@:  \insn
        _vm_trap_is \line, PRV_M, \cause
        TRAP_FIELD(TRAP_EPC);  _check_eqa t5, .Ld\@, \line, env_what_epc
        TRAP_FIELD(TRAP_TVAL); _check_eqr t5, a0, \line, env_what_tval
.endm
#define OK(off, ...)            AT(off); _vm_ok __LINE__, __VA_ARGS__
#define DENY(off, cause, ...)   AT(off); _deny __LINE__, cause, __VA_ARGS__
#define FETCH_OK(off)   AT(off); _vm_ok __LINE__, jalr ra, a0; _check_eq a2, CODE_RET, __LINE__
#define FETCH_DENY(off) AT(off); _fdeny __LINE__
.macro _fdeny line
        TRAP_CLEAR
        jalr ra, a0
        _vm_trap_is \line, PRV_M, CAUSE_FETCH_ACCESS
        TRAP_FIELD(TRAP_TVAL); _check_eqr t5, a0, \line, env_what_tval
.endm

TEST_NAME("pmp-lock")
TEST_BEGIN
        /* the routine at +0x100 of each of the four pages */
        la   a1, routine
        lw   a2, 0(a1)
        lw   a3, 4(a1)
        lw   a4, 8(a1)
        li   s1, 0
1:      la   a0, lk
        slli t0, s1, PAGE_SHIFT
        add  a0, a0, t0
        sw   a2, 0x100(a0)
        sw   a3, 0x104(a0)
        sw   a4, 0x108(a0)
        addi s1, s1, 1
        li   t0, 4
        bltu s1, t0, 1b
        fence.i
        li   a3, VM_STORE_DATA

        PMP_CLEAR_ALL
        li   a1, -1
        PMP_ENTRY 15, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1
        la   s0, lk
        addi a1, s0, 0x10
        NAPOT_ADDR a1, a1, 8
        PMP_ENTRY 0, PMP_NAPOT, a1                      /* unlocked, nothing */
        NAPOT_ADDR a1, s0, PAGE_SIZE
        mv   s2, a1
        PMP_ENTRY 1, PMP_NAPOT | PMP_R | PMP_L, a1      /* locked R */
        li   t1, PAGE_SIZE
        add  a1, s0, t1
        NAPOT_ADDR a1, a1, PAGE_SIZE
        mv   s3, a1
        PMP_ENTRY 2, PMP_NAPOT | PMP_R | PMP_X | PMP_L, a1  /* locked R X */
        li   t1, 2 * PAGE_SIZE
        add  a1, s0, t1
        srli a1, a1, 2
        mv   s4, a1
        PMP_ENTRY 3, 0, a1                              /* base of entry 4 */
        li   t1, 3 * PAGE_SIZE
        add  a1, s0, t1
        srli a1, a1, 2
        mv   s5, a1
        PMP_ENTRY 4, PMP_TOR | PMP_R | PMP_W | PMP_L, a1   /* locked R W, TOR */

        /* ---- M-mode under the locked entries ---- */
        OK(0x20, lw a2, 0(a0))
        DENY(0x20, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        DENY(0x24, CAUSE_STORE_ACCESS, amoadd.w a2, a3, (a0))
        FETCH_DENY(0x100)
        OK(0x10, sw a3, 0(a0))                  /* entry 0 first: unlocked, M passes */
        OK(0x14, sw a3, 0(a0))
        OK(0x1000, lw a2, 0(a0))
        DENY(0x1FFC, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        FETCH_OK(0x1100)
        OK(0x2000, sw a3, 0(a0))
        OK(0x2FFC, lw a2, 0(a0))
        FETCH_DENY(0x2100)
        OK(0x3000, sw a3, 0(a0))                /* entry 15: unlocked */
        FETCH_OK(0x3100)

        /* ---- S-mode: the same permissions ---- */
        ENTER_S
        DENY(0x10, CAUSE_LOAD_ACCESS, lw a2, 0(a0))
        OK(0x20, lw a2, 0(a0))
        DENY(0x20, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        FETCH_DENY(0x100)
        FETCH_OK(0x1100)
        DENY(0x1000, CAUSE_STORE_ACCESS, sh a3, 0(a0))
        OK(0x2000, sw a3, 0(a0))
        FETCH_DENY(0x2100)
        FETCH_OK(0x3100)
        ENTER_M

        /* ---- locked entries ignore writes ---- */
        csrw pmpaddr1, zero
        csrr a0, pmpaddr1
        CHECK_EQR(a0, s2)
        li   a1, -1
        csrw pmpaddr2, a1
        csrr a0, pmpaddr2
        CHECK_EQR(a0, s3)
        csrw pmpaddr3, zero                     /* locked through entry 4 (TOR) */
        csrr a0, pmpaddr3
        CHECK_EQR(a0, s4)
        csrw pmpaddr4, zero
        csrr a0, pmpaddr4
        CHECK_EQR(a0, s5)
        csrw pmpcfg0, zero                      /* byte 0 and 3 unlocked: cleared */
        csrr a0, pmpcfg0
        CHECK_EQ(a0, ((PMP_NAPOT | PMP_R | PMP_L) << 8) | ((PMP_NAPOT | PMP_R | PMP_X | PMP_L) << 16))
        li   a1, 0x1F1F1F1F
        csrw pmpcfg1, a1                        /* entry 4 locked; 5..7 take R W X NAPOT */
        csrr a0, pmpcfg1
        CHECK_EQ(a0, 0x1F1F1F00 | PMP_TOR | PMP_R | PMP_W | PMP_L)
        csrw pmpcfg1, zero
        csrr a0, pmpcfg1
        CHECK_EQ(a0, PMP_TOR | PMP_R | PMP_W | PMP_L)
        /* entry 0 is gone now: M's store at +0x10 meets locked entry 1 */
        DENY(0x10, CAUSE_STORE_ACCESS, sw a3, 0(a0))

        /* ---- M-mode with no matching entry: allowed (entry 15 off) ---- */
        csrw pmpcfg3, zero
        OK(0x3000, sw a3, 0(a0))
        OK(0x3000, lw a2, 0(a0))
        FETCH_OK(0x3100)
        AT(0x3000)
        lw   a2, 0(a0)
        CHECK_EQ(a2, VM_STORE_DATA)
        TEST_PASS

routine:
        li   a2, CODE_RET
        ret

        VM_LIB

        .pushsection .bss
        .balign 4 * PAGE_SIZE
lk:     .space 4 * PAGE_SIZE
        .popsection
