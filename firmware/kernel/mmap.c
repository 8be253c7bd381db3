/* mmap.c — address spaces: mm_struct lifetime, ASIDs, the sorted VMA list. */
#include "kernel.h"
#include "mm.h"

/* A new, empty address space with its own pgd; NULL if out of memory. Its ASID
 * is given on the first switch_mm (asid.c). */
struct mm_struct *mm_alloc(void)
{
    struct mm_struct *mm = kmalloc(sizeof *mm);
    if (!mm)
        return NULL;
    mm->pgd = pgd_alloc();
    if (!mm->pgd) {
        kfree(mm);
        return NULL;
    }
    return mm;
}

/* Releases every user frame, the page tables, the VMAs and the mm itself, and
 * flushes the ASID's TLB entries. The caller must not be running on mm->pgd. */
void mmput(struct mm_struct *mm)
{
    struct vm_area_struct *vma = mm->mmap, *next;
    for (; vma; vma = next) {
        next = vma->vm_next;
        for (uintptr_t a = vma->vm_start; a < vma->vm_end; a += PAGE_SIZE) {
            pte_t *pte = pte_lookup(mm->pgd, a, 0);
            if (pte && pte_present(*pte)) {
                put_page(pfn_to_page(pte_pfn(*pte)));
                *pte = 0;
                mm->rss--;
            }
        }
        kfree(vma);
    }
    pgd_free(mm->pgd);
    if (mm->asid_gen)                   /* it ran: its ASID may tag TLB entries */
        local_flush_tlb_asid(mm->asid);
    kfree(mm);
}

/* The first VMA with vm_end > addr (it may start above addr), or NULL. */
struct vm_area_struct *find_vma(struct mm_struct *mm, uintptr_t addr)
{
    for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
        if (v->vm_end > addr)
            return v;
    return NULL;
}

/* Links vma into mm's list in address order; -EINVAL if it overlaps one. */
int insert_vm_struct(struct mm_struct *mm, struct vm_area_struct *vma)
{
    struct vm_area_struct **pp = &mm->mmap;
    while (*pp && (*pp)->vm_end <= vma->vm_start)
        pp = &(*pp)->vm_next;
    if (*pp && (*pp)->vm_start < vma->vm_end)
        return -EINVAL;
    vma->vm_next = *pp;
    *pp = vma;
    vma->vm_mm = mm;
    mm->map_count++;
    return 0;
}

/* Allocates and inserts a VMA [start, end) (page-aligned); NULL on failure. */
struct vm_area_struct *vma_create(struct mm_struct *mm, uintptr_t start, uintptr_t end,
                                  uint32_t flags, const struct binimage *file,
                                  uint32_t pgoff, uintptr_t fend)
{
    if ((start | end) & (PAGE_SIZE - 1) || start >= end || end > TASK_SIZE)
        return NULL;
    struct vm_area_struct *vma = kmalloc(sizeof *vma);
    if (!vma)
        return NULL;
    vma->vm_start = start;
    vma->vm_end = end;
    vma->vm_flags = flags;
    vma->vm_file = file;
    vma->vm_pgoff = pgoff;
    vma->vm_fend = fend;
    if (insert_vm_struct(mm, vma)) {
        kfree(vma);
        return NULL;
    }
    return vma;
}
