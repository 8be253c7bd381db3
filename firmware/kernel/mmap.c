/* mmap.c — address spaces: mm_struct lifetime and ASIDs, the sorted VMA list
 * (find, insert, split, merge), unmapping page ranges, and the brk, mmap and
 * munmap system calls with Linux's semantics and errno values.
 *
 * VMAs never overlap and are kept sorted by vm_start. Two neighbours merge when
 * Linux would merge them: adjacent, same vm_flags, both anonymous or the same
 * image at contiguous offsets. The reverse map (rmap.c) records (mm, address)
 * only, so splitting and merging VMAs never touches it.
 *
 * mmap placement follows Linux's default top-down layout: a hint that fits is
 * taken as is; otherwise the highest free gap below MMAP_BASE (under the
 * stack's growth limit and guard gap, no randomisation), then anywhere below
 * TASK_SIZE. Free gaps keep
 * STACK_GUARD_GAP below a VM_GROWSDOWN VMA (the stack).
 */
#include "kernel.h"
#include "sched.h"

#define FLUSH_ALL_THRESHOLD 32          /* more PTEs than this: flush the whole ASID */
#define MAP_TYPE 0x0f

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

/* Clears the PTEs of [start, end) that hold a frame: reverse map, reference,
 * rss. Returns how many were valid in hardware (and so may sit in the TLB);
 * flushes them one by one when flush is set and there are few. */
static uint32_t unmap_ptes(struct mm_struct *mm, uintptr_t start, uintptr_t end, int flush)
{
    uint32_t valid = 0;
    for (uintptr_t a = start; a < end; ) {
        pte_t *pte = pte_lookup(mm->pgd, a, 0);
        if (!pte) {                                 /* no level-0 table: skip 4 MiB */
            uintptr_t next = (a & ~(uintptr_t)(MEGAPAGE_SIZE - 1)) + MEGAPAGE_SIZE;
            if (next <= a)
                break;
            a = next;
            continue;
        }
        if (pte_has_page(*pte)) {
            struct page *pg = pfn_to_page(pte_pfn(*pte));
            int was_valid = pte_present(*pte);
            *pte = 0;
            page_remove_rmap(pg, mm, a);
            put_page(pg);
            mm->rss--;
            if (was_valid && ++valid <= FLUSH_ALL_THRESHOLD && flush)
                local_flush_tlb_page(a, mm->asid);
        }
        a += PAGE_SIZE;
    }
    if (flush && valid > FLUSH_ALL_THRESHOLD)
        local_flush_tlb_asid(mm->asid);
    return valid;
}

/* Unmaps the user pages of [start, end) (VMAs unchanged) and flushes the TLB. */
void zap_page_range(struct mm_struct *mm, uintptr_t start, uintptr_t end)
{
    unmap_ptes(mm, start, end, 1);
}

/* Releases every user frame, the page tables, the VMAs and the mm itself, and
 * flushes the ASID's TLB entries. The caller must not be running on mm->pgd. */
void mmput(struct mm_struct *mm)
{
    struct vm_area_struct *vma = mm->mmap, *next;
    for (; vma; vma = next) {
        next = vma->vm_next;
        unmap_ptes(mm, vma->vm_start, vma->vm_end, 0);
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

/* The first VMA overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, uintptr_t start,
                                             uintptr_t end)
{
    struct vm_area_struct *v = find_vma(mm, start);
    return v && v->vm_start < end ? v : NULL;
}

/* The VMA just before vma in the list, or NULL. */
struct vm_area_struct *find_vma_prev(struct mm_struct *mm, struct vm_area_struct *vma)
{
    struct vm_area_struct *p = mm->mmap;
    if (p == vma)
        return NULL;
    while (p && p->vm_next != vma)
        p = p->vm_next;
    return p;
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

static void unlink_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
    struct vm_area_struct *prev = find_vma_prev(mm, vma);
    if (prev)
        prev->vm_next = vma->vm_next;
    else
        mm->mmap = vma->vm_next;
    mm->map_count--;
    kfree(vma);
}

/* Splits the VMAs at the edges of [start, end) so that the range is covered by
 * whole VMAs: *vmap is the first VMA that intersects the range on entry, and the
 * first VMA inside it on return. 0, or split_vma's -ENOMEM. Used by munmap and
 * mprotect. */
int split_vma_range(struct mm_struct *mm, struct vm_area_struct **vmap, uintptr_t start,
                    uintptr_t end)
{
    struct vm_area_struct *vma = *vmap;
    if (vma->vm_start < start) {
        int err = split_vma(mm, vma, start);
        if (err)
            return err;
        vma = vma->vm_next;
        *vmap = vma;
    }
    for (struct vm_area_struct *v = vma; v && v->vm_start < end; v = v->vm_next)
        if (v->vm_end > end)
            return split_vma(mm, v, end);
    return 0;
}

/* Splits vma at addr (page-aligned, strictly inside): vma keeps [start, addr),
 * a new VMA after it takes [addr, end). 0, or -ENOMEM (no memory, or the
 * process is at MAX_MAP_COUNT). */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, uintptr_t addr)
{
    if (addr <= vma->vm_start || addr >= vma->vm_end || (addr & (PAGE_SIZE - 1)))
        panic("split_vma: 0x%08x outside 0x%08x-0x%08x", (unsigned)addr,
              (unsigned)vma->vm_start, (unsigned)vma->vm_end);
    if (mm->map_count >= MAX_MAP_COUNT)
        return -ENOMEM;
    struct vm_area_struct *n = kmalloc(sizeof *n);
    if (!n)
        return -ENOMEM;
    *n = *vma;
    n->vm_start = addr;
    if (n->vm_file)
        n->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
    vma->vm_end = addr;
    vma->vm_next = n;
    mm->map_count++;
    return 0;
}

/* Whether b can be folded into a (a directly below b). */
static int can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
    if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags || a->vm_file != b->vm_file)
        return 0;
    return !a->vm_file ||
           (b->vm_pgoff == a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) &&
            a->vm_fend == b->vm_fend);
}

