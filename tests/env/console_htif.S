/* console_htif.S — console and exit for riscv-tests-style programs: tohost/fromhost.
 *
 * Output is collected per line and written with the HTIF SYS_write syscall
 * (magic_mem = {64, fd 1, buffer, length}; docs/platform.md). The host answers by
 * setting fromhost; the result word must equal the length.
 *
 * QEMU 7.2's spike machine does not implement the syscall proxy (it only knows exit
 * codes and the HTIF console device 1). The first request therefore waits a bounded
 * time for the answer; when none comes the console falls back to device 1, command 1
 * (putchar) for the rest of the run, so the same program prints the same text on both.
 */
#include "test.h"

#define SYS_WRITE        64
#define HTIF_ANSWER_WAIT 2000           /* polls of fromhost before falling back (each
                                         * poll is an MMIO exit on QEMU: ~30 us) */
#define LINE_MAX         120

        .option norvc
        .text
/* htif_request(a0 = 64-bit value low, a1 = high): store to tohost, low word first;
 * the store of the high word completes the request. Uses t0. */
htif_request:
        la   t0, tohost
        sw   a0, 0(t0)
        sw   a1, 4(t0)
        ret

/* env_putc(a0): buffer a byte; a newline or a full buffer flushes. */
        .globl env_putc
env_putc:
        la   t0, htif_line_len
        lw   t1, 0(t0)
        la   t2, htif_line
        add  t2, t2, t1
        sb   a0, 0(t2)
        addi t1, t1, 1
        sw   t1, 0(t0)
        li   t2, '\n'
        beq  a0, t2, htif_flush
        li   t2, LINE_MAX
        bgeu t1, t2, htif_flush
        ret

/* htif_flush: write the buffered bytes. Uses t0-t4, a0, a1 (callers' a0 is a byte
 * already stored; env_putc's callers keep nothing in t/a registers across it). */
htif_flush:
        addi sp, sp, -16
        sw   ra, 12(sp)
        sw   a0, 8(sp)
        la   t0, htif_line_len
        lw   t4, 0(t0)
        beqz t4, 9f
        la   t0, htif_mode
        lw   t0, 0(t0)
        bnez t0, 5f                             /* 1: device-1 fallback */
        /* magic_mem = {SYS_WRITE, 1, htif_line, len}, 64-bit words */
        la   t1, htif_magic
        li   t2, SYS_WRITE
        sw   t2, 0(t1)
        sw   zero, 4(t1)
        li   t2, 1
        sw   t2, 8(t1)
        sw   zero, 12(t1)
        la   t2, htif_line
        sw   t2, 16(t1)
        sw   zero, 20(t1)
        sw   t4, 24(t1)
        sw   zero, 28(t1)
        fence
        mv   a0, t1
        li   a1, 0
        call htif_request
        /* wait for fromhost (bounded) */
        la   t0, fromhost
        li   t3, HTIF_ANSWER_WAIT
1:      lw   t2, 0(t0)
        lw   t1, 4(t0)
        or   t2, t2, t1
        bnez t2, 2f
        addi t3, t3, -1
        bnez t3, 1b
        /* No answer: this host has no syscall proxy. Use device 1 from now on. */
        la   t0, htif_mode
        li   t1, 1
        sw   t1, 0(t0)
        la   t0, tohost
        sw   zero, 0(t0)
        sw   zero, 4(t0)
        j    5f
2:      sw   zero, 0(t0)
        sw   zero, 4(t0)
        fence
        /* the result (magic_mem[0]) must be the length */
        la   t1, htif_magic
        lw   t2, 0(t1)
        lw   t3, 4(t1)
        la   t0, htif_line_len
        lw   t4, 0(t0)
        bne  t2, t4, 8f
        bnez t3, 8f
        j    7f
5:      /* device 1 (console), command 1 (putchar): one request per byte */
        la   t3, htif_line
6:      lbu  a0, 0(t3)
        li   a1, (1 << 24) | (1 << 16)
        call htif_request
        /* the host answers on fromhost; consume it if it does */
        la   t0, fromhost
        sw   zero, 0(t0)
        sw   zero, 4(t0)
        addi t3, t3, 1
        addi t4, t4, -1
        bnez t4, 6b
7:      la   t0, htif_line_len
        sw   zero, 0(t0)
9:      lw   ra, 12(sp)
        lw   a0, 8(sp)
        addi sp, sp, 16
        ret
8:      /* SYS_write returned the wrong count: a host bug. */
        la   t0, htif_line_len
        sw   zero, 0(t0)
        li   a0, ENV_FAIL_HTIF
        j    env_exit

/* env_exit(a0): flush, then tohost = (code << 1) | 1. Does not return. */
        .globl env_exit
env_exit:
        mv   s11, a0
        call htif_flush
        slli a0, s11, 1
        ori  a0, a0, 1
        li   a1, 0
        call htif_request
1:      j    1b

/* env_htif_syscall(a0 = which, a1 = arg0, a2 = arg1, a3 = arg2): a raw syscall;
 * returns the result's low word in a0, or -2 after HTIF_ANSWER_WAIT polls with no
 * answer (a host without the syscall proxy). */
        .globl env_htif_syscall
env_htif_syscall:
        addi sp, sp, -16
        sw   ra, 12(sp)
        la   t1, htif_magic
        sw   a0, 0(t1)
        sw   zero, 4(t1)
        sw   a1, 8(t1)
        sw   zero, 12(t1)
        sw   a2, 16(t1)
        sw   zero, 20(t1)
        sw   a3, 24(t1)
        sw   zero, 28(t1)
        fence
        mv   a0, t1
        li   a1, 0
        call htif_request
        la   t0, fromhost
        li   t3, HTIF_ANSWER_WAIT
1:      lw   t2, 0(t0)
        lw   t1, 4(t0)
        or   t2, t2, t1
        bnez t2, 2f
        addi t3, t3, -1
        bnez t3, 1b
        la   t0, tohost
        sw   zero, 0(t0)
        sw   zero, 4(t0)
        li   a0, -2
        j    3f
2:      sw   zero, 0(t0)
        sw   zero, 4(t0)
        fence
        la   t1, htif_magic
        lw   a0, 0(t1)
3:      lw   ra, 12(sp)
        addi sp, sp, 16
        ret

        .section .tohost, "aw", @progbits
        .balign 64
        .globl tohost
        .type tohost, @object
        .size tohost, 8
tohost: .dword 0
        .balign 64
        .globl fromhost
        .type fromhost, @object
        .size fromhost, 8
fromhost: .dword 0

        .section .bss
        .balign 64
htif_magic:    .space 64
htif_line:     .space LINE_MAX + 8
        .balign 4
htif_line_len: .space 4
        .globl htif_mode
htif_mode:     .space 4
