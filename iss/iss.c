/* iss.c — the model's handle: create/destroy/reset, ELF loading (tb/elf_load),
 * HTIF (tb/htif), and the getters/setters of iss.h for test benches.
 */
#include <stdlib.h>
#include <string.h>

#include "elf_load.h"
#include "htif.h"
#include "iss_priv.h"

/* The HTIF state hangs off the handle; kept here so only this file knows tb/htif. */
typedef struct {
    iss_t core;
    htif_t htif;
    FILE *htif_out;             /* stdout, or /dev/null with console_off */
} iss_box_t;

static iss_box_t *box_of(iss_t *s)
{
    return (iss_box_t *)(void *)s;
}

/* memif.h callbacks over RAM (for elf_load, htif, signature). */
static int ram_write_cb(void *ctx, uint32_t pa, const uint8_t *buf, uint32_t len)
{
    return iss_mem_write(ctx, pa, buf, len) ? 0 : -1;
}

int iss_memif_read(void *ctx, uint32_t pa, uint8_t *buf, uint32_t len)
{
    return iss_mem_read(ctx, pa, buf, len) ? 0 : -1;
}

iss_t *iss_create(const iss_config_t *cfg)
{
    iss_box_t *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    iss_t *s = &b->core;
    s->dev.ram_size = cfg->ram_size ? cfg->ram_size : RAM_SIZE_DEFAULT;
    s->dev.ram = calloc(1, s->dev.ram_size);
    b->htif_out = cfg->console_off ? fopen("/dev/null", "w") : stdout;
    if (!s->dev.ram || !b->htif_out) {
        free(s->dev.ram);
        free(b);
        return NULL;
    }
    s->dev.console_off = cfg->console_off;
    s->dev.console_input = cfg->console_input;
    s->mtime_manual = cfg->mtime_manual;
    s->no_m = cfg->no_m;
    iss_reset(s);
    return s;
}

void iss_destroy(iss_t *s)
{
    if (!s)
        return;
    iss_box_t *b = box_of(s);
    if (b->htif_out && b->htif_out != stdout)
        fclose(b->htif_out);
    free(s->dev.ram);
    free(b);
}

void iss_reset(iss_t *s)
{
    memset(s->x, 0, sizeof s->x);
    s->pc = RESET_PC;
    s->priv = PRV_M;
    s->resv_valid = false;
    s->irq_ovr_mask = s->irq_ovr_bits = 0;
    s->mmio_ovr_valid = false;
    s->exited = false;
    s->htif_low_stored = false;
    s->htif_due = 0;
    s->exit_code = 0;
    dev_reset(&s->dev);
    csr_reset(s);
    priv_changed(s);
}

int iss_load_elf(iss_t *s, const char *path, char *err, size_t errlen)
{
    elf_info_t info;
    if (elf_load(path, RAM_BASE, s->dev.ram_size, ram_write_cb, s, &info, err, errlen) != 0)
        return -1;
    s->pc = info.entry;
    s->tohost = info.has_tohost ? info.tohost : 0;
    s->fromhost = info.has_fromhost ? info.fromhost : 0;
    s->sig_begin = info.has_signature ? info.begin_signature : 0;
    s->sig_end = info.has_signature ? info.end_signature : 0;
    if (s->tohost)
        htif_init(&box_of(s)->htif, info.tohost, info.fromhost, info.has_fromhost,
                  iss_memif_read, ram_write_cb, s, box_of(s)->htif_out);
    mmu_flush(s);
    return 0;
}

void iss_request_exit(iss_t *s, int code)
{
    s->exited = true;
    s->exit_code = code;
    batch_break(s);
}

/* Steps after a low-word-only tohost store before the request is taken (RV32 programs
 * may store only the low word; the testbench waits likewise, in cycles). */
#define HTIF_LOW_ONLY_STEPS 16u

static void htif_take_request(iss_t *s)
{
    s->htif_low_stored = false;
    s->htif_due = 0;
    int st = htif_poll(&box_of(s)->htif);   /* reads tohost, clears it, serves it */
    if (st != HTIF_CONTINUE)
        iss_request_exit(s, st);
}