/* Merges vma with its neighbours where compatible; returns the VMA that now
 * covers vma's range. */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma)
{
    struct vm_area_struct *prev = find_vma_prev(mm, vma);
    if (prev && can_merge(prev, vma)) {
        prev->vm_end = vma->vm_end;
        unlink_vma(mm, vma);
        vma = prev;
    }
    struct vm_area_struct *next = vma->vm_next;
    if (next && can_merge(vma, next)) {
        vma->vm_end = next->vm_end;
        unlink_vma(mm, next);
    }
    return vma;
}

/* Removes [start, end) (page-aligned) from mm: splits the VMAs at the edges,
 * unmaps the pages, frees the VMAs inside. A range with no mapping is fine.
 * 0 or -ENOMEM (a split needed a VMA beyond MAX_MAP_COUNT or memory). */
int do_munmap(struct mm_struct *mm, uintptr_t start, uintptr_t end)
{
    struct vm_area_struct *vma = find_vma_intersection(mm, start, end);
    if (!vma)
        return 0;
    /* a hole punched in the middle needs one more VMA */
    if (vma->vm_start < start && end < vma->vm_end && mm->map_count >= MAX_MAP_COUNT)
        return -ENOMEM;
    int err = split_vma_range(mm, &vma, start, end);
    if (err)
        return err;
    zap_page_range(mm, start, end);
    while (vma && vma->vm_end <= end) {
        struct vm_area_struct *next = vma->vm_next;
        unlink_vma(mm, vma);
        vma = next;
    }
    return 0;
}

/* Where a gap before vma ends: its start, less the guard gap under a stack. */
static uintptr_t vm_start_gap(const struct vm_area_struct *vma)
{
    uintptr_t s = vma->vm_start;
    if (vma->vm_flags & VM_GROWSDOWN)
        s = s > STACK_GUARD_GAP ? s - STACK_GUARD_GAP : 0;
    return s;
}

/* The highest address at which len bytes fit in a gap below high; 0 if none. */
static uintptr_t unmapped_area_topdown(struct mm_struct *mm, size_t len, uintptr_t high)
{
    uintptr_t lo = MMAP_MIN_ADDR, best = 0;
    for (struct vm_area_struct *v = mm->mmap;; v = v->vm_next) {
        uintptr_t hi = v ? vm_start_gap(v) : TASK_SIZE;
        if (hi > high)
            hi = high;
        if (hi > lo && hi - lo >= len)
            best = hi - len;                        /* later gaps are higher */
        if (!v || v->vm_end >= high)
            break;
        if (v->vm_end > lo)
            lo = v->vm_end;
    }
    return best;
}

/* Whether [addr, addr + len) is free, with the stack guard gap respected. */
static int range_is_free(struct mm_struct *mm, uintptr_t addr, size_t len)
{
    if (addr < MMAP_MIN_ADDR || addr > TASK_SIZE - len)
        return 0;
    struct vm_area_struct *v = find_vma(mm, addr);
    return !v || addr + len <= vm_start_gap(v);
}

/* brk(addr): Linux semantics. Returns the new break, or the current one when
 * the request is refused (below start_brk, into the next mapping or its guard
 * gap, out of memory). Growing extends the [heap] VMA (or the anonymous VMA
 * just below it, as Linux merges); shrinking unmaps and frees the pages. */
