/* malloc.c — malloc/calloc/realloc/free. Blocks under MMAP_THRESHOLD come from
 * the heap (grown with sbrk, first fit on an address-ordered free list whose
 * neighbours are merged on free); larger ones get their own anonymous mmap and
 * go back with munmap. Every block has an 8-byte header: its total size, bit 0
 * set for an mmap'ed block. Pointers are 8-byte aligned. */
#include "ulib.h"

#define MMAP_THRESHOLD (16 * 1024)
#define HDR            8u
#define IS_MMAP        1u
#define HEAP_STEP      (16 * 1024)    /* the heap grows by at least this much */

struct block {
    size_t size;                /* header included; bit 0: IS_MMAP */
    struct block *next;         /* free list only (overlaps the payload) */
};

static struct block *free_list;

static size_t round8(size_t n) { return (n + 7) & ~(size_t)7; }

/* Puts b back on the address-ordered free list, merging with neighbours. */
static void insert_free(struct block *b)
{
    struct block **pp = &free_list;
    while (*pp && *pp < b)
        pp = &(*pp)->next;
    b->next = *pp;
    *pp = b;
    if (b->next && (char *)b + b->size == (char *)b->next) {
        b->size += b->next->size;
        b->next = b->next->next;
    }
    if (pp != &free_list) {
        struct block *prev = (struct block *)((char *)pp - offsetof(struct block, next));
        if ((char *)prev + prev->size == (char *)b) {
            prev->size += b->size;
            prev->next = b->next;
        }
    }
}

static struct block *grow(size_t need)
{
    size_t n = need < HEAP_STEP ? HEAP_STEP : (need + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
    char *p = sbrk((long)n);
    if (p == (char *)-1)
        return NULL;
    struct block *b = (struct block *)p;
    b->size = n;
    insert_free(b);
    return b;
}

void *malloc(size_t n)
{
    if (n == 0)
        n = 1;
    if (n > 0x7fff0000u) {
        errno = ENOMEM;
        return NULL;
    }
    size_t need = round8(n + HDR);
    if (need < sizeof(struct block))
        need = sizeof(struct block);
    if (need >= MMAP_THRESHOLD) {
        size_t len = (need + PAGE_SIZE - 1) & ~(size_t)(PAGE_SIZE - 1);
        struct block *b = mmap(NULL, len, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (b == MAP_FAILED)
            return NULL;
        b->size = len | IS_MMAP;
        return (char *)b + HDR;
    }
    for (int tries = 0; tries < 2; tries++) {
        for (struct block **pp = &free_list; *pp; pp = &(*pp)->next) {
            struct block *b = *pp;
            if (b->size < need)
                continue;
            if (b->size - need >= sizeof(struct block) + 8) {   /* split: keep the tail free */
                struct block *rest = (struct block *)((char *)b + need);
                rest->size = b->size - need;
                rest->next = b->next;
                *pp = rest;
                b->size = need;
            } else {
                *pp = b->next;
            }
            return (char *)b + HDR;
        }
        if (!grow(need))
            return NULL;
    }
    return NULL;
}

void free(void *p)
{
    if (!p)
        return;
    struct block *b = (struct block *)((char *)p - HDR);
    if (b->size & IS_MMAP)
        munmap(b, b->size & ~(size_t)IS_MMAP);
    else
        insert_free(b);
}

void *calloc(size_t count, size_t size)
{
    if (size && count > (size_t)-1 / size) {
        errno = ENOMEM;
        return NULL;
    }
    void *p = malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *realloc(void *p, size_t n)
{
    if (!p)
        return malloc(n);
    if (!n) {
        free(p);
        return NULL;
    }
    struct block *b = (struct block *)((char *)p - HDR);
    size_t have = (b->size & ~(size_t)IS_MMAP) - HDR;
    if (n <= have && !(b->size & IS_MMAP))
        return p;
    void *q = malloc(n);
    if (!q)
        return NULL;
    memcpy(q, p, have < n ? have : n);
    free(p);
    return q;
}
