/* test.h — the bare-metal test environment: check macros, trap records, mode switches.
 *
 * A test program is one .S (or .c) file linked with tests/env/crt.S and one console
 * (console_uart.S or console_htif.S). crt.S starts in M-mode, sets up the machine
 * (see "State at test_main" below) and jumps to test_main. The test ends with
 * TEST_PASS, which prints "<name>: ok" and passes through the finisher (or tohost);
 * a failed check prints "<name>: FAIL case N (line L, what): got X, expected Y" and
 * fails with exit code N.
 *
 * Register rules for assembly tests: t5 and t6 (x30, x31) belong to the macros and the
 * service calls; every other register, sp included, is the test's. Trap handlers save
 * and restore all registers, so a trap changes nothing but the trap record below and
 * the CSRs the hardware writes.
 *
 * State at test_main: M-mode; mstatus = 0 (MPP = U, all enables off); mie = 0;
 * medeleg = mideleg = 0; satp = 0; mtvec = env_trap_m and stvec = env_trap_s (direct);
 * mscratch/sscratch point at the handlers' frames (tests that write them must put them
 * back with ENV_RESTORE_SCRATCH); mcounteren = scounteren = 0; CLINT msip = 0 and
 * mtimecmp = all ones; PMP entry 0 = NAPOT over the whole address space with RWX, so
 * S/U accesses are allowed on any core that checks PMP.
 *
 * Trap handling: traps are recorded in env_trap (TRAP_* offsets below). A trap is only
 * allowed while "armed" (TRAP_CLEAR arms; CHECK_TRAP, CHECK_NO_TRAP, CHECK_COUNT and
 * TRAP_DISARM disarm); an unarmed trap fails the test at once with its cause, epc
 * and tval. After recording:
 *   exception: a hook (env_exc_hook_m/_s) runs if set; otherwise the handler resumes
 *              at epc+4, or at the saved ra for fetch faults (cause 1 and 12), so a
 *              test reaches a bad target with `jalr ra, ...` and continues after it.
 *   interrupt: a hook (env_irq_hook_m/_s) runs if set; otherwise the handler clears the
 *              interrupt's enable bit in mie (M) or sie (S) so it does not fire again.
 * Hooks are called with a0 = cause, a1 = address of the saved register frame (x_i at
 * 4*i) and may change any register but sp; they run on the handler's stack (2 KiB)
 * and return with ret; the trapped code gets its registers back from the frame.
 * A hook may write mepc/sepc to choose where the trap returns.
 *
 * Exit codes: a failed check exits with its case number (cases are numbered 5, 6, ...
 * in source order so that codes never collide with vsim's own codes 2/3/4; a number
 * above 250 exits with 250). The environment's own failures use 251 (HTIF SYS_write
 * returned a wrong count), 252 (bad service call), 253 (nested trap) and 254
 * (unexpected trap).
 */
#ifndef TESTS_ENV_TEST_H
#define TESTS_ENV_TEST_H

#include "arch.h"

/* Offsets in env_trap, the record of the last trap. */
#define TRAP_COUNT   0    /* traps taken since TRAP_CLEAR */
#define TRAP_LEVEL   4    /* PRV_M or PRV_S: the handler that took it */
#define TRAP_CAUSE   8    /* mcause/scause */
#define TRAP_TVAL    12   /* mtval/stval */
#define TRAP_EPC     16   /* mepc/sepc */
#define TRAP_PREV    20   /* privilege the trap came from (MPP, or SPP) */
#define TRAP_STATUS  24   /* mstatus (sstatus for S) read in the handler */
#define TRAP_VSLOT   28   /* vector slot entered (ENV_VECTOR_TABLE), -1 for direct */
#define TRAP_ARMED   32   /* nonzero: traps allowed */
#define TRAP_LOG     36   /* causes of the first TRAP_LOG_LEN traps, in order */
#define TRAP_LOG_LEN 16
#define TRAP_SIZE    (TRAP_LOG + 4 * TRAP_LOG_LEN)

#define FRAME_SIZE   128  /* x0..x31; the x0 slot carries the vector slot number */

