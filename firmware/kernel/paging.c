/* paging.c — the kernel page table (swapper_pg_dir) and page-table walks.
 *
 * paging_init() replaces head.S's early table: RAM direct-mapped at PAGE_OFFSET
 * with global megapages, the devices at IO_BASE (one megapage each), nothing
 * below PAGE_OFFSET (user space). Every process pgd copies the kernel half
 * (entries PGD_INDEX(PAGE_OFFSET)..1023), which never changes after boot.
 */
#include "kernel.h"
#include "mm.h"

pte_t swapper_pg_dir[PTRS_PER_PT] __attribute__((aligned(4096), section(".bss.page_aligned")));

static void map_megapage(pgd_t pgd, uintptr_t va, phys_addr_t pa, uint32_t prot)
{
    if ((va | pa) & (MEGAPAGE_SIZE - 1))
        panic("map_megapage: misaligned va 0x%08x pa 0x%08x", (unsigned)va, (unsigned)pa);
    pgd[PGD_INDEX(va)] = pfn_pte(PFN_DOWN(pa), prot);
}

void paging_init(void)
{
    for (phys_addr_t pa = RAM_BASE; pa < RAM_END; pa += MEGAPAGE_SIZE)
        map_megapage(swapper_pg_dir, (uintptr_t)__va(pa), pa, PAGE_KERNEL);
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
