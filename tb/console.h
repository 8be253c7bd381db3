/* console.h — the host side of the UART: bytes out to stdout, bytes in from stdin.
 *
 *   console_init()     call once before the others. Decides whether stdin is
 *                      usable (not usable when it is closed, or a terminal of
 *                      which this process is not the foreground job: reading
 *                      it would stop the process with SIGTTIN).
 *   console_putc(c)    writes one byte to stdout and flushes it at once.
 *   console_getc()     never blocks: returns the next input byte (0..255),
 *                      CONSOLE_NONE when none is available now, or CONSOLE_EOF
 *                      once stdin has ended (then always CONSOLE_EOF).
 *                      Reads stdin in chunks; a call that finds the chunk
 *                      buffer empty costs one poll() system call.
 * No DPI here: any simulator can use it.
 */
#ifndef TB_CONSOLE_H
#define TB_CONSOLE_H

#include <stdint.h>

#define CONSOLE_NONE (-1)
#define CONSOLE_EOF  (-2)

void console_init(void);
void console_putc(uint8_t c);
int console_getc(void);

#endif /* TB_CONSOLE_H */
