/* runtime.h — the C interface of the bare-metal runtime in sw/lib.
 *
 * A program links crt0.S, link.ld and the lib's C files, defines main(), and
 * gets: a UART console (putchar/puts/getchar), a compact printf, exit() through
 * the finisher, and the string functions GCC may call on its own. Names and
 * signatures follow the C library so programs read as usual C; the runtime is
 * not a full libc (no malloc, no files, no floating point in printf).
 */
#ifndef SW_RUNTIME_H
#define SW_RUNTIME_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "csr.h"
#include "platform.h"
#include "trap.h"

/* ---- console.c: ns16550a UART, polled ---- */
int putchar(int c);                 /* writes one byte (no \n → \r\n); returns c */
int puts(const char *s);            /* writes s and a newline; returns 0 */
int getchar(void);                  /* waits for a received byte and returns it */
int uart_rx_ready(void);            /* 1 when getchar would not wait */

/* ---- printf.c: %d %i %u %x %X %s %c %p %%, flags '-' '0', width, l/ll ----
 * Returns the number of characters produced (snprintf: that would have been
 * produced; the buffer always ends with a NUL when n > 0). */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

/* ---- exit.c: finisher ----
 * exit(0) stores FINISHER_PASS: the run passes. exit(n) stores
 * (n << 16) | FINISHER_FAIL: the run fails with code n (16 bits). */
void exit(int code) __attribute__((noreturn));

/* ---- string.c ---- */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

#endif
