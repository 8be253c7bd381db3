/* mm.h — physical frames (struct page), kmalloc, and the process address space
 * (mm_struct, vm_area_struct), named after their Linux counterparts.
 *
 * Frames: one struct page per RAM frame in mem_map[], indexed by pfn - RAM_BASE's
 * pfn. A free frame has refcount 0 and sits on the free list (via lru_next); an
 * allocated one has refcount >= 1 and flags saying what it holds. `mapping` and
 * `index` are kept for the reverse map of part 2 (which mm/VMA maps the frame, at
 * which page offset).
 *
 * Address spaces: an mm_struct owns a pgd (its ASID tags its TLB entries) and a
 * list of VMAs sorted by vm_start, non-overlapping. A VMA is anonymous (vm_file
 * NULL: demand-zero pages) or backed by a program image (vm_file): the page at
 * user address a holds image bytes from vm_pgoff * PAGE_SIZE + (a - vm_start)
 * up to vm_fend, zeros after (ELF .data followed by .bss in the same page).
 */
#ifndef FW_MM_H
#define FW_MM_H

#include <stdint.h>
#include <stddef.h>
#include "memlayout.h"
#include "pgtable.h"

/* ---- frames (page_alloc.c) ---- */
#define PG_reserved  0x01   /* M layer, kernel image, mem_map: never allocated */
#define PG_slab      0x02   /* kmalloc pool; index = object size */
#define PG_pgtable   0x04   /* a page table (pgd or level 0) */
#define PG_anon      0x08   /* user page, anonymous */
#define PG_file      0x10   /* user page, contents from an image */
#define PG_kstack    0x20   /* a task's kernel stack */

struct page {
    uint16_t flags;
    int16_t refcount;
    struct page *lru_next;  /* free list / slab list */
    void *mapping;          /* rmap (part 2): the mm or image that maps it */
    uint32_t index;         /* page offset in mapping, or slab object size */
};

struct mem_stats {
    uint32_t total, free, reserved;
};
extern struct page mem_map[];
extern struct mem_stats mem_stats;

#define RAM_PFN0          PFN_DOWN(RAM_BASE)
#define pfn_to_page(pfn)  (&mem_map[(pfn) - RAM_PFN0])
#define page_to_pfn(pg)   ((uint32_t)((pg) - mem_map) + RAM_PFN0)
#define page_to_phys(pg)  PFN_PHYS(page_to_pfn(pg))
#define page_address(pg)  __va(page_to_phys(pg))
#define virt_to_page(va)  pfn_to_page(PFN_DOWN(__pa(va)))

void mem_init(void);
struct page *alloc_page(uint16_t flags);     /* zeroed frame, refcount 1; NULL if none */
void get_page(struct page *pg);
void put_page(struct page *pg);              /* refcount - 1; frees the frame at 0 */
void *get_zeroed_page(uint16_t flags);       /* alloc_page, as a kernel address */
void free_page(void *va);

/* ---- small objects (kmalloc.c) ---- */
void *kmalloc(size_t size);                  /* zeroed; NULL if out of memory */
void kfree(void *p);
extern uint32_t kmalloc_bytes;               /* bytes handed out and not freed */

/* ---- address spaces (mmap.c) ---- */
#define VM_READ      0x1
#define VM_WRITE     0x2
#define VM_EXEC      0x4
#define VM_GROWSDOWN 0x100

struct binimage {                            /* an embedded user program (ELF) */
    const char *name;
    const uint8_t *data;
    uint32_t size;
};

struct vm_area_struct {
    uintptr_t vm_start, vm_end;              /* [start, end), page-aligned */
    uint32_t vm_flags;
    uint32_t vm_pgoff;                       /* file offset, in pages */
    const struct binimage *vm_file;          /* NULL: anonymous */
    uintptr_t vm_fend;                       /* file bytes end at this address */
    struct mm_struct *vm_mm;
    struct vm_area_struct *vm_next;
};

struct fault_counts {
    uint32_t minor, major, invalid, accessed;  /* accessed: A/D-only faults (Svade) */
};

struct mm_struct {
    pgd_t pgd;
    uint32_t asid;                           /* valid while asid_gen is current (asid.c) */
    uint32_t asid_gen;
    struct vm_area_struct *mmap;             /* sorted by vm_start */
    uint32_t map_count;
    uintptr_t start_code, end_code, start_data, end_data;
    uintptr_t start_brk, brk, start_stack;
    uint32_t rss;                            /* user frames mapped */
    struct fault_counts flt;
};
extern struct fault_counts global_flt;

struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);            /* unmaps everything, frees pgd and VMAs */
struct vm_area_struct *find_vma(struct mm_struct *mm, uintptr_t addr);
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma);
struct vm_area_struct *vma_create(struct mm_struct *mm, uintptr_t start, uintptr_t end,
                                  uint32_t flags, const struct binimage *file,
                                  uint32_t pgoff, uintptr_t fend);

/* ---- faults (fault.c) ---- */
#define FAULT_FLAG_WRITE 0x1
#define FAULT_FLAG_EXEC  0x2
#define VM_FAULT_OK      0
#define VM_FAULT_SIGSEGV 1
#define VM_FAULT_OOM     2
int handle_mm_fault(struct mm_struct *mm, uintptr_t addr, uint32_t fault_flags);

/* copy to/from user memory through the page tables (faulting pages in like a
 * user access); 0 or -EFAULT. */
int copy_from_user(struct mm_struct *mm, void *dst, uintptr_t src, size_t n);
int copy_to_user(struct mm_struct *mm, uintptr_t dst, const void *src, size_t n);
#endif
