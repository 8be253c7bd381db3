/* mprotect.c — changing the access rights of a range of an address space.
 *
 * sys_mprotect splits the VMAs at the range's edges, sets their vm_flags,
 * rewrites the PTEs that hold a frame (present ones are flushed from the TLB
 * for the ASID; PROT_NONE keeps the frame in a _PAGE_PROT_NONE PTE so that the
 * contents survive a later mprotect back), then merges neighbours that became
 * compatible. Unlike Linux, the whole range is checked for holes first, so an
 * ENOMEM leaves the address space unchanged (Linux may have changed the part
 * before the hole; the return value is the same).
 */
#include "kernel.h"
#include "sched.h"

#define PTE_KEEP (~(pte_t)((1u << PTE_PPN_LO) - 1) | _PAGE_A | _PAGE_D)

/* Rewrites the frame-holding PTEs of vma for its current vm_flags. */
static void change_protection(struct mm_struct *mm, struct vm_area_struct *vma)
{
    uint32_t prot = vm_get_page_prot(vma->vm_flags);
    uint32_t flushed = 0;
    for (uintptr_t a = vma->vm_start; a < vma->vm_end; a += PAGE_SIZE) {
        pte_t *pte = pte_lookup(mm->pgd, a, 0);
        if (!pte) {
            a = (a & ~(uintptr_t)(MEGAPAGE_SIZE - 1)) + MEGAPAGE_SIZE - PAGE_SIZE;
            continue;
        }
        if (!pte_has_page(*pte))
            continue;
        pte_t old = *pte, new = (old & PTE_KEEP) | prot;
        if (new == old)
            continue;
        *pte = new;
        if (pte_present(old) && ++flushed <= 32)
            local_flush_tlb_page(a, mm->asid);
    }
    if (flushed > 32)
        local_flush_tlb_asid(mm->asid);
}

/* mprotect(addr, len, prot):
 *   addr not page-aligned                  EINVAL
 *   len 0                                  0 (nothing to do)
 *   addr + len wraps                       ENOMEM
 *   prot not within PROT_READ|WRITE|EXEC|SEM  EINVAL
 *   any page of the range unmapped         ENOMEM
 *   splits beyond MAX_MAP_COUNT            ENOMEM */
long sys_mprotect(uintptr_t start, size_t len, int prot)
{
    struct mm_struct *mm = current->mm;

    if (start & (PAGE_SIZE - 1))
        return -EINVAL;
    if (!len)
        return 0;
    len = PAGE_ALIGN(len);
    uintptr_t end = start + len;
    if (end <= start)
        return -ENOMEM;
    if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
        return -EINVAL;

    struct vm_area_struct *vma = find_vma(mm, start);
    if (!vma || vma->vm_start > start)
        return -ENOMEM;
    for (struct vm_area_struct *v = vma; v->vm_end < end; v = v->vm_next)
        if (!v->vm_next || v->vm_next->vm_start != v->vm_end)
            return -ENOMEM;                         /* a hole inside the range */

    uint32_t newbits = ((prot & PROT_READ) ? VM_READ : 0) |
                       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
                       ((prot & PROT_EXEC) ? VM_EXEC : 0);
    int err = split_vma_range(mm, &vma, start, end);
    if (err)
        return err;
    for (struct vm_area_struct *v = vma; v && v->vm_start < end; v = v->vm_next) {
        uint32_t nf = (v->vm_flags & ~VM_ACCESS) | newbits;
        if (nf != v->vm_flags) {
            v->vm_flags = nf;
            change_protection(mm, v);
        }
    }
    /* merge back what became compatible, the neighbours outside included */
    for (struct vm_area_struct *v = find_vma(mm, start); v && v->vm_start < end; ) {
        v = vma_merge_neighbours(mm, v);
        v = v->vm_next;
    }
    return 0;
}
