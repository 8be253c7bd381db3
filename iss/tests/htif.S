/* htif.S — HTIF (tohost/fromhost) and --signature check for build/iss.
 * Prints a line with SYS_write through magic_mem, stores a signature, then exits
 * through tohost with code 0 (value 1). Expected console: htif.expected.
 */
#include "arch.h"

        .option norelax
        .section .text.init, "ax", @progbits
        .globl  _start
_start:
        la      t0, magic_mem
        li      t1, 64                  /* SYS_write */
        sw      t1, 0(t0)
        sw      zero, 4(t0)
        li      t1, 1                   /* fd 1 */
        sw      t1, 8(t0)
        sw      zero, 12(t0)
        la      t1, message
        sw      t1, 16(t0)
        sw      zero, 20(t0)
        li      t1, 29                  /* strlen(message) */
        sw      t1, 24(t0)
        sw      zero, 28(t0)
        la      t2, tohost
        sw      t0, 0(t2)               /* request */
        sw      zero, 4(t2)
1:      la      t3, fromhost            /* wait for the reply */
        lw      t4, 0(t3)
        beqz    t4, 1b
        sw      zero, 0(t3)
        lw      s0, 0(t0)               /* bytes written */
        la      t1, begin_signature
        sw      s0, 0(t1)
        li      t3, 0x12345678
        sw      t3, 4(t1)
        li      t3, 1                   /* exit code 0 */
        sw      t3, 0(t2)
        sw      zero, 4(t2)
2:      j       2b

        .data
        .balign 8
message:
        .ascii  "hello through HTIF SYS_write\n"
message_end:
        .balign 64
magic_mem:
        .space  64
        .balign 16
        .globl  begin_signature, end_signature
begin_signature:
        .word   0, 0, 0xdeadbeef, 0
end_signature:

        .section .tohost, "aw", @progbits
        .balign 64
        .globl  tohost, fromhost
tohost:   .dword 0
        .balign 64
fromhost: .dword 0
