/* page_alloc.c — the physical frame allocator: one struct page per RAM frame.
 *
 * mem_init() reserves the M layer, the kernel image and mem_map itself, and puts
 * every other frame on a LIFO free list. alloc_page() hands out a zeroed frame
 * with refcount 1; put_page() drops a reference and frees at 0. mem_stats counts
 * total/free/reserved frames (used = total - free - reserved).
 */
#include "kernel.h"
#include "mm.h"

#define NR_FRAMES (RAM_SIZE >> PAGE_SHIFT)

struct page mem_map[NR_FRAMES];
struct mem_stats mem_stats;
static struct page *free_list;
extern char _end[];

void mem_init(void)
{
    phys_addr_t first_free = __pa(PAGE_ALIGN(_end));

    mem_stats.total = NR_FRAMES;
    for (uint32_t i = NR_FRAMES; i-- > 0;) {
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
