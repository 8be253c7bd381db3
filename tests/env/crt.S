/* crt.S — reset entry, machine set-up, M and S trap handlers, pass/fail reporting.
 *
 * The contract seen by tests is described in test.h. This file does not touch the
 * console hardware: it calls env_putc (console_uart.S or console_htif.S) and ends the
 * run through env_exit(code) from the same console file.
 */
#include "test.h"

        .option norvc

/* ------------------------------------------------------------------------------
 * Reset: RESET_PC is the first byte of .text.init (the linker script asserts it).
 * ------------------------------------------------------------------------------ */
        .section .text.init, "ax"
        .globl _start
_start:
        /* Registers: zero all (QEMU's boot ROM leaves a0/a1/t0 set). */
        .irp r, 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        li   x\r, 0
        .endr
        /* A trap during set-up has nowhere sane to go: park at env_early_trap. */
        la   t0, env_early_trap
        csrw mtvec, t0
        la   sp, env_stack_top

        /* .bss is zero on QEMU and on the simulator's fresh RAM, but do not rely on it. */
        la   t0, __bss_start
        la   t1, __bss_end
1:      bgeu t0, t1, 2f
        sw   zero, 0(t0)
        addi t0, t0, 4
        j    1b
2:
        /* Machine state documented in test.h. */
        csrw mstatus, zero
        csrw mie, zero
        csrw mip, zero
        csrw medeleg, zero
        csrw mideleg, zero
        csrw mcounteren, zero
        csrw scounteren, zero
        csrw satp, zero                         /* bare: no translation in S/U */
        /* PMP entry 0: NAPOT over everything, RWX (pmpaddr all ones = 2^34 bytes). */
        li   t0, -1
        csrw pmpaddr0, t0
        li   t0, BIT(PMPCFG_R) | BIT(PMPCFG_W) | BIT(PMPCFG_X) | (3 << PMPCFG_A_LO)
        csrw pmpcfg0, t0
        /* CLINT: no software interrupt, timer compare at the far future. The high word
         * goes first so that no intermediate value is below mtime. */
        li   t0, CLINT_BASE
        sw   zero, CLINT_MSIP(t0)
        li   t1, CLINT_MTIMECMP
        add  t1, t0, t1
        li   t2, -1
        sw   t2, 4(t1)
        sw   t2, 0(t1)

        la   t0, env_frame_m
        csrw mscratch, t0
        la   t0, env_frame_s
        csrw sscratch, t0
        la   t0, env_trap_s
        csrw stvec, t0
        la   t0, env_trap_m
        csrw mtvec, t0
        la   t0, env_trap
        li   t1, -1
        sw   t1, TRAP_CAUSE(t0)
        sw   t1, TRAP_VSLOT(t0)
        la   t0, env_frame_m
        sw   t1, 0(t0)
        la   t0, env_frame_s
        sw   t1, 0(t0)

        li   t0, 0
        li   t1, 0
        li   t2, 0
        j    test_main

/* A trap before the handlers are installed: report it as an unexpected trap. */
        .balign 4
env_early_trap:
        la   sp, env_stack_top
        csrr a0, mcause
        csrr a1, mepc
        csrr a2, mtval
        li   a3, PRV_M
        j    env_fail_unexpected

/* ------------------------------------------------------------------------------
 * Trap handlers. One body, instantiated for M and S with the CSR names changed.
 * Frame: x_i at 4*i; slot 0 carries the vector slot number (-1 when direct).
 * ------------------------------------------------------------------------------ */
.macro TRAP_HANDLER lvl, prv, pp_shift, pp_mask, ie_csr
        .text
        .balign 4
        .globl env_trap_\lvl
