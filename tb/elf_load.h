/* elf_load.h — load a RISC-V RV32 ELF executable into a RAM through callbacks.
 *
 * Uses libelf (gelf). Link with -lelf. Reusable by any simulator: memory is
 * reached only through the mem_write_fn given by the caller (see memif.h).
 *
 * int elf_load(path, ram_base, ram_size, write, ctx, info, err, errlen)
 *   Checks, before writing anything, that path is an ELFCLASS32 EM_RISCV
 *   little-endian ELF with at least one PT_LOAD segment and that every PT_LOAD
 *   segment [p_paddr, p_paddr + p_memsz) lies inside [ram_base, ram_base +
 *   ram_size). Then copies each segment (p_filesz bytes from the file, then
 *   p_memsz - p_filesz zero bytes) to its p_paddr with write(ctx, ...), and fills
 *   *info (info may be NULL). Returns 0 on success; on failure returns -1 and
 *   puts one line of explanation (no trailing newline, no program name) in err.
 *   The entry point is reported, not checked: a caller whose core starts at a
 *   fixed reset PC compares info->entry itself.
 *
 * int elf_symbol(path, name, &value, err, errlen)
 *   Looks a symbol up in the symbol table of path. Returns 1 and sets *value
 *   when found, 0 when absent, -1 (with err) when the file cannot be read.
 */
#ifndef TB_ELF_LOAD_H
#define TB_ELF_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "memif.h"

typedef struct {
    uint32_t entry;            /* e_entry */
    uint32_t nsegments;        /* PT_LOAD segments with p_memsz > 0 */
    uint32_t load_lo;          /* lowest loaded address */
    uint32_t load_hi;          /* one past the highest loaded address */
    bool has_tohost;           /* symbol `tohost` present */
    uint32_t tohost;
    bool has_fromhost;         /* symbol `fromhost` present */
    uint32_t fromhost;
    bool has_signature;        /* both `begin_signature` and `end_signature` */
    uint32_t begin_signature;
    uint32_t end_signature;
} elf_info_t;

int elf_load(const char *path, uint32_t ram_base, uint32_t ram_size,
             mem_write_fn write, void *ctx, elf_info_t *info,
             char *err, size_t errlen);

int elf_symbol(const char *path, const char *name, uint32_t *value,
               char *err, size_t errlen);

#endif /* TB_ELF_LOAD_H */
