/* vm-fetch — instruction fetch under Sv32 at page boundaries (priv spec 1.12, 4.3.2,
 * 3.1.15), S-mode:
 *   * running off the end of a mapped page into an unmapped one, or into one without X:
 *     every instruction before the boundary retires once, then a fetch page fault with
 *     epc = tval = the first address of the next page;
 *   * a loop, and a jump in the last word of a page, before an unmapped page: no fault
 *     (whatever is fetched ahead and not executed has no effect);
 *   * code that remaps its own page and executes SFENCE.VMA (all, and for the address):
 *     the code after it (after a jump here; in vm-fetch-spec the very next instruction)
 *     comes from the new mapping;
 *   * mret into S at an unmapped address (and at a mapped one not yet in the TLB) with a
 *     machine timer interrupt pending and enabled: the interrupt is taken first (epc =
 *     the target), then the fetch page fault (or the code runs).
 * vm-fetch-spec includes this file with VM_FETCH_SPEC defined (build/vsim only): the
 * instruction right after the SFENCE.VMA comes from the new mapping (QEMU 7.2 keeps
 * running its already translated block); and with Svadu, no page walk happens and no
 * A bit gets set for the page after the loop or the jump (our walker only walks for
 * non-speculative fetches, core_mmu.sv; the spec would allow a speculative A update). */
#include "vm.h"

#define W        0x40000000
#define F_END    (W + 0x0000)            /* pg_end: falls off its end */
#define F_NONE   (W + 0x1000)            /* unmapped */
#define F_FALL   (W + 0x2000)            /* pg_end again */
#define F_NOX    (W + 0x3000)            /* R W, no X */
#define F_LOOP   (W + 0x4000)            /* pg_loop: a loop and a ret at the end */
#define F_AFTER  (W + 0x5000)            /* unmapped, or (spec) R W X with A = 0 */
#define F_REMAP  (W + 0x6000)            /* code_r1 / code_r2 */
#define F_IRQ    (W + 0x7000)            /* unmapped */
#define F_IRQ2   (W + 0x8000)            /* code_irq */
#define MTI      (MCAUSE_INTERRUPT | IRQ_M_TIMER)

#ifdef VM_FETCH_SPEC
#define IF_SPEC(...)  __VA_ARGS__
#else
#define IF_SPEC(...)
#define VM_FETCH_NAME "vm-fetch"
#endif

/* The remapping code (the same at the same offsets in both pages): with VM_FETCH_SPEC
 * the instruction after each SFENCE.VMA is the one that must come from the new mapping;
 * otherwise a jump follows the fence first (QEMU 7.2 finishes its translation block
 * after an SFENCE.VMA with the old code). */
.macro REMAP_BODY n
        sw   a1, 0(a0)
        beqz a4, 1f
        sfence.vma a4
#ifndef VM_FETCH_SPEC
        j    2f
#endif
        li   a2, \n
        ret
1:      sfence.vma
#ifndef VM_FETCH_SPEC
        j    2f
#endif
2:      li   a2, \n
        ret
.endm

TEST_NAME(VM_FETCH_NAME)
TEST_BEGIN
        BASE_MAP(root, F_G)
        MAP_PTR(root, W, l0, 0)
        MAP_4K(l0, F_END, pg_end, F_RX)
        MAP_4K(l0, F_FALL, pg_end, F_RX)
        MAP_4K(l0, F_NOX, pg_data, F_RW)
        MAP_4K(l0, F_LOOP, pg_loop, F_RX)
        MAP_4K(l0, F_REMAP, code_r1, F_RX)
        MAP_4K(l0, F_IRQ2, code_irq, F_RX)
#ifdef VM_FETCH_SPEC
        li   a0, BIT(MENVCFGH_ADUE)
        csrw menvcfgh, a0
        MAP_4K(l0, F_AFTER, pg_loop, F_V | F_R | F_W | F_X)
        csrw mcountinhibit, zero
        li   a0, HPM_EVENT_ITLB_MISS
        csrw mhpmevent3, a0
        li   a0, BIT(3)
        csrw mcounteren, a0
#endif
        SATP_ON(root, 0)
        ENTER_S

        /* ---- off the end into an unmapped page ---- */
        li   a1, F_END + PAGE_SIZE - 16
        TRAP_CLEAR
        jalr ra, a1
        li   a5, F_NONE
        CHECK_TRAPR(PRV_M, CAUSE_FETCH_PAGE_FAULT, a5)
        CHECK_TVAL(F_NONE)
        CHECK_EQ(a2, 8)
        /* ---- into a page without X ---- */
        li   a1, F_FALL + PAGE_SIZE - 16
        TRAP_CLEAR
        jalr ra, a1
        li   a5, F_NOX
        CHECK_TRAPR(PRV_M, CAUSE_FETCH_PAGE_FAULT, a5)
        CHECK_TVAL(F_NOX)
        CHECK_EQ(a2, 8)

        /* ---- a loop and a ret in the last words ---- */
        IF_SPEC(csrr s8, hpmcounter3)
        li   a1, F_LOOP + PAGE_SIZE - 16
        li   a3, 50
        TRAP_CLEAR
        jalr ra, a1
        CHECK_NO_TRAP
        CHECK_EQ(a2, 50)