env_trap_\lvl:
        csrrw sp, \lvl\()scratch, sp            /* sp = frame, scratch = old sp */
        .irp r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        sw   x\r, \r*4(sp)
        .endr
        csrr t0, \lvl\()scratch
        sw   t0, 2*4(sp)
        csrw \lvl\()scratch, sp                 /* scratch = frame again */

        lw   s6, 0(sp)                          /* vector slot (-1: direct) */
        li   t0, -1
        sw   t0, 0(sp)
        csrr s0, \lvl\()cause
        csrr s1, \lvl\()epc
        csrr s2, \lvl\()tval
        csrr s3, \lvl\()status
        /* prev privilege */
        srli s4, s3, \pp_shift
        andi s4, s4, \pp_mask

        /* Service call? (ecall from U or S with t6 = SVC_TO_M) */
        bltz s0, 3f
        li   t0, CAUSE_USER_ECALL
        beq  s0, t0, 1f
        li   t0, CAUSE_SUPERVISOR_ECALL
        bne  s0, t0, 3f
1:      lw   t0, 31*4(sp)
        li   t1, SVC_TO_M
        bne  t0, t1, 3f
        .if \prv == PRV_M
        /* Continue in M after the ecall (or where S asked, for a forwarded call). */
        la   t2, env_svc_resume
        lw   t3, 0(t2)
        sw   zero, 0(t2)
        addi t4, s1, 4
        beqz t3, 2f
        mv   t4, t3
2:      csrw mepc, t4
        li   t0, MSTATUS_MPP_MASK
        csrs mstatus, t0
        sw   zero, 31*4(sp)
        j    9f
        .else
        /* S cannot enter M itself: remember where to continue, then ecall from S. */
        bnez s4, 8f                             /* the call came from S: medeleg[9] set */
        la   t2, env_svc_resume
        addi t3, s1, 4
        sw   t3, 0(t2)
        /* restore everything (t6 keeps SVC_TO_M) and ecall from here */
        .irp r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        lw   x\r, \r*4(sp)
        .endr
        lw   sp, 2*4(sp)
        ecall
8:      la   sp, env_stack_top
        la   a0, test_name
        call env_puts
        la   a0, env_str_svc
        call env_puts
        li   a0, ENV_FAIL_SVC
        call env_exit
        .endif

3:      /* Unexpected (not armed) trap? */
        la   s5, env_trap
        lw   t0, TRAP_ARMED(s5)
        bnez t0, 4f
        mv   a0, s0
        mv   a1, s1
        mv   a2, s2
        li   a3, \prv
        la   sp, env_stack_top
        j    env_fail_unexpected
4:      /* Nested trap inside this handler? */
        la   t0, env_busy_\lvl
        lw   t1, 0(t0)
        beqz t1, 5f
        mv   a0, s0
        mv   a1, s1
        mv   a2, s2
        li   a3, \prv
        la   sp, env_stack_top
        j    env_fail_nested
5:      li   t1, 1
        sw   t1, 0(t0)

        /* Record. */
        lw   t0, TRAP_COUNT(s5)
        li   t1, TRAP_LOG_LEN
        bgeu t0, t1, 6f
        slli t1, t0, 2
        add  t1, t1, s5
        sw   s0, TRAP_LOG(t1)
6:      addi t0, t0, 1
        sw   t0, TRAP_COUNT(s5)
        li   t0, \prv
        sw   t0, TRAP_LEVEL(s5)
        sw   s0, TRAP_CAUSE(s5)
        sw   s2, TRAP_TVAL(s5)
        sw   s1, TRAP_EPC(s5)
        sw   s4, TRAP_PREV(s5)
        sw   s3, TRAP_STATUS(s5)
        sw   s6, TRAP_VSLOT(s5)

        mv   a0, s0
        mv   a1, sp
        bltz s0, 7f
        /* Exception: hook, or skip the instruction (fetch faults: resume at ra). */
        la   t0, env_exc_hook_\lvl
        lw   t0, 0(t0)
        beqz t0, 10f
        jalr t0
        j    11f
10:     addi t1, s1, 4
        li   t0, CAUSE_FETCH_ACCESS
        beq  s0, t0, 12f
        li   t0, CAUSE_FETCH_PAGE_FAULT
        bne  s0, t0, 13f
12:     lw   t1, 1*4(sp)
13:     csrw \lvl\()epc, t1
        j    11f
7:      /* Interrupt: hook, or disable its enable bit. */
        la   t0, env_irq_hook_\lvl
        lw   t0, 0(t0)
        beqz t0, 14f
        jalr t0
        j    11f
14:     li   t1, 1
        sll  t1, t1, s0                         /* shift uses cause[4:0] */
        csrc \ie_csr, t1
