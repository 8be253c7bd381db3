/* panic.c — fatal errors and the end of the run (finisher through the M layer). */
#include "kernel.h"
#include "riscv.h"

void machine_halt(int code)
{
    sbi_call(SBI_SHUTDOWN, code, 0);
    for (;;)
        ;
}

/* Prints "panic: <message>" and ends the run with failure code PANIC_EXIT. */
void panic(const char *fmt, ...)
{
    char buf[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintk(buf, sizeof buf, fmt, ap);
    va_end(ap);
    printk("panic: %s\n", buf);
    machine_halt(PANIC_EXIT);
}