#ifdef VM_FETCH_SPEC
        csrr s9, hpmcounter3
        sub  t0, s9, s8
        CHECK_EQ(t0, 1)                         /* F_LOOP only */
        la   a0, l0
        lw   a1, 4 * VPN0(F_AFTER)(a0)
        andi a1, a1, F_A
        CHECK_EQ(a1, 0)
        lw   a1, 4 * VPN0(F_LOOP)(a0)
        andi a1, a1, F_A
        CHECK_EQ(a1, F_A)
#endif

        /* ---- the running page remaps itself ---- */
        PTE_ADDR(a0, l0, VPN0(F_REMAP))
        la   a1, code_r2
        srli a1, a1, PAGE_SHIFT
        slli a1, a1, PTE_PPN_LO
        ori  a1, a1, F_RX
        li   a4, F_REMAP + 4                    /* sfence.vma for the address */
        li   a5, F_REMAP
        jalr ra, a5                             /* code_r1: maps code_r2, fences */
        CHECK_EQ(a2, 2)
        la   a1, code_r1
        srli a1, a1, PAGE_SHIFT
        slli a1, a1, PTE_PPN_LO
        ori  a1, a1, F_RX
        li   a4, 0                              /* sfence.vma of everything */
        jalr ra, a5                             /* code_r2: maps code_r1, fences */
        CHECK_EQ(a2, 1)
        ENTER_M

        /* ---- a pending interrupt before a fetch that faults (M: MIE = 0, so that
         * only the mret into S lets it in) ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        call clint_timer_now
        TRAP_CLEAR
        la   ra, 2f                             /* where the fetch fault resumes (S) */
        li   t0, MSTATUS_MPP_MASK
        csrc mstatus, t0
        li   t0, PRV_S << MSTATUS_MPP_LO
        csrs mstatus, t0
        li   t0, F_IRQ
        csrw mepc, t0
        li   t0, BIT(IRQ_M_TIMER)
        csrw mie, t0
        mret
2:      CHECK_COUNT(2)
        CHECK_LOG(0, MTI)
        CHECK_LOG(1, CAUSE_FETCH_PAGE_FAULT)
        CHECK_TVAL(F_IRQ)
        TRAP_FIELD(TRAP_EPC)
        CHECK_EQ(t5, F_IRQ)
        ENTER_M
        /* ---- ... and before a fetch that needs a walk and succeeds ---- */
        csrci mstatus, BIT(MSTATUS_MIE)
        TRAP_CLEAR
        la   ra, 3f
        li   t0, MSTATUS_MPP_MASK
        csrc mstatus, t0
        li   t0, PRV_S << MSTATUS_MPP_LO
        csrs mstatus, t0
        li   t0, F_IRQ2
        csrw mepc, t0
        li   t0, BIT(IRQ_M_TIMER)
        csrw mie, t0
        li   a2, 0
        mret
3:      li   a5, F_IRQ2
        CHECK_TRAPR(PRV_M, MTI, a5)
        CHECK_PREV(PRV_S)
        CHECK_EQ(a2, 0x1C0DE)
        ENTER_M
        call clint_timer_off
        csrw mie, zero
        csrw satp, zero
        TEST_PASS

        VM_LIB

/* Code pages. pg_end: four instructions at the end (a2 = 5 + 3), then the next page. */
        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
pg_end: .skip PAGE_SIZE - 16
        li   a2, 5
        addi a2, a2, 1
        addi a2, a2, 1
        addi a2, a2, 1
/* pg_loop: a2 counts to a3, then ret from the last word */
pg_loop:
        .skip PAGE_SIZE - 16
        li   a2, 0
1:      addi a2, a2, 1
        blt  a2, a3, 1b
        ret
/* code_r1/code_r2: the same code; they differ in the value they return. a0 = the PTE
 * of F_REMAP, a1 = its new value, a4 = the sfence.vma address (0: all). */
code_r1:
        REMAP_BODY 1
        .balign PAGE_SIZE
code_r2:
        REMAP_BODY 2
        .balign PAGE_SIZE
code_irq:
        li   a2, 0x1C0DE
        ret
        .balign PAGE_SIZE

        VM_PAGE(root)
        VM_PAGE(l0)
        VM_PAGE(pg_data)
