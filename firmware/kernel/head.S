/* head.S — S-mode kernel entry: from physical addresses to the higher half.
 *
 * The M layer mrets here (KERNEL_ENTRY_PA) with satp = 0, a0 = hartid and
 * a1 = the RAM size in bytes. This code is linked at PAGE_OFFSET + ... but runs
 * at its physical address, so it uses only pc-relative addressing (la under
 * medany = auipc) until the jump. It clears .bss, maps the megapage holding the
 * image twice in early_pg_dir (identity at RAM_BASE and at PAGE_OFFSET: all
 * that runs before paging_init touches only the image), turns paging on, jumps
 * to the high alias, sets gp, sp, stvec and calls start_kernel(ram_size),
 * which maps the RAM that exists in the final page table.
 */
#include "arch.h"
#include "memlayout.h"

#define KPTE (BIT_V | BIT_R | BIT_W | BIT_X | BIT_G | BIT_A | BIT_D)
#define BIT_V (1 << PTE_V)
#define BIT_R (1 << PTE_R)
#define BIT_W (1 << PTE_W)
#define BIT_X (1 << PTE_X)
#define BIT_G (1 << PTE_G)
#define BIT_A (1 << PTE_A)
#define BIT_D (1 << PTE_D)

        .section .text.head, "ax", @progbits
        .globl  _start
_start:
        csrw    CSR_SIE, zero
        la      t0, _bss_start                  /* physical (pc-relative) */
        la      t1, _bss_end
1:      bgeu    t0, t1, 2f
        sw      zero, 0(t0)
        addi    t0, t0, 4
        j       1b
2:
        /* early_pg_dir[VPN1(RAM_BASE)] = early_pg_dir[VPN1(PAGE_OFFSET)]
         *   = the megapage at RAM_BASE (paging.c checks the image fits in it) */
        mv      s1, a1                          /* RAM size, for start_kernel */
        la      t0, early_pg_dir
        li      t1, RAM_BASE >> PAGE_SHIFT      /* PPN of the first megapage */
        slli    t1, t1, PTE_PPN_LO
        ori     t1, t1, KPTE
        li      t4, (RAM_BASE >> MEGAPAGE_SHIFT) * 4
        add     t4, t0, t4
        sw      t1, 0(t4)
        li      t5, (PAGE_OFFSET >> MEGAPAGE_SHIFT) * 4
        add     t5, t0, t5
        sw      t1, 0(t5)

        srli    t0, t0, PAGE_SHIFT
        li      t1, 1 << SATP_MODE_BIT          /* Sv32, ASID 0 */
        or      t0, t0, t1
        sfence.vma
        csrw    CSR_SATP, t0
        sfence.vma

        lui     t0, %hi(4f)                     /* absolute: the high alias */
        addi    t0, t0, %lo(4f)
        jr      t0
4:
.option push
.option norelax
        la      gp, __global_pointer$
.option pop
        la      sp, init_stack_top
        csrw    CSR_SSCRATCH, zero              /* running in S */
        la      t0, handle_exception
        csrw    CSR_STVEC, t0
        mv      a0, s1
        call    start_kernel
5:      j       5b

        .section .bss.page_aligned, "aw", @nobits
        .balign 4096
        .globl  early_pg_dir, init_stack_top
early_pg_dir:
        .space  4096
init_stack:
        .space  8192
init_stack_top:
