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
 * Users: the bare-metal runtime (sw/lib/trap.c) and the kernel's M layer
 * (firmware/m/m.c). Results follow the unprivileged spec (chapter 7, table 7.1
 * for division by zero and overflow). This file is compiled with -march=rv32ia
 * and uses no multiplication or division operators, so it can never trap on
 * what it emulates.
 */
#include <stdint.h>
#include "muldiv_emul.h"

/* 32 x 32 -> 64-bit unsigned product, shift and add. */
static uint64_t umul64(uint32_t a, uint32_t b)
{
    uint64_t acc = 0, addend = a;

    while (b) {
        if (b & 1u)
            acc += addend;
        addend <<= 1;
        b >>= 1;
    }
    return acc;
}

/* Unsigned restoring division, d != 0. */
static void udivmod32(uint32_t n, uint32_t d, uint32_t *q, uint32_t *r)
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
    *q = quo;
    *r = rem;
}

static uint32_t magnitude(uint32_t v) { return (v & 0x80000000u) ? 0u - v : v; }

/* High word of the product of a (signed when a_signed) and b (signed when b_signed). */
static uint32_t mulh(uint32_t a, uint32_t b, int a_signed, int b_signed)
{
    int neg_a = a_signed && (a & 0x80000000u), neg_b = b_signed && (b & 0x80000000u);
    uint64_t p = umul64(neg_a ? 0u - a : a, neg_b ? 0u - b : b);

    if (neg_a != neg_b)
        p = 0 - p;
    return (uint32_t)(p >> 32);
}

int muldiv_emulate(uint32_t insn, uint32_t regs[32])
{
    if ((insn & 0x7Fu) != 0x33u || (insn >> 25) != 1u)
        return 0;                                   /* not OP with funct7 = MULDIV */

    uint32_t rd = (insn >> 7) & 31u, f3 = (insn >> 12) & 7u;
    uint32_t a = regs[(insn >> 15) & 31u], b = regs[(insn >> 20) & 31u];
    uint32_t res, q, r;

    switch (f3) {
    case 0: res = (uint32_t)umul64(a, b); break;            /* mul */
    case 1: res = mulh(a, b, 1, 1); break;                  /* mulh */
    case 2: res = mulh(a, b, 1, 0); break;                  /* mulhsu */
    case 3: res = mulh(a, b, 0, 0); break;                  /* mulhu */
    case 4:                                                 /* div */
    case 6:                                                 /* rem */
        if (b == 0) {
            res = f3 == 4 ? 0xFFFFFFFFu : a;
        } else if (a == 0x80000000u && b == 0xFFFFFFFFu) {
            res = f3 == 4 ? a : 0u;                         /* overflow */
        } else {
            udivmod32(magnitude(a), magnitude(b), &q, &r);
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
            udivmod32(a, b, &q, &r);
            res = f3 == 5 ? q : r;
        }
        break;
    }
    if (rd != 0)
        regs[rd] = res;
    return 1;
}