/* Service call: `li t6, SVC_TO_M; ecall` from U or S continues at the next
 * instruction in M-mode (see ENTER_M). The ecall must reach M: from S, medeleg[9] = 0;
 * from U, medeleg[8] = 0, or medeleg[8] = 1 and medeleg[9] = 0 (S forwards it). */
#define SVC_TO_M     0x5e7c0de3

#define ENV_FAIL_HTIF       251
#define ENV_FAIL_SVC        252
#define ENV_FAIL_NESTED     253
#define ENV_FAIL_UNEXPECTED 254
#define ENV_CASE_MAX        250

#define MSTATUS_MPP_MASK  (3 << MSTATUS_MPP_LO)
#define BIT(n)            (1 << (n))

#ifdef __ASSEMBLER__

/* ---- program structure ---- */

/* TEST_NAME("rv32ui-alu") names the program in its output lines. */
#define TEST_NAME(s)                    \
        .pushsection .rodata;           \
        .globl test_name;               \
test_name: .asciz s;                    \
        .popsection

/* TEST_BEGIN opens the body; the environment jumps here in M-mode. */
#define TEST_BEGIN                      \
        .text;                          \
        .globl test_main;               \
        .balign 4;                      \
test_main:

#define TEST_PASS  j env_pass

/* ---- checks: each one is a numbered case ---- */
        .set env_case, 4

/* got (a register) must equal the constant exp. */
.macro _check_eq got, exp, line, what=env_what_value
        .set env_case, env_case + 1
        li   t6, \exp
        beq  \got, t6, .Lck_ok\@
        mv   t5, \got
        li   a0, env_case
        li   a4, \line
        la   a3, \what
        j    env_fail_t5t6
.Lck_ok\@:
.endm

/* got must equal the register exp. */
.macro _check_eqr got, exp, line, what=env_what_value
        .set env_case, env_case + 1
        beq  \got, \exp, .Lck_ok\@
        mv   t5, \got
        mv   t6, \exp
        li   a0, env_case
        li   a4, \line
        la   a3, \what
        j    env_fail_t5t6
.Lck_ok\@:
.endm

/* got must equal the address of symbol sym. */
.macro _check_eqa got, sym, line, what=env_what_value
        .set env_case, env_case + 1
        la   t6, \sym
        beq  \got, t6, .Lck_ok\@
        mv   t5, \got
        li   a0, env_case
        li   a4, \line
        la   a3, \what
        j    env_fail_t5t6
.Lck_ok\@:
.endm

/* lo <= got < hi for symbols lo, hi (on failure "expected" shows lo). */
.macro _check_range got, lo, hi, line, what=env_what_value
        .set env_case, env_case + 1
        la   t6, \lo
        bltu \got, t6, .Lck_bad\@
        la   t6, \hi
        bltu \got, t6, .Lck_ok\@
.Lck_bad\@:
        mv   t5, \got
        la   t6, \lo
        li   a0, env_case
        li   a4, \line
        la   a3, \what
        j    env_fail_t5t6
.Lck_ok\@:
.endm

#define CHECK_EQ(reg, exp)      _check_eq  reg, exp, __LINE__
#define CHECK_EQR(reg, reg2)    _check_eqr reg, reg2, __LINE__
#define CHECK_EQA(reg, sym)     _check_eqa reg, sym, __LINE__
/* CSR value must equal a constant. */
#define CHECK_CSR(csr, exp)     csrr t5, csr; _check_eq t5, exp, __LINE__, env_what_csr
/* Word in memory at symbol must equal a constant. */
#define CHECK_MEM(sym, exp)     la t5, sym; lw t5, 0(t5); _check_eq t5, exp, __LINE__, env_what_mem

/* ---- trap records ---- */

/* Clear the record and allow traps until the next CHECK_TRAP / CHECK_NO_TRAP. */
#define TRAP_CLEAR                                      \
        la   t5, env_trap;                              \
        sw   zero, TRAP_COUNT(t5);                      \
        li   t6, -1;                                    \
        sw   t6, TRAP_CAUSE(t5);                        \
        sw   t6, TRAP_VSLOT(t5);                        \
        sw   t6, TRAP_ARMED(t5)

