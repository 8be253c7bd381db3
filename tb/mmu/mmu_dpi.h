/* mmu_dpi.h — the DPI-C boundary between tb/mmu/mmu_tb.sv and the MMU bench (C).
 *
 * Imports (called by mmu_tb.sv, implemented in tb/mmu/main.c):
 *   mmu_tb_init   once, at time 1: command line, bench set-up. The TLB sizes and the
 *                 RAM size are the Verilog parameters of this build. Returns -1 to run,
 *                 else the exit status to end with at once (--help 0, bad option 2).
 *   mmu_tb_trace_file  file name for $dumpfile (--trace).
 *   mmu_tb_cycle  every rising edge: the MMU outputs of the cycle that ends (status
 *                 word MMU_ST_*, addresses); returns the inputs of the next cycle
 *                 (control word MMU_CTL_*, addresses, walker read data) and
 *                 MMU_RC_DONE (end the run) | MMU_RC_STATE (call mmu_tb_state).
 *   mmu_tb_state  the slow-changing inputs: mode word MMU_MODE_*, satp, pmpcfg0..3
 *                 (entry i = bits 8i+7..8i), pmpaddr0..15 (entry i = bits 32i+31..32i).
 *   mmu_tb_end    the run ends (summary, coverage); then $finish.
 *
 * These prototypes must match Verilator's generated Vmmu_tb__Dpi.h (tb/mmu/mmu.mk
 * compiles both together).
 */
#ifndef MMU_DPI_H
#define MMU_DPI_H

#include "svdpi.h"

/* status word (MMU outputs) */
#define MMU_ST_I_READY      (1u << 0)
#define MMU_ST_I_FAULT      (1u << 1)
#define MMU_ST_I_CAUSE(s)   (((s) >> 2) & 0x1Fu)
#define MMU_ST_D_READY      (1u << 7)
#define MMU_ST_D_FAULT      (1u << 8)
#define MMU_ST_D_CAUSE(s)   (((s) >> 9) & 0x1Fu)
#define MMU_ST_PTW_REQ      (1u << 14)
#define MMU_ST_PTW_WE       (1u << 15)
#define MMU_ST_EV_ITLB_MISS (1u << 16)
#define MMU_ST_EV_DTLB_MISS (1u << 17)
#define MMU_ST_EV_WALK      (1u << 18)
#define MMU_ST_EV_WALK_CYC  (1u << 19)

/* control word (MMU inputs of the next cycle) */
#define MMU_CTL_RST_N       (1u << 0)
#define MMU_CTL_I_REQ       (1u << 1)
#define MMU_CTL_I_WALK_OK   (1u << 2)
#define MMU_CTL_D_REQ       (1u << 3)
#define MMU_CTL_D_STORE     (1u << 4)
#define MMU_CTL_D_ATOMIC    (1u << 5)
#define MMU_CTL_SFENCE      (1u << 6)
#define MMU_CTL_SFENCE_VA   (1u << 7)
#define MMU_CTL_SFENCE_ASID (1u << 8)
#define MMU_CTL_ASID(a)     (((a) & 0x1FFu) << 9)
#define MMU_CTL_PTW_GNT     (1u << 18)

/* mode word */
#define MMU_MODE(priv, mprv, mpp, sum, mxr, adue) \
    ((priv) | ((unsigned)(mprv) << 2) | ((mpp) << 3) | ((unsigned)(sum) << 5) | \
     ((unsigned)(mxr) << 6) | ((unsigned)(adue) << 7))

/* mmu_tb_cycle return bits */
#define MMU_RC_DONE  1
#define MMU_RC_STATE 2

int mmu_tb_init(unsigned int itlb_entries, unsigned int dtlb_entries, unsigned int ram_bytes,
                unsigned long long *trace_start, svBit *trace_on);
const char *mmu_tb_trace_file(void);
int mmu_tb_cycle(unsigned int status, unsigned int i_paddr, unsigned int d_paddr,
                 unsigned int ptw_addr, unsigned int ptw_wdata, unsigned int *ctl,
                 unsigned int *i_vaddr, unsigned int *d_vaddr, unsigned int *sfence_vaddr,
                 unsigned int *ptw_rdata);
void mmu_tb_state(unsigned int *mode, unsigned int *satp, svBitVecVal *pmpcfg,
                  svBitVecVal *pmpaddr);
void mmu_tb_end(unsigned long long cycles);

#endif
