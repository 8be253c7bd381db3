/* console.c — UART console: stdout out, non-blocking stdin in. See console.h. */
#include "console.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

static uint8_t in_buf[256];   /* bytes read from stdin, not yet handed out */
static unsigned in_head, in_len;
static bool in_eof;

void console_init(void)
{
    in_head = in_len = 0;
    in_eof = false;
    if (fcntl(STDIN_FILENO, F_GETFL) < 0)
        in_eof = true;                        /* stdin closed */
    else if (isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) != getpgrp())
        in_eof = true;                        /* background job on a terminal */
}

void console_putc(uint8_t c)
{
    putchar(c);
    fflush(stdout);
}

int console_getc(void)
{
    if (in_head < in_len)
        return in_buf[in_head++];
    if (in_eof)
        return CONSOLE_EOF;

    struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
    int r = poll(&p, 1, 0);
    if (r == 0 || (r < 0 && errno == EINTR))
        return CONSOLE_NONE;
    if (r < 0 || (p.revents & POLLNVAL)) {
        in_eof = true;
        return CONSOLE_EOF;
    }
    ssize_t n = read(STDIN_FILENO, in_buf, sizeof in_buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return CONSOLE_NONE;
    if (n <= 0) {                             /* end of file, or a read error */
        in_eof = true;
        return CONSOLE_EOF;
    }
    in_head = 1;
    in_len = (unsigned)n;
    return in_buf[0];
}
