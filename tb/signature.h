/* signature.h — dump the RISC-V architectural-test signature region.
 *
 * int signature_write(path, begin, end, read, ctx, err, errlen)
 *   Writes the memory [begin, end) (ELF symbols begin_signature and
 *   end_signature) to path, one 32-bit little-endian word per line as 8
 *   lowercase hex digits, the format riscv-arch-test reference signatures use.
 *   begin must be 4-byte aligned; a trailing partial word is padded with zero
 *   bytes. Returns 0, or -1 with one line of explanation in err.
 */
#ifndef TB_SIGNATURE_H
#define TB_SIGNATURE_H

#include <stddef.h>
#include <stdint.h>

#include "memif.h"

int signature_write(const char *path, uint32_t begin, uint32_t end,
                    mem_read_fn read, void *ctx, char *err, size_t errlen);

#endif /* TB_SIGNATURE_H */
