/* riscv.h — CSR access, sfence.vma and SBI calls for S-mode kernel code.
 * CSR numbers and bit positions come from arch.h (arch/arch.tbl). */
#ifndef FW_RISCV_H
#define FW_RISCV_H

#include <stdint.h>
#include "arch.h"
#include "sbi.h"

#define BIT(n) (1u << (n))
#define SSTATUS_SIE   BIT(MSTATUS_SIE)
#define SSTATUS_SPIE  BIT(MSTATUS_SPIE)
#define SSTATUS_SPP   BIT(MSTATUS_SPP)
#define SSTATUS_SUM   BIT(MSTATUS_SUM)
#define SATP_MODE_SV32 BIT(SATP_MODE_BIT)
#define MAKE_SATP(pgd_pa, asid) \
    (SATP_MODE_SV32 | ((uint32_t)(asid) << SATP_ASID_LO) | ((uint32_t)(pgd_pa) >> PAGE_SHIFT))

#define csr_read(csr) ({ uint32_t v_; \
  __asm__ volatile("csrr %0, %1" : "=r"(v_) : "i"(csr)); v_; })
#define csr_write(csr, val) \
  __asm__ volatile("csrw %0, %1" :: "i"(csr), "r"((uint32_t)(val)) : "memory")
#define csr_set(csr, bits) \
  __asm__ volatile("csrs %0, %1" :: "i"(csr), "r"((uint32_t)(bits)) : "memory")
#define csr_clear(csr, bits) \
  __asm__ volatile("csrc %0, %1" :: "i"(csr), "r"((uint32_t)(bits)) : "memory")

static inline void local_flush_tlb_all(void) { __asm__ volatile("sfence.vma" ::: "memory"); }
static inline void local_flush_tlb_page(uintptr_t va, uint32_t asid)
{
    __asm__ volatile("sfence.vma %0, %1" :: "r"(va), "r"(asid) : "memory");
}
static inline void local_flush_tlb_va(uintptr_t va)
{
    __asm__ volatile("sfence.vma %0, zero" :: "r"(va) : "memory");
}
static inline void local_flush_tlb_asid(uint32_t asid)
{
    __asm__ volatile("sfence.vma zero, %0" :: "r"(asid) : "memory");
}

/* One SBI-like call to the M layer (sbi.h). */
static inline long sbi_call(long fn, long a0, long a1)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a7 __asm__("a7") = fn;
    __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a7) : "memory");
    return r_a0;
}
static inline uint64_t rdtime64(void)
{
    uint32_t hi, lo, hi2;
    do { hi = csr_read(CSR_TIMEH); lo = csr_read(CSR_TIME); hi2 = csr_read(CSR_TIMEH); }
    while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}
#endif
