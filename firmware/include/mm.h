/* mm.h — physical frames (struct page), kmalloc, and the process address space
 * (mm_struct, vm_area_struct), named after their Linux counterparts.
 *
 * Frames: one struct page per RAM frame in mem_map[] (allocated at boot from
 * memblock, sized for the RAM found), indexed by pfn - RAM_BASE's pfn. A free frame has refcount 0 and sits on the free list (via lru_next); an
 * allocated one has refcount >= 1 and flags saying what it holds. A user frame
 * (PG_anon, PG_file) has `mapping`/`index` (the image and page offset it was
 * filled from, or the mm and virtual page number of its first mapping) and the
 * reverse map `rmap`: one rmap_item (mm, address) per PTE that maps it
 * (rmap.c). A slab frame (PG_slab, kmalloc.c) uses the same words for its own
 * free-object list, object size and objects in use.
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
#define PG_reserved  0x01   /* M layer, kernel image, boot allocations (mem_map) */
#define PG_slab      0x02   /* kmalloc pool; index = object size */
#define PG_pgtable   0x04   /* a page table (pgd or level 0) */
#define PG_anon      0x08   /* user page, anonymous */
#define PG_file      0x10   /* user page, contents from an image */
#define PG_kstack    0x20   /* a task's kernel stack */

#define PG_vmalloc   0x40   /* mapped in the vmalloc window (vmalloc.c) */

struct rmap_item;
struct page {
    uint16_t flags;
    int16_t refcount;
    struct page *lru_next;  /* free list; PG_slab: next frame of its size class */
    void *mapping;          /* PG_file: the binimage; PG_anon: mm; PG_slab: free objects */
    uint32_t index;         /* page offset in the image / virtual page; PG_slab: object size */
    union {
        struct rmap_item *rmap;  /* user frame: the PTEs that map it (rmap.c) */
        uint32_t inuse;          /* PG_slab: objects handed out */
    };
};

struct mem_stats {
    uint32_t total, free, reserved;
};
extern struct page *mem_map;
extern struct mem_stats mem_stats;

#define RAM_PFN0          PFN_DOWN(RAM_BASE)
#define pfn_to_page(pfn)  (&mem_map[(pfn) - RAM_PFN0])
#define page_to_pfn(pg)   ((uint32_t)((pg) - mem_map) + RAM_PFN0)
#define page_to_phys(pg)  PFN_PHYS(page_to_pfn(pg))
#define page_address(pg)  __va(page_to_phys(pg))
#define virt_to_page(va)  pfn_to_page(PFN_DOWN(__pa(va)))

void mem_init(void);                         /* mem_map from memblock, the free list */

/* ---- boot memory (memblock.c) ---- */
struct memblock {
    phys_addr_t ram_size;                    /* as found by the M layer */
    phys_addr_t start, end;                  /* the RAM used: [RAM_BASE, RAM_END) */
    phys_addr_t reserved_end;                /* [start, reserved_end) is in use */
};
extern struct memblock memblock;
void memblock_init(phys_addr_t ram_size);
void *memblock_alloc(size_t size, const char *what);   /* zeroed frames, or panic */
struct page *alloc_page(uint16_t flags);     /* zeroed frame, refcount 1; NULL if none */
void get_page(struct page *pg);
void put_page(struct page *pg);              /* refcount - 1; frees the frame at 0 */
void *get_zeroed_page(uint16_t flags);       /* alloc_page, as a kernel address */
void free_page(void *va);

/* ---- small objects (kmalloc.c) ---- */
void *kmalloc(size_t size);                  /* zeroed; NULL if out of memory */
void kfree(void *p);
extern uint32_t kmalloc_bytes;               /* bytes handed out and not freed */
extern uint32_t slab_frames;                 /* PG_slab frames held by kmalloc */

/* ---- address spaces (mmap.c) ---- */
#define VM_READ      0x1
#define VM_WRITE     0x2
#define VM_EXEC      0x4
#define VM_SHARED    0x8                     /* never set: MAP_SHARED is refused */
#define VM_GROWSDOWN 0x100
#define VM_ACCESS    (VM_READ | VM_WRITE | VM_EXEC)

