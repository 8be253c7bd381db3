/* vm.h — page-table helpers for the Sv32 and PMP directed tests (tests/vm, tests/pmp).
 *
 * Include after test.h. Every program that uses the helpers ends with VM_LIB, which
 * emits the subroutines below. Page tables and pages are 4 KiB-aligned blocks in .bss
 * (VM_PAGE); they are built at run time (M-mode, or S-mode
 * through the identity mapping).
 *
 * The usual layout: BASE_MAP gives a root identity megapages over the program's
 * RAM megapage (0x8000_0000-0x803F_FFFF: code, data, tables, the environment's stacks
 * and trap record), over the UART and over the finisher (megapage 0), so that the
 * environment (checks, trap handlers in S, the pass/fail console) keeps working in S or
 * U with translation on. Test windows live at 0x4000_0000 and above.
 *
 * Also here: EXPECT_* macros for one access and its outcome (fault with cause and tval,
 * or success and the value read), and PMP helpers (PMP_ENTRY, NAPOT_ADDR,
 * PMP_CLEAR_ALL); see their comments.
 *
 * Subroutines (standard calling convention; they use a0-a3 and ra only):
 *   vm_set     a0 table, a1 index, a2 physical address, a3 PTE flags:
 *              table[a1] = PTE for a2 (PPN = a2 >> 12) | a3
 *   vm_base    a0 root, a1 extra flags (F_U for a U-mode root, F_G, or 0):
 *              the identity megapages described above (V R W X A D | a1)
 *   vm_satp    a0 root, a1 ASID: satp = Sv32 | ASID | root PPN (no sfence)
 */
#ifndef TESTS_VM_VM_H
#define TESTS_VM_VM_H

#include "test.h"

/* PTE flag bits */
#define F_V  BIT(PTE_V)
#define F_R  BIT(PTE_R)
#define F_W  BIT(PTE_W)
#define F_X  BIT(PTE_X)
#define F_U  BIT(PTE_U)
#define F_G  BIT(PTE_G)
#define F_A  BIT(PTE_A)
#define F_D  BIT(PTE_D)
#define F_AD       (F_A | F_D)
#define F_RW       (F_V | F_R | F_W | F_A | F_D)
#define F_RO       (F_V | F_R | F_A)
#define F_RX       (F_V | F_R | F_X | F_A)
#define F_XO       (F_V | F_X | F_A)
#define F_RWX      (F_V | F_R | F_W | F_X | F_A | F_D)

#define PAGE_SIZE  (1 << PAGE_SHIFT)
#define MEGA_SIZE  (1 << MEGAPAGE_SHIFT)
#define VPN1(va)   ((va) >> MEGAPAGE_SHIFT)
#define VPN0(va)   (((va) >> PAGE_SHIFT) & 0x3FF)
#define SATP_SV32  (1 << SATP_MODE_BIT)
/* A PTE whose PPN is the constant physical page number ppn (for PAs >= 2^32). */
#define PTE_PPN(ppn, flags)  (((ppn) << PTE_PPN_LO) | (flags))

/* mstatus bits */
#define ST_SUM   BIT(MSTATUS_SUM)
#define ST_MXR   BIT(MSTATUS_MXR)
#define ST_MPRV  BIT(MSTATUS_MPRV)
#define ST_TVM   BIT(MSTATUS_TVM)

/* medeleg bits of the three page faults */
#define DELEG_PF (BIT(CAUSE_FETCH_PAGE_FAULT) | BIT(CAUSE_LOAD_PAGE_FAULT) | BIT(CAUSE_STORE_PAGE_FAULT))

/* A 4 KiB page of zeros in .bss / of data in .data (follow with the contents). */
#define VM_PAGE(name)       .pushsection .bss; .balign PAGE_SIZE; name: .space PAGE_SIZE; .popsection

/* ---- table building (clobber a0-a3, ra) ---- */
/* table[VPN0(va)] = 4 KiB leaf to the page at symbol sym */
#define MAP_4K(table, va, sym, flags) \
        la a0, table; li a1, VPN0(va); la a2, sym; li a3, flags; call vm_set
/* the same with a constant physical address */
#define MAP_4K_PA(table, va, pa, flags) \
        la a0, table; li a1, VPN0(va); li a2, pa; li a3, flags; call vm_set
