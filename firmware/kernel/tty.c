/* tty.c — the console as a terminal in canonical mode, for read(0, ...).
 *
 * Characters come from the UART (SBI getchar, polled). Like a tty in cooked
 * mode, the kernel echoes what it takes, handles backspace/DEL (erase one
 * character) and ^U (erase the line), and completes a line at '\n' or '\r'
 * (both delivered as '\n'). ^D at the start of a line is end of file (read
 * returns 0); elsewhere it hands over the partial line. While no input is
 * waiting the reader sleeps one scheduler tick and polls again, so other tasks
 * run (mid-line it polls a little longer first: tty_getc). The echo makes a session at a board's serial port readable, and with
 * input from a pipe (the simulations feed stdin to the UART) it prints the
 * commands in the transcript in order.
 */
#include "kernel.h"
#include "sched.h"

#define TTY_LINE_MAX 256

static char line[TTY_LINE_MAX];
static size_t line_len;         /* bytes in the line being edited */
static size_t ready_len;        /* bytes of a completed line not yet read (from line[0]) */
static int eof_pending;

/* The next input byte, or -1. Mid-line, the UART (one holding byte) is polled
 * up to TTY_SPIN times before giving up: the next byte of a line is usually on
 * its way (at 115200 baud it takes ~87 us; from a pipe in simulation, a few
 * cycles), and sleeping a whole tick per byte would make reading a line take
 * one tick per character. */
#define TTY_SPIN 256
static int tty_getc(void)
{
    int c, spins = line_len ? TTY_SPIN : 1;
    while ((c = (int)sbi_call(SBI_CONSOLE_GETCHAR, 0, 0)) < 0 && --spins)
        ;
    return c;
}

/* Takes the characters waiting on the UART into the line; 1 when a line (or
 * EOF) is ready for read(). */
static int tty_poll(void)
{
    int c;
    while (!ready_len && !eof_pending && (c = tty_getc()) >= 0) {
        c &= 0xff;
        if (c == '\r')
            c = '\n';
        if (c == 0x04) {                         /* ^D */
            if (line_len)
                ready_len = line_len;
            else
                eof_pending = 1;
        } else if (c == 0x7f || c == 0x08) {     /* erase */
            if (line_len) {
                line_len--;
                console_putc('\b'); console_putc(' '); console_putc('\b');
            }
        } else if (c == 0x15) {                  /* ^U: kill the line */
            while (line_len) {
                line_len--;
                console_putc('\b'); console_putc(' '); console_putc('\b');
            }
        } else if (c == '\n' || line_len < TTY_LINE_MAX - 1) {
            line[line_len++] = (char)c;
            console_putc(c);
            if (c == '\n' || line_len == TTY_LINE_MAX - 1)
                ready_len = line_len;
        }
    }
    return ready_len || eof_pending;
}

/* read(0, ubuf, n): blocks until a line is ready; returns up to n bytes of it
 * (the rest stays for the next read), 0 at end of file, -EFAULT, -EINTR. */
long tty_read(uintptr_t ubuf, size_t n)
{
    if (!n)
        return 0;
    while (!tty_poll()) {
        sleep_on(NULL, timer_now() + TICK_MTIME);
        if (current->killed)
            return -EINTR;
    }
    if (eof_pending && !ready_len) {
        eof_pending = 0;
        return 0;
    }
    size_t k = min(n, ready_len);
    if (copy_to_user(current->mm, ubuf, line, k))
        return -EFAULT;
    memmove(line, line + k, line_len - k);
    line_len -= k;
    ready_len -= k;
    return (long)k;
}
