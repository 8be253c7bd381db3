/* printk.c — the kernel console: SBI putchar until paging_init() maps the UART,
 * then the ns16550a registers at IO_UART directly (polling THRE). No \n -> \r\n
 * translation, so outputs compare byte for byte across iss, QEMU and vsim. */
#include "kernel.h"
#include "memlayout.h"
#include "riscv.h"

int fw_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
static volatile uint8_t *uart;      /* NULL until console_init */

void console_init(void)
{
    uart = (volatile uint8_t *)IO_UART;
}

void console_putc(int c)
{
    if (!uart) {
        sbi_call(SBI_CONSOLE_PUTCHAR, c, 0);
        return;
    }
    while (!(uart[UART_LSR] & UART_LSR_THRE))
        ;
    uart[UART_RBR_THR] = (uint8_t)c;
}

int vsnprintk(char *buf, size_t n, const char *fmt, va_list ap)
{
    return fw_vsnprintf(buf, n, fmt, ap);
}

/* Formats into a 160-byte line buffer (longer output is cut). */
int printk(const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    int n = fw_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (char *p = buf; *p; p++)
        console_putc(*p);
    return n;
}

/* Formats into buf (NUL-terminated, truncated to n); returns the length written. */
int snprintk(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintk(buf, n, fmt, ap);
    va_end(ap);
    return len < (int)n ? len : (n ? (int)n - 1 : 0);
}
