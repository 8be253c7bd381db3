/* k_interp.c — kernel: a small stack-machine interpreter (switch dispatch).
 *
 * The bytecode program sums the Collatz step counts of 1..INTERP_LIMIT-1; the
 * interpreter loop is a switch over opcodes (an indirect jump through a
 * table), with stack loads and stores — the shape of any bytecode VM or
 * command parser. check computes the same sum in plain C.
 */
#include "bench.h"

#define INTERP_LIMIT 40

enum op { OP_PUSH, OP_LOAD, OP_STORE, OP_ADD, OP_MUL, OP_AND, OP_SHR1, OP_LT, OP_EQ,
          OP_JZ, OP_JMP, OP_DUP, OP_DROP, OP_HALT };

/* Variables of the program. */
enum { V_N, V_X, V_STEPS, V_TOTAL, N_VARS };

struct insn {
  uint8_t op;
  int32_t arg;
};

/* The program; the numbers are instruction indexes, which jumps use. */
#define L_OUTER 2
#define L_INNER 10
#define L_BODY  15
#define L_EVEN  31
#define L_DONE  34
#define L_END   43
static const struct insn program[] = {
  /*  0 */ { OP_PUSH, 1 }, { OP_STORE, V_N },
  /*  2 L_OUTER: if !(n < LIMIT) goto end */
  { OP_LOAD, V_N }, { OP_PUSH, INTERP_LIMIT }, { OP_LT, 0 }, { OP_JZ, L_END },
  /*  6: x = n; steps = 0 */
  { OP_LOAD, V_N }, { OP_STORE, V_X }, { OP_PUSH, 0 }, { OP_STORE, V_STEPS },
  /* 10 L_INNER: if x == 1 goto done */
  { OP_LOAD, V_X }, { OP_PUSH, 1 }, { OP_EQ, 0 }, { OP_JZ, L_BODY }, { OP_JMP, L_DONE },
  /* 15 L_BODY: steps++; x on the stack; even? */
  { OP_LOAD, V_STEPS }, { OP_PUSH, 1 }, { OP_ADD, 0 }, { OP_STORE, V_STEPS },
  { OP_LOAD, V_X }, { OP_DUP, 0 }, { OP_PUSH, 1 }, { OP_AND, 0 }, { OP_JZ, L_EVEN },
  /* 24: odd: x = 3x + 1 */
  { OP_PUSH, 3 }, { OP_MUL, 0 }, { OP_PUSH, 1 }, { OP_ADD, 0 }, { OP_STORE, V_X },
  { OP_JMP, L_INNER }, { OP_HALT, 0 },
  /* 31 L_EVEN: x = x >> 1 */
  { OP_SHR1, 0 }, { OP_STORE, V_X }, { OP_JMP, L_INNER },
  /* 34 L_DONE: total += steps; n++ */
  { OP_LOAD, V_TOTAL }, { OP_LOAD, V_STEPS }, { OP_ADD, 0 }, { OP_STORE, V_TOTAL },
  { OP_LOAD, V_N }, { OP_PUSH, 1 }, { OP_ADD, 0 }, { OP_STORE, V_N }, { OP_JMP, L_OUTER },
  /* 43 L_END: the result stays on the stack */
  { OP_LOAD, V_TOTAL }, { OP_HALT, 0 },
};
_Static_assert(ARRAY_LEN(program) == L_END + 2, "program labels out of step");

static uint32_t executed;

static void setup(void)
{
  executed = 0;
}

static uint32_t run(void)
{
  int32_t stack[16], vars[N_VARS] = { 0 };
  int sp = 0;                       /* next free slot */
  uint32_t pc = 0, count = 0;
  for (;;) {
    const struct insn *i = &program[pc++];
    count++;
    switch (i->op) {
    case OP_PUSH:  stack[sp++] = i->arg; break;
    case OP_LOAD:  stack[sp++] = vars[i->arg]; break;
    case OP_STORE: vars[i->arg] = stack[--sp]; break;
    case OP_ADD:   sp--; stack[sp - 1] += stack[sp]; break;
    case OP_MUL:   sp--; stack[sp - 1] *= stack[sp]; break;
    case OP_AND:   sp--; stack[sp - 1] &= stack[sp]; break;
    case OP_SHR1:  stack[sp - 1] = (int32_t)((uint32_t)stack[sp - 1] >> 1); break;
    case OP_LT:    sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
    case OP_EQ:    sp--; stack[sp - 1] = stack[sp - 1] == stack[sp]; break;
    case OP_JZ:    if (stack[--sp] == 0) pc = (uint32_t)i->arg; break;
    case OP_JMP:   pc = (uint32_t)i->arg; break;
    case OP_DUP:   stack[sp] = stack[sp - 1]; sp++; break;
    case OP_DROP:  sp--; break;
    case OP_HALT:
    default:
      executed = count;
      return sp == 1 ? (uint32_t)stack[0] : 0xFFFFFFFFu;
    }
  }
}

/* The sum in plain C, and how many bytecodes the program must execute for it
 * (counted from the listing: per number, per odd step, per even step). */
static const char *check(uint32_t total)
{
  uint32_t expect = 0, bytecodes = 2 + 4 + 2;  /* start; last outer test; end */
  for (uint32_t n = 1; n < INTERP_LIMIT; n++) {
    bytecodes += 4 + 4 + 5 + 9;                /* outer test, init, x == 1, done */
    for (uint32_t x = n; x != 1; expect++) {
      bytecodes += 4 + 9 + ((x & 1) ? 6 : 3);  /* x == 1 test, body, odd or even */
      x = (x & 1) ? 3 * x + 1 : x / 2;
    }
  }
  if (total != expect)
    return "bytecode result differs from C";
  return executed == bytecodes ? NULL : "bytecode count differs from the listing";
}

const struct kernel k_interp = { "interp", setup, run, check };
