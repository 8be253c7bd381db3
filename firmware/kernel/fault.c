/* fault.c — demand paging: the page-fault path and user-memory copies.
 *
 * handle_mm_fault() follows Linux's shape: find the VMA and check the access
 * against vm_flags (no VMA or not allowed → VM_FAULT_SIGSEGV, an "invalid"
 * fault); then, for an empty PTE, do_file_page() (major: contents from the
 * program image) or do_anonymous_page() (minor: a zeroed frame); for a present
 * PTE the fault can only be Svade's (A clear, or a store with D clear): set the
 * bits in software (counted as "accessed"). New PTEs get A set, and D when the
 * fault is a write, so touching N fresh pages costs exactly N faults. Every new
 * PTE is entered in the frame's reverse map (rmap.c).
 *
 * Access rules (as Linux on RISC-V): a load needs VM_READ or VM_WRITE (write
 * implies read: a W-only PTE is reserved in Sv32, so such pages are mapped
 * R+W), a store VM_WRITE, a fetch VM_EXEC. A VMA with none of them (PROT_NONE)
 * gets _PAGE_PROT_NONE PTEs, which the hardware sees as invalid.
 */
#include "kernel.h"
#include "mm.h"

struct fault_counts global_flt;

uint32_t vm_get_page_prot(uint32_t vm_flags)
{
    if (!(vm_flags & VM_ACCESS))
        return _PAGE_PROT_NONE;
    uint32_t prot = _PAGE_V | _PAGE_U;
    if (vm_flags & (VM_READ | VM_WRITE)) prot |= _PAGE_R;
    if (vm_flags & VM_WRITE) prot |= _PAGE_W;
    if (vm_flags & VM_EXEC)  prot |= _PAGE_X;
    return prot;
}

static uint32_t vma_prot(const struct vm_area_struct *vma, uint32_t fault_flags)
{
    return vm_get_page_prot(vma->vm_flags) | _PAGE_A |
           ((fault_flags & FAULT_FLAG_WRITE) ? _PAGE_D : 0);
}

/* Maps pg at addr and records the mapping in its reverse map; VM_FAULT_OOM
 * (and the frame released) if the rmap item cannot be allocated. */
static int set_pte_page(struct mm_struct *mm, pte_t *pte, uintptr_t addr,
                        struct page *pg, uint32_t prot)
{
    if (page_add_rmap(pg, mm, addr)) {
        put_page(pg);
        return VM_FAULT_OOM;
    }
    *pte = pfn_pte(page_to_pfn(pg), prot);
    mm->rss++;
    /* an empty PTE is never cached in the TLB: no sfence needed (priv spec 4.2.1) */
    return VM_FAULT_OK;
}

/* Minor fault: a zeroed frame (anonymous memory, bss). */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
                             uintptr_t addr, pte_t *pte, uint32_t flags)
{
    struct page *pg = alloc_page(PG_anon);
    if (!pg)
        return VM_FAULT_OOM;
    pg->mapping = mm;
    pg->index = addr >> PAGE_SHIFT;
    if (set_pte_page(mm, pte, addr, pg, vma_prot(vma, flags)))
        return VM_FAULT_OOM;
    mm->flt.minor++;
    global_flt.minor++;
    return VM_FAULT_OK;
}

/* Major fault: a frame filled from the program image (zeros past vm_fend). */
static int do_file_page(struct mm_struct *mm, struct vm_area_struct *vma,
                        uintptr_t addr, pte_t *pte, uint32_t flags)
{
    struct page *pg = alloc_page(PG_file);
    if (!pg)
        return VM_FAULT_OOM;
    uint32_t off = vma->vm_pgoff * PAGE_SIZE + (addr - vma->vm_start);
    uint32_t n = min(PAGE_SIZE, vma->vm_fend - addr);
    if (off + n > vma->vm_file->size)
        panic("do_file_page: %s offset 0x%lx past the image", vma->vm_file->name, off);
    memcpy(page_address(pg), vma->vm_file->data + off, n);
    pg->mapping = (void *)vma->vm_file;
    pg->index = off >> PAGE_SHIFT;
    if (set_pte_page(mm, pte, addr, pg, vma_prot(vma, flags)))
        return VM_FAULT_OOM;
    mm->flt.major++;
    global_flt.major++;
    return VM_FAULT_OK;
}

/* A fault below the stack VMA: grow it down to addr's page, as long as the
 * stack stays within USTACK_MAX of its top and keeps STACK_GUARD_GAP from the
 * mapping below it (Linux's stack_guard_gap). 0 when grown, -ENOMEM otherwise
 * (the fault is then invalid). */
static int expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, uintptr_t addr)
{
    uintptr_t start = addr & PAGE_MASK;
    struct vm_area_struct *prev = NULL;
    if (start < mm->start_stack - USTACK_MAX || addr >= vma->vm_start)
        return -ENOMEM;
    for (struct vm_area_struct *v = mm->mmap; v != vma; v = v->vm_next)
        prev = v;
    if (prev && (start < STACK_GUARD_GAP || prev->vm_end > start - STACK_GUARD_GAP))
        return -ENOMEM;
    vma->vm_start = start;
    return 0;
}

/* Resolves a fault at user address addr; VM_FAULT_OK when the access can be
 * retried, VM_FAULT_SIGSEGV when it is invalid, VM_FAULT_OOM. */
int handle_mm_fault(struct mm_struct *mm, uintptr_t addr, uint32_t flags)
{
    uint32_t need = (flags & FAULT_FLAG_WRITE) ? VM_WRITE
                  : (flags & FAULT_FLAG_EXEC) ? VM_EXEC : VM_READ | VM_WRITE;
    struct vm_area_struct *vma = addr < TASK_SIZE ? find_vma(mm, addr) : NULL;

    if (vma && addr < vma->vm_start && (vma->vm_flags & VM_GROWSDOWN) &&
        expand_stack(mm, vma, addr))
        vma = NULL;
    if (!vma || addr < vma->vm_start || !(vma->vm_flags & need)) {
        mm->flt.invalid++;
        global_flt.invalid++;
        return VM_FAULT_SIGSEGV;
    }
    addr &= PAGE_MASK;
    pte_t *pte = pte_lookup(mm->pgd, addr, 1);
    if (!pte)
        return VM_FAULT_OOM;
    if (pte_has_page(*pte)) {
        /* Svade: set A (and D for a store) in software. A PROT_NONE PTE in a
         * VMA that allows the access gets the VMA's rights back. */
        if (pte_protnone(*pte))
            *pte = (*pte & ~(pte_t)((1u << PTE_PPN_LO) - 1)) | vma_prot(vma, 0) |
                   (*pte & (_PAGE_A | _PAGE_D));
        *pte |= _PAGE_A | ((flags & FAULT_FLAG_WRITE) ? _PAGE_D : 0);
        local_flush_tlb_page(addr, mm->asid);
        mm->flt.accessed++;
        global_flt.accessed++;
        return VM_FAULT_OK;
    }
    if (vma->vm_file && addr < vma->vm_fend)
        return do_file_page(mm, vma, addr, pte, flags);
    return do_anonymous_page(mm, vma, addr, pte, flags);
}
