/* vmalloc.c — virtually contiguous kernel memory from scattered frames.
 *
 * The window VMALLOC_START..VMALLOC_END (8 MiB, memlayout.h) is mapped by two
 * level-0 tables in .bss, hooked into swapper_pg_dir by vmalloc_init() before
 * any process pgd is made, so every address space shares them and a vmalloc
 * mapping is visible everywhere at once. PTEs are global (G): vfree flushes
 * them with sfence.vma va, x0 (all ASIDs).
 *
 * Each allocation is a vm_struct reserving an unmapped guard region directly
 * below its pages (one page; KSTACK_SIZE for a stack), so running off the
 * bottom faults. Areas are kept sorted; placement is first fit.
 *
 * Kernel stacks come from vmalloc_stack(): KSTACK_SIZE bytes at an address
 * aligned to 2 * KSTACK_SIZE, so bit KSTACK_SHIFT is 0 everywhere in the stack
 * and 1 in its guard. entry.S uses that to catch a kernel stack overflow on
 * trap entry (panic on a separate stack instead of faulting forever).
 */
#include "kernel.h"
#include "sched.h"

#define VMALLOC_PTES ((VMALLOC_END - VMALLOC_START) >> PAGE_SHIFT)

static pte_t vmalloc_pt[VMALLOC_PTES]
    __attribute__((aligned(4096), section(".bss.page_aligned")));

struct vm_struct {
    uintptr_t addr;             /* first mapped byte (what vmalloc returned) */
    uint32_t size;              /* mapped bytes */
    uintptr_t va_start;         /* reservation: guard + pages */
    struct vm_struct *next;     /* sorted by address */
};
static struct vm_struct *vmlist;
uint32_t vmalloc_pages;

void vmalloc_init(void)
{
    for (uint32_t i = 0; i < VMALLOC_PTES / PTRS_PER_PT; i++)
        swapper_pg_dir[PGD_INDEX(VMALLOC_START) + i] =
            pfn_pte(PFN_DOWN(__pa(&vmalloc_pt[i * PTRS_PER_PT])), _PAGE_V);
}

static pte_t *vmalloc_pte(uintptr_t va)
{
    return &vmalloc_pt[(va - VMALLOC_START) >> PAGE_SHIFT];
}

/* Finds room for guard + size bytes with addr aligned to align; links a new
 * vm_struct in. NULL if the window is full or no memory. */
static struct vm_struct *alloc_vm_area(uint32_t size, uint32_t align, uint32_t guard)
{
    struct vm_struct **pp = &vmlist;
    uintptr_t lo = VMALLOC_START, addr;
    for (;; pp = &(*pp)->next) {
        uintptr_t hi = *pp ? (*pp)->va_start : VMALLOC_END;
        addr = (lo + guard + align - 1) & ~(uintptr_t)(align - 1);
        if (addr >= lo && addr <= hi && hi - addr >= size)
            break;
        if (!*pp)
            return NULL;
        lo = (*pp)->addr + (*pp)->size;
    }
    struct vm_struct *area = kmalloc(sizeof *area);
    if (!area)
        return NULL;
    area->addr = addr;
    area->size = size;
    area->va_start = addr - guard;
    area->next = *pp;
    *pp = area;
    return area;
}

static void unmap_area_pages(struct vm_struct *area)
{
    for (uintptr_t va = area->addr; va < area->addr + area->size; va += PAGE_SIZE) {
        pte_t *pte = vmalloc_pte(va);
        if (!pte_present(*pte))
            continue;
        struct page *pg = pfn_to_page(pte_pfn(*pte));
        *pte = 0;
        local_flush_tlb_va(va);
        put_page(pg);
        vmalloc_pages--;
    }
}

static void *__vmalloc(size_t size, uint16_t pgflags, uint32_t align, uint32_t guard)
{
    if (!size || size > VMALLOC_END - VMALLOC_START)
        return NULL;
    struct vm_struct *area = alloc_vm_area(PAGE_ALIGN(size), align, guard);
    if (!area)
        return NULL;
    for (uintptr_t va = area->addr; va < area->addr + area->size; va += PAGE_SIZE) {
        struct page *pg = alloc_page(pgflags);      /* zeroed */
        if (!pg) {
            vfree((void *)area->addr);
            return NULL;
        }
        *vmalloc_pte(va) = pfn_pte(page_to_pfn(pg), PAGE_KERNEL_RW);
        vmalloc_pages++;
    }
    return (void *)area->addr;
}

void *vmalloc(size_t size)
{
    return __vmalloc(size, PG_vmalloc, PAGE_SIZE, PAGE_SIZE);
}

void *vmalloc_stack(void)
{
    return __vmalloc(KSTACK_SIZE, PG_kstack | PG_vmalloc, 2 * KSTACK_SIZE, KSTACK_SIZE);
}

void vfree(void *addr)
{
    if (!addr)
        return;
    for (struct vm_struct **pp = &vmlist; *pp; pp = &(*pp)->next)
        if ((*pp)->addr == (uintptr_t)addr) {
            struct vm_struct *area = *pp;
            unmap_area_pages(area);
            *pp = area->next;
            kfree(area);
            return;
        }
    panic("vfree: 0x%08x was not returned by vmalloc", (unsigned)(uintptr_t)addr);
}

/* entry.S switches to this stack when a trap from S finds the kernel stack
 * pointer in a stack's guard region. */
uint8_t overflow_stack[2048] __attribute__((aligned(16)));

void handle_kernel_stack_overflow(void)
{
    panic("kernel stack overflow: pc 0x%08lx addr 0x%08lx cause %lu",
          csr_read(CSR_SEPC), csr_read(CSR_STVAL), csr_read(CSR_SCAUSE));
}