#define TRAP_DISARM  la t5, env_trap; sw zero, TRAP_ARMED(t5)

/* Load one field of the record into t5. */
#define TRAP_FIELD(off)  la t5, env_trap; lw t5, off(t5)

/* Exactly one trap since TRAP_CLEAR, taken by `level` with `cause`, epc at `epcsym`. */
#define CHECK_TRAP(level, cause, epcsym)                                        \
        TRAP_DISARM;                                                            \
        TRAP_FIELD(TRAP_COUNT);  _check_eq  t5, 1, __LINE__, env_what_count;    \
        TRAP_FIELD(TRAP_CAUSE);  _check_eq  t5, cause, __LINE__, env_what_cause; \
        TRAP_FIELD(TRAP_LEVEL);  _check_eq  t5, level, __LINE__, env_what_level; \
        TRAP_FIELD(TRAP_EPC);    _check_eqa t5, epcsym, __LINE__, env_what_epc

/* Same, with the expected epc in a register. */
#define CHECK_TRAPR(level, cause, epcreg)                                       \
        TRAP_DISARM;                                                            \
        TRAP_FIELD(TRAP_COUNT);  _check_eq  t5, 1, __LINE__, env_what_count;    \
        TRAP_FIELD(TRAP_CAUSE);  _check_eq  t5, cause, __LINE__, env_what_cause; \
        TRAP_FIELD(TRAP_LEVEL);  _check_eq  t5, level, __LINE__, env_what_level; \
        TRAP_FIELD(TRAP_EPC);    _check_eqr t5, epcreg, __LINE__, env_what_epc

#define CHECK_NO_TRAP                                                           \
        TRAP_DISARM;                                                            \
        TRAP_FIELD(TRAP_COUNT);  _check_eq  t5, 0, __LINE__, env_what_count

#define CHECK_TVAL(exp)    TRAP_FIELD(TRAP_TVAL); _check_eq  t5, exp, __LINE__, env_what_tval
#define CHECK_TVALR(reg)   TRAP_FIELD(TRAP_TVAL); _check_eqr t5, reg, __LINE__, env_what_tval
#define CHECK_TVALA(sym)   TRAP_FIELD(TRAP_TVAL); _check_eqa t5, sym, __LINE__, env_what_tval
#define CHECK_PREV(prv)    TRAP_FIELD(TRAP_PREV); _check_eq  t5, prv, __LINE__, env_what_prev
/* The recorded epc lies in [lo, hi). */
#define CHECK_EPC_RANGE(lo, hi) TRAP_FIELD(TRAP_EPC); _check_range t5, lo, hi, __LINE__, env_what_epc
#define CHECK_COUNT(n)     TRAP_DISARM; TRAP_FIELD(TRAP_COUNT); _check_eq t5, n, __LINE__, env_what_count
#define CHECK_VSLOT(n)     TRAP_FIELD(TRAP_VSLOT); _check_eq t5, n, __LINE__, env_what_vslot
/* Cause of the i-th trap (from 0) since TRAP_CLEAR. */
#define CHECK_LOG(i, cause) TRAP_FIELD(TRAP_LOG + 4 * (i)); _check_eq t5, cause, __LINE__, env_what_cause

/* Illegal instruction in M: the trap, and tval = the instruction bits. */
#define CHECK_ILLEGAL_M(epcsym, bits)                           \
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, epcsym);          \
        CHECK_TVAL(bits)

/* ---- hooks ---- */
#define SET_HOOK(var, sym)  la t5, sym; la t6, var; sw t5, 0(t6)
#define CLEAR_HOOK(var)     la t6, var; sw zero, 0(t6)

/* ---- privilege changes ---- */

/* From M: continue at `label` in privilege prv (mret with MPP = prv). */
#define GOTO_MODE(prv, label)                                   \
        li   t5, MSTATUS_MPP_MASK;                              \
        csrc mstatus, t5;                                       \
        li   t5, ((prv) << MSTATUS_MPP_LO);                     \
        csrs mstatus, t5;                                       \
        la   t5, label;                                         \
        csrw mepc, t5;                                          \
        mret

