/* htif.S — tb self-test of the HTIF path: a SYS_write of "ok" through
 * magic_mem/tohost/fromhost, "!\n" through the console device (device 1,
 * command 1; low word stored first), two words into the signature region, then
 * exit through tohost with TOHOST_EXIT (1 = pass by default), storing both
 * words, or with EXIT_LOW_ONLY the low word alone in a loop. */
#include "arch.h"
#ifndef TOHOST_EXIT
#define TOHOST_EXIT 1
#endif
        .section .text.init
        .globl _start
_start: la   t0, magic_mem
        li   t1, 64                 /* which = SYS_write */
        sw   t1, 0(t0)
        li   t1, 1                  /* arg0 = fd 1 */
        sw   t1, 8(t0)
        la   t1, msg                /* arg1 = buffer */
        sw   t1, 16(t0)
        li   t1, 2                  /* arg2 = length */
        sw   t1, 24(t0)
        fence
        la   t2, tohost
        sw   t0, 0(t2)
        sw   zero, 4(t2)
        la   t3, fromhost
1:      lw   t4, 0(t3)
        beqz t4, 1b
        sw   zero, 0(t3)
        lw   t1, 0(t0)              /* result must be 2 bytes written */
        li   t4, 2
        li   t5, (9 << 1) | 1       /* else fail with code 9 */
        bne  t1, t4, 2f
        li   a0, '!'
        jal  putchar
        li   a0, '\n'
        jal  putchar
        la   t0, begin_signature
        li   t1, 0x12345678
        sw   t1, 0(t0)
        li   t1, 0xdeadbeef
        sw   t1, 4(t0)
        li   t5, TOHOST_EXIT
#ifdef EXIT_LOW_ONLY
2:      sw   t5, 0(t2)              /* riscv-arch-test style: low word, again and again */
        j    2b
#else
2:      sw   t5, 0(t2)
        sw   zero, 4(t2)
3:      j    3b
#endif

/* putchar(a0) through device 1 once tohost is free; uses t1, t4, t5 */
putchar:
        lw   t4, 0(t2)
        lw   t5, 4(t2)
        or   t4, t4, t5
        bnez t4, putchar
        sw   a0, 0(t2)
        li   t1, 0x01010000         /* device 1, command 1 */
        sw   t1, 4(t2)
        ret

        .data
        .balign 64
magic_mem: .zero 64
msg:    .ascii "ok"
        .balign 16
        .globl begin_signature, end_signature
begin_signature:
        .word 0xffffffff, 0xffffffff, 0xffffffff
end_signature:

        .section .tohost, "aw", @progbits
        .balign 64
        .globl tohost, fromhost
tohost:   .dword 0
        .balign 64
fromhost: .dword 0