/* A store to RAM touched [tohost, tohost+8). On RV32 a request takes two stores: it is
 * taken when the high word is stored after the low word, or HTIF_LOW_ONLY_STEPS steps
 * after a low word stored alone (iss_htif_poll). */
void htif_store_hook(iss_t *s, uint32_t pa)
{
    uint32_t off = pa - s->tohost;
    if (s->htif_manual || off >= 8)
        return;
    if (off < 4) {
        if (!s->htif_low_stored) {          /* a program may store it again and again */
            s->htif_low_stored = true;
            s->htif_due = s->steps + HTIF_LOW_ONLY_STEPS;
            batch_break(s);
        }
    } else if (s->htif_low_stored) {
        htif_take_request(s);
    }
}

/* Between batches: take a low-word-only request whose wait is over. */
void iss_htif_poll(iss_t *s)
{
    if (s->htif_due && s->steps >= s->htif_due)
        htif_take_request(s);
}

void iss_set_htif_manual(iss_t *s, bool manual)
{
    s->htif_manual = manual;
}

bool iss_htif_take(iss_t *s)
{
    static const uint8_t zeros[8];
    uint8_t b[8];
    uint64_t v = 0;

    if (!s->tohost || !iss_mem_read(s, s->tohost, b, 8))
        return false;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    if (v == 0)
        return false;
    iss_mem_write(s, s->tohost, zeros, 8);
    int st = htif_tohost(&box_of(s)->htif, v);
    if (st != HTIF_CONTINUE)
        iss_request_exit(s, st);
    return true;
}

bool iss_exited(const iss_t *s) { return s->exited; }
int iss_exit_code(const iss_t *s) { return s->exit_code; }
uint64_t iss_steps(const iss_t *s) { return s->steps; }
uint64_t iss_retired(const iss_t *s) { return s->steps - s->notretired; }

uint32_t iss_get_reg(const iss_t *s, unsigned r) { return s->x[r & 31]; }
void iss_set_reg(iss_t *s, unsigned r, uint32_t v)
{
    if (r & 31)
        s->x[r & 31] = v;
}
uint32_t iss_get_pc(const iss_t *s) { return s->pc; }
void iss_set_pc(iss_t *s, uint32_t pc) { s->pc = pc; }
unsigned iss_get_priv(const iss_t *s) { return s->priv; }

bool iss_csr_read(iss_t *s, unsigned csr, uint32_t *v) { return csr_read(s, csr & 0xFFF, v); }
bool iss_csr_write(iss_t *s, unsigned csr, uint32_t v) { return csr_write(s, csr & 0xFFF, v); }

void iss_set_irq_override(iss_t *s, uint32_t mask, uint32_t bits)
{
    s->irq_ovr_mask = mask;
    s->irq_ovr_bits = bits;
}

void iss_set_mmio_load_override(iss_t *s, uint32_t value)
{
    s->mmio_ovr_valid = true;
    s->mmio_ovr = value;
}

void iss_set_mtime(iss_t *s, uint64_t v)
{
    counters_sync(s);
    s->dev.mtime = v;
}

uint64_t iss_get_mtime(iss_t *s)
{
    counters_sync(s);
    return s->dev.mtime;
}

void iss_set_mcycle(iss_t *s, uint64_t v)
{
    counters_sync(s);
    s->mcycle = v;
}

bool iss_mem_read(iss_t *s, uint32_t pa, void *buf, uint32_t len)
{
    if (!dev_in_ram(&s->dev, pa, len))
        return false;
    memcpy(buf, s->dev.ram + (pa - RAM_BASE), len);
    return true;
}

bool iss_mem_write(iss_t *s, uint32_t pa, const void *buf, uint32_t len)
{
    if (!dev_in_ram(&s->dev, pa, len))
        return false;
    memcpy(s->dev.ram + (pa - RAM_BASE), buf, len);
    return true;
}

uint32_t iss_symbol_begin_signature(const iss_t *s) { return s->sig_begin; }
uint32_t iss_symbol_end_signature(const iss_t *s) { return s->sig_end; }
