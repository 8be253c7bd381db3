/* pmp-walk — PMP with translation on (priv spec 1.12, 3.7.1 and 4.3.2): the walker's
 * PTE reads are checked as S-mode reads, so a level-0 table in a region without R (no
 * permission, or X only) makes the translation an access fault of the original access
 * type (fetch 1, load/LR 5, store 7), tval = the virtual address, for S and U; a root
 * table there does the same (M-mode loads/stores with MPRV = 1, MPP = S); a table in an
 * R-only region works for every access type (the PTE read is a read, also for fetches
 * and stores); a megapage needs no level-0 read; the final physical address is checked
 * for the access itself (a leaf to a denied page: access fault, a leaf to an allowed one
 * next to it: fine).
 * pmp-walk-ad includes this file with PMP_WALK_ALL defined and adds what QEMU 7.2 does
 * not check: with Svadu, the A/D write-back to a PTE in a region without W is an access
 * fault of the original access type and the PTE stays unchanged; and AMOs in these
 * cases (cause 7; QEMU: 5). */
#include "vm.h"

#ifdef PMP_WALK_ALL
#define ALL_ONLY(...)  __VA_ARGS__
#else
#define ALL_ONLY(...)
#define PMP_WALK_NAME "pmp-walk"
#endif

#define W_DEN    0x40000000              /* level-0 table l0_den: no PMP permission */
#define W_XO     0x40400000              /* level-0 table l0_xo: PMP X only */
#define W_R      0x40800000              /* level-0 table l0_r: PMP R only */
#define W_OK     0x40C00000              /* level-0 table l0_ok: fine */
#define W_AD     0x41000000              /* level-0 table l0_ad: PMP R only; A/D clear */
#define MEGA     0x41400000              /* megapage -> PA_MEGA */
#define PA_MEGA  (RAM_BASE + MEGA_SIZE)
#define OK_WORD  0x0C0C0C0C              /* pg_ok + 0x10 */
#define CODE_RET 0x00C0DEAA

.macro CASES prv, amo_old
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_DEN + 0x10, lw a2, 0(a1))
        CHECK_PREV(\prv)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_DEN + 0x14, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_DEN + 0x18, lr.w a2, (a1))
        ALL_ONLY(EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_DEN + 0x1C, amoadd.w a2, a3, (a1)))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_DEN + 0x1000)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_XO + 0x10, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_XO + 0x14, sb a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_XO + 0x1000)
        EXPECT_LOAD(W_R + 0x10, OK_WORD, lw a2, 0(a1))
        EXPECT_OK(sw a3, 0x20(a1))
        EXPECT_LOAD(W_R + 0x24, \amo_old, amoadd.w a2, a3, (a1))
        EXPECT_FETCH_OK(W_R + 0x1000)
        CHECK_EQ(a2, CODE_RET)
        EXPECT_LOAD(W_OK + 0x10, OK_WORD, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_OK + 0x1010, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_OK + 0x1014, sw a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_OK + 0x1100)
        EXPECT_LOAD(MEGA + 0x3000, 0x3E6A3000, lw a2, 0(a1))
        EXPECT_LOAD(W_AD + 0x3010, OK_WORD, lw a2, 0(a1))       /* A, D set already */
#ifdef PMP_WALK_ALL
        /* Svadu: A (and D) must be written, the table region has no W */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_AD + 0x0010, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_AD + 0x1010, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_AD + 0x3014, sw a3, 0(a1))  /* D only */
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_AD + 0x3018, amoor.w a2, a3, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_AD + 0x2000)
#endif
.endm

TEST_NAME(PMP_WALK_NAME)
TEST_BEGIN
        la   a0, pg_ok
        li   a1, OK_WORD
        sw   a1, 0x10(a0)
        li   a0, PA_MEGA + 0x3000
        li   a1, 0x3E6A3000
        sw   a1, 0(a0)
        li   a0, BIT(MENVCFGH_ADUE)
        csrw menvcfgh, a0

        PMP_CLEAR_ALL
        la   a0, l0_den
        NAPOT_ADDR a1, a0, PAGE_SIZE
        PMP_ENTRY 0, PMP_NAPOT, a1
        la   a0, l0_xo
        NAPOT_ADDR a1, a0, PAGE_SIZE
        PMP_ENTRY 1, PMP_NAPOT | PMP_X, a1
        la   a0, l0_r
        NAPOT_ADDR a1, a0, PAGE_SIZE
        PMP_ENTRY 2, PMP_NAPOT | PMP_R, a1
        la   a0, l0_ad
        NAPOT_ADDR a1, a0, PAGE_SIZE
        PMP_ENTRY 3, PMP_NAPOT | PMP_R, a1
        la   a0, pg_den
        NAPOT_ADDR a1, a0, PAGE_SIZE
        PMP_ENTRY 4, PMP_NAPOT, a1
        la   a0, root_den
        NAPOT_ADDR a1, a0, PAGE_SIZE
        PMP_ENTRY 5, PMP_NAPOT | PMP_W | PMP_X, a1
        li   a1, -1
        PMP_ENTRY 15, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1

        /* U-mode, then S-mode */
        BASE_MAP(root, F_U)
        li   s1, F_U
        call build
        SATP_ON(root, 0)
        ENTER_U
        CASES PRV_U, 0
        ENTER_M
        BASE_MAP(root, 0)
        li   s1, 0
        call build
        sfence.vma
        ENTER_S
        CASES PRV_S, VM_STORE_DATA
        ENTER_M

        /* a root table without R: M-mode with MPRV = 1, MPP = S */
        la   a0, root_den
        li   a1, 0
        call vm_set_root_copy
        la   a0, root_den
        li   a1, 0
        call vm_satp
        sfence.vma
        li   s2, ST_MPRV | (PRV_S << MSTATUS_MPP_LO)
        li   s3, ST_MPRV | MSTATUS_MPP_MASK
        li   a1, W_OK + 0x10
        li   a2, VM_SENTINEL
        TRAP_CLEAR
        csrs mstatus, s2