/* From M: continue at the next instruction in S / U. (Uses mret: MIE takes MPIE.) */
#define ENTER_S  GOTO_MODE(PRV_S, 9999f); 9999:
#define ENTER_U  GOTO_MODE(PRV_U, 9999f); 9999:
/* From S or U: continue at the next instruction in M. */
#define ENTER_M  li t6, SVC_TO_M; ecall

/* Put mscratch/sscratch back after a test wrote them. */
#define ENV_RESTORE_SCRATCH                     \
        la   t5, env_frame_m; csrw mscratch, t5; \
        la   t5, env_frame_s; csrw sscratch, t5

/* Vector table for vectored mode: 16 slots; slot i records i in TRAP_VSLOT and
 * enters the normal handler. `m` or `s` picks the handler. Align the table with
 * .balign 64 (the mtvec base) before using it. */
.macro ENV_VECTOR_TABLE lvl
        .option push
        .option norvc
        .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        j    .Lvslot_\lvl\()_\i
        .endr
        .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
.Lvslot_\lvl\()_\i:
        csrrw sp, \lvl\()scratch, sp
        sw   t5, 30*4(sp)
        li   t5, \i
        sw   t5, 0(sp)
        lw   t5, 30*4(sp)
        csrrw sp, \lvl\()scratch, sp
        j    env_trap_\lvl
        .endr
        .option pop
.endm

/* Delay: spin n iterations (uses t5). */
#define SPIN(n)  li t5, n; 9998: addi t5, t5, -1; bnez t5, 9998b

/* Spin until at least n traps were recorded since TRAP_CLEAR, or until `ticks` of
 * mtime have passed (then fall through; the following CHECK_COUNT reports it). The
 * bound is in time, not iterations: QEMU delivers timer interrupts through host
 * timers, milliseconds late on a busy machine. The loop is 9997b..9996f, for checking
 * where an interrupt hit. Uses t5, t6 and env_wait_deadline. */
#define WAIT_TRAPS(n, ticks)                                    \
        li   t5, CLINT_BASE + CLINT_MTIME;                      \
        lw   t5, 0(t5);                                         \
        li   t6, ticks;                                         \
        add  t5, t5, t6;                                        \
        la   t6, env_wait_deadline;                             \
        sw   t5, 0(t6);                                         \
9997:   la   t5, env_trap;                                      \
        lw   t5, TRAP_COUNT(t5);                                \
        addi t5, t5, -(n);                                      \
        bgez t5, 9996f;                                         \
        li   t5, CLINT_BASE + CLINT_MTIME;                      \
        lw   t5, 0(t5);                                         \
        la   t6, env_wait_deadline;                             \
        lw   t6, 0(t6);                                         \
        sub  t5, t5, t6;                                        \
        bltz t5, 9997b;                                         \
9996:
/* 2e6 ticks: 0.2 s on QEMU (10 MHz), 2e6 cycles on the simulator (MtimeDiv 1). */
#define WAIT_BOUND 2000000

#else  /* C */

#include <stdint.h>

extern volatile uint32_t env_trap[TRAP_SIZE / 4];
void env_pass(void) __attribute__((noreturn));
void env_fail(uint32_t code, uint32_t got, uint32_t exp, const char *what, uint32_t line)
        __attribute__((noreturn));
void env_putc(int c);
void env_puts(const char *s);
void env_puthex(uint32_t v);

#define TEST_NAME(s)  const char test_name[] = s
#define TEST_PASS()   env_pass()

/* A numbered check: numbers follow the source order of CHECK uses, from 5. */
#define CHECK(got, exp) do {                                                    \
        uint32_t got_ = (uint32_t)(got), exp_ = (uint32_t)(exp);               \
        if (got_ != exp_)                                                       \
                env_fail(__COUNTER__ + 5, got_, exp_, #got, __LINE__);          \
} while (0)

#endif /* __ASSEMBLER__ */
#endif /* TESTS_ENV_TEST_H */