long sys_brk(uintptr_t brk)
{
    struct mm_struct *mm = current->mm;
    uintptr_t origbrk = mm->brk;

    if (brk < mm->start_brk || brk > TASK_SIZE)
        return (long)origbrk;
    uintptr_t newbrk = PAGE_ALIGN(brk), oldbrk = PAGE_ALIGN(mm->brk);
    if (newbrk == oldbrk) {
        mm->brk = brk;
        return (long)brk;
    }
    if (brk <= mm->brk) {                           /* shrink */
        if (do_munmap(mm, newbrk, oldbrk))
            return (long)origbrk;
        mm->brk = brk;
        return (long)brk;
    }
    struct vm_area_struct *next = find_vma(mm, oldbrk);
    if (next && newbrk + PAGE_SIZE > vm_start_gap(next))
        return (long)origbrk;
    struct vm_area_struct *prev = next ? find_vma_prev(mm, next) : NULL;
    if (!next)
        for (prev = mm->mmap; prev && prev->vm_next; prev = prev->vm_next)
            ;
    uint32_t flags = VM_READ | VM_WRITE;
    if (prev && prev->vm_end == oldbrk && !prev->vm_file && prev->vm_flags == flags) {
        prev->vm_end = newbrk;
    } else {
        if (mm->map_count >= MAX_MAP_COUNT ||
            !vma_create(mm, oldbrk, newbrk, flags, NULL, 0, 0))
            return (long)origbrk;
    }
    mm->brk = brk;
    return (long)brk;
}

/* mmap(addr, len, prot, flags, fd, offset): anonymous private mappings only.
 * Checks in Linux's order (ksys_mmap_pgoff, do_mmap, get_unmapped_area):
 *   offset not page-aligned                    EINVAL
 *   no MAP_ANONYMOUS: fd not open (3 and up)   EBADF; the console (0-2) has
 *                     no mmap                  ENODEV (after the checks below)
 *   len 0                                      EINVAL
 *   len rounds past 4 GiB, or no room          ENOMEM
 *   MAP_FIXED: addr + len past TASK_SIZE       ENOMEM; addr unaligned EINVAL;
 *              addr below MMAP_MIN_ADDR        EPERM
 *   MAP_FIXED_NOREPLACE over a mapping         EEXIST
 *   type not MAP_PRIVATE (MAP_SHARED refused: deliberate, see docs)  EINVAL
 *   too many VMAs                              ENOMEM
 * MAP_FIXED replaces what was there. PROT_NONE makes a VMA with no access. */
long sys_mmap(uintptr_t addr, size_t len, int prot, int flags, int fd, uint32_t off)
{
    struct mm_struct *mm = current->mm;

    if (off & (PAGE_SIZE - 1))
        return -EINVAL;
    if (!(flags & MAP_ANONYMOUS) && (fd < 0 || fd > 2))
        return -EBADF;
    if (!len)
        return -EINVAL;
    if (flags & MAP_FIXED_NOREPLACE)
        flags |= MAP_FIXED;
    if (!(flags & MAP_FIXED)) {
        addr &= PAGE_MASK;
        if (addr && addr < MMAP_MIN_ADDR)
            addr = PAGE_ALIGN(MMAP_MIN_ADDR);
    }
    len = PAGE_ALIGN(len);
    if (!len || len > TASK_SIZE - MMAP_MIN_ADDR)
        return -ENOMEM;
    if (flags & MAP_FIXED) {
        if (addr > TASK_SIZE - len)
            return -ENOMEM;
        if (addr & (PAGE_SIZE - 1))
            return -EINVAL;
        if (addr < MMAP_MIN_ADDR)
            return -EPERM;
    } else if (!addr || !range_is_free(mm, addr, len)) {
        addr = unmapped_area_topdown(mm, len, MMAP_BASE);
        if (!addr)
            addr = unmapped_area_topdown(mm, len, TASK_SIZE);
        if (!addr)
            return -ENOMEM;
    }
    if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
        return -EEXIST;
    if (!(flags & MAP_ANONYMOUS))
        return -ENODEV;
    if ((flags & MAP_TYPE) != MAP_PRIVATE)
        return -EINVAL;
    if (mm->map_count >= MAX_MAP_COUNT)
        return -ENOMEM;
    if (flags & MAP_FIXED) {
        int err = do_munmap(mm, addr, addr + len);
        if (err)
            return err;
    }
    uint32_t vm_flags = ((prot & PROT_READ) ? VM_READ : 0) |
                        ((prot & PROT_WRITE) ? VM_WRITE : 0) |
                        ((prot & PROT_EXEC) ? VM_EXEC : 0);
    struct vm_area_struct *vma = vma_create(mm, addr, addr + len, vm_flags, NULL, 0, 0);
    if (!vma)
        return -ENOMEM;
    vma_merge_neighbours(mm, vma);
    return (long)addr;
}

/* munmap(addr, len): EINVAL if addr is unaligned, the range leaves user space
 * or len is 0; unmapping a range with nothing mapped succeeds. ENOMEM if a
 * split would exceed MAX_MAP_COUNT. */
long sys_munmap(uintptr_t addr, size_t len)
{
    if ((addr & (PAGE_SIZE - 1)) || addr > TASK_SIZE || len > TASK_SIZE - addr)
        return -EINVAL;
    len = PAGE_ALIGN(len);
    if (!len)
        return -EINVAL;
    return do_munmap(current->mm, addr, addr + len);
}
