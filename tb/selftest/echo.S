/* echo.S — tb self-test of console input: copies UART input to UART output
 * up to and including a '.', then passes through the finisher. */
#include "arch.h"
        .section .text.init
        .globl _start
_start: li   t0, UART_BASE
        li   t3, '.'
1:      lbu  t1, UART_LSR(t0)        /* wait for LSR.DR */
        andi t1, t1, UART_LSR_DR
        beqz t1, 1b
        lbu  t2, UART_RBR_THR(t0)
        sb   t2, UART_RBR_THR(t0)
        bne  t2, t3, 1b
        li   t0, FINISHER_BASE
        li   t1, FINISHER_PASS
        sw   t1, 0(t0)
2:      j    2b
