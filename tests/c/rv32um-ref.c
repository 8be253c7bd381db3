/* rv32um-ref — the eight M instructions on pseudo-random and edge-case operands,
 * against reference results computed in software. This file is compiled without the
 * M extension (tests.mk), so the reference's * / % are libgcc routines made of base
 * instructions; the instructions under test are emitted with .insn. */
#include <stdint.h>
#include "test.h"

TEST_NAME("rv32um-ref");

#define ITERATIONS 300

/* R-type with opcode OP (0x33) and funct7 = 1 (the M group); funct3 picks the op. */
#define M_OP(funct3, a, b) ({                                                   \
        uint32_t r_;                                                            \
        __asm__ volatile(".insn r 0x33, " #funct3 ", 1, %0, %1, %2"             \
                         : "=r"(r_) : "r"(a), "r"(b));                          \
        r_; })

static uint32_t ref_mul(uint32_t a, uint32_t b)   { return (uint32_t)((uint64_t)a * b); }
static uint32_t ref_mulh(uint32_t a, uint32_t b)
{
        return (uint32_t)((uint64_t)((int64_t)(int32_t)a * (int64_t)(int32_t)b) >> 32);
}
static uint32_t ref_mulhsu(uint32_t a, uint32_t b)
{
        return (uint32_t)((uint64_t)((int64_t)(int32_t)a * (int64_t)(uint64_t)b) >> 32);
}
static uint32_t ref_mulhu(uint32_t a, uint32_t b) { return (uint32_t)(((uint64_t)a * b) >> 32); }

/* Division: spec table 7.1 for zero divisors and signed overflow. */
static uint32_t ref_div(uint32_t a, uint32_t b)
{
        if (b == 0) return 0xffffffffu;
        if (a == 0x80000000u && b == 0xffffffffu) return a;
        return (uint32_t)((int32_t)a / (int32_t)b);
}
static uint32_t ref_divu(uint32_t a, uint32_t b) { return b == 0 ? 0xffffffffu : a / b; }
static uint32_t ref_rem(uint32_t a, uint32_t b)
{
        if (b == 0) return a;
        if (a == 0x80000000u && b == 0xffffffffu) return 0;
        return (uint32_t)((int32_t)a % (int32_t)b);
}
static uint32_t ref_remu(uint32_t a, uint32_t b) { return b == 0 ? a : a % b; }

static const uint32_t edges[] = {
        0, 1, 2, 3, 0x7fffffff, 0x80000000, 0x80000001, 0xffffffff, 0xfffffffe,
        0x0000ffff, 0x00010000, 0xffff0000, 0x55555555, 0xaaaaaaaa,
};
#define N_EDGES (sizeof(edges) / sizeof(edges[0]))

static uint32_t rng_state = 0x2545f491u;

/* xorshift32: a fixed sequence, so every run checks the same operands. */
static uint32_t rng(void)
{
        uint32_t x = rng_state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        rng_state = x;
        return x;
}

/* An operand: mostly random, sometimes an edge value, sometimes a small number,
 * sometimes random with a random number of high bits cleared. */
static uint32_t operand(void)
{
        uint32_t sel = rng() & 7, v = rng();
        if (sel == 0) return edges[v % N_EDGES];
        if (sel == 1) return v & 0xff;
        if (sel == 2) return v >> (v & 31);
        if (sel == 3) return (uint32_t)-(int32_t)(v & 0xff);
        return v;
}

static void check_op(const char *what, uint32_t a, uint32_t b, uint32_t got, uint32_t exp)
{
        if (got != exp) {
                env_puts("operands ");
                env_puthex(a);
                env_puts(" ");
                env_puthex(b);
                env_puts("\n");
                env_fail(5, got, exp, what, 0);
        }
}

void test_main(void)
{
        for (int i = 0; i < ITERATIONS; i++) {
                uint32_t a = operand(), b = operand();
                check_op("mul", a, b, M_OP(0, a, b), ref_mul(a, b));
                check_op("mulh", a, b, M_OP(1, a, b), ref_mulh(a, b));
                check_op("mulhsu", a, b, M_OP(2, a, b), ref_mulhsu(a, b));
                check_op("mulhu", a, b, M_OP(3, a, b), ref_mulhu(a, b));
                check_op("div", a, b, M_OP(4, a, b), ref_div(a, b));
                check_op("divu", a, b, M_OP(5, a, b), ref_divu(a, b));
                check_op("rem", a, b, M_OP(6, a, b), ref_rem(a, b));
                check_op("remu", a, b, M_OP(7, a, b), ref_remu(a, b));
        }
        /* the loop really ran: the generator moved ITERATIONS * 4 .. * 6 steps */
        CHECK(rng_state != 0x2545f491u, 1);
        TEST_PASS();
}
