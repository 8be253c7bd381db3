/* platform.h — the SoC's devices as seen from C: MMIO access, CLINT timer.
 *
 * Addresses and offsets come from arch.h (docs/platform.md explains them).
 * The same code runs on build/vsim and on QEMU virt, whose map matches here.
 */
#ifndef SW_PLATFORM_H
#define SW_PLATFORM_H

#include <stdint.h>
#include "arch.h"

static inline uint32_t mmio_read32(uintptr_t addr) { return *(volatile uint32_t *)addr; }
static inline void mmio_write32(uintptr_t addr, uint32_t v) { *(volatile uint32_t *)addr = v; }
static inline uint8_t mmio_read8(uintptr_t addr) { return *(volatile uint8_t *)addr; }
static inline void mmio_write8(uintptr_t addr, uint8_t v) { *(volatile uint8_t *)addr = v; }

#define CLINT_REG(off) (CLINT_BASE + (off))

/* CLINT mtime (64 bits in two words): hi/lo/hi read, retried if lo wrapped. */
static inline uint64_t clint_mtime(void)
{
  uint32_t hi, lo, hi2;
  do {
    hi = mmio_read32(CLINT_REG(CLINT_MTIME + 4));
    lo = mmio_read32(CLINT_REG(CLINT_MTIME));
    hi2 = mmio_read32(CLINT_REG(CLINT_MTIME + 4));
  } while (hi != hi2);
  return ((uint64_t)hi << 32) | lo;
}

/* Sets mtimecmp without passing through a smaller value on the way: the high
 * word goes to all-ones first, so no spurious timer interrupt fires. */
static inline void clint_set_mtimecmp(uint64_t when)
{
  mmio_write32(CLINT_REG(CLINT_MTIMECMP + 4), 0xFFFFFFFFu);
  mmio_write32(CLINT_REG(CLINT_MTIMECMP), (uint32_t)when);
  mmio_write32(CLINT_REG(CLINT_MTIMECMP + 4), (uint32_t)(when >> 32));
}

#endif
