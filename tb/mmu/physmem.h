/* physmem.h — the bench's physical memory: a sparse word store over the 34-bit Sv32
 * physical space (page tables live here), and the platform's PMA map (docs/platform.md):
 * which addresses are RAM (the walker may read PTEs only there) and which exist at all.
 *
 * Words never written read 0. Any address can be written (the bench also builds page
 * tables outside RAM, which the walker must then refuse to read).
 */
#ifndef MMU_PHYSMEM_H
#define MMU_PHYSMEM_H

#include <stdbool.h>
#include <stdint.h>

void physmem_init(uint32_t ram_bytes);
void physmem_clear(void);                 /* forget every word */
uint32_t physmem_read(uint64_t pa);       /* pa: 4-aligned 34-bit address */
void physmem_write(uint64_t pa, uint32_t val);

uint32_t pma_ram_bytes(void);
bool pma_is_ram(uint64_t pa);             /* RAM_BASE <= pa < RAM_BASE + RamBytes */
bool pma_exists(uint64_t pa);             /* RAM or a device window, below 2^32 */

#endif
