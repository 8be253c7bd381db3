/* iss.h — public interface of the reference model (instruction-set simulator).
 *
 * RV32IMA_Zicsr_Zifencei with M/S/U privilege, Sv32 + Svade/Svadu, PMP and the
 * platform devices of docs/platform.md (RAM, UART, CLINT, finisher, HTIF), written
 * from the RISC-V unprivileged spec and privileged spec 1.12 with the WARL choices of
 * docs/csr.md. The model sits behind an opaque handle:
 *
 *   iss_t *s = iss_create(&cfg);         iss_load_elf(s, "prog.elf", &err);
 *   while (...) { iss_retire_t r; iss_step(s, &r); ... }   // one record per call
 *   or iss_run(s, n);                                        // fast, no records
 *   iss_destroy(s);
 *
 * Co-simulation hooks (lockstep against the RTL): override the interrupt lines that
 * the devices would drive, override the value of the next MMIO load, set mtime,
 * and read/write any CSR or register without side effects or access checks.
 */
#ifndef ISS_H
#define ISS_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "commitlog.h"

typedef struct iss iss_t;

/* One step of the model: the retire-port fields of docs/platform.md, as the
 * testbench's retire_t (tb/commitlog.h), so a record goes straight to the commit log.
 * trap: the instruction raised an exception (did not retire); intr: an interrupt was
 * taken before it (it did not execute; insn = 0). mem_addr is the byte address of the
 * access (virtual), mem_paddr its physical address; masks and data are in the lanes
 * of the aligned 32-bit word that holds it. order counts steps from 0. */
typedef retire_t iss_retire_t;

/* Construction options. Zero-initialise, then set what you need. */
typedef struct {
    uint32_t ram_size;      /* bytes of RAM at RAM_BASE; 0 = RAM_SIZE_DEFAULT */
    bool console_off;       /* drop UART TX and HTIF SYS_write output (co-simulation:
                               the RTL side prints); else they go to stdout */
    bool console_input;     /* UART RX from stdin (tb/console, non-blocking) */
    bool mtime_manual;      /* true: mtime changes only through iss_set_mtime/CLINT
                               stores (co-simulation); false: +1 per step */
    bool no_m;              /* model a core without the M extension (RTL MulDiv = 0):
                               its instructions are illegal, misa.M reads 0 */
} iss_config_t;

/* Why iss_run() returned. */
typedef enum {
    ISS_RUNNING = 0,        /* instruction budget used up */
    ISS_EXIT,               /* finisher or HTIF ended the run: see iss_exit_code() */
} iss_status_t;

iss_t *iss_create(const iss_config_t *cfg);   /* NULL on allocation failure */
void iss_destroy(iss_t *s);

/* Architectural reset: pc = RESET_PC, M-mode, CSRs at reset values, devices reset.
 * Memory contents are kept. */
void iss_reset(iss_t *s);

/* Load an ELF (tb/elf_load) into RAM, set pc to its entry, enable HTIF when it
 * defines tohost. Returns 0, or -1 with a one-line message in errbuf. */
int iss_load_elf(iss_t *s, const char *path, char *errbuf, size_t errlen);

/* Execute one step (take an interrupt, trap, or retire one instruction). */
void iss_step(iss_t *s, iss_retire_t *r);

/* Execute up to n steps as fast as possible; stops early when the run ends. */
iss_status_t iss_run(iss_t *s, uint64_t n);

bool iss_exited(const iss_t *s);
int iss_exit_code(const iss_t *s);
uint64_t iss_steps(const iss_t *s);        /* steps executed (records, incl. traps) */
uint64_t iss_retired(const iss_t *s);      /* instructions retired */

/* Registers, pc, privilege. */
uint32_t iss_get_reg(const iss_t *s, unsigned r);
void iss_set_reg(iss_t *s, unsigned r, uint32_t v);
uint32_t iss_get_pc(const iss_t *s);
void iss_set_pc(iss_t *s, uint32_t pc);
unsigned iss_get_priv(const iss_t *s);

/* Raw CSR access: no privilege checks, no side effects beyond the WARL masking of a
 * normal write (and the software-TLB invalidation the write implies). Returns false
 * for an unimplemented CSR number. Counter CSRs read/write the live counters. */
bool iss_csr_read(iss_t *s, unsigned csr, uint32_t *v);
bool iss_csr_write(iss_t *s, unsigned csr, uint32_t v);

/* Co-simulation. */
void iss_set_irq_override(iss_t *s, uint32_t mask, uint32_t bits); /* mip bits in mask
                                  (MEIP/MTIP/MSIP) come from `bits`, not from devices */
void iss_set_mmio_load_override(iss_t *s, uint32_t value); /* the next load from a
                                  device returns this (once) instead of device state */
void iss_set_mtime(iss_t *s, uint64_t v);
uint64_t iss_get_mtime(iss_t *s);
void iss_set_mcycle(iss_t *s, uint64_t v);
/* HTIF with the host's timing: in manual mode a store to tohost does not start a request;
 * the test bench calls iss_htif_take() at the point where its own host took one, so that
 * the replies (magic_mem[0], fromhost) land at the same instruction boundary in both
 * memories. iss_htif_take(): if tohost holds a request, clear it and serve it from the
 * model's memory (an exit request ends the run: iss_exited); returns whether there was
 * one. Without tohost in the ELF both are no-ops (false). */
void iss_set_htif_manual(iss_t *s, bool manual);
bool iss_htif_take(iss_t *s);

/* Physical memory (RAM only) for test benches: false when out of RAM. */
bool iss_mem_read(iss_t *s, uint32_t paddr, void *buf, uint32_t len);
bool iss_mem_write(iss_t *s, uint32_t paddr, const void *buf, uint32_t len);

/* The same, as a tb/memif.h mem_read_fn (ctx = the iss_t *): 0, or -1 outside RAM. */
int iss_memif_read(void *ctx, uint32_t paddr, uint8_t *buf, uint32_t len);

/* Symbols found by iss_load_elf (0 when absent). */
uint32_t iss_symbol_begin_signature(const iss_t *s);
uint32_t iss_symbol_end_signature(const iss_t *s);

#endif
