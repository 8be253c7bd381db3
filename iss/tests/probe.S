/* probe.S — run one instruction in a lower privilege mode and report how it ended.
 *
 * uint32_t probe_run(uint32_t mstatus_bits, uint32_t pc, uint32_t a0, uint32_t a1)
 *   Clears mstatus MPP/MPRV/SUM/MXR/TVM/TW/TSR, sets mstatus_bits, and mrets to pc with a0/a1.
 *   The code there (one of the stubs below) ends with ecall, or faults first; either
 *   trap comes back here through probe_vector. Returns mcause; probe_tval and
 *   probe_a0 hold mtval and the a0 of the trapped code.
 * The stubs sit in their own 4 KiB page (probe_page) so that a page table can map
 * it for U-mode.
 */
#include "arch.h"

#define CLEAR_BITS ((3 << MSTATUS_MPP_LO) | (1 << MSTATUS_MPRV) | (1 << MSTATUS_SUM) | \
                    (1 << MSTATUS_MXR) | (1 << MSTATUS_TVM) | (1 << MSTATUS_TW) | (1 << MSTATUS_TSR))

        .option norelax
        .text
        .globl  probe_run
probe_run:
        addi    sp, sp, -64
        sw      ra, 0(sp)
        sw      s0, 4(sp)
        sw      s1, 8(sp)
        sw      s2, 12(sp)
        sw      s3, 16(sp)
        sw      s4, 20(sp)
        sw      s5, 24(sp)
        sw      s6, 28(sp)
        sw      s7, 32(sp)
        sw      s8, 36(sp)
        sw      s9, 40(sp)
        sw      s10, 44(sp)
        sw      s11, 48(sp)
        sw      gp, 52(sp)
        sw      tp, 56(sp)
        la      t0, probe_msp
        sw      sp, 0(t0)
        csrr    t0, CSR_MTVEC
        la      t1, probe_saved_mtvec
        sw      t0, 0(t1)
        la      t0, probe_vector
        csrw    CSR_MTVEC, t0
        li      t0, CLEAR_BITS
        csrc    CSR_MSTATUS, t0
        csrs    CSR_MSTATUS, a0
        csrw    CSR_MEPC, a1
        mv      a0, a2
        mv      a1, a3
        mret

        .balign 4
probe_vector:
        li      t0, CLEAR_BITS & ~(3 << MSTATUS_MPP_LO)
        csrc    CSR_MSTATUS, t0
        la      t0, probe_a0
        sw      a0, 0(t0)
        csrr    t1, CSR_MTVAL
        la      t0, probe_tval
        sw      t1, 0(t0)
        la      t0, probe_msp
        lw      sp, 0(t0)
        la      t0, probe_saved_mtvec
        lw      t0, 0(t0)
        csrw    CSR_MTVEC, t0
        csrr    a0, CSR_MCAUSE
        lw      ra, 0(sp)
        lw      s0, 4(sp)
        lw      s1, 8(sp)
        lw      s2, 12(sp)
        lw      s3, 16(sp)
        lw      s4, 20(sp)
        lw      s5, 24(sp)
        lw      s6, 28(sp)
        lw      s7, 32(sp)
        lw      s8, 36(sp)
        lw      s9, 40(sp)
        lw      s10, 44(sp)
        lw      s11, 48(sp)
        lw      gp, 52(sp)
        lw      tp, 56(sp)
        addi    sp, sp, 64
        ret

/* The stubs: each does one access with a0 (address) / a1 (data), then ecall. */
        .section .text.probe, "ax", @progbits
        .balign 4096
        .globl  probe_page, stub_lw, stub_lbu, stub_sw, stub_amoadd, stub_lr, stub_sc, stub_sconly, stub_jr, stub_ecall
        .globl  stub_ebreak, stub_illegal, stub_mstatus, stub_cycle, stub_satp, stub_sret
        .globl  stub_mret, stub_wfi, stub_sfence
probe_page:
stub_lw:        lw      a0, 0(a0)
                ecall
stub_lbu:       lbu     a0, 0(a0)
                ecall
stub_sw:        sw      a1, 0(a0)
                ecall
stub_amoadd:    amoadd.w a0, a1, (a0)
                ecall
stub_lr:        lr.w    a0, (a0)
                ecall
stub_sc:        lr.w    t0, (a0)
                sc.w    a0, a1, (a0)
                ecall
stub_sconly:    sc.w    a0, a1, (a0)
                ecall
stub_jr:        jr      a0
stub_ecall:     ecall
stub_ebreak:    ebreak
                ecall
stub_illegal:   .word   0x0000500B              /* custom-0: not implemented */
                ecall
stub_mstatus:   csrr    a0, CSR_MSTATUS
                ecall
stub_cycle:     csrr    a0, CSR_CYCLE
                ecall
stub_satp:      csrr    a0, CSR_SATP
                ecall
stub_sret:      sret
                ecall
stub_mret:      mret
                ecall
stub_wfi:       wfi
                ecall
stub_sfence:    sfence.vma
                ecall

/* S-mode trap handler: record the S-level trap CSRs, then ecall to M. */
        .balign 4
        .globl  s_handler
s_handler:      csrr    t0, CSR_SCAUSE
                la      t1, s_cause
                sw      t0, 0(t1)
                csrr    t0, CSR_STVAL
                sw      t0, 4(t1)
                csrr    t0, CSR_SEPC
                sw      t0, 8(t1)
                csrr    t0, CSR_SSTATUS
                sw      t0, 12(t1)
                ecall
        .balign 4096

        .bss
        .balign 4
        .globl  probe_tval, probe_a0
probe_msp:         .word 0
probe_saved_mtvec: .word 0
probe_tval:        .word 0
probe_a0:          .word 0
        .globl  s_cause
s_cause:           .word 0, 0, 0, 0             /* scause, stval, sepc, sstatus */
