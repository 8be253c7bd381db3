/* muldiv_emul.h — software M extension for cores built without it (muldiv_emul.c).
 *
 * muldiv_emulate(insn, regs): when insn is MUL/MULH/MULHSU/MULHU/DIV/DIVU/REM/
 * REMU, computes it on regs (x0..x31 of the trapped code; regs[0] is never
 * written) and returns 1; returns 0 for any other instruction.
 */
#ifndef SW_MULDIV_EMUL_H
#define SW_MULDIV_EMUL_H

#include <stdint.h>

int muldiv_emulate(uint32_t insn, uint32_t regs[32]);

#endif
