/* dut_ram.h — memif.h callbacks onto the SoC RAM (u_soc.u_ram.mem) via DPI.
 *
 *   dut_ram_init(base, size)  call from a context DPI import (tb_init): records
 *                             the RAM window and the DPI scope of tb_top.
 *   dut_ram_write / dut_ram_read  mem_write_fn / mem_read_fn (ctx unused):
 *                             any byte range inside the RAM window, else -1.
 * Each word costs one call of the exported tb_ram_read / tb_ram_write; fine
 * for loading programs and HTIF traffic, not for per-cycle use.
 */
#ifndef TB_DUT_RAM_H
#define TB_DUT_RAM_H

#include <stdint.h>

void dut_ram_init(uint32_t base, uint32_t size);
int dut_ram_write(void *ctx, uint32_t paddr, const uint8_t *buf, uint32_t len);
int dut_ram_read(void *ctx, uint32_t paddr, uint8_t *buf, uint32_t len);

#endif /* TB_DUT_RAM_H */
