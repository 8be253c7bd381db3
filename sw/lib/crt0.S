/* crt0.S — reset entry and trap vector of the bare-metal runtime (M-mode).
 *
 * _start sits at the reset PC (RAM_BASE, placed first by link.ld): it installs
 * the trap vector, sets gp and sp, clears .bss, calls main(0, 0) and passes its
 * return value to exit(), which stops the run through the finisher.
 *
 * trap_vector saves a struct trap_frame (trap.h) and calls trap_handler(frame).
 * Stack choice uses mscratch, as Linux and xv6 do: mscratch is 0 while M-mode
 * code runs, and holds the machine stack pointer while lower-privilege code
 * runs. So a trap from M-mode pushes the frame on the interrupted stack, and a
 * trap from U/S-mode switches to the machine stack that mscratch names. On the
 * way out, mscratch is set again from the MPP field the handler left in the
 * frame: returning to M → 0; returning below M → the machine stack top.
 */
#include "arch.h"
#include "trap.h"

#define MSTATUS_MPP_MASK (3 << MSTATUS_MPP_LO)

        .section .text.init, "ax", @progbits
        .globl  _start
_start:
        la      t0, trap_vector
        csrw    CSR_MTVEC, t0                   /* direct mode: low bits 0 (aligned) */
        csrw    CSR_MSCRATCH, zero              /* running in M-mode */
        csrw    CSR_MIE, zero
.option push
.option norelax                                 /* gp is not set yet: no gp-relative la */
        la      gp, __global_pointer$
.option pop
        la      sp, __stack_top

        la      t0, __bss_start                 /* .bss bounds are 16-byte aligned */
        la      t1, __bss_end
1:      bgeu    t0, t1, 2f
        sw      zero, 0(t0)
        sw      zero, 4(t0)
        sw      zero, 8(t0)
        sw      zero, 12(t0)
        addi    t0, t0, 16
        j       1b
2:
        li      a0, 0                           /* argc */
        li      a1, 0                           /* argv */
        call    main
        call    exit                            /* exit(main's return value) */
3:      j       3b                              /* exit does not return */

/* ---------------------------------------------------------------- trap vector */
        .text
        .balign 4                               /* mtvec needs a 4-byte aligned base */
        .globl  trap_vector
trap_vector:
        csrrw   sp, CSR_MSCRATCH, sp            /* sp <- mscratch, mscratch <- old sp */
        bnez    sp, 1f                          /* non-zero: came from U/S, sp = M stack */
        csrr    sp, CSR_MSCRATCH                /* zero: came from M, keep the old sp */
1:      addi    sp, sp, -TF_SIZE
        sw      x1,  1*4(sp)
        sw      x3,  3*4(sp)
        sw      x4,  4*4(sp)
        sw      x5,  5*4(sp)
        sw      x6,  6*4(sp)
        sw      x7,  7*4(sp)
        sw      x8,  8*4(sp)
        sw      x9,  9*4(sp)
        sw      x10, 10*4(sp)
        sw      x11, 11*4(sp)
        sw      x12, 12*4(sp)
        sw      x13, 13*4(sp)
        sw      x14, 14*4(sp)
        sw      x15, 15*4(sp)
        sw      x16, 16*4(sp)
        sw      x17, 17*4(sp)
        sw      x18, 18*4(sp)
        sw      x19, 19*4(sp)
        sw      x20, 20*4(sp)
        sw      x21, 21*4(sp)
        sw      x22, 22*4(sp)
        sw      x23, 23*4(sp)
        sw      x24, 24*4(sp)
        sw      x25, 25*4(sp)
        sw      x26, 26*4(sp)
        sw      x27, 27*4(sp)
        sw      x28, 28*4(sp)
        sw      x29, 29*4(sp)
        sw      x30, 30*4(sp)
        sw      x31, 31*4(sp)
        csrr    t0, CSR_MSCRATCH                /* the interrupted sp, in both cases */
        sw      t0, 2*4(sp)
        csrw    CSR_MSCRATCH, zero              /* now running in M-mode */
        csrr    t0, CSR_MEPC
        sw      t0, TF_MEPC(sp)
        csrr    t0, CSR_MCAUSE
        sw      t0, TF_MCAUSE(sp)
        csrr    t0, CSR_MTVAL
        sw      t0, TF_MTVAL(sp)
        csrr    t0, CSR_MSTATUS
        sw      t0, TF_MSTATUS(sp)
.option push
.option norelax                                 /* gp may be a user value here */
        la      gp, __global_pointer$
.option pop

        mv      a0, sp
        call    trap_entry

        lw      t0, TF_MEPC(sp)
        csrw    CSR_MEPC, t0
        lw      t0, TF_MSTATUS(sp)
        csrw    CSR_MSTATUS, t0
        li      t1, MSTATUS_MPP_MASK            /* returning to M: mscratch stays 0 */
        and     t0, t0, t1
        beq     t0, t1, 2f
        addi    t0, sp, TF_SIZE                 /* returning below M: the M stack top */
        csrw    CSR_MSCRATCH, t0
2:
        lw      x1,  1*4(sp)
        lw      x3,  3*4(sp)
        lw      x4,  4*4(sp)
        lw      x5,  5*4(sp)
        lw      x6,  6*4(sp)
        lw      x7,  7*4(sp)
        lw      x8,  8*4(sp)
        lw      x9,  9*4(sp)
        lw      x10, 10*4(sp)
        lw      x11, 11*4(sp)
        lw      x12, 12*4(sp)
        lw      x13, 13*4(sp)
        lw      x14, 14*4(sp)
        lw      x15, 15*4(sp)
        lw      x16, 16*4(sp)
        lw      x17, 17*4(sp)
        lw      x18, 18*4(sp)
        lw      x19, 19*4(sp)
        lw      x20, 20*4(sp)
        lw      x21, 21*4(sp)
        lw      x22, 22*4(sp)
        lw      x23, 23*4(sp)
        lw      x24, 24*4(sp)
        lw      x25, 25*4(sp)
        lw      x26, 26*4(sp)
        lw      x27, 27*4(sp)
        lw      x28, 28*4(sp)
        lw      x29, 29*4(sp)
        lw      x30, 30*4(sp)
        lw      x31, 31*4(sp)
        lw      sp,  2*4(sp)                    /* last: the interrupted sp */
        mret
