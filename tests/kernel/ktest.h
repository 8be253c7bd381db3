/* ktest.h — assertions for the kernel tests (tests/kernel/NAME.c). Each test is
 * a user program run as the first process of a kernel built for it; it checks
 * its own results and ends with the line "NAME: ok" (exit 0), or stops at the
 * first failed check with "NAME: FAIL file:line: what" (exit 1). TEST_NAME is
 * defined by the build (-DTEST_NAME=\"NAME\"). */
#ifndef KTEST_H
#define KTEST_H
#include "ulib.h"

#define KT_FAIL(...) do {                                                      \
        dprintf(1, "%s: FAIL %s:%d: ", TEST_NAME, __FILE_NAME__, __LINE__);         \
        dprintf(1, __VA_ARGS__);                                               \
        dprintf(1, "\n");                                                      \
        exit(1);                                                               \
    } while (0)

/* CHECK(cond): cond must hold */
#define CHECK(c) do { if (!(c)) KT_FAIL("%s", #c); } while (0)

/* CHECK_EQ(a, b): two integers must be equal (both are printed on failure) */
#define CHECK_EQ(a, b) do {                                                    \
        long _a = (long)(a), _b = (long)(b);                                   \
        if (_a != _b) KT_FAIL("%s == %ld, expected %s == %ld", #a, _a, #b, _b); \
    } while (0)

/* CHECK_ERR(call, err): a library call must fail (-1) with errno err */
#define CHECK_ERR(call, err) do {                                              \
        errno = 0;                                                             \
        long _r = (long)(call);                                                \
        if (_r != -1 || errno != (err))                                        \
            KT_FAIL("%s = %ld errno %d (%s), expected -1 errno %d (%s)", #call, \
                    _r, errno, strerror(errno), (err), strerror(err));         \
    } while (0)

/* CHECK_RAW(n, a, b, c, err): the raw system call must return -err */
#define CHECK_RAW(n, a, b, c, err) do {                                        \
        long _r = sys_call3((n), (a), (b), (c));                               \
        if (_r != -(err))                                                      \
            KT_FAIL("syscall %d(%s, %s, %s) = %ld, expected -%d (%s)", (n),     \
                    #a, #b, #c, _r, (err), strerror(err));                     \
    } while (0)

static inline int kt_ok(void)
{
    printf("%s: ok\n", TEST_NAME);
    return 0;
}

/* The calling process's counters (fails the test when vmstat fails). */
static inline struct uvmstat kt_vmstat(int pid)
{
    struct uvmstat v;
    if (vmstat(pid, &v) < 0)
        KT_FAIL("vmstat(%d): %s", pid, strerror(errno));
    return v;
}

/* Waits for pid; returns its wait status (fails the test when wait4 fails). */
static inline int kt_wait(int pid)
{
    int st = 0;
    int r = wait4(pid, &st, 0, NULL);
    if (r != pid)
        KT_FAIL("wait4(%d) = %d: %s", pid, r, strerror(errno));
    return st;
}
#endif
