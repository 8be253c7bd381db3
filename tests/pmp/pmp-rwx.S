/* pmp-rwx — PMP permissions for S-mode and U-mode (priv spec 1.12, 3.7.1), translation
 * off: six 4 KiB NAPOT regions with no permission, R, R W, X, R X and R W X; in each a
 * load, a store, LR, an SC after a successful LR, an AMO and a fetch, allowed exactly by
 * the R/W/X bits (AMOs need R and W), denied with access faults 5 (load, LR), 7 (store,
 * SC, AMO) or 1 (fetch) with tval = the address; M-mode ignores them, except for its
 * loads and stores with MPRV = 1 and MPP = S or U.
 * pmp-rwx-amo includes this file with PMP_RWX_ALL defined and adds the AMOs to regions
 * without R (QEMU 7.2 reports those as load access faults). */
#include "vm.h"

#ifdef PMP_RWX_ALL
#define AMO_ONLY(...)  __VA_ARGS__
#else
#define AMO_ONLY(...)
#define PMP_RWX_NAME "pmp-rwx"
#endif

#define CODE_RET 0x00C0DE77
/* a0 = blk + page * 4 KiB + off */
#define AT(pg, off)  la a0, blk; li t0, (pg) * PAGE_SIZE + (off); add a0, a0, t0
.macro _deny line, cause, insn:vararg
        TRAP_CLEAR
.Ld\@:  \insn
        _vm_trap_is \line, PRV_M, \cause
        TRAP_FIELD(TRAP_EPC);  _check_eqa t5, .Ld\@, \line, env_what_epc
        TRAP_FIELD(TRAP_TVAL); _check_eqr t5, a0, \line, env_what_tval
.endm
#define OK(pg, off, ...)            AT(pg, off); _vm_ok __LINE__, __VA_ARGS__
#define DENY(pg, off, cause, ...)   AT(pg, off); _deny __LINE__, cause, __VA_ARGS__
#define FETCH_OK(pg)   AT(pg, 0x100); _vm_ok __LINE__, jalr ra, a0; _check_eq a2, CODE_RET, __LINE__
#define FETCH_DENY(pg) AT(pg, 0x100); _fdeny __LINE__
.macro _fdeny line
        TRAP_CLEAR
        jalr ra, a0
        _vm_trap_is \line, PRV_M, CAUSE_FETCH_ACCESS
        TRAP_FIELD(TRAP_TVAL); _check_eqr t5, a0, \line, env_what_tval
.endm

