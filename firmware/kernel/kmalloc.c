/* kmalloc.c — small kernel objects from power-of-two size classes (16..2048
 * bytes). Each class carves whole frames (flag PG_slab, index = object size)
 * into a free list of objects; kfree finds the class from the frame's
 * descriptor. Frames are not returned to the page allocator (yet). */
#include "kernel.h"
#include "mm.h"

#define KMALLOC_MIN_SHIFT 4
#define KMALLOC_MAX_SHIFT 11
#define NR_CLASSES (KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)

struct free_obj { struct free_obj *next; };
static struct free_obj *free_objs[NR_CLASSES];
uint32_t kmalloc_bytes;

/* Returns a zeroed object of at least size bytes, or NULL. */
void *kmalloc(size_t size)
{
    unsigned c = 0;
    while (c < NR_CLASSES && (1u << (c + KMALLOC_MIN_SHIFT)) < size)
        c++;
    if (c == NR_CLASSES)
        panic("kmalloc: %u bytes is too big", (unsigned)size);
    uint32_t osize = 1u << (c + KMALLOC_MIN_SHIFT);
    if (!free_objs[c]) {
        struct page *pg = alloc_page(PG_slab);
        if (!pg)
            return NULL;
        pg->index = osize;
        char *base = page_address(pg);
        for (uint32_t off = 0; off < PAGE_SIZE; off += osize) {
            struct free_obj *o = (struct free_obj *)(base + off);
            o->next = free_objs[c];
            free_objs[c] = o;
        }
    }
    struct free_obj *o = free_objs[c];
    free_objs[c] = o->next;
    memset(o, 0, osize);
    kmalloc_bytes += osize;
    return o;
}

void kfree(void *p)
{
    if (!p)
        return;
    struct page *pg = virt_to_page(p);
    if (!(pg->flags & PG_slab))
        panic("kfree: 0x%08x is not a kmalloc object", (unsigned)(uintptr_t)p);
    unsigned c = 0;
    while ((1u << (c + KMALLOC_MIN_SHIFT)) < pg->index)
        c++;
    struct free_obj *o = p;
    o->next = free_objs[c];
    free_objs[c] = o;
    kmalloc_bytes -= pg->index;
}
