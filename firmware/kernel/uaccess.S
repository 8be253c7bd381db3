/* uaccess.S — the only code that touches user memory directly.
 *
 * Both routines set sstatus.SUM for their duration. Every instruction that
 * reads or writes user memory is listed in __ex_table (struct
 * exception_table_entry: the instruction's address, then its fix-up). A page
 * fault on such an instruction goes to fixup_exception (extable.c), which
 * runs handle_mm_fault for the user address like a user access would and
 * retries the instruction, or, when the access is invalid, resumes at the
 * fix-up, which clears SUM and returns -EFAULT.
 *
 *   long __copy_user(void *dst, const void *src, size_t n)       0 or -EFAULT
 *   long __strncpy_from_user(char *dst, const char *src, size_t n)
 *        length of the string, n if no NUL in n bytes, or -EFAULT
 */
#include "arch.h"
#define UACCESS_EFAULT 14                      /* EFAULT (uapi.h) */

#define SUM_BIT (1 << MSTATUS_SUM)

.macro UACCESS insn:vararg
9999:   \insn
        .pushsection __ex_table, "a"
        .balign 4
        .word   9999b, uaccess_fault
        .popsection
.endm

        .text
        .balign 4
        .globl  __copy_user
__copy_user:
        li      t6, SUM_BIT
        csrs    CSR_SSTATUS, t6
        or      t0, a0, a1
        andi    t0, t0, 3
        bnez    t0, 2f                          /* not both word-aligned: bytes */
        li      t1, 4
1:      bltu    a2, t1, 2f
        UACCESS lw t2, 0(a1)
        UACCESS sw t2, 0(a0)
        addi    a0, a0, 4
        addi    a1, a1, 4
        addi    a2, a2, -4
        j       1b
2:      beqz    a2, 3f
        UACCESS lbu t2, 0(a1)
        UACCESS sb t2, 0(a0)
        addi    a0, a0, 1
        addi    a1, a1, 1
        addi    a2, a2, -1
        j       2b
3:      csrc    CSR_SSTATUS, t6
        li      a0, 0
        ret

        .globl  __strncpy_from_user
__strncpy_from_user:
        li      t6, SUM_BIT
        csrs    CSR_SSTATUS, t6
        li      a3, 0
1:      beq     a3, a2, 2f
        UACCESS lbu t2, 0(a1)
        sb      t2, 0(a0)
        beqz    t2, 2f
        addi    a0, a0, 1
        addi    a1, a1, 1
        addi    a3, a3, 1
        j       1b
2:      csrc    CSR_SSTATUS, t6
        mv      a0, a3
        ret

uaccess_fault:
        li      t6, SUM_BIT
        csrc    CSR_SSTATUS, t6
        li      a0, -UACCESS_EFAULT
        ret
