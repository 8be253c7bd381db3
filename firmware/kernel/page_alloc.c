/* page_alloc.c — the physical frame allocator: one struct page per RAM frame.
 *
 * mem_init() allocates mem_map from memblock (one struct page per frame of the
 * RAM found at boot, in the first frames after the kernel image), reserves
 * what memblock has handed out (the M layer, the kernel image, mem_map itself),
 * and puts every other frame on a LIFO free list. head.S's early_pg_dir is dead
 * once paging_init has switched to swapper_pg_dir: free_reserved_page() gives
 * its frame to the allocator (Linux frees its init sections the same way). A RAM left with fewer than
 * MIN_FREE_FRAMES free frames cannot start init: a panic says how much it has. alloc_page() hands out a zeroed frame
 * with refcount 1; put_page() drops a reference and frees at 0. mem_stats counts
 * total/free/reserved frames (used = total - free - reserved).
 */
#include "kernel.h"
#include "mm.h"

/* Fewer free frames than this and init cannot get going: the shell (sh) takes
 * 14 to print its prompt and run a built-in (pgd, two level-0 tables, kernel
 * stack, text, data, bss, stack and heap pages, kmalloc slabs). */
#define MIN_FREE_FRAMES 14

struct page *mem_map;
struct mem_stats mem_stats;
static struct page *free_list;

/* A frame of the kernel image that is no longer needed joins the free frames. */
static void free_reserved_page(struct page *pg)
{
    if (!(pg->flags & PG_reserved))
        panic("free_reserved_page: pfn 0x%x is not reserved", (unsigned)page_to_pfn(pg));
    pg->flags = 0;
    pg->refcount = 0;
    pg->lru_next = free_list;
    free_list = pg;
    mem_stats.reserved--;
    mem_stats.free++;
}

void mem_init(void)
{
    uint32_t nr_frames = max_pfn - RAM_PFN0;

    mem_map = memblock_alloc(nr_frames * sizeof(struct page), "mem_map");
    phys_addr_t first_free = memblock.reserved_end;
    mem_stats.total = nr_frames;
    for (uint32_t i = nr_frames; i-- > 0;) {
        struct page *pg = &mem_map[i];
        if (PFN_PHYS(page_to_pfn(pg)) < first_free) {
            pg->flags = PG_reserved;
            pg->refcount = 1;
            mem_stats.reserved++;
        } else {
            pg->lru_next = free_list;
            free_list = pg;
            mem_stats.free++;
        }
    }
    extern pte_t early_pg_dir[];
    free_reserved_page(virt_to_page(early_pg_dir));
    if (mem_stats.free < MIN_FREE_FRAMES)
        panic("memory: RAM %u KiB too small: %lu KiB reserved (M layer, kernel image, "
              "mem_map), %lu free frames; init needs at least %u",
              (unsigned)((RAM_END - RAM_BASE) >> 10), mem_stats.reserved * (PAGE_SIZE >> 10),
              mem_stats.free, MIN_FREE_FRAMES);
}

struct page *alloc_page(uint16_t flags)
{
    struct page *pg = free_list;
    if (!pg)
        return NULL;
    free_list = pg->lru_next;
    mem_stats.free--;
    pg->lru_next = NULL;
    pg->flags = flags;
    pg->refcount = 1;
    pg->mapping = NULL;
    pg->index = 0;
    pg->rmap = NULL;
    clear_page(page_address(pg));
    return pg;
}

void get_page(struct page *pg)
{
    if (pg->refcount <= 0)
        panic("get_page: free frame pfn 0x%x", (unsigned)page_to_pfn(pg));
    pg->refcount++;
}

void put_page(struct page *pg)
{
    if (pg->refcount <= 0 || (pg->flags & PG_reserved))
        panic("put_page: bad frame pfn 0x%x ref %d flags 0x%x",
              (unsigned)page_to_pfn(pg), pg->refcount, pg->flags);
    if (--pg->refcount)
        return;
    if ((pg->flags & (PG_anon | PG_file)) && pg->rmap)
        panic("put_page: pfn 0x%x freed while still mapped (rmap)", (unsigned)page_to_pfn(pg));
    pg->flags = 0;
    pg->rmap = NULL;
    pg->mapping = NULL;
    pg->lru_next = free_list;
    free_list = pg;
    mem_stats.free++;
}

void *get_zeroed_page(uint16_t flags)
{
    struct page *pg = alloc_page(flags);
    return pg ? page_address(pg) : NULL;
}

void free_page(void *va)
{
    put_page(virt_to_page(va));
}
