/* hello.S — tb self-test: "hi\n" on the UART, then a finisher store
 * (FINISH_VALUE: pass by default; the make rules build fail and spin variants). */
#include "arch.h"
#ifndef FINISH_VALUE
#define FINISH_VALUE FINISHER_PASS
#endif
        .section .text.init
        .globl _start
_start: li   t0, UART_BASE
        li   t1, 'h'
        sb   t1, UART_RBR_THR(t0)
        li   t1, 'i'
        sb   t1, UART_RBR_THR(t0)
        li   t1, '\n'
        sb   t1, UART_RBR_THR(t0)
        li   t0, FINISHER_BASE
        li   t1, FINISH_VALUE
        sw   t1, 0(t0)
1:      j    1b
