/* umode.S — entering U-mode and coming back, for the demo.
 *
 * user_run saves the M-mode callee-saved registers and mstatus on the machine
 * stack, points mscratch at that stack (crt0's trap vector switches to it on
 * a trap from U-mode), and mrets into fn with MPP = U. When fn returns it lands
 * in user_exit_stub, which makes the exit ecall. The trap handler then calls
 * user_return, which unwinds to user_run's caller like longjmp.
 */
#include "arch.h"
#include "demo.h"

#define SAVE_SIZE 64                            /* ra, s0-s11, mstatus: 16-byte multiple */

        .text
        .globl  user_run
user_run:                                       /* a0 = fn, a1 = arg, a2 = stack top */
        addi    sp, sp, -SAVE_SIZE
        sw      ra,  0(sp)
        sw      s0,  4(sp)
        sw      s1,  8(sp)
        sw      s2, 12(sp)
        sw      s3, 16(sp)
        sw      s4, 20(sp)
        sw      s5, 24(sp)
        sw      s6, 28(sp)
        sw      s7, 32(sp)
        sw      s8, 36(sp)
        sw      s9, 40(sp)
        sw      s10, 44(sp)
        sw      s11, 48(sp)
        csrr    t0, CSR_MSTATUS
        sw      t0, 52(sp)
        csrci   CSR_MSTATUS, 1 << MSTATUS_MIE   /* no M-mode trap while mscratch != 0 */
        la      t1, user_saved_sp
        sw      sp, 0(t1)
        csrw    CSR_MSCRATCH, sp                /* traps from U-mode use this stack */
        csrw    CSR_MEPC, a0
        li      t1, 3 << MSTATUS_MPP_LO
        csrc    CSR_MSTATUS, t1                 /* MPP = U (0) */
        mv      a0, a1
        mv      sp, a2
        la      ra, user_exit_stub
        mret                                    /* to fn(arg) in U-mode */

        .globl  user_exit_stub
user_exit_stub:                                 /* U-mode: fn returned a0 */
        li      a7, SYS_EXIT
        ecall
1:      j       1b                              /* exit does not come back */

        .globl  user_return
user_return:                                    /* M-mode, a0 = value for user_run */
        la      t1, user_saved_sp
        lw      sp, 0(t1)
        csrw    CSR_MSCRATCH, zero              /* back to running in M-mode */
        lw      t0, 52(sp)
        csrw    CSR_MSTATUS, t0                 /* MIE, MPP as before user_run */
        lw      ra,  0(sp)
        lw      s0,  4(sp)
        lw      s1,  8(sp)
        lw      s2, 12(sp)
        lw      s3, 16(sp)
        lw      s4, 20(sp)
        lw      s5, 24(sp)
        lw      s6, 28(sp)
        lw      s7, 32(sp)
        lw      s8, 36(sp)
        lw      s9, 40(sp)
        lw      s10, 44(sp)
        lw      s11, 48(sp)
        addi    sp, sp, SAVE_SIZE
        ret

        .bss
        .balign 4
user_saved_sp:
        .space  4
