/* vm-fault — every Sv32 page-fault kind for fetch, load, store, AMO and LR/SC (priv spec
 * 1.12, 4.3.2): V=0 and R=0/W=1 at either level, a non-leaf PTE at level 0, a misaligned
 * megapage, an invalid level-1 PTE, missing R, W or X; in U-mode and again in S-mode
 * (the leaves rebuilt without U). Every fault: cause 12/13/15 taken in M, epc = the
 * instruction, tval = the faulting virtual address, rd unchanged; a store that faults
 * changes no memory. Permitted accesses in the same pages work (controls).
 * SC is only tried after a successful LR of the same address.
 * vm-fault-full includes this file with VM_FAULT_ALL defined and adds the cases QEMU 7.2
 * handles differently: AMOs on pages without R (QEMU: load page fault), SC without a
 * reservation on pages it may not write (QEMU skips the access, so no fault), and
 * misaligned accesses to invalid pages (QEMU performs misaligned accesses). */
#include "vm.h"

#ifdef VM_FAULT_ALL
#define AMO_FAULT  EXPECT_FAULT
#define SC_FAULT   EXPECT_FAULT
#define MIS_FAULT  EXPECT_FAULT
#else
#define AMO_FAULT(...)
#define SC_FAULT(...)
#define MIS_FAULT(...)
#define VM_FAULT_NAME "vm-fault"
#endif

#define W        0x40000000              /* window of 4 KiB pages (table l0) */
#define W_INV    (W + 0x0000)            /* V=0, otherwise R W X A D */
#define W_WO     (W + 0x1000)            /* R=0 W=1 (reserved) */
#define W_WXO    (W + 0x2000)            /* R=0 W=1 X=1 (reserved) */
#define W_RO     (W + 0x3000)            /* R */
#define W_XO     (W + 0x4000)            /* X only -> pg_code */
#define W_RW     (W + 0x5000)            /* R W */
#define W_RX     (W + 0x6000)            /* R X -> pg_code */
#define W_ZERO   (W + 0x7000)            /* PTE = 0 */
#define N_NL     0x40400000              /* level-0 PTE is a pointer (V only) */
#define N_MIS    0x40800000              /* megapage leaf with PPN[0] = 1 */
#define N_L1INV  0x40C00000              /* level-1 PTE V=0 (R W X A D) */
#define N_L1WO   0x41000000              /* level-1 PTE R=0 W=1 */
#define PA_MEGA  (RAM_BASE + MEGA_SIZE)
#define CODE_MAGIC 0x600DC0DE
#define B_WORD   0xB0B0B060               /* pg_b + 0x60 */

/* pg_a word i holds DATA(i) */
#define DATA(i)  (0xA5000000 | (i))

/* All cases, for the current mode; traps go to M and come from prv. */
.macro ALL_CASES prv
        /* V = 0 */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_INV + 0x10, lw a2, 0(a1))
        CHECK_PREV(\prv)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_INV + 0xFFC, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_INV + 0x20, amoadd.w a2, a3, (a1))
        SC_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_INV + 0x20, sc.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_INV + 0x24, lr.w a2, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_INV + 0x27, lbu a2, 0(a1))
        MIS_FAULT(PRV_M, CAUSE_MISALIGNED_LOAD, W_INV + 0x2A, lw a2, 0(a1))
        MIS_FAULT(PRV_M, CAUSE_MISALIGNED_STORE, W_INV + 0x2B, sh a3, 0(a1))
        MIS_FAULT(PRV_M, CAUSE_MISALIGNED_STORE, W_INV + 0x2E, amoadd.w a2, a3, (a1))
        MIS_FAULT(PRV_M, CAUSE_MISALIGNED_LOAD, N_L1INV + 0x1001, lhu a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_INV + 0x2A, sh a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_INV + 0x100)
        CHECK_PREV(\prv)
        /* R = 0, W = 1 is reserved: every access faults, the store too */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_WO + 0x30, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_WO + 0x34, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_WO + 0x38, amoswap.w a2, a3, (a1))
        SC_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_WO + 0x38, sc.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_WO + 0x3C, lr.w a2, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_WO)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_WXO + 0x40, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_WXO + 0x44, sb a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_WXO)
        /* read-only: stores, AMOs and SC fault; loads and LR work; no X */
        EXPECT_LOAD(W_RO + 0x48, DATA(0x12), lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_RO + 0x48, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_RO + 0x4C, amoor.w a2, a3, (a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_RO + 0x4C, amomaxu.w a2, a3, (a1))
        SC_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_RO + 0x4C, sc.w a2, a3, (a1))
        EXPECT_LOAD(W_RO + 0x50, DATA(0x14), lr.w a2, (a1))
        li   a3, VM_STORE_DATA
        TRAP_CLEAR
