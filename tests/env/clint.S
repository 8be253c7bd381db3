/* clint.S — CLINT helpers for tests (docs/platform.md "CLINT"). Callable from any
 * mode (PMP entry 0 allows every access). They use a0, a1 and t0-t3 only. */
#include "test.h"

        .option norvc
        .text
/* clint_mtime: a0 = mtime low, a1 = mtime high (consistent 64-bit read). */
        .globl clint_mtime
clint_mtime:
        li   t0, CLINT_BASE
        li   t1, CLINT_MTIME
        add  t0, t0, t1
1:      lw   a1, 4(t0)
        lw   a0, 0(t0)
        lw   t2, 4(t0)
        bne  a1, t2, 1b
        ret

/* clint_timer_in(a0 = delta): mtimecmp = mtime + delta (delta < 2^31). */
        .globl clint_timer_in
clint_timer_in:
        mv   t3, a0
        li   t0, CLINT_BASE
        li   t1, CLINT_MTIME
        add  t0, t0, t1
1:      lw   a1, 4(t0)
        lw   a0, 0(t0)
        lw   t2, 4(t0)
        bne  a1, t2, 1b
        add  t2, a0, t3                     /* 64-bit add */
        sltu t1, t2, a0
        add  a1, a1, t1
        mv   a0, t2
        /* fall through */
/* clint_timer_at(a0 = low, a1 = high): mtimecmp = a1:a0. The low word goes to all
 * ones first so that no intermediate compare value lies in the past. */
        .globl clint_timer_at
clint_timer_at:
        li   t0, CLINT_BASE
        li   t1, CLINT_MTIMECMP
        add  t0, t0, t1
        li   t1, -1
        sw   t1, 0(t0)
        sw   a1, 4(t0)
        sw   a0, 0(t0)
        ret

/* clint_timer_off: mtimecmp = all ones (MTIP clear). */
        .globl clint_timer_off
clint_timer_off:
        li   a0, -1
        li   a1, -1
        j    clint_timer_at

/* clint_timer_now: mtimecmp = 0 (MTIP set at once). */
        .globl clint_timer_now
clint_timer_now:
        li   a0, 0
        li   a1, 0
        j    clint_timer_at

/* clint_msip(a0 = 0 or 1): write msip. */
        .globl clint_msip
clint_msip:
        li   t0, CLINT_BASE
        sw   a0, CLINT_MSIP(t0)
        ret