/* root[VPN1(va)] = megapage leaf to the constant physical address pa */
#define MAP_MEGA(root, va, pa, flags) \
        la a0, root; li a1, VPN1(va); li a2, pa; li a3, flags; call vm_set
/* root[VPN1(va)] = pointer to the level-0 table l0 (extra flags: F_G or 0) */
#define MAP_PTR(root, va, l0, flags) \
        la a0, root; li a1, VPN1(va); la a2, l0; li a3, F_V | (flags); call vm_set
/* Store the raw PTE value (a constant) into table[idx] (uses a0, a1). */
#define SET_PTE_RAW(table, idx, value) \
        la a0, table; li a1, value; sw a1, 4 * (idx)(a0)
/* reg = address of table[idx] */
#define PTE_ADDR(reg, table, idx)  la reg, table; addi reg, reg, 4 * (idx)
#define BASE_MAP(root, flags)  la a0, root; li a1, flags; call vm_base
/* satp = Sv32, asid, root; then (for SATP_ON) sfence.vma of everything */
#define SATP_SET(root, asid)   la a0, root; li a1, asid; call vm_satp
#define SATP_ON(root, asid)    SATP_SET(root, asid); sfence.vma

/* ---- expected outcomes of one access (checks numbered at the calling line) ----
 * Register use: a1 = the virtual address, a2 = destination register of the access
 * (VM_SENTINEL before it), a3 = store/AMO data (VM_STORE_DATA), ra for fetches.
 *
 * EXPECT_FAULT(level, cause, va, insn...): insn (using a1/a2/a3) traps to `level` with
 *   `cause`, epc = insn, tval = va, and a2 still holds VM_SENTINEL (it did not retire).
 * EXPECT_FETCH_FAULT(level, cause, va): `jalr ra, va` traps with epc = tval = va; the
 *   environment resumes at ra.
 * EXPECT_OK(insn...): no trap.
 * EXPECT_FETCH_OK(va): calls va (code there returns with `ret`; a2 = VM_SENTINEL before),
 *   no trap.
 * EXPECT_LOAD(va, value, insn...): no trap and a2 == value afterwards. */
#define VM_SENTINEL    0x5EA5EA5E
#define VM_STORE_DATA  0x0DDC0FFE

#define EXPECT_FAULT(level, cause, va, ...)  _vm_fault __LINE__, level, cause, va, __VA_ARGS__
#define EXPECT_FETCH_FAULT(level, cause, va) _vm_fetch_fault __LINE__, level, cause, va
#define EXPECT_OK(...)                       _vm_ok __LINE__, __VA_ARGS__
#define EXPECT_FETCH_OK(va)                  _vm_fetch_ok __LINE__, va
#define EXPECT_LOAD(va, value, ...)          _vm_load __LINE__, va, value, __VA_ARGS__

.macro _vm_trap_is line, level, cause
        TRAP_DISARM
        TRAP_FIELD(TRAP_COUNT); _check_eq t5, 1, \line, env_what_count
        TRAP_FIELD(TRAP_CAUSE); _check_eq t5, \cause, \line, env_what_cause
        TRAP_FIELD(TRAP_LEVEL); _check_eq t5, \level, \line, env_what_level
.endm

.macro _vm_fault line, level, cause, va, insn:vararg
        li   a1, \va
        li   a2, VM_SENTINEL
        li   a3, VM_STORE_DATA
        TRAP_CLEAR
.Lvf\@: \insn
        _vm_trap_is \line, \level, \cause
        TRAP_FIELD(TRAP_EPC);  _check_eqa t5, .Lvf\@, \line, env_what_epc
        TRAP_FIELD(TRAP_TVAL); _check_eq  t5, \va, \line, env_what_tval
        _check_eq a2, VM_SENTINEL, \line
.endm

.macro _vm_fetch_fault line, level, cause, va
        li   a1, \va
        TRAP_CLEAR
        jalr ra, a1
        _vm_trap_is \line, \level, \cause
        TRAP_FIELD(TRAP_EPC);  _check_eq t5, \va, \line, env_what_epc
        TRAP_FIELD(TRAP_TVAL); _check_eq t5, \va, \line, env_what_tval
.endm