1:      sc.w a2, a3, (a1)                       /* reservation valid, page not writable */
        CHECK_TRAP(PRV_M, CAUSE_STORE_PAGE_FAULT, 1b)
        CHECK_TVAL(W_RO + 0x50)
        CHECK_EQ(a2, DATA(0x14))                /* rd not written */
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_RO + 0x8)
        /* execute-only: fetch works, loads/LR (MXR = 0) and stores fault */
        EXPECT_FETCH_OK(W_XO)
        CHECK_EQ(a2, CODE_MAGIC)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_XO + 0x4, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_XO + 0x8, lr.w a2, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_XO + 0x2, lhu a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_XO + 0xC, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_XO + 0xC, amoand.w a2, a3, (a1))
        SC_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_XO + 0xC, sc.w a2, a3, (a1))
        /* read-write without X: data works, fetch faults */
        EXPECT_LOAD(W_RW + 0x60, B_WORD, lw a2, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_RW + 0x60)
        /* read-execute: both work, stores fault */
        EXPECT_FETCH_OK(W_RX)
        CHECK_EQ(a2, CODE_MAGIC)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_RX + 0x10, sw a3, 0(a1))
        /* PTE = 0 at level 0 */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_ZERO + 0x7F0, lw a2, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_ZERO + 0x7F4, amoxor.w a2, a3, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_ZERO + 0x7F8)
        /* a pointer PTE at level 0 */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, N_NL + 0x1C, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_NL + 0x1C, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_NL + 0x18, amoadd.w a2, a3, (a1))
        SC_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_NL + 0x18, sc.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, N_NL + 0x14, lr.w a2, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, N_NL)
        /* misaligned megapage, anywhere inside it */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, N_MIS, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, N_MIS + 0x2ABCD4, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_MIS + 0x3FFFFC, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_MIS + 0x1000, amominu.w a2, a3, (a1))
        SC_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_MIS + 0x1008, sc.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, N_MIS + 0x1004, lr.w a2, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, N_MIS + 0x1000)
        /* invalid level-1 PTE (it looks like a leaf but V = 0); reserved R=0 W=1 at level 1 */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, N_L1INV + 0x123458, lw a2, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_L1INV + 0x4, amoadd.w a2, a3, (a1))
        SC_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_L1WO + 0x4, sc.w a2, a3, (a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_L1WO + 0x4, amomax.w a2, a3, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, N_L1INV + 0x200000)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, N_L1WO + 0x8, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, N_L1WO + 0xC, sw a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, N_L1WO + 0x10)
        /* controls in the writable page: store, AMO, LR/SC */
        EXPECT_OK(li a1, W_RW + 0x70)
        EXPECT_OK(sw a3, 0(a1))
        EXPECT_LOAD(W_RW + 0x70, VM_STORE_DATA, lw a2, 0(a1))
        EXPECT_LOAD(W_RW + 0x70, VM_STORE_DATA, amoadd.w a2, a3, (a1))
        EXPECT_LOAD(W_RW + 0x70, VM_STORE_DATA * 2, lr.w a2, (a1))
        EXPECT_OK(sc.w a2, a3, (a1))
        CHECK_EQ(a2, 0)
.endm

TEST_NAME(VM_FAULT_NAME)
TEST_BEGIN
        /* pg_a: DATA(i) in word i */
        la   a0, pg_a
        li   a1, 0
1:      li   a2, DATA(0)
        or   a2, a2, a1
        slli a3, a1, 2
        add  a3, a3, a0
        sw   a2, 0(a3)
        addi a1, a1, 1
        li   a2, 1024
        bltu a1, a2, 1b
        la   a0, pg_b
        li   a1, B_WORD
        sw   a1, 0x60(a0)

        /* U-mode: leaves with U, the identity mappings with U */
        BASE_MAP(root, F_U)
        li   s1, F_U
        call build
        SATP_ON(root, 0)
        ENTER_U
        ALL_CASES PRV_U
        ENTER_M
        call check_pg_a

        /* S-mode: the same tables without U */
        BASE_MAP(root, 0)
        li   s1, 0
        call build
        sfence.vma
        ENTER_S
        ALL_CASES PRV_S
        ENTER_M
        call check_pg_a
        csrw satp, zero
        TEST_PASS

/* Build the test mappings, every leaf ORed with s1 (F_U or 0). */
build:
        mv   s0, ra
        MAP_PTR(root, W, l0, 0)
        la   a0, l0; li a1, VPN0(W_INV); la a2, pg_a; li a3, F_RWX & ~F_V; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_WO); la a2, pg_a; li a3, F_V | F_W | F_AD; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_WXO); la a2, pg_code; li a3, F_V | F_W | F_X | F_AD; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_RO); la a2, pg_a; li a3, F_RO; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_XO); la a2, pg_code; li a3, F_XO; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_RW); la a2, pg_b; li a3, F_RW; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_RX); la a2, pg_code; li a3, F_RX; or a3, a3, s1; call vm_set
        SET_PTE_RAW(l0, VPN0(W_ZERO), 0)
        MAP_PTR(root, N_NL, l0_nl, 0)
        la   a0, l0_nl; li a1, VPN0(N_NL); la a2, pg_a; li a3, F_V; call vm_set
        la   a0, root; li a1, VPN1(N_MIS); li a2, PA_MEGA + PAGE_SIZE; li a3, F_RWX; or a3, a3, s1; call vm_set
        la   a0, root; li a1, VPN1(N_L1INV); li a2, PA_MEGA; li a3, F_RWX & ~F_V; or a3, a3, s1; call vm_set
        la   a0, root; li a1, VPN1(N_L1WO); li a2, PA_MEGA; li a3, F_V | F_W | F_AD; or a3, a3, s1; call vm_set
        mv   ra, s0
        ret

/* pg_a must be unchanged (no faulting store or AMO wrote it). */
check_pg_a:
        la   a0, pg_a
        li   a1, 0
1:      slli a3, a1, 2
        add  a3, a3, a0
        lw   a3, 0(a3)
        li   a2, DATA(0)
        or   a2, a2, a1
        bne  a2, a3, 2f
        addi a1, a1, 1
        li   a2, 1024
        bltu a1, a2, 1b
        ret
2:      CHECK_EQR(a3, a2)
        ret

        VM_LIB

/* The code page: mapped X-only and R-X in the window. */
        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
pg_code:
        li   a2, CODE_MAGIC
        ret
        .balign PAGE_SIZE

        VM_PAGE(root)
        VM_PAGE(l0)
        VM_PAGE(l0_nl)
        VM_PAGE(pg_a)
        VM_PAGE(pg_b)
