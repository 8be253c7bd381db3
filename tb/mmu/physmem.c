/* physmem.c — sparse physical memory and PMA map; see physmem.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "physmem.h"

#define PAGE_WORDS 1024
#define SLOTS 8192                 /* open-addressing table of 4 KiB pages; power of 2 */

typedef struct {
    uint64_t ppn;                  /* page number + 1; 0 = empty slot */
    uint32_t *words;
} slot_t;

static slot_t slots[SLOTS];
static unsigned used;
static uint32_t ram_bytes;

void physmem_init(uint32_t bytes)
{
    ram_bytes = bytes;
    physmem_clear();
}

void physmem_clear(void)
{
    for (unsigned i = 0; i < SLOTS; i++) {
        free(slots[i].words);
        slots[i] = (slot_t){ 0, NULL };
    }
    used = 0;
}

/* The slot of page ppn, or NULL when absent and !create. */
static slot_t *find(uint64_t ppn, bool create)
{
    unsigned h = (unsigned)((ppn * 0x9E3779B97F4A7C15ull) >> 40) & (SLOTS - 1);
    for (;;) {
        slot_t *s = &slots[h];
        if (s->ppn == ppn + 1)
            return s;
        if (s->ppn == 0) {
            if (!create)
                return NULL;
            if (++used > SLOTS * 3 / 4) {
                fprintf(stderr, "physmem: too many pages\n");
                abort();
            }
            s->ppn = ppn + 1;
            s->words = calloc(PAGE_WORDS, sizeof(uint32_t));
            if (!s->words)
                abort();
            return s;
        }
        h = (h + 1) & (SLOTS - 1);
    }
}

uint32_t physmem_read(uint64_t pa)
{
    slot_t *s = find(pa >> 12, false);
    return s ? s->words[(pa >> 2) & (PAGE_WORDS - 1)] : 0;
}

void physmem_write(uint64_t pa, uint32_t val)
{
    find(pa >> 12, true)->words[(pa >> 2) & (PAGE_WORDS - 1)] = val;
}

uint32_t pma_ram_bytes(void)
{
    return ram_bytes;
}

bool pma_is_ram(uint64_t pa)
{
    return pa >= RAM_BASE && pa - RAM_BASE < ram_bytes;
}

bool pma_exists(uint64_t pa)
{
    return pma_is_ram(pa) ||
           (pa >= FINISHER_BASE && pa < FINISHER_BASE + FINISHER_SIZE) ||
           (pa >= CLINT_BASE && pa < CLINT_BASE + CLINT_SIZE) ||
           (pa >= UART_BASE && pa < UART_BASE + UART_SIZE);
}