.macro ALL prv
        /* page 0: nothing */
        DENY(0, 0x10, CAUSE_LOAD_ACCESS, lw a2, 0(a0))
        CHECK_PREV(\prv)
        DENY(0, 0x14, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        DENY(0, 0x18, CAUSE_LOAD_ACCESS, lr.w a2, (a0))
        AMO_ONLY(DENY(0, 0x1C, CAUSE_STORE_ACCESS, amoadd.w a2, a3, (a0)))
        FETCH_DENY(0)
        /* page 1: R */
        OK(1, 0x10, lw a2, 0(a0))
        DENY(1, 0x14, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        DENY(1, 0x16, CAUSE_STORE_ACCESS, sb a3, 0(a0))
        OK(1, 0x18, lr.w a2, (a0))
        DENY(1, 0x18, CAUSE_STORE_ACCESS, sc.w a2, a3, (a0))
        DENY(1, 0x1C, CAUSE_STORE_ACCESS, amoor.w a2, a3, (a0))
        FETCH_DENY(1)
        /* page 2: R W */
        OK(2, 0x10, lw a2, 0(a0))
        OK(2, 0x14, sw a3, 0(a0))
        OK(2, 0x18, lr.w a2, (a0))
        OK(2, 0x18, sc.w a2, a3, (a0))
        _check_eq a2, 0, __LINE__
        OK(2, 0x1C, amoadd.w a2, a3, (a0))
        FETCH_DENY(2)
        /* page 3: X */
        DENY(3, 0x10, CAUSE_LOAD_ACCESS, lw a2, 0(a0))
        DENY(3, 0x14, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        DENY(3, 0x18, CAUSE_LOAD_ACCESS, lr.w a2, (a0))
        AMO_ONLY(DENY(3, 0x1C, CAUSE_STORE_ACCESS, amoswap.w a2, a3, (a0)))
        FETCH_OK(3)
        /* page 4: R X */
        OK(4, 0x10, lw a2, 0(a0))
        DENY(4, 0x14, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        DENY(4, 0x1C, CAUSE_STORE_ACCESS, amoand.w a2, a3, (a0))
        FETCH_OK(4)
        /* page 5: R W X */
        OK(5, 0x10, lw a2, 0(a0))
        OK(5, 0x14, sw a3, 0(a0))
        OK(5, 0x1C, amomaxu.w a2, a3, (a0))
        FETCH_OK(5)
.endm

/* M-mode access with MPRV = 1, MPP = prv to page pg: cause 0 = allowed */
#define MPRV_TRY(prv, pg, off, cause, ...)  AT(pg, off); _mprv_try __LINE__, prv, cause, __VA_ARGS__
.macro _mprv_try line, prv, cause, insn:vararg
        li   t0, ST_MPRV | (\prv << MSTATUS_MPP_LO)
        TRAP_CLEAR
        csrs mstatus, t0
.Lm\@:  \insn
        csrc mstatus, s3                        /* before any other load or store */
        .if \cause
        _vm_trap_is \line, PRV_M, \cause
        TRAP_FIELD(TRAP_TVAL); _check_eqr t5, a0, \line, env_what_tval
        .else
        TRAP_DISARM
        TRAP_FIELD(TRAP_COUNT); _check_eq t5, 0, \line, env_what_count
        .endif
.endm

TEST_NAME(PMP_RWX_NAME)
TEST_BEGIN
        /* the routine at +0x100 of each page */
        la   a1, routine
        lw   a2, 0(a1)
        lw   a3, 4(a1)
        lw   a4, 8(a1)
        li   s1, 0
1:      la   a0, blk
        slli t0, s1, PAGE_SHIFT
        add  a0, a0, t0
        sw   a2, 0x100(a0)
        sw   a3, 0x104(a0)
        sw   a4, 0x108(a0)
        addi s1, s1, 1
        li   t0, 6
        bltu s1, t0, 1b
        fence.i
        li   a3, VM_STORE_DATA

        PMP_CLEAR_ALL
        la   s0, blk
        NAPOT_ADDR a1, s0, PAGE_SIZE
        PMP_ENTRY 0, PMP_NAPOT, a1
        li   t1, PAGE_SIZE
        add  s0, s0, t1
        NAPOT_ADDR a1, s0, PAGE_SIZE
        PMP_ENTRY 1, PMP_NAPOT | PMP_R, a1
        add  s0, s0, t1
        NAPOT_ADDR a1, s0, PAGE_SIZE
        PMP_ENTRY 2, PMP_NAPOT | PMP_R | PMP_W, a1
        add  s0, s0, t1
        NAPOT_ADDR a1, s0, PAGE_SIZE
        PMP_ENTRY 3, PMP_NAPOT | PMP_X, a1
        add  s0, s0, t1
        NAPOT_ADDR a1, s0, PAGE_SIZE
        PMP_ENTRY 4, PMP_NAPOT | PMP_R | PMP_X, a1
        add  s0, s0, t1
        NAPOT_ADDR a1, s0, PAGE_SIZE
        PMP_ENTRY 5, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1
        li   a1, -1
        PMP_ENTRY 15, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1

        ENTER_S
        ALL PRV_S
        ENTER_M
        ENTER_U
        ALL PRV_U
        ENTER_M
        /* M-mode: none of it applies (unlocked) */
        AT(0, 0x14)
        EXPECT_OK(sw a3, 0(a0))
        AT(3, 0x10)
        EXPECT_OK(lw a2, 0(a0))
        FETCH_OK(1)
        /* M-mode with MPRV = 1 and MPP = S or U: the entries apply to its loads and
         * stores (as S/U accesses), not to its fetches */
        li   s3, ST_MPRV | MSTATUS_MPP_MASK
        MPRV_TRY(PRV_U, 0, 0x10, CAUSE_LOAD_ACCESS, lw a2, 0(a0))
        MPRV_TRY(PRV_S, 1, 0x14, CAUSE_STORE_ACCESS, sw a3, 0(a0))
        MPRV_TRY(PRV_U, 3, 0x10, CAUSE_LOAD_ACCESS, lw a2, 0(a0))
        MPRV_TRY(PRV_S, 1, 0x10, 0, lw a2, 0(a0))
        MPRV_TRY(PRV_U, 2, 0x14, 0, sw a3, 0(a0))
        li   t0, ST_MPRV | (PRV_U << MSTATUS_MPP_LO)
        csrs mstatus, t0
        FETCH_OK(0)
        csrc mstatus, s3

        PMP_CLEAR_ALL
        li   a1, -1
        PMP_ENTRY 0, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1
        TEST_PASS

routine:
        li   a2, CODE_RET
        ret

        VM_LIB

        .pushsection .bss
        .balign 8 * PAGE_SIZE
blk:    .space 6 * PAGE_SIZE
        .popsection
