/* console.c — UART console: the ns16550a at UART_BASE, polled through LSR.
 *
 * No initialisation is needed on build/vsim or QEMU virt (baud rate registers
 * have no effect there). Bytes go out unchanged: '\n' is not expanded to
 * "\r\n", so output captured from either machine compares byte for byte.
 */
#include "runtime.h"

#define UART_REG(off) (UART_BASE + (off))

int putchar(int c)
{
  while (!(mmio_read8(UART_REG(UART_LSR)) & UART_LSR_THRE))
    ;
  mmio_write8(UART_REG(UART_RBR_THR), (uint8_t)c);
  return (uint8_t)c;
}

int puts(const char *s)
{
  while (*s)
    putchar(*s++);
  putchar('\n');
  return 0;
}

int uart_rx_ready(void)
{
  return (mmio_read8(UART_REG(UART_LSR)) & UART_LSR_DR) != 0;
}

int getchar(void)
{
  while (!uart_rx_ready())
    ;
  return mmio_read8(UART_REG(UART_RBR_THR));
}
