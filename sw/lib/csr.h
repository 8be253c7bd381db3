/* csr.h — CSR access and the 64-bit machine counters, for M-mode C code.
 *
 * CSR numbers come from arch.h (CSR_MSTATUS, CSR_MCYCLE, ...), passed as
 * immediates, so csr_read(CSR_MISA) assembles to one csrr instruction.
 */
#ifndef SW_CSR_H
#define SW_CSR_H

#include <stdint.h>
#include "arch.h"

#define csr_read(csr) ({ uint32_t v_; \
  __asm__ volatile("csrr %0, %1" : "=r"(v_) : "i"(csr)); v_; })
#define csr_write(csr, val) \
  __asm__ volatile("csrw %0, %1" :: "i"(csr), "r"((uint32_t)(val)) : "memory")
#define csr_set(csr, bits) \
  __asm__ volatile("csrs %0, %1" :: "i"(csr), "r"((uint32_t)(bits)) : "memory")
#define csr_clear(csr, bits) \
  __asm__ volatile("csrc %0, %1" :: "i"(csr), "r"((uint32_t)(bits)) : "memory")

/* Reads a 64-bit counter whose halves are two CSRs: read hi, lo, hi again and
 * retry if hi changed (lo wrapped between the reads). */
#define csr_read64(lo_csr, hi_csr) ({ uint32_t hi_, lo_, hi2_; \
  do { hi_ = csr_read(hi_csr); lo_ = csr_read(lo_csr); hi2_ = csr_read(hi_csr); } \
  while (hi_ != hi2_); ((uint64_t)hi_ << 32) | lo_; })

/* Cycles since reset (mcycle/mcycleh). */
static inline uint64_t read_mcycle(void) { return csr_read64(CSR_MCYCLE, CSR_MCYCLEH); }

/* Instructions retired since reset (minstret/minstreth). */
static inline uint64_t read_minstret(void) { return csr_read64(CSR_MINSTRET, CSR_MINSTRETH); }

#endif
