/* rmap.c — the reverse map: from a user frame to every PTE that maps it.
 *
 * Each user frame (PG_anon, PG_file) carries a list of rmap_items, one per
 * mapping: (mm, user address). The PTE is found again by walking mm->pgd at
 * that address, so VMA splits and merges need no update. This is the shape
 * part 2 needs: copy-on-write fork adds a second item to a shared frame, and
 * swap-out walks the list to replace each PTE with a swap entry (rmap_walk).
 *
 * Entries are added when a fault installs a PTE (fault.c) and removed when a
 * PTE is cleared (mmap.c: munmap, brk shrink, MAP_FIXED replacement, exit).
 * put_page() refuses to free a frame whose list is not empty.
 *
 * rmap_check_mm() checks both directions for one address space (every frame
 * PTE has exactly one item; every item of this mm points at a PTE that maps
 * that frame); sys_mm_check exposes it to user tests.
 */
#include "kernel.h"
#include "sched.h"

int page_add_rmap(struct page *pg, struct mm_struct *mm, uintptr_t addr)
{
    struct rmap_item *it = kmalloc(sizeof *it);
    if (!it)
        return -ENOMEM;
    it->mm = mm;
    it->addr = addr & PAGE_MASK;
    it->next = pg->rmap;
    pg->rmap = it;
    return 0;
}

void page_remove_rmap(struct page *pg, struct mm_struct *mm, uintptr_t addr)
{
    addr &= PAGE_MASK;
    for (struct rmap_item **pp = &pg->rmap; *pp; pp = &(*pp)->next)
        if ((*pp)->mm == mm && (*pp)->addr == addr) {
            struct rmap_item *it = *pp;
            *pp = it->next;
            kfree(it);
            return;
        }
    panic("page_remove_rmap: pfn 0x%x not mapped at 0x%08x", (unsigned)page_to_pfn(pg),
          (unsigned)addr);
}

int page_mapcount(const struct page *pg)
{
    int n = 0;
    for (const struct rmap_item *it = pg->rmap; it; it = it->next)
        n++;
    return n;
}

int rmap_walk(struct page *pg, int (*fn)(struct page *pg, struct mm_struct *mm,
                                         uintptr_t addr, pte_t *pte, void *arg), void *arg)
{
    for (struct rmap_item *it = pg->rmap, *next; it; it = next) {
        next = it->next;                            /* fn may remove it */
        int r = fn(pg, it->mm, it->addr, pte_lookup(it->mm->pgd, it->addr, 0), arg);
        if (r)
            return r;
    }
    return 0;
}

/* rmap_walk callback: the PTE must exist and hold this frame. */
static int rmap_pte_matches(struct page *pg, struct mm_struct *mm, uintptr_t addr,
                            pte_t *pte, void *arg)
{
    struct mm_struct *want = arg;
    if (mm != want)
        return 0;
    if (!pte || !pte_has_page(*pte) || pfn_to_page(pte_pfn(*pte)) != pg) {
        printk("rmap: pfn 0x%x item (asid %lu, 0x%08x) has no matching PTE\n",
               (unsigned)page_to_pfn(pg), mm->asid, (unsigned)addr);
        return -EIO;
    }
    return 0;
}

static int count_items(const struct page *pg, const struct mm_struct *mm, uintptr_t addr)
{
    int n = 0;
    for (const struct rmap_item *it = pg->rmap; it; it = it->next)
        if (it->mm == mm && (addr == (uintptr_t)-1 || it->addr == addr))
            n++;
    return n;
}

/* Checks mm's PTEs against the reverse map in both directions and rss.
 * Returns the number of frame-holding PTEs, or -EIO (details on the console). */
int rmap_check_mm(struct mm_struct *mm)
{
    int ptes = 0;
    for (struct vm_area_struct *v = mm->mmap; v; v = v->vm_next)
        for (uintptr_t a = v->vm_start; a < v->vm_end; a += PAGE_SIZE) {
            pte_t *pte = pte_lookup(mm->pgd, a, 0);
            if (!pte) {                         /* no level-0 table: skip to the next 4 MiB */
                uintptr_t next = (a & ~(uintptr_t)(MEGAPAGE_SIZE - 1)) + MEGAPAGE_SIZE;
                if (next <= a)
                    break;
                a = next - PAGE_SIZE;
                continue;
            }
            if (!pte_has_page(*pte))
                continue;
            struct page *pg = pfn_to_page(pte_pfn(*pte));
            if (!(pg->flags & (PG_anon | PG_file)) || count_items(pg, mm, a) != 1) {
                printk("rmap: PTE 0x%08x at 0x%08x: frame flags 0x%x, %d items\n",
                       (unsigned)*pte, (unsigned)a, pg->flags, count_items(pg, mm, a));
                return -EIO;
            }
            if (rmap_walk(pg, rmap_pte_matches, mm))
                return -EIO;
            ptes++;
        }
    /* no item of this mm may point outside its PTEs: count them all */
    int items = 0;
    for (uint32_t i = 0; i < mem_stats.total; i++)
        if (mem_map[i].flags & (PG_anon | PG_file))
            items += count_items(&mem_map[i], mm, (uintptr_t)-1);
    if (items != ptes || (uint32_t)ptes != mm->rss) {
        printk("rmap: asid %lu: %d PTEs, %d rmap items, rss %lu\n", mm->asid, ptes, items,
               mm->rss);
        return -EIO;
    }
    return ptes;
}

/* mm_check(pid): rmap_check_mm on the caller's (pid 0) or pid's address space. */
long sys_mm_check(int pid)
{
    struct task_struct *t = pid == 0 ? current : find_task_by_pid(pid);
    if (!t || !t->mm || t->state == TASK_ZOMBIE)
        return -ESRCH;
    return rmap_check_mm(t->mm);
}
