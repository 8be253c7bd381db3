/* mentry.S — reset entry and trap vector of the M-mode layer.
 *
 * _mstart is the reset PC (RAM_BASE): it sets the M stack and trap vector,
 * clears the layer's .bss, calls m_init() (PMP, delegation, RAM size, mepc =
 * kernel entry) and mrets into the S-mode kernel with a0 = hartid and a1 = the
 * RAM size in bytes (Linux's boot protocol has the device-tree pointer there).
 *
 * m_trap_vector saves a struct mframe (m.h) and calls m_trap(frame). mscratch
 * is 0 while M-mode code runs and holds the M stack top while S/U runs (the
 * sw/lib convention), so a nested trap taken by the layer itself (a fault while
 * it reads S/U memory with MPRV) pushes its frame on the current stack.
 */
#include "arch.h"
#include "m.h"

#define MPP_MASK (3 << MSTATUS_MPP_LO)

        .section .text.mstart, "ax", @progbits
        .globl  _mstart
_mstart:
        csrr    t0, CSR_MHARTID
1:      bnez    t0, 1b                          /* one hart only */
        la      sp, _m_stack_top
        la      t0, m_trap_vector
        csrw    CSR_MTVEC, t0
        csrw    CSR_MSCRATCH, zero
        csrw    CSR_MIE, zero
        la      t0, _m_bss_start
        la      t1, _m_bss_end
2:      bgeu    t0, t1, 3f
        sw      zero, 0(t0)
        addi    t0, t0, 4
        j       2b
3:      call    m_init                          /* sets mepc, mstatus.MPP = S */
        csrw    CSR_MSCRATCH, sp                /* S/U runs: M stack top */
        mv      a1, a0                          /* RAM size in bytes */
        li      a0, 0                           /* hartid */
        mret

        .text
        .balign 4
        .globl  m_trap_vector
m_trap_vector:
        csrrw   sp, CSR_MSCRATCH, sp
        bnez    sp, 1f
        csrr    sp, CSR_MSCRATCH                /* trap from M: keep the stack */
1:      addi    sp, sp, -MF_SIZE
        .irp    r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        sw      x\r, \r*4(sp)
        .endr
        csrr    t0, CSR_MSCRATCH
        sw      t0, 2*4(sp)
        sw      zero, 0(sp)                     /* x0 slot reads 0 (emulated stores) */
        csrw    CSR_MSCRATCH, zero
        csrr    t0, CSR_MEPC
        sw      t0, MF_MEPC(sp)
        csrr    t0, CSR_MSTATUS
        sw      t0, MF_MSTATUS(sp)
        csrr    t0, CSR_MCAUSE
        sw      t0, MF_MCAUSE(sp)
        csrr    t0, CSR_MTVAL
        sw      t0, MF_MTVAL(sp)
        mv      a0, sp
        call    m_trap
        lw      t0, MF_MEPC(sp)
        csrw    CSR_MEPC, t0
        lw      t0, MF_MSTATUS(sp)
        csrw    CSR_MSTATUS, t0
        li      t1, MPP_MASK
        and     t0, t0, t1
        beq     t0, t1, 2f                      /* back to M: mscratch stays 0 */
        addi    t0, sp, MF_SIZE
        csrw    CSR_MSCRATCH, t0
2:      .irp    r, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        lw      x\r, \r*4(sp)
        .endr
        lw      sp, 2*4(sp)
        mret

/* Probes: one access with the given mstatus (MPRV set, MPP = the trapped mode),
 * then mstatus restored. A fault in the access is caught by m_trap (m_probing),
 * which records it and resumes at the next instruction (the restoring csrw).
 *   uint32_t m_probe_lbu(addr, mstatus_probe, mstatus_back)
 *   uint32_t m_probe_lw(addr, mstatus_probe, mstatus_back)   (aligned; fetches)
 *   void     m_probe_sb(addr, mstatus_probe, mstatus_back, byte) */
        .globl  m_probe_lbu, m_probe_lw, m_probe_sb
m_probe_lbu:
        li      t0, 0
        csrw    CSR_MSTATUS, a1
        lbu     t0, 0(a0)
        csrw    CSR_MSTATUS, a2
        mv      a0, t0
        ret
m_probe_lw:
        li      t0, 0
        csrw    CSR_MSTATUS, a1
        lw      t0, 0(a0)
        csrw    CSR_MSTATUS, a2
        mv      a0, t0
        ret
m_probe_sb:
        csrw    CSR_MSTATUS, a1
        sb      a3, 0(a0)
        csrw    CSR_MSTATUS, a2
        ret
