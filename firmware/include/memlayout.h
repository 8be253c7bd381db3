/* memlayout.h — the kernel's address spaces, and __pa/__va (the only place
 * where virtual and physical kernel addresses are converted).
 *
 *   0x0000_0000 - 0xBFFF_FFFF  user space (3 GiB): program at 0x10000, heap above it;
 *                              the stack tops at USTACK_TOP and grows down to USTACK_MAX;
 *                              mmap places mappings top-down from MMAP_BASE, below the
 *                              stack limit and a STACK_GUARD_GAP
 *   0xC000_0000 - 0xEFFF_FFFF  all RAM (up to LOWMEM_MAX), direct-mapped with 4 MiB
 *                              megapages (lowmem): va = pa - RAM_BASE + PAGE_OFFSET
 *                              except the megapage(s) holding the kernel image, which
 *                              are split into 4 KiB pages: text r-x, rodata r--,
 *                              data/bss rw- (W^X), the M layer not mapped
 *   0xF000_0000 - 0xF07F_FFFF  vmalloc window (VMALLOC_START/END, 8 MiB): virtually
 *                              contiguous kernel allocations from scattered frames;
 *                              two level-0 tables in .bss shared by every pgd
 *   0xFE00_0000 - 0xFEBF_FFFF  devices, one megapage each (IO_UART, IO_FINISHER, IO_CLINT)
 *
 * Physical RAM: from RAM_BASE the M-mode layer (PMP-closed to S/U; a power-of-two
 * region, firmware.ld), then the kernel image, then the boot allocations
 * (memblock.c: mem_map), then free frames up to PFN_PHYS(max_pfn). The RAM size
 * is not a build constant: the M layer finds it at boot and passes it in a1
 * (m/memsize.c); memblock_init() records it, clamped to LOWMEM_MAX.
 */
#ifndef FW_MEMLAYOUT_H
#define FW_MEMLAYOUT_H

#include "arch.h"

#ifdef __ASSEMBLER__
#define _U(x) x
#else
#define _U(x) x##u
#endif

#define PAGE_OFFSET   _U(0xC0000000)
#define PAGE_SIZE     (_U(1) << PAGE_SHIFT)
#define MEGAPAGE_SIZE (_U(1) << MEGAPAGE_SHIFT)

#define IO_BASE       _U(0xFE000000)
#define IO_UART       (IO_BASE + (UART_BASE & (MEGAPAGE_SIZE - 1)))
#define IO_FINISHER   (IO_BASE + 1 * MEGAPAGE_SIZE + (FINISHER_BASE & (MEGAPAGE_SIZE - 1)))
#define IO_CLINT      (IO_BASE + 2 * MEGAPAGE_SIZE + (CLINT_BASE & (MEGAPAGE_SIZE - 1)))

#define VMALLOC_START _U(0xF0000000)
#define LOWMEM_MAX    (VMALLOC_START - PAGE_OFFSET)  /* RAM the direct map can hold: 768 MiB */
#define VMALLOC_SHIFT 23                        /* the window is 8 MiB, 8 MiB-aligned */
#define VMALLOC_END   (VMALLOC_START + (_U(1) << VMALLOC_SHIFT))
#define KSTACK_SHIFT  PAGE_SHIFT                /* kernel stacks: 4 KiB, 8 KiB-aligned */

#define TASK_SIZE     PAGE_OFFSET               /* user addresses are below */
#define USTACK_TOP    (TASK_SIZE - PAGE_SIZE)   /* one unmapped page under the kernel */
#define USTACK_INIT   PAGE_SIZE                 /* first stack VMA: argv and the first frame */
#define USTACK_MAX    (_U(256) * 1024)          /* the stack grows on faults up to this size */
#define STACK_GUARD_GAP (_U(1024) * 1024)       /* kept free below the stack limit (Linux: 256 pages) */
#define MMAP_BASE     (USTACK_TOP - USTACK_MAX - STACK_GUARD_GAP)  /* top-down mmap starts here */

#ifndef __ASSEMBLER__
#include <stdint.h>
typedef uint32_t phys_addr_t;

/* Kernel direct-map virtual address <-> physical address (lowmem only). */
#define __pa(x)  ((phys_addr_t)((uintptr_t)(x) - PAGE_OFFSET + RAM_BASE))
#define __va(x)  ((void *)((uintptr_t)(x) - RAM_BASE + PAGE_OFFSET))
#define PFN_DOWN(pa)  ((uint32_t)(pa) >> PAGE_SHIFT)
#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PAGE_ALIGN(x) (((uintptr_t)(x) + PAGE_SIZE - 1) & ~(uintptr_t)(PAGE_SIZE - 1))
#define PAGE_MASK     (~(uintptr_t)(PAGE_SIZE - 1))

/* One past the last RAM frame, and the RAM's end (memblock.c, from the size the
 * M layer found). */
extern uint32_t max_pfn;
#define RAM_END       PFN_PHYS(max_pfn)
#endif
#endif
