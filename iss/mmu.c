/* mmu.c — the ISS's memory path: software TLB, translation through sv32.c, physical
 * RAM and device accesses (PMA rules of docs/platform.md), HTIF store detection.
 *
 * The exec loop tries the TLB inline and calls these slow paths on a miss. Each
 * slow path translates (sv32_translate walks every time), applies PMA rules and,
 * when the whole 4 KiB page is RAM with a uniform PMP verdict, fills the TLB.
 * mmu_flush() empties the TLB; it is called on every event that can change a
 * translation result: sfence.vma, satp, privilege or mstatus SUM/MXR/MPRV/MPP
 * changes, PMP CSR writes, menvcfgh.ADUE writes.
 */
#include <string.h>

#include "iss_priv.h"

void mmu_flush(iss_t *s)
{
    memset(s->tlb_x, 0xFF, sizeof s->tlb_x);
    memset(s->tlb_r, 0xFF, sizeof s->tlb_r);
    memset(s->tlb_w, 0xFF, sizeof s->tlb_w);
}

/* Memory view for the page walker: RAM only. */
static bool walk_read32(void *ctx, uint64_t pa, uint32_t *val)
{
    iss_t *s = ctx;
    if (!dev_in_ram(&s->dev, pa, 4))
        return false;
    memcpy(val, s->dev.ram + (pa - RAM_BASE), 4);
    return true;
}

static bool walk_write32(void *ctx, uint64_t pa, uint32_t val)
{
    iss_t *s = ctx;
    if (!dev_in_ram(&s->dev, pa, 4))
        return false;
    memcpy(s->dev.ram + (pa - RAM_BASE), &val, 4);
    return true;
}

/* Translate va; on success *pa is the physical address and, when the page may be
 * cached, the TLB of this access kind is filled. Returns EXC_NONE or the cause. */
static uint32_t translate(iss_t *s, uint32_t va, sv32_access_t acc, uint32_t *pa)
{
    sv32_cfg_t cfg = {
        .satp = s->satp,
        .priv = acc == SV32_FETCH ? s->priv : s->ls_priv,
        .sum = s->mstatus & BIT(MSTATUS_SUM),
        .mxr = s->mstatus & BIT(MSTATUS_MXR),
        .adue = s->menvcfgh & BIT(MENVCFGH_ADUE),
        .pmp = &s->pmp,
    };
    const sv32_mem_t mem = { walk_read32, walk_write32, s };
    sv32_result_t res;
    if (sv32_translate(&cfg, &mem, va, acc, &res) >= 0)
        return (uint32_t)res.cause;
    *pa = (uint32_t)res.paddr;

    uint32_t ppage = *pa & ~0xFFFu;
    if (!dev_in_ram(&s->dev, ppage, 4096))
        return EXC_NONE;
    unsigned need = acc == SV32_FETCH ? PMP_PERM_X : acc == SV32_LOAD ? PMP_PERM_R
                  : PMP_PERM_R | PMP_PERM_W;
    int perms = pmp_page_perms(&s->pmp, ppage, cfg.priv);
    if (perms < 0 || ((unsigned)perms & need) != need)
        return EXC_NONE;
    /* Stores to the HTIF page must reach htif_store_hook(): never cache them. */
    if (acc != SV32_FETCH && acc != SV32_LOAD && s->tohost &&
        ((s->tohost ^ ppage) & ~0xFFFu) == 0)
        return EXC_NONE;
    tlb_ent_t *tlb = acc == SV32_FETCH ? s->tlb_x : acc == SV32_LOAD ? s->tlb_r : s->tlb_w;
    tlb_ent_t *e = &tlb[(va >> PAGE_SHIFT) & (TLB_SIZE - 1)];
    e->tag = va >> PAGE_SHIFT;
    e->ppage = ppage;
    e->addend = (uintptr_t)(s->dev.ram + (ppage - RAM_BASE)) - (uintptr_t)(va & ~0xFFFu);
    return EXC_NONE;
}

static void rec_mem(iss_t *s, uint32_t va, uint32_t pa)
{
    if (s->rec) {
        s->rec->mem_addr = va;
        s->rec->mem_paddr = pa;
    }
}

uint32_t mmu_fetch(iss_t *s, uint32_t va, uint32_t *insn)
{
    uint32_t pa, c = translate(s, va, SV32_FETCH, &pa);
    if (c != EXC_NONE)
        return c;
    if (!dev_in_ram(&s->dev, pa, 4))
        return CAUSE_FETCH_ACCESS;          /* fetches from RAM only */
    memcpy(insn, s->dev.ram + (pa - RAM_BASE), 4);
    return EXC_NONE;
}

uint32_t mmu_load(iss_t *s, uint32_t va, unsigned size, uint32_t *val)
{
    uint32_t pa, c = translate(s, va, SV32_LOAD, &pa);
    if (c != EXC_NONE)
        return c;
    rec_mem(s, va, pa);
    if (dev_in_ram(&s->dev, pa, size)) {
        uint32_t v = 0;
        memcpy(&v, s->dev.ram + (pa - RAM_BASE), size);
        *val = v;
        return EXC_NONE;
    }
    counters_sync(s);                       /* CLINT reads the current mtime */
    if (!dev_mmio_load(&s->dev, pa, size, val))
        return CAUSE_LOAD_ACCESS;
    if (s->mmio_ovr_valid) {
        *val = s->mmio_ovr;
        s->mmio_ovr_valid = false;
    }
    batch_break(s);                         /* an RBR read changes the UART interrupt */
    return EXC_NONE;
}

uint32_t mmu_store(iss_t *s, uint32_t va, unsigned size, uint32_t val)
{
    uint32_t pa, c = translate(s, va, SV32_STORE, &pa);
    if (c != EXC_NONE)
        return c;
    rec_mem(s, va, pa);
    if (dev_in_ram(&s->dev, pa, size)) {
        memcpy(s->dev.ram + (pa - RAM_BASE), &val, size);
        if (s->tohost && pa - s->tohost < 8)
            htif_store_hook(s, pa);
        return EXC_NONE;
    }
    counters_sync(s);
    if (!dev_mmio_store(&s->dev, pa, size, val))
        return CAUSE_STORE_ACCESS;
    if (s->dev.exit_req)
        iss_request_exit(s, s->dev.exit_code);
    batch_break(s);                         /* CLINT/UART writes change interrupt lines */
    return EXC_NONE;
}

uint32_t mmu_amo_ptr(iss_t *s, uint32_t va, sv32_access_t acc, uint32_t **host, uint32_t *pa)
{
    tlb_ent_t *tlb = acc == SV32_LOAD ? s->tlb_r : s->tlb_w;
    tlb_ent_t *e = &tlb[(va >> PAGE_SHIFT) & (TLB_SIZE - 1)];
    if (e->tag == va >> PAGE_SHIFT) {
        *pa = e->ppage | (va & 0xFFFu);
    } else {
        uint32_t c = translate(s, va, acc, pa);
        if (c != EXC_NONE)
            return c;
        /* LR/SC/AMO only to RAM (platform.md): access fault otherwise */
        if (!dev_in_ram(&s->dev, *pa, 4))
            return acc == SV32_LOAD ? CAUSE_LOAD_ACCESS : CAUSE_STORE_ACCESS;
    }
    *host = (uint32_t *)(void *)(s->dev.ram + (*pa - RAM_BASE));
    rec_mem(s, va, *pa);
    return EXC_NONE;
}
