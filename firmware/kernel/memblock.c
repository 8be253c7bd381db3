/* memblock.c — boot-time physical memory, before the page allocator exists.
 *
 * As in Linux's memblock, the kernel first knows its RAM as a region and hands
 * out early allocations from it; the page allocator (page_alloc.c) is then
 * built on top and treats every frame memblock gave away as reserved.
 * Here RAM is one region, [RAM_BASE, PFN_PHYS(max_pfn)), whose size the M layer
 * found (m/memsize.c) and passed to start_kernel. Everything below
 * memblock.reserved_end is in use: the M layer, the kernel image up to _end,
 * then the boot allocations in the order they were made (memblock_alloc bumps
 * reserved_end: mem_map comes first, in the frames right after the image).
 *
 * RAM past LOWMEM_MAX (768 MiB: the direct map ends at the vmalloc window) is
 * left unused, and said so. A RAM that cannot hold the image and its boot
 * allocations is a panic naming the sizes.
 */
#include "kernel.h"
#include "mm.h"

struct memblock memblock;
uint32_t max_pfn;

void memblock_init(phys_addr_t ram_size)
{
    extern char _end[];

    memblock.ram_size = ram_size;
    if (ram_size > LOWMEM_MAX) {
        printk("memory: %u MiB of RAM, the direct map holds %u MiB: the rest is not used\n",
               (unsigned)(ram_size >> 20), (unsigned)(LOWMEM_MAX >> 20));
        ram_size = LOWMEM_MAX;
    }
    ram_size &= PAGE_MASK;
    memblock.start = RAM_BASE;
    memblock.end = RAM_BASE + ram_size;
    memblock.reserved_end = __pa(PAGE_ALIGN(_end));
    if (memblock.end < memblock.reserved_end)
        panic("memory: RAM %u KiB ends inside the kernel image (needs %u KiB)",
              (unsigned)(ram_size >> 10), (unsigned)((memblock.reserved_end - RAM_BASE) >> 10));
    max_pfn = PFN_DOWN(memblock.end);
}

/* size bytes (rounded up to whole frames), zeroed, as a direct-map address; the
 * frames stay reserved for good. Out of RAM is a panic: nothing can boot. */
void *memblock_alloc(size_t size, const char *what)
{
    phys_addr_t pa = memblock.reserved_end;
    size_t len = PAGE_ALIGN(size);

    if (len < size || len > memblock.end - pa)
        panic("memory: RAM %u KiB too small: %s needs %u KiB after the kernel image (%u KiB)",
              (unsigned)((memblock.end - memblock.start) >> 10), what,
              (unsigned)(len >> 10), (unsigned)((pa - RAM_BASE) >> 10));
    memblock.reserved_end = pa + len;
    memset(__va(pa), 0, len);
    return __va(pa);
}