1:      lw   a2, 0(a1)
        csrc mstatus, s3
        CHECK_TRAP(PRV_M, CAUSE_LOAD_ACCESS, 1b)
        CHECK_TVAL(W_OK + 0x10)
        CHECK_EQ(a2, VM_SENTINEL)
        TRAP_CLEAR
        csrs mstatus, s2
1:      sw   a2, 0(a1)
        csrc mstatus, s3
        CHECK_TRAP(PRV_M, CAUSE_STORE_ACCESS, 1b)
        /* the same root copy readable again: fine */
        csrw pmpcfg1, zero
        sfence.vma
        li   a1, W_OK + 0x10
        csrs mstatus, s2
        lw   a2, 0(a1)
        csrc mstatus, s3
        CHECK_EQ(a2, OK_WORD)

        /* the A/D PTEs were not changed by the faulting walks */
        la   a0, l0_ad
        lw   a1, 0(a0)
        andi a1, a1, F_A | F_D
        CHECK_EQ(a1, 0)
        lw   a1, 4(a0)
        andi a1, a1, F_A | F_D
        CHECK_EQ(a1, 0)
        lw   a1, 12(a0)
        andi a1, a1, F_A | F_D
        CHECK_EQ(a1, F_A)

        csrw satp, zero
        PMP_CLEAR_ALL
        li   a1, -1
        PMP_ENTRY 0, PMP_NAPOT | PMP_R | PMP_W | PMP_X, a1
        TEST_PASS

/* the windows, leaves ORed with s1 (F_U or 0) */
build:
        mv   s0, ra
        MAP_PTR(root, W_DEN, l0_den, 0)
        MAP_PTR(root, W_XO, l0_xo, 0)
        MAP_PTR(root, W_R, l0_r, 0)
        MAP_PTR(root, W_OK, l0_ok, 0)
        MAP_PTR(root, W_AD, l0_ad, 0)
        la   a0, root; li a1, VPN1(MEGA); li a2, PA_MEGA; li a3, F_RW; or a3, a3, s1; call vm_set
        la   a0, l0_den; li a1, 0; la a2, pg_ok; li a3, F_RWX; or a3, a3, s1; call vm_set
        la   a0, l0_den; li a1, 1; la a2, code; li a3, F_RX; or a3, a3, s1; call vm_set
        la   a0, l0_xo; li a1, 0; la a2, pg_ok; li a3, F_RWX; or a3, a3, s1; call vm_set
        la   a0, l0_xo; li a1, 1; la a2, code; li a3, F_RX; or a3, a3, s1; call vm_set
        la   a0, l0_r; li a1, 0; la a2, pg_ok; li a3, F_RW; or a3, a3, s1; call vm_set
        la   a0, l0_r; li a1, 1; la a2, code; li a3, F_RX; or a3, a3, s1; call vm_set
        la   a0, l0_ok; li a1, 0; la a2, pg_ok; li a3, F_RW; or a3, a3, s1; call vm_set
        la   a0, l0_ok; li a1, 1; la a2, pg_den; li a3, F_RWX; or a3, a3, s1; call vm_set
        /* l0_ad: 0 and 1 with A = D = 0, 2 (code) A = 0, 3 with A = 1, D = 0 */
        la   a0, l0_ad; li a1, 0; la a2, pg_ok; li a3, F_V | F_R | F_W; or a3, a3, s1; call vm_set
        la   a0, l0_ad; li a1, 1; la a2, pg_ok; li a3, F_V | F_R | F_W; or a3, a3, s1; call vm_set
        la   a0, l0_ad; li a1, 2; la a2, code; li a3, F_V | F_R | F_X; or a3, a3, s1; call vm_set
        la   a0, l0_ad; li a1, 3; la a2, pg_ok; li a3, F_V | F_R | F_W | F_A; or a3, a3, s1; call vm_set
        mv   ra, s0
        ret

/* root_den = root (a copy in the region without R) */
vm_set_root_copy:
        la   a0, root
        la   a1, root_den
        li   a2, PAGE_SIZE
1:      lw   a3, 0(a0)
        sw   a3, 0(a1)
        addi a0, a0, 4
        addi a1, a1, 4
        addi a2, a2, -4
        bnez a2, 1b
        ret

        VM_LIB

        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
code:   li   a2, CODE_RET
        ret
        .balign PAGE_SIZE

        VM_PAGE(root)
        VM_PAGE(root_den)
        VM_PAGE(l0_den)
        VM_PAGE(l0_xo)
        VM_PAGE(l0_r)
        VM_PAGE(l0_ok)
        VM_PAGE(l0_ad)
        VM_PAGE(pg_ok)
        VM_PAGE(pg_den)
