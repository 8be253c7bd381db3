/* vm-restart — precise page faults and restart (priv spec 1.12, 3.1.15 and 4.3.2):
 * demand paging. Pages of a window start unmapped; a trap hook maps the page at tval
 * (then sfence.vma for that address) and returns to the faulting instruction, which must
 * then complete exactly once: a load gets its data, a store writes once, an AMO on a
 * read-only page (the hook makes it writable) adds once, an LR/SC pair succeeds (the trap broke no reservation made after it), a fetch
 * runs the routine; the instruction after a faulting one runs once; two faults in a
 * row (load then store, two pages). Done two ways: S-mode with page faults delegated
 * to S (the S handler runs translated and edits the tables), and U-mode with M
 * handling them. */
#include "vm.h"

#define W        0x40000000              /* page i -> backing[i] */
#define NPG      8
#define TAG(i)   (0xDE3A0000 | (i))      /* word 0 of pool page i */
#define CODE_RET 0x0000A11C

/* Run the demand-paging sequence (all pages unmapped at the start); traps are taken at
 * `level` and come from `prv`. */
.macro PAGING_CASES level, prv
        /* load */
        li   a1, W + 0x0010
        li   a2, VM_SENTINEL
        li   s1, 0
        TRAP_CLEAR
1:      lw   a2, -0x10(a1)
        addi s1, s1, 1
        CHECK_TRAP(\level, CAUSE_LOAD_PAGE_FAULT, 1b)
        CHECK_TVAL(W + 0x0000)
        CHECK_PREV(\prv)
        CHECK_EQ(a2, TAG(0))
        CHECK_EQ(s1, 1)
        /* store */
        li   a1, W + 0x1008
        li   a3, 0x57073008
        TRAP_CLEAR
1:      sw   a3, 0(a1)
        CHECK_TRAP(\level, CAUSE_STORE_PAGE_FAULT, 1b)
        CHECK_TVAL(W + 0x1008)
        lw   a2, 0(a1)
        CHECK_EQ(a2, 0x57073008)
        /* AMO on a read-only page (mapped so by fill_pool): adds once */
        li   a1, W + 0x2000
        li   a3, 0x100
        TRAP_CLEAR
1:      amoadd.w a2, a3, (a1)
        CHECK_TRAP(\level, CAUSE_STORE_PAGE_FAULT, 1b)
        CHECK_TVAL(W + 0x2000)
        CHECK_EQ(a2, TAG(2))
        lw   a2, 0(a1)
        CHECK_EQ(a2, TAG(2) + 0x100)
        /* fetch */
        li   a1, W + 0x3000
        li   a2, VM_SENTINEL
        TRAP_CLEAR
        jalr ra, a1
        CHECK_TRAPR(\level, CAUSE_FETCH_PAGE_FAULT, a1)
        CHECK_TVAL(W + 0x3000)
        CHECK_EQ(a2, CODE_RET)
        /* LR faults and restarts; the SC after it succeeds */
        li   a1, W + 0x4004
        li   a3, 0x5C5C5C5C
        TRAP_CLEAR
1:      lr.w a2, (a1)
        CHECK_TRAP(\level, CAUSE_LOAD_PAGE_FAULT, 1b)
        sc.w a2, a3, (a1)
        CHECK_EQ(a2, 0)
        lw   a2, 0(a1)
        CHECK_EQ(a2, 0x5C5C5C5C)
        /* two faults in a row: a load from page 5, then a store to page 6 */
        li   a1, W + 0x5FFC
        li   a3, 0x66666666
        li   s1, 0
        TRAP_CLEAR
1:      lw   a2, 0(a1)
2:      sw   a3, 4(a1)
        addi s1, s1, 1
        CHECK_COUNT(2)
        CHECK_LOG(0, CAUSE_LOAD_PAGE_FAULT)
        CHECK_LOG(1, CAUSE_STORE_PAGE_FAULT)
        CHECK_TVAL(W + 0x6000)
        TRAP_FIELD(TRAP_EPC)
        CHECK_EQA(t5, 2b)
        CHECK_EQ(s1, 1)
        CHECK_EQ(a2, 0)
