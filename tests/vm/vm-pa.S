/* vm-pa — where a translation may lead (priv spec 1.12, 4.3.2 step 8 and 3.6): Sv32 PTEs
 * hold 34-bit physical addresses; a leaf whose PA is at or above 2^32 (0x1_0000_0000,
 * 0x3_FFFF_F000) or in no device (PA 0) gives an access fault of the access type: fetch
 * 1, load/LR 5, store 7, with tval = the virtual address; nothing is written. Device pages work for plain loads. U-mode,
 * then S-mode.
 * vm-pa-walk includes this file with VM_PA_ALL defined and adds what QEMU 7.2 does
 * differently: PAs that alias RAM when bits 33:32 are dropped (RAM + 2^32, a megapage
 * at 2^33 + RAM_BASE: QEMU 7.2 computes the PA in 32 bits and reaches RAM), AMO access
 * faults (cause 7; QEMU: 5), PTE reads from outside RAM (access
 * fault of the access type; QEMU: page fault), a PA just past the end of RAM (QEMU's virt
 * has 128 MiB), AMO/LR/SC and fetches on a device page (QEMU performs them). */
#include "vm.h"

#ifdef VM_PA_ALL
#define ALL_ONLY(...)  __VA_ARGS__
#else
#define ALL_ONLY(...)
#define VM_PA_NAME "vm-pa"
#endif

#define W        0x40000000
#define W_HI     (W + 0x0000)            /* PA 0x1_0000_0000 */
#define W_TOP    (W + 0x1000)            /* PA 0x3_FFFF_F000 */
#define W_RAMHI  (W + 0x2000)            /* PA 0x1_0000_0000 + pg_a: RAM + 2^32 */
#define W_NODEV  (W + 0x3000)            /* PA 0 */
#define W_UART   (W + 0x4000)            /* the UART registers */
#define W_OK     (W + 0x5000)            /* pg_a itself */
#define M_HI     0x40400000              /* megapage at PA 0x2_8000_0000 (2^33 + RAM_BASE) */
#define PPN_HI   0x100000                /* 2^32 >> 12 */
#define W_RAMEND (W + 0x6000)            /* the first PA after RAM */
#define PA_RAMEND (RAM_BASE + RAM_SIZE_DEFAULT)
#define T_NODEV  0x40800000              /* level-1 pointer to a table at PA 0 */
#define T_HI     0x40C00000              /* ... at l0 + 2^32 (l0 if bits 33:32 were dropped) */
#define T_RAMEND 0x41000000              /* ... at PA_RAMEND */
#define T_UART   0x41400000              /* ... at the UART */

.macro CASES prv
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_HI + 0x10, lw a2, 0(a1))
        CHECK_PREV(\prv)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_HI + 0x14, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_HI + 0x18, lr.w a2, (a1))
        ALL_ONLY(EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_HI + 0x1C, amoadd.w a2, a3, (a1)))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_HI + 0x20)
        CHECK_PREV(\prv)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_TOP + 0xFFC, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_TOP + 0xFFE, sh a3, 0(a1))
#ifdef VM_PA_ALL
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_RAMHI + 0x40, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_RAMHI + 0x44, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_RAMHI + 0x48, amoswap.w a2, a3, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_RAMHI + 0x4C)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, M_HI + 0x2345C0, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, M_HI + 0x2345C4, sb a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, M_HI + 0x400)
#endif
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_NODEV + 0x8, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_NODEV + 0xC, sw a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_NODEV + 0x10)
        /* a device through a page: LSR shows THRE */
        li   a1, W_UART + UART_LSR
        lbu  a2, 0(a1)
        andi a2, a2, UART_LSR_THRE
        CHECK_EQ(a2, UART_LSR_THRE)
        /* pg_a through its own page */
        EXPECT_LOAD(W_OK + 0x40, 0x0A0A0040, lw a2, 0(a1))
#ifdef VM_PA_ALL
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_RAMEND + 0x10, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_RAMEND + 0x14, sw a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_RAMEND + 0x18)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_UART, amoadd.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, W_UART, lr.w a2, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, W_UART, sc.w a2, a3, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, W_UART)
        /* the level-0 PTE read itself goes nowhere: access fault of the access type */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, T_NODEV + 0x5010, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, T_NODEV + 0x5014, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, T_NODEV + 0x5018, amoor.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, T_NODEV + 0x501C, lr.w a2, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, T_NODEV + 0x5020)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, T_HI + 0x5040, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, T_HI + 0x5044, sw a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, T_HI + 0x5048)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, T_RAMEND + 0x5050, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, T_RAMEND + 0x5054, amoadd.w a2, a3, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_ACCESS, T_RAMEND + 0x5058)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_ACCESS, T_UART + 0x5060, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_ACCESS, T_UART + 0x5064, sw a3, 0(a1))
#endif
.endm

