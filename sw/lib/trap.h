/* trap.h — the trap frame that crt0.S builds and the C trap handler receives.
 *
 * crt0's trap vector saves every register and mepc/mcause/mtval/mstatus into a
 * struct trap_frame on the machine stack, calls trap_entry(frame) (which emulates
 * multiply/divide on a core without M, else calls trap_handler(frame)), then writes
 * mepc and mstatus back from the frame, restores the registers and returns with
 * mret. A handler therefore changes where and how the trapped code resumes by
 * editing the frame (e.g. frame->mepc += 4 to skip an ecall, frame->regs[10] to
 * return a value in a0). Shared by C and assembly: offsets are in bytes.
 */
#ifndef SW_TRAP_H
#define SW_TRAP_H

#define TF_REGS     0      /* x0..x31, 4 bytes each; x0's slot is unused */
#define TF_MEPC     128
#define TF_MCAUSE   132
#define TF_MTVAL    136
#define TF_MSTATUS  140
#define TF_SIZE     144    /* a multiple of 16: keeps sp 16-byte aligned (psABI) */

/* Exit code of a program stopped by an unhandled trap (see trap_unhandled). */
#define EXIT_UNHANDLED_TRAP 100

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame {
  uint32_t regs[32];   /* regs[2] is the interrupted sp, regs[10] is a0, ... */
  uint32_t mepc;
  uint32_t mcause;
  uint32_t mtval;
  uint32_t mstatus;
};

_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "trap frame layout");
_Static_assert(__builtin_offsetof(struct trap_frame, mepc) == TF_MEPC, "mepc offset");
_Static_assert(__builtin_offsetof(struct trap_frame, mstatus) == TF_MSTATUS, "mstatus offset");

/* Called by crt0's trap vector for every exception and interrupt. The runtime's
 * definition is weak: it reports the trap and ends the run (trap_unhandled).
 * A program that expects traps defines its own trap_handler and hands anything
 * it does not expect to trap_unhandled. */
void trap_handler(struct trap_frame *tf);
void trap_entry(struct trap_frame *tf);

/* Prints "unhandled trap: mcause=... mepc=... mtval=..." and exits with
 * EXIT_UNHANDLED_TRAP. Never returns. */
void trap_unhandled(const struct trap_frame *tf) __attribute__((noreturn));
#endif

#endif
