/* pgtable.h — Sv32 page-table entries and the walk helpers (paging.c).
 *
 * Encodings: a PTE with V=1 maps a frame (bits from arch.h). A PTE with V=0 and
 * value 0 is "none" (never touched: the fault path asks the VMA). Non-zero
 * V=0 encodings: G set (_PAGE_PROT_NONE, never set in a user PTE otherwise) is a
 * frame kept under PROT_NONE: the PPN and A/D stay, the hardware sees an invalid
 * PTE (Linux riscv uses the same bit). The other non-zero V=0 encodings (G clear)
 * are reserved for part 2's swap entries (type/offset in bits 31:6, 4:1).
 */
#ifndef FW_PGTABLE_H
#define FW_PGTABLE_H

#include <stdint.h>
#include "memlayout.h"
#include "riscv.h"

typedef uint32_t pte_t;
typedef pte_t *pgd_t;                      /* a root table: 1024 PTEs, one page */

#define _PAGE_V  BIT(PTE_V)
#define _PAGE_R  BIT(PTE_R)
#define _PAGE_W  BIT(PTE_W)
#define _PAGE_X  BIT(PTE_X)
#define _PAGE_U  BIT(PTE_U)
#define _PAGE_G  BIT(PTE_G)
#define _PAGE_A  BIT(PTE_A)
#define _PAGE_D  BIT(PTE_D)
#define _PAGE_LEAF (_PAGE_R | _PAGE_W | _PAGE_X)
#define PAGE_KERNEL_RX (_PAGE_V | _PAGE_R | _PAGE_X | _PAGE_G | _PAGE_A)           /* text */
#define PAGE_KERNEL_RO (_PAGE_V | _PAGE_R | _PAGE_G | _PAGE_A)                     /* rodata */
#define PAGE_KERNEL_RW (_PAGE_V | _PAGE_R | _PAGE_W | _PAGE_G | _PAGE_A | _PAGE_D) /* data, RAM */
#define PAGE_KERNEL_IO (_PAGE_V | _PAGE_R | _PAGE_W | _PAGE_G | _PAGE_A | _PAGE_D)
#define PTRS_PER_PT    1024

#define PGD_INDEX(va)  ((uint32_t)(va) >> MEGAPAGE_SHIFT)
#define PTE_INDEX(va)  (((uint32_t)(va) >> PAGE_SHIFT) & (PTRS_PER_PT - 1))
#define _PAGE_PROT_NONE _PAGE_G
#define pte_present(p) ((p) & _PAGE_V)
#define pte_protnone(p) (((p) & (_PAGE_V | _PAGE_PROT_NONE)) == _PAGE_PROT_NONE)
#define pte_has_page(p) (pte_present(p) || pte_protnone(p))   /* holds a frame */
#define pte_none(p)    ((p) == 0)
#define pte_leaf(p)    ((p) & _PAGE_LEAF)
#define pte_pfn(p)     ((uint32_t)(p) >> PTE_PPN_LO)
#define pte_phys(p)    PFN_PHYS(pte_pfn(p))
#define pfn_pte(pfn, prot) (((uint32_t)(pfn) << PTE_PPN_LO) | (prot))

extern pte_t swapper_pg_dir[PTRS_PER_PT];

void paging_init(void);
pte_t *pte_lookup(pgd_t pgd, uintptr_t va, int alloc);
pgd_t pgd_alloc(void);
void pgd_free(pgd_t pgd);
#endif