.endm

TEST_NAME("vm-restart")
TEST_BEGIN
        BASE_MAP(root_s, F_G)
        MAP_PTR(root_s, W, l0, 0)
        BASE_MAP(root_u, F_U)
        MAP_PTR(root_u, W, l0, 0)

        /* ---- S-mode, faults delegated to S ---- */
        la   a0, leaf_flags
        li   a1, F_RW | F_X
        sw   a1, 0(a0)
        call fill_pool
        li   a0, DELEG_PF
        csrw medeleg, a0
        SET_HOOK(env_exc_hook_s, map_hook_s)
        SATP_ON(root_s, 1)
        ENTER_S
        PAGING_CASES PRV_S, PRV_S
        ENTER_M

        /* ---- U-mode, faults handled in M ---- */
        la   a0, leaf_flags
        li   a1, F_RW | F_X | F_U
        sw   a1, 0(a0)
        call fill_pool
        csrw medeleg, zero
        CLEAR_HOOK(env_exc_hook_s)
        SET_HOOK(env_exc_hook_m, map_hook_m)
        SATP_ON(root_u, 2)
        ENTER_U
        PAGING_CASES PRV_M, PRV_U
        ENTER_M
        CLEAR_HOOK(env_exc_hook_m)
        csrw satp, zero
        TEST_PASS

/* (M) pool page i: TAG(i) in word 0, the rest 0; the window unmapped but page 2
 * (read-only, leaf_flags without W); TLBs flushed */
fill_pool:
        la   a0, l0
        li   a1, NPG
1:      sw   zero, 0(a0)
        addi a0, a0, 4
        addi a1, a1, -1
        bnez a1, 1b
        mv   s0, ra
        la   a0, l0                             /* page 2 read-only */
        li   a1, 2
        la   a2, pool + 2 * PAGE_SIZE
        la   a3, leaf_flags
        lw   a3, 0(a3)
        andi a3, a3, ~F_W
        call vm_set
        mv   ra, s0
        sfence.vma
        la   a0, pool
        li   a1, 0
1:      li   a2, TAG(0)
        or   a2, a2, a1
        sw   a2, 0(a0)
        li   a3, PAGE_SIZE - 4
2:      add  a2, a0, a3
        sw   zero, 0(a2)
        addi a3, a3, -4
        bnez a3, 2b
        li   a2, PAGE_SIZE
        add  a0, a0, a2
        addi a1, a1, 1
        li   a2, NPG
        bltu a1, a2, 1b
        ret

/* Hooks: map the page at tval to backing[(tval - W) >> 12] with leaf_flags, fence it,
 * and return to the faulting instruction (epc unchanged). */
map_hook_s:
        csrr s2, stval
        j    map_page
map_hook_m:
        csrr s2, mtval
map_page:
        mv   s11, ra
        li   a0, W
        sub  a1, s2, a0
        srli a1, a1, PAGE_SHIFT
        slli a2, a1, 2
        la   a0, backing
        add  a2, a2, a0
        lw   a2, 0(a2)
        la   a0, leaf_flags
        lw   a3, 0(a0)
        la   a0, l0
        call vm_set
        sfence.vma s2
        mv   ra, s11
        ret

        VM_LIB

        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
code:   li   a2, CODE_RET
        ret
        .balign PAGE_SIZE

        .data
        .balign 4
backing:
        .word pool + 0 * PAGE_SIZE, pool + 1 * PAGE_SIZE, pool + 2 * PAGE_SIZE, code
        .word pool + 4 * PAGE_SIZE, pool + 5 * PAGE_SIZE, pool + 6 * PAGE_SIZE
        .word pool + 7 * PAGE_SIZE
leaf_flags:
        .word 0

        VM_PAGE(root_s)
        VM_PAGE(root_u)
        VM_PAGE(l0)
        .pushsection .bss
        .balign PAGE_SIZE
pool:   .space NPG * PAGE_SIZE
        .popsection