11:     la   t0, env_busy_\lvl
        sw   zero, 0(t0)
9:      .irp r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        lw   x\r, \r*4(sp)
        .endr
        lw   sp, 2*4(sp)
        \lvl\()ret
.endm

        TRAP_HANDLER m, PRV_M, MSTATUS_MPP_LO, 3, mie
        TRAP_HANDLER s, PRV_S, MSTATUS_SPP, 1, sie

/* ------------------------------------------------------------------------------
 * Reporting. env_pass: "<name>: ok". env_fail(a0 case, a1 got, a2 expected,
 * a3 what, a4 line): "<name>: FAIL case N (line L, what): got X, expected Y".
 * They run in whatever mode the test is in (the devices are reachable from any mode).
 * ------------------------------------------------------------------------------ */
        .text
        .globl env_pass
env_pass:
        la   sp, env_stack_top
        la   a0, test_name
        call env_puts
        la   a0, env_str_ok
        call env_puts
        li   a0, 0
        call env_exit
1:      j    1b

/* Check macros jump here with got in t5 and expected in t6. */
        .globl env_fail_t5t6
env_fail_t5t6:
        mv   a1, t5
        mv   a2, t6
        .globl env_fail
env_fail:
        la   sp, env_stack_top
        mv   s0, a0
        mv   s1, a1
        mv   s2, a2
        mv   s3, a3
        mv   s4, a4
        la   a0, test_name
        call env_puts
        la   a0, env_str_fail_case
        call env_puts
        mv   a0, s0
        call env_putdec
        beqz s4, 1f
        la   a0, env_str_line
        call env_puts
        mv   a0, s4
        call env_putdec
1:      la   a0, env_str_comma
        call env_puts
        mv   a0, s3
        call env_puts
        la   a0, env_str_got
        call env_puts
        mv   a0, s1
        call env_puthex
        la   a0, env_str_expected
        call env_puts
        mv   a0, s2
        call env_puthex
        li   a0, '\n'
        call env_putc
        mv   a0, s0                             /* exit code: the case, at most 250 */
        li   t0, ENV_CASE_MAX
        bleu a0, t0, 2f
        mv   a0, t0
2:      call env_exit
3:      j    3b

/* a0 cause, a1 epc, a2 tval, a3 handler level. */
        .globl env_fail_unexpected
env_fail_unexpected:
        la   t0, env_str_unexpected
        li   t1, ENV_FAIL_UNEXPECTED
        j    env_fail_trap
env_fail_nested:
        la   t0, env_str_nested
        li   t1, ENV_FAIL_NESTED
env_fail_trap:
        la   sp, env_stack_top
        mv   s0, a0
        mv   s1, a1
        mv   s2, a2
        mv   s3, a3
        mv   s4, t0
        mv   s5, t1
        la   a0, test_name
        call env_puts
        mv   a0, s4
        call env_puts
        mv   a0, s0
        call env_puthex
        la   a0, env_str_epc
        call env_puts
        mv   a0, s1
        call env_puthex
        la   a0, env_str_tval
        call env_puts
        mv   a0, s2
        call env_puthex
        la   a0, env_str_in
        call env_puts
        li   a0, 'M'
        li   t0, PRV_M
        beq  s3, t0, 1f
        li   a0, 'S'
1:      call env_putc
        li   a0, '\n'
        call env_putc
        mv   a0, s5
        call env_exit
2:      j    2b

/* ------------------------------------------------------------------------------
 * Formatting over env_putc.
 * ------------------------------------------------------------------------------ */
        .globl env_puts
env_puts:                                       /* a0 = NUL-terminated string */
        addi sp, sp, -16
        sw   ra, 12(sp)
        sw   s0, 8(sp)
        mv   s0, a0
1:      lbu  a0, 0(s0)
        beqz a0, 2f
        call env_putc
        addi s0, s0, 1
        j    1b
2:      lw   ra, 12(sp)
        lw   s0, 8(sp)
        addi sp, sp, 16
        ret

        .globl env_puthex
