/* vm-sfence-hazard — SFENCE.VMA reads rs1 (address) and rs2 (ASID) like any other
 * instruction (priv spec 1.12, 4.2.1): the operand may come from the instruction right
 * before it, a load (load-use interlock) or an ALU result (forwarding), and the fence
 * must use the new value. A load followed at once by `sfence.vma x18, x15` once used a
 * stale rs2 (no interlock on SFENCE.VMA's rs2) and kept an entry it had to drop.
 *
 * S-mode, Sv32, Svade (menvcfgh.ADUE = 0); page W is a non-global supervisor data page
 * in ASID_A (the program's identity megapages are global). Each round:
 *   1. D = 0 in W's PTE, whole TLB flushed, a load from W caches the D = 0 translation;
 *   2. a store to W is a store page fault (cause 15, taken in M);
 *   3. D = 1 in the PTE in memory (the TLB may still hold D = 0);
 *   4. the fence under test, its operands made by the instruction(s) right before it
 *      (the registers first hold a wrong value: ASID_B, another page);
 *   5. the store succeeds and the word reads back (through W and physically).
 * If the fence does not cover W in ASID_A, step 5's store hits the cached D = 0
 * translation and faults again. ASID_A is odd, so no word address (what a missing
 * interlock forwards: the load's address) can equal it. Not on QEMU: QEMU 7.2 sets
 * A/D in hardware, so step 2 does not fault there. */
#include "vm.h"

#define ASID_A   0x0A5                   /* satp's ASID, W's mappings */
#define ASID_B   0x15A                   /* wrong value: no entry of this ASID */
#define W        0x40000000              /* -> page */
#define W_WRONG  0x40003000              /* wrong value for the address register */
#define F_D0     (F_V | F_R | F_W | F_A) /* readable, writable, D = 0 */

/* Registers: s2 (x18) = address operand, a5 (x15) = ASID operand, s3 = &asid_word,
 * s4 = &va_word, s5 = scratch for an unrelated instruction in between. */

/* Steps 1-3 for the word W + off; then s2 = va, a5 = asid (the wrong or the right
 * values, as the round needs), s3, s4. */
#define ARM(off, va, asid)  _arm __LINE__, off, va, asid
.macro _arm line, off, va, asid
        MAP_4K(l0, W, page, F_D0)
        sfence.vma
        _vm_load  \line, W + \off, 0, lw a2, 0(a1)
        _vm_fault \line, PRV_M, CAUSE_STORE_PAGE_FAULT, W + \off, sw a3, 0(a1)
        MAP_4K(l0, W, page, F_RW)
        li   s2, \va
        li   a5, \asid
        la   s3, asid_word
        la   s4, va_word
.endm

/* Step 5: the store to W + off retires without a trap, then reads back. */
#define STORED(off)  _stored __LINE__, off
.macro _stored line, off
        li   a1, W + \off
        li   a3, VM_STORE_DATA
        _vm_ok   \line, sw a3, 0(a1)
        _vm_load \line, W + \off, VM_STORE_DATA, lw a2, 0(a1)
        la   a0, page
        lw   a0, \off(a0)
        _check_eq a0, VM_STORE_DATA, \line, env_what_mem
.endm

TEST_NAME("vm-sfence-hazard")
TEST_BEGIN
        csrw menvcfgh, zero                     /* Svade */
        BASE_MAP(root, F_G)
        MAP_PTR(root, W, l0, 0)
        SATP_ON(root, ASID_A)
        ENTER_S

        /* ---- rs2 from a load right before ---- */
        ARM(0x10, W + 0x10, ASID_B)
        lw   a5, 0(s3)
        sfence.vma s2, a5
        STORED(0x10)

        ARM(0x14, 0, ASID_B)
        lw   a5, 0(s3)
        sfence.vma zero, a5
        STORED(0x14)

        /* ---- rs1 from a load right before ---- */
        ARM(0x18, W_WRONG, ASID_A)
        lw   s2, 0(s4)
        sfence.vma s2, a5
        STORED(0x18)

        ARM(0x1C, W_WRONG, ASID_B)
        lw   s2, 0(s4)
        sfence.vma s2, zero
        STORED(0x1C)

        /* ---- both from loads: rs2 at distance 0 and rs1 at 1, then swapped ---- */
        ARM(0x20, W_WRONG, ASID_B)
        lw   s2, 0(s4)
        lw   a5, 0(s3)
        sfence.vma s2, a5
        STORED(0x20)

        ARM(0x24, W_WRONG, ASID_B)
        lw   a5, 0(s3)
        lw   s2, 0(s4)
        sfence.vma s2, a5
        STORED(0x24)

        /* ---- rs2 from a load two instructions before ---- */
        ARM(0x28, W + 0x28, ASID_B)
        lw   a5, 0(s3)
        addi s5, s5, 1
        sfence.vma s2, a5
        STORED(0x28)

        /* ---- rs2 from an ALU result one and two instructions before ---- */
        ARM(0x2C, W + 0x2C, ASID_B)
        addi a5, zero, ASID_A
        sfence.vma s2, a5
        STORED(0x2C)

        ARM(0x30, W + 0x30, ASID_B)
        addi a5, zero, ASID_A
        addi s5, s5, 1
        sfence.vma s2, a5
        STORED(0x30)

        ARM(0x34, 0, ASID_B)
        xori a5, a5, ASID_A ^ ASID_B
        sfence.vma zero, a5
        STORED(0x34)

        ARM(0x38, 0, ASID_B)
        xori a5, a5, ASID_A ^ ASID_B
        addi s5, s5, 1
        sfence.vma zero, a5
        STORED(0x38)

        /* ---- rs1 from an ALU result right before ---- */
        ARM(0x3C, W_WRONG, ASID_A)
        lui  s2, W >> PAGE_SHIFT
        sfence.vma s2, a5
        STORED(0x3C)

        ENTER_M
        csrw satp, zero
        TEST_PASS

        VM_LIB

        .data
        .balign 4
asid_word:
        .word ASID_A
va_word:
        .word W + 0x7F8

        VM_PAGE(root)
        VM_PAGE(l0)
        VM_PAGE(page)