/* mmap placement (mmap.c): top-down below MMAP_BASE (memlayout.h) first, like
 * Linux's default layout without randomisation; nothing below MMAP_MIN_ADDR;
 * new mappings keep STACK_GUARD_GAP below a VM_GROWSDOWN VMA. */
#define MMAP_MIN_ADDR   PAGE_SIZE
#define MAX_MAP_COUNT   1024

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
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, uintptr_t start,
                                             uintptr_t end);
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, struct vm_area_struct *vma);
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, uintptr_t addr);
int split_vma_range(struct mm_struct *mm, struct vm_area_struct **vmap, uintptr_t start,
                    uintptr_t end);
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma);
void zap_page_range(struct mm_struct *mm, uintptr_t start, uintptr_t end);
int do_munmap(struct mm_struct *mm, uintptr_t start, uintptr_t end);
uint32_t vm_get_page_prot(uint32_t vm_flags);  /* PTE bits (no A/D) for a VMA's flags */

/* system calls on the address space (mmap.c, mprotect.c, maps.c, rmap.c) */
long sys_brk(uintptr_t brk);
long sys_mmap(uintptr_t addr, size_t len, int prot, int flags, int fd, uint32_t off);
long sys_munmap(uintptr_t addr, size_t len);
long sys_mprotect(uintptr_t addr, size_t len, int prot);
long sys_maps(int pid, uintptr_t buf, size_t len);
long sys_mm_check(int pid);

/* ---- reverse map (rmap.c): frame -> (mm, address) of each PTE mapping it ---- */
struct rmap_item {
    struct mm_struct *mm;
    uintptr_t addr;
    struct rmap_item *next;
};
int page_add_rmap(struct page *pg, struct mm_struct *mm, uintptr_t addr);  /* 0, -ENOMEM */
void page_remove_rmap(struct page *pg, struct mm_struct *mm, uintptr_t addr);
int page_mapcount(const struct page *pg);
/* Calls fn for every PTE mapping pg, stopping at the first non-zero return. */
int rmap_walk(struct page *pg, int (*fn)(struct page *pg, struct mm_struct *mm,
                                         uintptr_t addr, pte_t *pte, void *arg), void *arg);
int rmap_check_mm(struct mm_struct *mm);     /* PTEs verified, or -EIO */

/* ---- vmalloc (vmalloc.c): the window VMALLOC_START..VMALLOC_END (memlayout.h) ---- */
void vmalloc_init(void);
void *vmalloc(size_t size);                  /* zeroed, page-granular; NULL if no room */
void vfree(void *addr);
void *vmalloc_stack(void);                   /* KSTACK_SIZE, guard page below */
extern uint32_t vmalloc_pages;

/* ---- faults (fault.c) ---- */
#define FAULT_FLAG_WRITE 0x1
#define FAULT_FLAG_EXEC  0x2
#define VM_FAULT_OK      0
#define VM_FAULT_SIGSEGV 1
#define VM_FAULT_OOM     2
int handle_mm_fault(struct mm_struct *mm, uintptr_t addr, uint32_t fault_flags);

/* User memory (uaccess.c). For the running process's mm the copy touches user
 * memory directly (sstatus.SUM) and a fault inside it goes through
 * handle_mm_fault like a user access; an invalid address makes it return
 * -EFAULT (exception-table fix-up). For another mm it walks the page tables
 * (access_remote_vm). 0 or -EFAULT; strncpy_from_user returns the string
 * length, n if no NUL in the first n bytes, or -EFAULT. */
int copy_from_user(struct mm_struct *mm, void *dst, uintptr_t src, size_t n);
int copy_to_user(struct mm_struct *mm, uintptr_t dst, const void *src, size_t n);
long strncpy_from_user(struct mm_struct *mm, char *dst, uintptr_t src, size_t n);
int access_remote_vm(struct mm_struct *mm, uintptr_t addr, void *buf, size_t n, int write);
struct pt_regs;
int fixup_exception(struct pt_regs *regs);  /* extable.c: 1 if a uaccess fault was handled */
#endif
