/* elf.c — builds a process image from an embedded ELF: VMAs only, no copying.
 *
 * Each PT_LOAD becomes a file-backed VMA from its page-aligned vaddr to the end
 * of its file bytes (pages filled on first touch: major faults), plus an
 * anonymous VMA for the rest of p_memsz (.bss past the last file page: minor
 * faults). The heap (start_brk = brk) begins after the highest segment.
 */
#include "kernel.h"
#include "sched.h"

#define ET_EXEC  2
#define EM_RISCV 243
#define PT_LOAD  1
#define PF_X 1
#define PF_W 2
#define PF_R 4

struct elf32_ehdr {
    uint8_t  e_ident[16];
    uint16_t e_type, e_machine;
    uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
    uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};
struct elf32_phdr {
    uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

/* Whether [a, a + n) fits in [0, limit), without wrapping. */
static int range_ok(uint32_t a, uint32_t n, uint32_t limit)
{
    return a <= limit && n <= limit - a;
}

/* Fills mm from img; the entry point goes to *entry. 0, -EINVAL for a malformed
 * image (spawn reports it as -ENOEXEC) or -ENOMEM. The image must be a 32-bit
 * little-endian RISC-V ET_EXEC whose program headers, and every PT_LOAD's file
 * bytes, lie inside it; each PT_LOAD must have p_filesz <= p_memsz, vaddr and
 * offset equal modulo the page size, and lie in [MMAP_MIN_ADDR, TASK_SIZE)
 * without sharing a page with another; there must be at least one, and
 * e_entry must be inside an executable one. Every sum is checked for wrap-around. */
int load_elf_binary(struct mm_struct *mm, const struct binimage *img, uintptr_t *entry)
{
    const struct elf32_ehdr *eh = (const void *)img->data;
    int loads = 0, entry_ok = 0;

    if (img->size < sizeof *eh || memcmp(eh->e_ident, "\177ELF\1\1", 6) ||
        eh->e_type != ET_EXEC || eh->e_machine != EM_RISCV ||
        eh->e_phentsize != sizeof(struct elf32_phdr) || (eh->e_phoff & 3) ||
        !range_ok(eh->e_phoff, eh->e_phnum * sizeof(struct elf32_phdr), img->size))
        return -EINVAL;
    const struct elf32_phdr *ph = (const void *)(img->data + eh->e_phoff);
    for (int i = 0; i < eh->e_phnum; i++, ph++) {
        if (ph->p_type != PT_LOAD || !ph->p_memsz)
            continue;
        if ((ph->p_vaddr ^ ph->p_offset) & (PAGE_SIZE - 1) ||
            !range_ok(ph->p_offset, ph->p_filesz, img->size) || ph->p_filesz > ph->p_memsz ||
            ph->p_vaddr < MMAP_MIN_ADDR || !range_ok(ph->p_vaddr, ph->p_memsz, TASK_SIZE) ||
            find_vma_intersection(mm, ph->p_vaddr & PAGE_MASK,
                                  PAGE_ALIGN(ph->p_vaddr + ph->p_memsz)))
            return -EINVAL;
        loads++;
        if ((ph->p_flags & PF_X) && eh->e_entry - ph->p_vaddr < ph->p_memsz)
            entry_ok = 1;
        uint32_t fl = ((ph->p_flags & PF_R) ? VM_READ : 0) |
                      ((ph->p_flags & PF_W) ? VM_WRITE : 0) |
                      ((ph->p_flags & PF_X) ? VM_EXEC : 0);
        uintptr_t start = ph->p_vaddr & PAGE_MASK;
        uintptr_t fend = ph->p_vaddr + ph->p_filesz;
        /* a segment with no file bytes (only .bss) is all anonymous from start */
        uintptr_t fmapend = ph->p_filesz ? PAGE_ALIGN(fend) : start;
        uintptr_t end = PAGE_ALIGN(ph->p_vaddr + ph->p_memsz);
        if (ph->p_filesz &&
            !vma_create(mm, start, fmapend, fl, img, ph->p_offset >> PAGE_SHIFT, fend))
            return -ENOMEM;
        if (end > fmapend && !vma_create(mm, ph->p_filesz ? fmapend : start, end, fl,
                                         NULL, 0, 0))
            return -ENOMEM;
        if (fl & VM_EXEC) {
            mm->start_code = ph->p_vaddr;
            mm->end_code = ph->p_vaddr + ph->p_memsz;
        } else if (fl & VM_WRITE) {
            mm->start_data = ph->p_vaddr;
            mm->end_data = fend;
        }
        if (end > mm->start_brk)
            mm->start_brk = mm->brk = end;
    }
    if (!loads || !entry_ok)
        return -EINVAL;
    *entry = eh->e_entry;
    return 0;
}
