/* kernel.h — console, printk, panic, string functions and errno values. */
#ifndef FW_KERNEL_H
#define FW_KERNEL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "uapi.h"     /* errno values, shared with user space */

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min(a, b) ((a) < (b) ? (a) : (b))

/* printk.c */
void console_init(void);
void console_putc(int c);
int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vsnprintk(char *buf, size_t n, const char *fmt, va_list ap);
int snprintk(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* panic.c: one line "panic: ..." and the finisher's failure code PANIC_EXIT. */
#define PANIC_EXIT 0x70
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void machine_halt(int code) __attribute__((noreturn));

/* string.c */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
void *memmove(void *d, const void *s, size_t n);
int strcmp(const char *a, const char *b);
void clear_page(void *page);
#endif
