/* entry.S — S-mode trap entry/exit and the kernel context switch.
 *
 * handle_exception (stvec) saves a struct pt_regs (sched.h) and calls
 * do_trap(regs). sscratch is 0 while the kernel runs and holds the current
 * task's kernel stack top while user code runs, so a trap from U switches to
 * the kernel stack and a trap from S (a kernel bug) stays on its stack.
 * ret_from_trap restores the frame; returning to U (sstatus.SPP = 0) re-arms
 * sscratch with the kernel stack top. ret_to_user starts a new task: its
 * context's sp points at the pt_regs built by task_create_user().
 *
 * Kernel stack overflow: a trap from S whose frame would start in the guard
 * region of a vmalloc'd kernel stack (in the vmalloc window, bit KSTACK_SHIFT
 * set: see vmalloc.c) switches to overflow_stack and panics, instead of
 * faulting again on every save forever.
 */
#include "arch.h"
#include "memlayout.h"
#include "sched.h"

        .text
        .balign 4
        .globl  handle_exception
handle_exception:
        csrrw   sp, CSR_SSCRATCH, sp
        bnez    sp, 1f
        csrr    sp, CSR_SSCRATCH                /* from S: keep the stack */
        csrw    CSR_SSCRATCH, t0                /* borrow t0 (sp is the saved sp) */
        addi    t0, sp, -PT_SIZE
        srli    t0, t0, VMALLOC_SHIFT
        addi    t0, t0, -(VMALLOC_START >> VMALLOC_SHIFT)
        bnez    t0, 3f                          /* not on a vmalloc'd stack */
        addi    t0, sp, -PT_SIZE
        srli    t0, t0, KSTACK_SHIFT
        andi    t0, t0, 1
        bnez    t0, kernel_stack_overflow       /* the frame would be in the guard */
3:      csrrw   t0, CSR_SSCRATCH, sp            /* t0 back, sscratch = saved sp */
1:      addi    sp, sp, -PT_SIZE
        .irp    r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        sw      x\r, \r*4(sp)
        .endr
        csrr    t0, CSR_SSCRATCH
        sw      t0, 2*4(sp)
        sw      zero, 0(sp)
        csrw    CSR_SSCRATCH, zero
        csrr    t0, CSR_SEPC
        sw      t0, PT_SEPC(sp)
        csrr    t0, CSR_SSTATUS
        sw      t0, PT_SSTATUS(sp)
        csrr    t0, CSR_SCAUSE
        sw      t0, PT_SCAUSE(sp)
        csrr    t0, CSR_STVAL
        sw      t0, PT_STVAL(sp)
.option push
.option norelax
        la      gp, __global_pointer$           /* gp may hold a user value */
.option pop
        mv      a0, sp
        call    do_trap
        j       ret_from_trap

kernel_stack_overflow:
        la      sp, overflow_stack + 2048
        call    handle_kernel_stack_overflow
4:      j       4b

        .globl  ret_to_user
ret_to_user:                                    /* sp = the new task's pt_regs */
ret_from_trap:
        lw      t0, PT_SEPC(sp)
        csrw    CSR_SEPC, t0
        lw      t0, PT_SSTATUS(sp)
        csrw    CSR_SSTATUS, t0
        andi    t0, t0, 1 << MSTATUS_SPP
        bnez    t0, 2f                          /* back to S: sscratch stays 0 */
        addi    t0, sp, PT_SIZE
        csrw    CSR_SSCRATCH, t0
2:      .irp    r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        lw      x\r, \r*4(sp)
        .endr
        lw      sp, 2*4(sp)
        sret

/* void __switch_to(struct context *from, struct context *to) */
        .globl  __switch_to
__switch_to:
        sw      ra, 0(a0)
        sw      sp, 4(a0)
        .irp    i, 0,1,2,3,4,5,6,7,8,9,10,11
        sw      s\i, (8 + \i*4)(a0)
        .endr
        lw      ra, 0(a1)
        lw      sp, 4(a1)
        .irp    i, 0,1,2,3,4,5,6,7,8,9,10,11
        lw      s\i, (8 + \i*4)(a1)
        .endr
        ret
