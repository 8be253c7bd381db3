/* m.h — the M-mode layer's trap frame and internal interface. */
#ifndef FW_M_H
#define FW_M_H

#define MF_MEPC     (32 * 4)
#define MF_MSTATUS  (33 * 4)
#define MF_MCAUSE   (34 * 4)
#define MF_MTVAL    (35 * 4)
#define MF_SIZE     (36 * 4)

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Saved by m_trap_vector; x[0] reads 0, x[2] is the trapped sp. Edits are
 * written back (mepc, mstatus, registers) by the vector's exit path. */
struct mframe {
    uint32_t x[32];
    uint32_t mepc, mstatus, mcause, mtval;
};

void m_trap(struct mframe *f);
uint32_t m_init(void);                /* returns the RAM size */
uint32_t m_detect_memory(void);        /* memsize.c: bytes of RAM from RAM_BASE */
uint32_t m_probe_lbu(uint32_t addr, uint32_t ms_probe, uint32_t ms_back);
uint32_t m_probe_lw(uint32_t addr, uint32_t ms_probe, uint32_t ms_back);
void m_probe_sb(uint32_t addr, uint32_t ms_probe, uint32_t ms_back, uint32_t byte);

/* misaligned.c */
void m_emulate_misaligned(struct mframe *f);
void m_redirect(struct mframe *f, uint32_t cause, uint32_t tval);
extern volatile uint32_t m_probing, m_probe_cause, m_probe_tval;

/* mconsole / shutdown (m.c) */
void m_putc(int c);
void m_puts(const char *s);
void m_puthex(uint32_t v);
void m_shutdown(uint32_t code) __attribute__((noreturn));

#define M_CSR_READ(csr) ({ uint32_t v_; \
  __asm__ volatile("csrr %0, %1" : "=r"(v_) : "i"(csr)); v_; })
#define M_CSR_WRITE(csr, val) \
  __asm__ volatile("csrw %0, %1" :: "i"(csr), "r"((uint32_t)(val)) : "memory")
#define M_CSR_SET(csr, bits) \
  __asm__ volatile("csrs %0, %1" :: "i"(csr), "r"((uint32_t)(bits)) : "memory")
#define M_CSR_CLEAR(csr, bits) \
  __asm__ volatile("csrc %0, %1" :: "i"(csr), "r"((uint32_t)(bits)) : "memory")
#define BIT(n) (1u << (n))
#endif
#endif
