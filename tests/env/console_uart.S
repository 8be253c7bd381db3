/* console_uart.S — console and exit for QEMU-virt-style programs: ns16550a + finisher. */
#include "test.h"

        .option norvc
        .text
/* env_putc(a0): wait for LSR.THRE, then write THR. Uses t0, t1 only. */
        .globl env_putc
env_putc:
        li   t0, UART_BASE
1:      lbu  t1, UART_LSR(t0)
        andi t1, t1, UART_LSR_THRE
        beqz t1, 1b
        sb   a0, UART_RBR_THR(t0)
        ret

/* env_exit(a0): 0 passes, a nonzero code fails with that code. Does not return. */
        .globl env_exit
env_exit:
        li   t0, FINISHER_BASE
        li   t1, FINISHER_PASS
        beqz a0, 1f
        slli t1, a0, 16
        li   t2, FINISHER_FAIL
        or   t1, t1, t2
1:      sw   t1, 0(t0)
2:      j    2b
