/* ulib.h — the user library for programs run under the kernel (sw/user,
 * tests/kernel): system call wrappers for every call in uapi.h, errno, and a
 * small libc (string/ctype from picolibc, stdio on the console, malloc on
 * brk/mmap, strtol). One header for everything.
 *
 * Wrappers follow the C library convention: on failure they return -1 (or
 * MAP_FAILED) and set errno. sys_call*() are the raw calls: they return the
 * kernel's value, -errno on failure. */
#ifndef ULIB_H
#define ULIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "uapi.h"

typedef long ssize_t;
typedef int pid_t;

/* ---- raw system calls (RISC-V Linux convention: a7 = number, a0..a5) ---- */
static inline long sys_call6(long n, long a, long b, long c, long d, long e, long f)
{
    register long a0 __asm__("a0") = a;
    register long a1 __asm__("a1") = b;
    register long a2 __asm__("a2") = c;
    register long a3 __asm__("a3") = d;
    register long a4 __asm__("a4") = e;
    register long a5 __asm__("a5") = f;
    register long a7 __asm__("a7") = n;
    __asm__ volatile("ecall"
                     : "+r"(a0)
                     : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a7)
                     : "memory");
    return a0;
}
#define sys_call0(n)             sys_call6((n), 0, 0, 0, 0, 0, 0)
#define sys_call1(n, a)          sys_call6((n), (long)(a), 0, 0, 0, 0, 0)
#define sys_call2(n, a, b)       sys_call6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define sys_call3(n, a, b, c)    sys_call6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys_call4(n, a, b, c, d) sys_call6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

/* a raw result in [-4095, -1] is -errno (Linux's rule, so addresses are not errors) */
#define SYS_IS_ERR(r) ((unsigned long)(r) >= (unsigned long)-4095)

/* ---- errno ---- */
extern int errno;
const char *strerror(int err);
void perror(const char *what);

/* ---- system calls (syscalls.c) ---- */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
void _exit(int code) __attribute__((noreturn));
void exit(int code) __attribute__((noreturn));      /* flushes nothing: stdio is unbuffered */
int nanosleep(const struct timespec32 *req, struct timespec32 *rem);
int sched_yield(void);
int kill(pid_t pid, int sig);
pid_t getpid(void);
pid_t getppid(void);
int brk(void *addr);
void *sbrk(long increment);
void *mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
pid_t wait4(pid_t pid, int *status, int options, void *rusage);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t spawn(const char *name, char *const argv[]);
ssize_t maps(pid_t pid, char *buf, size_t len);
int ps(struct uproc *buf, int max);
int vmstat(pid_t pid, struct uvmstat *out);
int meminfo(struct umeminfo *out);
ssize_t progs(char *buf, size_t len);
unsigned sleep_ms(unsigned ms);                      /* nanosleep in milliseconds */

/* ---- strings and characters (picolibc, plus strtol/atoi here) ---- */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strcat(char *d, const char *s);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
int isspace(int c);
int isdigit(int c);
int isalpha(int c);
int isalnum(int c);
int isprint(int c);
int toupper(int c);
int tolower(int c);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
int atoi(const char *s);

/* ---- stdio on the console (stdio.c): unbuffered, fd 1 (stdout) and fd 2 ---- */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int puts(const char *s);
int putchar(int c);

/* ---- memory (malloc.c): small blocks from brk, large ones (>= 16 KiB) by mmap ---- */
void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

/* ---- program arguments (set by crt0 before main) ---- */
extern int __argc;
extern char **__argv;

#define PAGE_SIZE 4096u
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