TEST_NAME(VM_PA_NAME)
TEST_BEGIN
        la   a0, pg_a
        li   a1, 0x0A0A0040
        sw   a1, 0x40(a0)

        BASE_MAP(root, F_U)
        li   s1, F_U
        call build
        SATP_ON(root, 0)
        ENTER_U
        CASES PRV_U
        ENTER_M
        BASE_MAP(root, 0)
        li   s1, 0
        call build
        sfence.vma
        ENTER_S
        CASES PRV_S
        ENTER_M
#ifdef VM_PA_ALL
        /* the root table itself at RAM + 2^32 (satp.PPN bit 20): M-mode loads and stores
         * with MPRV = 1, MPP = S fault on the first PTE read */
        la   a0, root
        srli a0, a0, PAGE_SHIFT
        li   a1, PPN_HI | SATP_SV32
        or   a0, a0, a1
        csrw satp, a0
        sfence.vma
        li   s2, ST_MPRV | (PRV_S << MSTATUS_MPP_LO)
        li   s3, ST_MPRV | MSTATUS_MPP_MASK
        li   a1, W_OK + 0x40
        li   a2, VM_SENTINEL
        TRAP_CLEAR
        csrs mstatus, s2
1:      lw   a2, 0(a1)
        csrc mstatus, s3
        CHECK_TRAP(PRV_M, CAUSE_LOAD_ACCESS, 1b)
        CHECK_TVAL(W_OK + 0x40)
        CHECK_EQ(a2, VM_SENTINEL)
        TRAP_CLEAR
        csrs mstatus, s2
1:      sw   a2, 0(a1)
        csrc mstatus, s3
        CHECK_TRAP(PRV_M, CAUSE_STORE_ACCESS, 1b)
        CHECK_TVAL(W_OK + 0x40)
        /* and with the root back in RAM the same access works */
        SATP_ON(root, 0)
        li   a1, W_OK + 0x40
        csrs mstatus, s2
        lw   a2, 0(a1)
        csrc mstatus, s3
        CHECK_EQ(a2, 0x0A0A0040)
#endif
        csrw satp, zero
        /* pg_a: only the word set above (RAM + 2^32 must not alias RAM) */
        la   a0, pg_a
        lw   a1, 0x40(a0)
        CHECK_EQ(a1, 0x0A0A0040)
        lw   a1, 0x44(a0)
        CHECK_EQ(a1, 0)
        lw   a1, 0x48(a0)
        CHECK_EQ(a1, 0)
        TEST_PASS

/* the mappings, leaves ORed with s1 */
build:
        mv   s0, ra
        MAP_PTR(root, W, l0, 0)
        li   a0, PTE_PPN(PPN_HI, F_RWX)
        or   a0, a0, s1
        la   a1, l0
        sw   a0, 4 * VPN0(W_HI)(a1)
        li   a0, PTE_PPN(0x3FFFFF, F_RWX)
        or   a0, a0, s1
        sw   a0, 4 * VPN0(W_TOP)(a1)
        la   a0, pg_a
        srli a0, a0, PAGE_SHIFT
        li   a2, PPN_HI
        or   a0, a0, a2
        slli a0, a0, PTE_PPN_LO
        ori  a0, a0, F_RWX
        or   a0, a0, s1
        sw   a0, 4 * VPN0(W_RAMHI)(a1)
        la   a0, l0; li a1, VPN0(W_NODEV); li a2, 0; li a3, F_RWX; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_UART); li a2, UART_BASE; li a3, F_RWX; or a3, a3, s1; call vm_set
        la   a0, l0; li a1, VPN0(W_OK); la a2, pg_a; li a3, F_RW; or a3, a3, s1; call vm_set
#ifdef VM_PA_ALL
        la   a0, l0; li a1, VPN0(W_RAMEND); li a2, PA_RAMEND; li a3, F_RWX; or a3, a3, s1; call vm_set
        MAP_PTR(root, T_NODEV, 0, 0)
        MAP_PTR(root, T_RAMEND, PA_RAMEND, 0)
        MAP_PTR(root, T_UART, UART_BASE, 0)
        la   a0, l0
        srli a0, a0, PAGE_SHIFT
        li   a2, PPN_HI
        or   a0, a0, a2
        slli a0, a0, PTE_PPN_LO
        ori  a0, a0, F_V
        la   a1, root
        sw   a0, 4 * VPN1(T_HI)(a1)
#endif
        li   a0, PTE_PPN((2 * PPN_HI) | (RAM_BASE >> PAGE_SHIFT), F_RWX)
        or   a0, a0, s1
        la   a1, root
        sw   a0, 4 * VPN1(M_HI)(a1)
        mv   ra, s0
        ret

        VM_LIB
        VM_PAGE(root)
        VM_PAGE(l0)
        VM_PAGE(pg_a)
