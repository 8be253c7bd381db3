/* muldiv_emul.c — the M extension in software, for cores built without it.
 *
 * A core synthesized with MulDiv = 0 (the iCEBreaker default, synth/README.md)
 * raises an illegal-instruction exception for MUL, MULH, MULHSU, MULHU, DIV,
 * DIVU, REM and REMU, and its misa.M reads 0. The M-mode trap code calls
 * muldiv_emulate() with the instruction and the trapped register file; when it
 * returns 1 the result is in regs[rd] and the trap code resumes at mepc + 4, so
 * a program built for rv32ima runs unchanged (about 100-400 cycles per
 * instruction instead of 1-34).
 *
 * User: the bare-metal runtime (sw/lib/trap.c). The kernel's M layer does not
 * include it (its 4 KiB region is full): the kernel needs a core with M. Results follow the unprivileged spec (chapter 7, table 7.1
 * for division by zero and overflow). This file is compiled with -march=rv32ia
 * and uses no multiplication or division operators, so it can never trap on
 * what it emulates.
 */
#include <stdint.h>
#include "muldiv_emul.h"

/* 32 x 32 -> 64-bit unsigned product {*hi, return}, shift and add on 32-bit words only
 * (compact). The signed high
 * words follow from the unsigned one: a negative operand x stands for x - 2^32. */
static uint32_t umul(uint32_t a, uint32_t b, uint32_t *hi)
{
    uint32_t h = 0, l = b;

    for (int i = 0; i < 32; i++) {
        uint32_t sum = h, carry = 0;
        if (l & 1u) {
            sum = h + a;
            carry = sum < h;
        }
        l = (l >> 1) | (sum << 31);
        h = (sum >> 1) | (carry << 31);
    }
    *hi = h;
    return l;
}

/* Unsigned restoring division, d != 0. */
static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *r)
{
    uint32_t quo = 0, rem = 0;

    for (int i = 31; i >= 0; i--) {
        uint32_t top = rem >> 31;               /* the bit shifted out of rem */
        rem = (rem << 1) | ((n >> i) & 1u);
        if (top || rem >= d) {
            rem -= d;
            quo |= 1u << i;
        }
    }
    *r = rem;
    return quo;
}

static uint32_t magnitude(uint32_t v) { return (v & 0x80000000u) ? 0u - v : v; }

int muldiv_emulate(uint32_t insn, uint32_t regs[32])
{
    if ((insn & 0x7Fu) != 0x33u || (insn >> 25) != 1u)
        return 0;                                   /* not OP with funct7 = MULDIV */

    uint32_t rd = (insn >> 7) & 31u, f3 = (insn >> 12) & 7u;
    uint32_t a = regs[(insn >> 15) & 31u], b = regs[(insn >> 20) & 31u];
    uint32_t res, q, r;

    uint32_t hi, lo = umul(a, b, &hi);
    switch (f3) {
    case 0: res = lo; break;                                /* mul */
    case 1:                                                 /* mulh: signed x signed */
        res = hi - ((a & 0x80000000u) ? b : 0u) - ((b & 0x80000000u) ? a : 0u);
        break;
    case 2: res = hi - ((a & 0x80000000u) ? b : 0u); break; /* mulhsu */
    case 3: res = hi; break;                                /* mulhu */
    case 4:                                                 /* div */
    case 6:                                                 /* rem */
        if (b == 0) {
            res = f3 == 4 ? 0xFFFFFFFFu : a;
        } else if (a == 0x80000000u && b == 0xFFFFFFFFu) {
            res = f3 == 4 ? a : 0u;                         /* overflow */
        } else {
            q = udivmod32(magnitude(a), magnitude(b), &r);
            if ((a ^ b) & 0x80000000u)
                q = 0u - q;
            if (a & 0x80000000u)
                r = 0u - r;
            res = f3 == 4 ? q : r;
        }
        break;
    default:                                                /* divu, remu */
        if (b == 0) {
            res = f3 == 5 ? 0xFFFFFFFFu : a;
        } else {
            q = udivmod32(a, b, &r);
            res = f3 == 5 ? q : r;
        }
        break;
    }
    if (rd != 0)
        regs[rd] = res;
    return 1;
}