env_puthex:                                     /* a0 -> "0x%08x" */
        addi sp, sp, -16
        sw   ra, 12(sp)
        sw   s0, 8(sp)
        sw   s1, 4(sp)
        mv   s0, a0
        li   a0, '0'
        call env_putc
        li   a0, 'x'
        call env_putc
        li   s1, 28
1:      srl  a0, s0, s1
        andi a0, a0, 15
        li   t0, 10
        blt  a0, t0, 2f
        addi a0, a0, 'a' - '0' - 10
2:      addi a0, a0, '0'
        call env_putc
        addi s1, s1, -4
        bgez s1, 1b
        lw   ra, 12(sp)
        lw   s0, 8(sp)
        lw   s1, 4(sp)
        addi sp, sp, 16
        ret

        .globl env_putdec
env_putdec:                                     /* a0 unsigned -> decimal, RV32I only */
        addi sp, sp, -32
        sw   ra, 28(sp)
        sw   s0, 24(sp)
        mv   t0, a0
        addi s0, sp, 12                         /* digits are built backwards from 12(sp) */
        sb   zero, 0(s0)
1:      /* t0 / 10 by shift-subtract: quotient t1, remainder t0 */
        li   t1, 0
        li   t2, 10
        li   t3, 1
        /* align divisor */
2:      bltu t0, t2, 3f
        slli t4, t2, 1
        bltu t4, t2, 3f                         /* overflow: stop */
        bltu t0, t4, 3f
        mv   t2, t4
        slli t3, t3, 1
        j    2b
3:      bltu t0, t2, 4f
        sub  t0, t0, t2
        or   t1, t1, t3
4:      srli t2, t2, 1
        srli t3, t3, 1
        bnez t3, 3b
        addi s0, s0, -1
        addi t0, t0, '0'
        sb   t0, 0(s0)
        mv   t0, t1
        bnez t0, 1b
        mv   a0, s0
        call env_puts
        lw   ra, 28(sp)
        lw   s0, 24(sp)
        addi sp, sp, 32
        ret

/* ------------------------------------------------------------------------------ */
        .section .rodata
env_str_ok:         .asciz ": ok\n"
env_str_fail_case:  .asciz ": FAIL case "
env_str_line:       .asciz " (line "
env_str_comma:      .asciz ", "
env_str_got:        .asciz "): got "
env_str_expected:   .asciz ", expected "
env_str_unexpected: .asciz ": FAIL unexpected trap: cause "
env_str_nested:     .asciz ": FAIL nested trap: cause "
env_str_epc:        .asciz " epc "
env_str_tval:       .asciz " tval "
env_str_in:         .asciz " in "
        .globl env_what_value, env_what_csr, env_what_mem, env_what_count, env_what_cause
        .globl env_what_level, env_what_epc, env_what_tval, env_what_prev, env_what_vslot
env_what_value:     .asciz "value"
env_what_csr:       .asciz "csr"
env_what_mem:       .asciz "memory"
env_what_count:     .asciz "trap count"
env_what_cause:     .asciz "cause"
env_what_level:     .asciz "trap level"
env_what_epc:       .asciz "epc"
env_what_tval:      .asciz "tval"
env_what_prev:      .asciz "previous privilege"
env_what_vslot:     .asciz "vector slot"
env_str_svc:        .asciz ": FAIL ENTER_M from S with medeleg[9] set\n"

        .section .bss
        .balign 16
        .globl env_trap, env_exc_hook_m, env_exc_hook_s, env_irq_hook_m, env_irq_hook_s
        .globl env_frame_m, env_frame_s, env_svc_resume
env_trap:       .space TRAP_SIZE
env_exc_hook_m: .space 4
env_exc_hook_s: .space 4
env_irq_hook_m: .space 4
env_irq_hook_s: .space 4
env_svc_resume: .space 4
        .globl env_wait_deadline
env_wait_deadline: .space 4
env_busy_m:     .space 4
env_busy_s:     .space 4
        .balign 16
        .space 2048                             /* M handler stack (hooks) */
env_frame_m:    .space FRAME_SIZE
        .space 2048                             /* S handler stack */
env_frame_s:    .space FRAME_SIZE
        .space 8192                             /* test stack */
        .globl env_stack_top
env_stack_top:
