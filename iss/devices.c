/* devices.c — UART, CLINT and finisher register models; see devices.h. */
#include "devices.h"

#include <stddef.h>

#include "console.h"
#include "finisher.h"

#define UART_LCR_DLAB 0x80
#define UART_IER_RDI  0x01      /* data-ready interrupt enable */
#define UART_IER_THRI 0x02      /* THR-empty interrupt enable */

void dev_reset(devices_t *d)
{
    d->rx = -1;
    d->ier = d->lcr = d->mcr = d->scr = d->dll = d->dlm = d->fcr = 0;
    d->msip = 0;
    d->mtimecmp = ~0ull;
    d->mtime = 0;
    d->exit_req = false;
    d->exit_code = 0;
}

static bool uart_irq(const devices_t *d)
{
    return ((d->ier & UART_IER_RDI) && d->rx >= 0) || (d->ier & UART_IER_THRI);
}

uint32_t dev_irq_lines(const devices_t *d)
{
    return (uart_irq(d) ? 1u << IRQ_M_EXT : 0) | ((d->msip & 1) << IRQ_M_SOFT);
}

void dev_poll_input(devices_t *d)
{
    if (!d->console_input || d->rx >= 0)
        return;
    int c = console_getc();
    if (c >= 0)
        d->rx = c;
    else if (c == CONSOLE_EOF)
        d->console_input = false;
}

static uint8_t uart_read(devices_t *d, unsigned reg)
{
    bool dlab = d->lcr & UART_LCR_DLAB;
    switch (reg) {
    case UART_RBR_THR:
        if (dlab)
            return d->dll;
        if (d->rx >= 0) {
            uint8_t c = (uint8_t)d->rx;
            d->rx = -1;
            dev_poll_input(d);
            return c;
        }
        return 0;
    case UART_IER:
        return dlab ? d->dlm : d->ier;
    case UART_IIR_FCR: {
        uint8_t fifo = (d->fcr & 1) ? 0xC0 : 0;
        if ((d->ier & UART_IER_RDI) && d->rx >= 0)
            return fifo | 0x04;            /* received data available */
        if (d->ier & UART_IER_THRI)
            return fifo | 0x02;            /* THR empty */
        return fifo | 0x01;                /* no interrupt pending */
    }
    case UART_LCR:
        return d->lcr;
    case UART_MCR:
        return d->mcr;
    case UART_LSR:
        return UART_LSR_THRE | UART_LSR_TEMT | (d->rx >= 0 ? UART_LSR_DR : 0);
    case UART_MSR:
        return 0;
    case UART_SCR:
        return d->scr;
    default:
        return 0;
    }
}

static void uart_write(devices_t *d, unsigned reg, uint8_t v)
{
    bool dlab = d->lcr & UART_LCR_DLAB;
    switch (reg) {
    case UART_RBR_THR:
        if (dlab) {
            d->dll = v;
        } else if (!d->console_off) {
            console_putc(v);
        }
        break;
    case UART_IER:
        if (dlab)
            d->dlm = v;
        else
            d->ier = v & 0x0F;
        break;
    case UART_IIR_FCR: d->fcr = v; break;
    case UART_LCR: d->lcr = v; break;
    case UART_MCR: d->mcr = v; break;
    case UART_SCR: d->scr = v; break;
    default: break;
    }
}

/* CLINT: 32-bit registers; narrower accesses see the containing word's lanes. */
static uint32_t clint_read_word(const devices_t *d, uint32_t off)
{
    switch (off) {
    case CLINT_MSIP:         return d->msip & 1;
    case CLINT_MTIMECMP:     return (uint32_t)d->mtimecmp;
    case CLINT_MTIMECMP + 4: return (uint32_t)(d->mtimecmp >> 32);
    case CLINT_MTIME:        return (uint32_t)d->mtime;
    case CLINT_MTIME + 4:    return (uint32_t)(d->mtime >> 32);
    default:                 return 0;
    }
}

static void set_lo(uint64_t *r, uint32_t v) { *r = (*r & ~0xFFFFFFFFull) | v; }
static void set_hi(uint64_t *r, uint32_t v) { *r = (*r & 0xFFFFFFFFull) | (uint64_t)v << 32; }

static void clint_write_word(devices_t *d, uint32_t off, uint32_t v)
{
    switch (off) {
    case CLINT_MSIP:         d->msip = v & 1; break;
    case CLINT_MTIMECMP:     set_lo(&d->mtimecmp, v); break;
    case CLINT_MTIMECMP + 4: set_hi(&d->mtimecmp, v); break;
    case CLINT_MTIME:        set_lo(&d->mtime, v); break;
    case CLINT_MTIME + 4:    set_hi(&d->mtime, v); break;
    default: break;
    }
}

static uint32_t lane_mask(unsigned size)
{
    return size >= 4 ? 0xFFFFFFFFu : (1u << (8 * size)) - 1;
}

bool dev_mmio_load(devices_t *d, uint32_t pa, unsigned size, uint32_t *val)
{
    if (pa - UART_BASE < UART_SIZE) {
        /* byte registers: a wider access reads the register at its lowest byte */
        uint32_t off = pa - UART_BASE;
        *val = off < 8 ? uart_read(d, off) : 0;
        return true;
    }
    if (pa - CLINT_BASE < CLINT_SIZE) {
        uint32_t off = pa - CLINT_BASE, sh = 8 * (off & 3);
        *val = (clint_read_word(d, off & ~3u) >> sh) & lane_mask(size);
        return true;
    }
    if (pa - FINISHER_BASE < FINISHER_SIZE) {
        *val = 0;
        return true;
    }
    return false;
}

bool dev_mmio_store(devices_t *d, uint32_t pa, unsigned size, uint32_t val)
{
    if (pa - UART_BASE < UART_SIZE) {
        uint32_t off = pa - UART_BASE;
        if (off < 8)
            uart_write(d, off, (uint8_t)val);
        return true;
    }
    if (pa - CLINT_BASE < CLINT_SIZE) {
        uint32_t off = pa - CLINT_BASE, sh = 8 * (off & 3), w = off & ~3u;
        uint32_t m = lane_mask(size) << sh;
        clint_write_word(d, w, (clint_read_word(d, w) & ~m) | ((val << sh) & m));
        return true;
    }
    if (pa - FINISHER_BASE < FINISHER_SIZE) {
        uint32_t sh = 8 * (pa & 3);
        if ((pa & ~3u) != FINISHER_BASE)
            return true;
        val = (val << sh) & (lane_mask(size) << sh);   /* the lanes written */
        int status = finisher_decode(val, NULL);
        if (status >= 0) {
            d->exit_req = true;
            d->exit_code = status;
        }
        return true;
    }
    return false;
}
