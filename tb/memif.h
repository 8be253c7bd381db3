/* memif.h — memory-access callbacks shared by the reusable tb modules.
 *
 * elf_load, htif and signature never touch a memory model directly: their
 * caller passes one of these callbacks plus an opaque context pointer, so the
 * same code serves the Verilator testbench (RAM reached through DPI exports)
 * and the instruction-set simulator (RAM as a host array).
 *
 *   mem_write_fn: copy len bytes from buf to physical addresses paddr.. .
 *   mem_read_fn:  copy len bytes from physical addresses paddr.. to buf.
 * Both return 0 on success and -1 when any byte lies outside the memory they
 * serve (nothing need be transferred then). Addresses are byte addresses; no
 * alignment is required. Bytes are little-endian within a 32-bit word.
 */
#ifndef TB_MEMIF_H
#define TB_MEMIF_H

#include <stdint.h>

typedef int (*mem_write_fn)(void *ctx, uint32_t paddr, const uint8_t *buf, uint32_t len);
typedef int (*mem_read_fn)(void *ctx, uint32_t paddr, uint8_t *buf, uint32_t len);

#endif /* TB_MEMIF_H */
