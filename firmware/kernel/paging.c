/* paging.c — the kernel page table (swapper_pg_dir) and page-table walks.
 *
 * paging_init() replaces head.S's early table: the RAM that exists (RAM_END,
 * memblock.c) direct-mapped at PAGE_OFFSET with global megapages, the devices
 * at IO_BASE (one megapage each), the vmalloc window's two level-0 tables
 * (vmalloc.c), nothing below PAGE_OFFSET (user space). Every process pgd
 * copies the kernel half (entries PGD_INDEX(PAGE_OFFSET)..1023), which never
 * changes after boot: level-0 tables below it are shared.
 *
 * W^X: the megapage holding the kernel image is split into 4 KiB pages through
 * kimage_pt: the M layer unmapped, text [_text, _etext) r-x, rodata
 * [_etext, _erodata) r--, data and bss [_erodata, _end) and the frames after
 * the image rw-, up to RAM_END (a small RAM maps no frame it does not have).
 * The rest of RAM is 4 MiB rw- megapages (no X: the kernel runs no code
 * outside its text); a RAM that ends inside a megapage still gets the whole
 * megapage (nothing is allocated there, so it is never touched).
 */
#include "kernel.h"
#include "mm.h"

pte_t swapper_pg_dir[PTRS_PER_PT] __attribute__((aligned(4096), section(".bss.page_aligned")));
static pte_t kimage_pt[PTRS_PER_PT] __attribute__((aligned(4096), section(".bss.page_aligned")));


static void map_megapage(pgd_t pgd, uintptr_t va, phys_addr_t pa, uint32_t prot)
{
    if ((va | pa) & (MEGAPAGE_SIZE - 1))
        panic("map_megapage: misaligned va 0x%08x pa 0x%08x", (unsigned)va, (unsigned)pa);
    pgd[PGD_INDEX(va)] = pfn_pte(PFN_DOWN(pa), prot);
}

/* The kernel image's megapage as 4 KiB pages with W^X permissions. */
static void map_kernel_image(void)
{
    extern char _text[], _etext[], _erodata[], _end[];
    uintptr_t base = PAGE_OFFSET;           /* the megapage at RAM_BASE */

    if ((uintptr_t)_end > base + MEGAPAGE_SIZE)
        panic("paging_init: kernel image ends at 0x%08x, past its first megapage",
              (unsigned)(uintptr_t)_end);
    for (uint32_t i = 0; i < PTRS_PER_PT; i++) {
        uintptr_t va = base + i * PAGE_SIZE;
        uint32_t prot = va < (uintptr_t)_text || __pa(va) >= RAM_END ? 0
                      : va < (uintptr_t)_etext ? PAGE_KERNEL_RX
                      : va < (uintptr_t)_erodata ? PAGE_KERNEL_RO : PAGE_KERNEL_RW;
        kimage_pt[i] = prot ? pfn_pte(PFN_DOWN(__pa(va)), prot) : 0;
    }
    swapper_pg_dir[PGD_INDEX(base)] = pfn_pte(PFN_DOWN(__pa(kimage_pt)), _PAGE_V);
}

void paging_init(void)
{
    map_kernel_image();
    for (phys_addr_t pa = RAM_BASE + MEGAPAGE_SIZE; pa < RAM_END; pa += MEGAPAGE_SIZE)
        map_megapage(swapper_pg_dir, (uintptr_t)__va(pa), pa, PAGE_KERNEL_RW);
    vmalloc_init();
    map_megapage(swapper_pg_dir, IO_UART & ~(MEGAPAGE_SIZE - 1),
                 UART_BASE & ~(MEGAPAGE_SIZE - 1), PAGE_KERNEL_IO);
    map_megapage(swapper_pg_dir, IO_FINISHER & ~(MEGAPAGE_SIZE - 1),
                 FINISHER_BASE & ~(MEGAPAGE_SIZE - 1), PAGE_KERNEL_IO);
    map_megapage(swapper_pg_dir, IO_CLINT & ~(MEGAPAGE_SIZE - 1),
                 CLINT_BASE & ~(MEGAPAGE_SIZE - 1), PAGE_KERNEL_IO);
    csr_write(CSR_SATP, MAKE_SATP(__pa(swapper_pg_dir), 0));
    local_flush_tlb_all();
}

/* Returns the level-0 PTE slot for user address va in pgd, allocating the
 * level-0 table when alloc is set; NULL if there is none (or no memory), or if
 * va lies in a megapage (kernel space). */
pte_t *pte_lookup(pgd_t pgd, uintptr_t va, int alloc)
{
    pte_t *pde = &pgd[PGD_INDEX(va)];

    if (!pte_present(*pde)) {
        if (!alloc)
            return NULL;
        struct page *pg = alloc_page(PG_pgtable);
        if (!pg)
            return NULL;
        *pde = pfn_pte(page_to_pfn(pg), _PAGE_V);
    } else if (pte_leaf(*pde)) {
        return NULL;
    }
    return (pte_t *)__va(pte_phys(*pde)) + PTE_INDEX(va);
}

/* A new root: empty user half, the kernel half copied from swapper_pg_dir. */
pgd_t pgd_alloc(void)
{
    pgd_t pgd = get_zeroed_page(PG_pgtable);
    if (!pgd)
        return NULL;
    for (uint32_t i = PGD_INDEX(PAGE_OFFSET); i < PTRS_PER_PT; i++)
        pgd[i] = swapper_pg_dir[i];
    return pgd;
}

/* Frees the level-0 tables of the user half and the root (the frames they map
 * must have been released already: mmput). */
void pgd_free(pgd_t pgd)
{
    for (uint32_t i = 0; i < PGD_INDEX(PAGE_OFFSET); i++)
        if (pte_present(pgd[i]) && !pte_leaf(pgd[i]))
            put_page(pfn_to_page(pte_pfn(pgd[i])));
    free_page(pgd);
}
