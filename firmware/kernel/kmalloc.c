/* kmalloc.c — small kernel objects from power-of-two size classes (16..2048
 * bytes), slab style.
 *
 * Each class has a list of partial slabs: PG_slab frames with at least one
 * free object. A slab frame's struct page holds its own free-object list
 * (mapping), its object size (index) and how many objects are handed out
 * (inuse). kfree finds the frame from the object's address; when the last
 * object of a frame comes back the frame goes back to the page allocator, so
 * the free-frame count returns to its boot figure once every process is gone.
 */
#include "kernel.h"
#include "mm.h"

#define KMALLOC_MIN_SHIFT 4
#define KMALLOC_MAX_SHIFT 11
#define NR_CLASSES (KMALLOC_MAX_SHIFT - KMALLOC_MIN_SHIFT + 1)

struct free_obj { struct free_obj *next; };
static struct page *partial[NR_CLASSES];    /* slabs with a free object, via lru_next */
uint32_t kmalloc_bytes;
uint32_t slab_frames;

static unsigned size_class(uint32_t size)
{
    unsigned c = 0;
    while (c < NR_CLASSES && (1u << (c + KMALLOC_MIN_SHIFT)) < size)
        c++;
    return c;
}

/* A new slab frame for class c, its objects on its free list; NULL if none. */
static struct page *new_slab(unsigned c)
{
    uint32_t osize = 1u << (c + KMALLOC_MIN_SHIFT);
    struct page *pg = alloc_page(PG_slab);
    if (!pg)
        return NULL;
    pg->index = osize;
    pg->inuse = 0;
    struct free_obj *head = NULL;
    char *base = page_address(pg);
    for (uint32_t off = PAGE_SIZE; off >= osize; off -= osize) {
        struct free_obj *o = (struct free_obj *)(base + off - osize);
        o->next = head;
        head = o;
    }
    pg->mapping = head;
    slab_frames++;
    return pg;
}

/* Returns a zeroed object of at least size bytes, or NULL. */
void *kmalloc(size_t size)
{
    unsigned c = size_class(size);
    if (c == NR_CLASSES)
        panic("kmalloc: %u bytes is too big", (unsigned)size);
    struct page *pg = partial[c];
    if (!pg) {
        pg = new_slab(c);
        if (!pg)
            return NULL;
        pg->lru_next = NULL;
        partial[c] = pg;
    }
    struct free_obj *o = pg->mapping;
    pg->mapping = o->next;
    pg->inuse++;
    if (!pg->mapping) {                     /* full: off the partial list */
        partial[c] = pg->lru_next;
        pg->lru_next = NULL;
    }
    memset(o, 0, pg->index);
    kmalloc_bytes += pg->index;
    return o;
}

void kfree(void *p)
{
    if (!p)
        return;
    struct page *pg = virt_to_page(p);
    if (!(pg->flags & PG_slab) || pg->inuse == 0 || ((uintptr_t)p & (pg->index - 1)))
        panic("kfree: 0x%08x is not a kmalloc object", (unsigned)(uintptr_t)p);
    unsigned c = size_class(pg->index);
    int was_full = pg->mapping == NULL;
    struct free_obj *o = p;
    o->next = pg->mapping;
    pg->mapping = o;
    pg->inuse--;
    kmalloc_bytes -= pg->index;
    if (pg->inuse == 0) {                   /* empty: back to the page allocator */
        if (!was_full) {
            struct page **pp = &partial[c];
            while (*pp != pg)
                pp = &(*pp)->lru_next;
            *pp = pg->lru_next;
        }
        pg->mapping = NULL;
        pg->lru_next = NULL;
        slab_frames--;
        put_page(pg);
    } else if (was_full) {
        pg->lru_next = partial[c];
        partial[c] = pg;
    }
}
