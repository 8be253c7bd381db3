/* asid.c — address-space identifiers with generations (the scheme of Linux's
 * arm64/riscv ASID allocators, reduced to one hart).
 *
 * The hardware has asid_bits ASID bits (found at boot by writing all ones to
 * satp.ASID and reading back; the core has 9, QEMU 9). ASID 0 is the kernel's
 * (swapper_pg_dir, global mappings only). Each mm holds an ASID and the
 * generation it was handed out in. switch_mm keeps an mm's ASID while its
 * generation is current, so a context switch never flushes the TLB. When the
 * ASIDs of a generation run out, a new generation starts: one full TLB flush,
 * and every mm gets a fresh ASID the next time it is switched in (an old mm
 * cannot run with a stale ASID, because switch_mm checks the generation first).
 */
#include "kernel.h"
#include "sched.h"

uint32_t asid_bits;
static uint32_t asid_max;               /* highest ASID */
static uint32_t asid_gen = 1;           /* current generation; mm->asid_gen 0 = none */
static uint32_t asid_next = 1;
uint32_t asid_rollovers;                /* generations started after the first */

void asid_init(void)
{
    uint32_t satp = csr_read(CSR_SATP);
    csr_write(CSR_SATP, satp | (((1u << SATP_ASID_BITS) - 1) << SATP_ASID_LO));
    uint32_t asids = (csr_read(CSR_SATP) >> SATP_ASID_LO) & ((1u << SATP_ASID_BITS) - 1);
    csr_write(CSR_SATP, satp);
    local_flush_tlb_all();
    asid_max = asids;
    asid_bits = 0;
    while (asids >> asid_bits)
        asid_bits++;
}

static void new_context(struct mm_struct *mm)
{
    if (asid_max == 0) {                /* no ASIDs: flush on every switch */
        mm->asid = 0;
        mm->asid_gen = asid_gen;
        return;
    }
    if (asid_next > asid_max) {
        asid_gen++;
        asid_next = 1;
        asid_rollovers++;
        local_flush_tlb_all();
    }
    mm->asid = asid_next++;
    mm->asid_gen = asid_gen;
}

/* Loads satp for mm (NULL: the kernel's own table, between tasks). */
void switch_mm(struct mm_struct *mm)
{
    if (!mm) {
        csr_write(CSR_SATP, MAKE_SATP(__pa(swapper_pg_dir), 0));
        return;
    }
    if (mm->asid_gen != asid_gen)
        new_context(mm);
    csr_write(CSR_SATP, MAKE_SATP(__pa(mm->pgd), mm->asid));
    if (asid_max == 0)
        local_flush_tlb_all();
}
