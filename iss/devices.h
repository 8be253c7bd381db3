/* devices.h — the platform devices of docs/platform.md as seen by the ISS:
 * RAM, ns16550a UART subset, CLINT, finisher. (HTIF lives in tb/htif, wired by iss.c.)
 *
 * Device accesses are physical and at most 32 bits wide; the caller has checked
 * alignment. mtime is kept here but advanced by the ISS (per step, or set from
 * outside in co-simulation); the ISS calls dev_sync_time() hooks itself.
 */
#ifndef DEVICES_H
#define DEVICES_H

#include <stdbool.h>
#include <stdint.h>
#include "arch.h"

typedef struct {
    uint8_t *ram;
    uint32_t ram_size;
    /* UART */
    bool console_off;       /* drop TX bytes */
    bool console_input;     /* take RX bytes from tb/console */
    int rx;                 /* waiting byte or -1 */
    uint8_t ier, lcr, mcr, scr, dll, dlm, fcr;
    /* CLINT */
    uint32_t msip;
    uint64_t mtimecmp, mtime;
    /* finisher */
    bool exit_req;
    int exit_code;
} devices_t;

/* Is [pa, pa+len) inside RAM? */
static inline bool dev_in_ram(const devices_t *d, uint64_t pa, uint32_t len)
{
    return pa >= RAM_BASE && pa - RAM_BASE + len <= d->ram_size;
}

void dev_reset(devices_t *d);

/* MMIO load/store of size 1/2/4 at pa (not RAM). Return false when no device
 * answers at pa (access fault). Loads return the value in the low bits. */
bool dev_mmio_load(devices_t *d, uint32_t pa, unsigned size, uint32_t *val);
bool dev_mmio_store(devices_t *d, uint32_t pa, unsigned size, uint32_t val);

/* Interrupt lines: mip bits MEIP (UART) and MSIP (CLINT msip); MTIP is derived
 * by the ISS from mtime/mtimecmp. */
uint32_t dev_irq_lines(const devices_t *d);

/* Non-blocking console input: fetch one byte (tb/console) into RBR if it is empty. */
void dev_poll_input(devices_t *d);

#endif
