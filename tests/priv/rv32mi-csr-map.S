/* rv32mi-csr-map — all 4096 CSR addresses are read (csrrs a0, csr, x0) from M, S and
 * U: exactly the CSRs listed in docs/csr.md exist, with the privilege rule (csr[9:8])
 * and the counter-enable rule applied; everything else is an illegal instruction whose
 * tval is the instruction. The expected answer comes from csr_legal below, a
 * transcription of docs/csr.md's tables. vsim-only: QEMU implements more CSRs.
 * A mismatch reports got/expected = (address << 4) | legal. */
#include "test.h"

#define N_CSR 4096

TEST_NAME("rv32mi-csr-map")
TEST_BEGIN
        SET_HOOK(env_exc_hook_m, csr_hook)

        /* every enable on: M, S, U sweep all addresses */
        li   s8, -1                         /* mcounteren */
        li   s9, -1                         /* scounteren */
        csrw mcounteren, s8
        csrw scounteren, s9
        li   s10, PRV_M
        li   s11, 0
        call sweep
        li   s10, PRV_S
        call sweep
        li   s10, PRV_U
        call sweep
        /* mixed enables: the counter page only (0xc00 up) */
        li   s8, 0xaaaaaaaa
        li   s9, 0xffff0000
        csrw mcounteren, s8
        csrw scounteren, s9
        li   s11, 0xc00
        li   s10, PRV_S
        call sweep
        li   s10, PRV_U
        call sweep
        csrw mcounteren, zero
        csrw scounteren, zero
        CLEAR_HOOK(env_exc_hook_m)
        CHECK_MEM(hook_errors, 0)
        TEST_PASS

/* sweep: s10 = mode, s11 = first address; run the table from there in that mode,
 * then compare with csr_legal. */
sweep:
        mv   s7, ra
        la   a0, got                        /* got[i] = 1: legal (no trap) */
        li   a1, N_CSR
        li   a2, 1
1:      sb   a2, 0(a0)
        addi a0, a0, 1
        addi a1, a1, -1
        bnez a1, 1b
        la   s0, csr_table
        slli t0, s11, 2
        add  s0, s0, t0                     /* entry point */
        TRAP_CLEAR
        li   t0, PRV_M
        beq  s10, t0, 2f
        li   t0, PRV_S
        beq  s10, t0, 3f
        ENTER_U
        jalr ra, 0(s0)
        ENTER_M
        j    4f
3:      ENTER_S
        jalr ra, 0(s0)
        ENTER_M
        j    4f
2:      jalr ra, 0(s0)
4:      TRAP_DISARM
        /* compare */
        mv   s1, s11
5:      mv   a0, s1
        mv   a1, s10
        li   a2, COUNTEREN_MASK             /* the enables as stored (WARL) */
        and  a3, s9, a2
        and  a2, s8, a2
        call csr_legal
        la   t0, got
        add  t0, t0, s1
        lbu  t1, 0(t0)
        slli a2, s1, 4
        or   a1, a2, t1                     /* got */
        or   a2, a2, a0                     /* expected */
        CHECK_EQR(a1, a2)
        addi s1, s1, 1
        li   t0, N_CSR
        blt  s1, t0, 5b
        mv   ra, s7
        ret

/* csr_legal(a0 = address, a1 = mode, a2 = mcounteren, a3 = scounteren) -> a0 = 1
 * when a read of that CSR from that mode is legal. docs/csr.md, by hand. */
csr_legal:
        mv   t0, a0
        /* privilege: csr[9:8] is the lowest privilege allowed */
        srli t1, t0, 8
        andi t1, t1, 3
        bgtu t1, a1, no
        /* user counters C00-C1F, C80-C9F: counter-enable rule below M */
        li   t2, 0xc00
        sub  t3, t0, t2
        li   t4, 0x20
        bltu t3, t4, counter
        li   t2, 0xc80
        sub  t3, t0, t2
        bltu t3, t4, counter
        /* single addresses and ranges */
        la   t2, csr_ranges
6:      lhu  t3, 0(t2)                      /* first */
        lhu  t4, 2(t2)                      /* last */
        beqz t4, no
        bltu t0, t3, 7f
        bleu t0, t4, yes
7:      addi t2, t2, 4
        j    6b
counter:
        li   t2, PRV_M
        beq  a1, t2, yes
        srl  t2, a2, t3                     /* mcounteren bit (t3 = index) */
        andi t2, t2, 1
        beqz t2, no
        li   t4, PRV_S
        beq  a1, t4, yes
        srl  t2, a3, t3                     /* U: scounteren too */
        andi t2, t2, 1
        beqz t2, no
yes:    li   a0, 1
        ret
no:     li   a0, 0
        ret

/* M exception hook: only illegal instructions inside the table are expected; record
 * the trap, check tval = the instruction, skip it. */
csr_hook:
        csrr t0, mepc
        li   t1, CAUSE_ILLEGAL_INSN
        bne  a0, t1, hook_bad
        la   t1, csr_table
        sub  t2, t0, t1
        li   t3, N_CSR * 4
        bgeu t2, t3, hook_bad
        srli t2, t2, 2
        la   t1, got
        add  t1, t1, t2
        sb   zero, 0(t1)
        lw   t1, 0(t0)
        csrr t2, mtval
        bne  t1, t2, hook_bad
        j    hook_skip
hook_bad:
        la   t1, hook_errors
        lw   t2, 0(t1)
        addi t2, t2, 1
        sw   t2, 0(t1)
hook_skip:
        addi t0, t0, 4
        csrw mepc, t0
        ret

        .section .rodata
        .balign 4
/* docs/csr.md, every implemented address outside the user-counter pages */
csr_ranges:
        .half 0x100, 0x100                  /* sstatus */
        .half 0x104, 0x106                  /* sie stvec scounteren */
        .half 0x10a, 0x10a                  /* senvcfg */
        .half 0x140, 0x144                  /* sscratch sepc scause stval sip */
        .half 0x180, 0x180                  /* satp */
        .half 0x300, 0x306                  /* mstatus misa medeleg mideleg mie mtvec mcounteren */
        .half 0x30a, 0x30a                  /* menvcfg */
        .half 0x310, 0x310                  /* mstatush */
        .half 0x31a, 0x31a                  /* menvcfgh */
        .half 0x320, 0x320                  /* mcountinhibit */
        .half 0x323, 0x33f                  /* mhpmevent3..31 */
        .half 0x340, 0x344                  /* mscratch mepc mcause mtval mip */
        .half 0x3a0, 0x3a3                  /* pmpcfg0..3 */
        .half 0x3b0, 0x3bf                  /* pmpaddr0..15 */
        .half 0xb00, 0xb00                  /* mcycle */
        .half 0xb02, 0xb1f                  /* minstret, mhpmcounter3..31 */
        .half 0xb80, 0xb80                  /* mcycleh */
        .half 0xb82, 0xb9f                  /* minstreth, mhpmcounter3h..31h */
        .half 0xf11, 0xf15                  /* mvendorid marchid mimpid mhartid mconfigptr */
        .half 0, 0

        .text
        .balign 4
csr_table:
        .set csr_n, 0
        .rept N_CSR
        csrrs a0, csr_n, x0
        .set csr_n, csr_n + 1
        .endr
        ret

        .bss
got:    .space N_CSR
        .balign 4
hook_errors: .space 4
