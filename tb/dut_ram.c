/* dut_ram.c — byte access to the SoC RAM through tb_top's DPI exports. See dut_ram.h. */
#include "dut_ram.h"

#include "tb_dpi.h"

static uint32_t ram_base, ram_size;
static svScope ram_scope;     /* tb_top's scope, for calling its exports */

void dut_ram_init(uint32_t base, uint32_t size)
{
    ram_base = base;
    ram_size = size;
    ram_scope = svGetScope();
}

static int in_ram(uint32_t paddr, uint32_t len)
{
    return paddr >= ram_base && (uint64_t)paddr - ram_base + len <= ram_size;
}

int dut_ram_write(void *ctx, uint32_t paddr, const uint8_t *buf, uint32_t len)
{
    (void)ctx;
    if (!in_ram(paddr, len))
        return -1;
    svSetScope(ram_scope);
    while (len > 0) {
        uint32_t off = paddr - ram_base;
        uint32_t idx = off >> 2, lane = off & 3u;
        uint32_t n = 4 - lane < len ? 4 - lane : len;
        uint32_t w = 0;

        if (n != 4)                                   /* partial word: merge */
            w = tb_ram_read(idx);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t sh = 8 * (lane + i);
            w = (w & ~(0xffu << sh)) | (uint32_t)buf[i] << sh;
        }
        tb_ram_write(idx, w);
        paddr += n;
        buf += n;
        len -= n;
    }
    return 0;
}

int dut_ram_read(void *ctx, uint32_t paddr, uint8_t *buf, uint32_t len)
{
    (void)ctx;
    if (!in_ram(paddr, len))
        return -1;
    svSetScope(ram_scope);
    while (len > 0) {
        uint32_t off = paddr - ram_base;
        uint32_t lane = off & 3u;
        uint32_t n = 4 - lane < len ? 4 - lane : len;
        uint32_t w = tb_ram_read(off >> 2);

        for (uint32_t i = 0; i < n; i++)
            buf[i] = (uint8_t)(w >> (8 * (lane + i)));
        paddr += n;
        buf += n;
        len -= n;
    }
    return 0;
}