.macro _vm_ok line, insn:vararg
        TRAP_CLEAR
        \insn
        TRAP_DISARM
        TRAP_FIELD(TRAP_COUNT); _check_eq t5, 0, \line, env_what_count
.endm

.macro _vm_fetch_ok line, va
        li   a1, \va
        li   a2, VM_SENTINEL
        _vm_ok \line, jalr ra, a1
.endm

.macro _vm_load line, va, value, insn:vararg
        li   a1, \va
        li   a2, VM_SENTINEL
        li   a3, VM_STORE_DATA
        _vm_ok \line, \insn
        _check_eq a2, \value, \line
.endm

/* ---- PMP (M-mode; use t0) ---- */
#define PMP_R     BIT(PMPCFG_R)
#define PMP_W     BIT(PMPCFG_W)
#define PMP_X     BIT(PMPCFG_X)
#define PMP_L     BIT(PMPCFG_L)
#define PMP_TOR   (1 << PMPCFG_A_LO)
#define PMP_NA4   (2 << PMPCFG_A_LO)
#define PMP_NAPOT (3 << PMPCFG_A_LO)
/* PMP entry i (a constant): pmpaddr_i = reg, then its pmpcfg byte = cfg */
.macro PMP_ENTRY i, cfg, reg
        csrw CSR_PMPADDR0 + \i, \reg
        li   t0, 0xFF << (8 * (\i % 4))
        csrc CSR_PMPCFG0 + \i / 4, t0
        li   t0, (\cfg) << (8 * (\i % 4))
        csrs CSR_PMPCFG0 + \i / 4, t0
.endm
/* reg = pmpaddr of the NAPOT region [base, base + size) (base in a register, size a
 * power of two >= 8, base aligned to it) */
.macro NAPOT_ADDR reg, base, size
        srli \reg, \base, 2
        li   t0, ((\size) >> 3) - 1
        or   \reg, \reg, t0
.endm
/* every PMP entry off, addresses 0 */
.macro PMP_CLEAR_ALL
        csrw CSR_PMPCFG0, zero
        csrw CSR_PMPCFG0 + 1, zero
        csrw CSR_PMPCFG0 + 2, zero
        csrw CSR_PMPCFG0 + 3, zero
        .irp i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
        csrw CSR_PMPADDR0 + \i, zero
        .endr
.endm

/* ---- the subroutines ---- */
#define VM_LIB                                                          \
        .text;                                                          \
        .balign 4;                                                      \
vm_set:                                                                 \
        srli a2, a2, PAGE_SHIFT;                                        \
        slli a2, a2, PTE_PPN_LO;                                        \
        or   a2, a2, a3;                                                \
        slli a1, a1, 2;                                                 \
        add  a0, a0, a1;                                                \
        sw   a2, 0(a0);                                                 \
        ret;                                                            \
vm_base:                                                                \
        addi sp, sp, -16;                                               \
        sw   ra, 12(sp);                                                \
        sw   s0, 8(sp);                                                 \
        sw   s1, 4(sp);                                                 \
        mv   s0, a0;                                                    \
        ori  s1, a1, F_RWX;                                             \
        mv   a0, s0; li a1, VPN1(RAM_BASE); li a2, RAM_BASE;            \
        mv   a3, s1; call vm_set;                                       \
        mv   a0, s0; li a1, VPN1(UART_BASE); li a2, UART_BASE & ~(MEGA_SIZE - 1); \
        mv   a3, s1; call vm_set;                                       \
        mv   a0, s0; li a1, VPN1(FINISHER_BASE);                        \
        li   a2, FINISHER_BASE & ~(MEGA_SIZE - 1);                      \
        mv   a3, s1; call vm_set;                                       \
        lw   ra, 12(sp);                                                \
        lw   s0, 8(sp);                                                 \
        lw   s1, 4(sp);                                                 \
        addi sp, sp, 16;                                                \
        ret;                                                            \
vm_satp:                                                                \
        srli a0, a0, PAGE_SHIFT;                                        \
        slli a1, a1, SATP_ASID_LO;                                      \
        or   a0, a0, a1;                                                \
        li   a1, SATP_SV32;                                             \
        or   a0, a0, a1;                                                \
        csrw satp, a0;                                                  \
        ret

#endif /* TESTS_VM_VM_H */
