/* user.h — system call wrappers (RISC-V Linux numbers) and the small user
 * library (ulib.c) for programs in firmware/user/. */
#ifndef FW_USER_H
#define FW_USER_H

#include <stddef.h>
#include <stdint.h>

#define SYS_write      64
#define SYS_exit       93
#define SYS_getpid     172

static inline long syscall3(long n, long a0, long a1, long a2)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r7) : "memory");
    return r0;
}

static inline long write(int fd, const void *buf, size_t n)
{
    return syscall3(SYS_write, fd, (long)buf, (long)n);
}
static inline int getpid(void) { return (int)syscall3(SYS_getpid, 0, 0, 0); }
void exit(int code) __attribute__((noreturn));

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
#endif
