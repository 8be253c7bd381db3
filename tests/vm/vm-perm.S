/* vm-perm — the U-bit, SUM and MXR rules of Sv32 (priv spec 1.12, 4.3.1, 3.1.6.3):
 * U-mode may only use U pages (SUM does not change that); S-mode loads/stores/AMOs/LR/SC
 * on U pages fault unless SUM = 1; S-mode never executes from a U page, SUM or not;
 * MXR = 1 makes execute-only pages loadable (LR too) but not writable, in both modes,
 * and does not lift the U rules. The same rules for a megapage leaf. Faults go to M
 * with tval = the virtual address and rd unchanged. */
#include "vm.h"

/* vm-perm-amo (vsim-only) includes this file with VM_PERM_ALL defined: it adds the AMOs
 * that may neither read nor write their page, which must fault with cause 15 (QEMU 7.2
 * reports 13). */
#ifdef VM_PERM_ALL
#define AMO_FAULT  EXPECT_FAULT
#else
#define AMO_FAULT(...)
#define VM_PERM_NAME "vm-perm"
#endif

#define W        0x40000000              /* 4 KiB pages */
#define W_U_RW   (W + 0x0000)            /* U R W   -> pg_a */
#define W_U_RO   (W + 0x1000)            /* U R     -> pg_a */
#define W_U_XO   (W + 0x2000)            /* U X     -> pg_code */
#define W_U_RX   (W + 0x3000)            /* U R X   -> pg_code */
#define W_S_RW   (W + 0x4000)            /* R W     -> pg_a */
#define W_S_XO   (W + 0x5000)            /* X       -> pg_code */
#define W_S_RX   (W + 0x6000)            /* R X     -> pg_code */
#define M_U      0x40400000              /* U R W megapage */
#define M_S      0x40800000              /* R W megapage (the same memory) */
#define PA_MEGA  (RAM_BASE + MEGA_SIZE)
#define CODE_MAGIC 0xC0DE600D
#define CODE_WORD  0x5EC12E7D            /* pg_code + 0x100 */
#define A_WORD     0xAAAA0010            /* pg_a + 0x10 */
#define MEGA_WORD  0x3E6A0B0C            /* PA_MEGA + 0x2F0000 */

/* Set / clear mstatus bits (from M) */
#define MST_SET(bits)  li t0, bits; csrs mstatus, t0
#define MST_CLR(bits)  li t0, bits; csrc mstatus, t0

TEST_NAME(VM_PERM_NAME)
TEST_BEGIN
        la   a0, pg_a
        li   a1, A_WORD
        sw   a1, 0x10(a0)
        li   a0, PA_MEGA + 0x2F0000
        li   a1, MEGA_WORD
        sw   a1, 0(a0)

        BASE_MAP(root_u, F_U)
        BASE_MAP(root_s, 0)
        la   s0, root_u
        call build
        la   s0, root_s
        call build
        MAP_4K(l0, W_U_RW, pg_a, F_U | F_RW)
        MAP_4K(l0, W_U_RO, pg_a, F_U | F_RO)
        MAP_4K(l0, W_U_XO, pg_code, F_U | F_XO)
        MAP_4K(l0, W_U_RX, pg_code, F_U | F_RX)
        MAP_4K(l0, W_S_RW, pg_a, F_RW)
        MAP_4K(l0, W_S_XO, pg_code, F_XO)
        MAP_4K(l0, W_S_RX, pg_code, F_RX)

        /* ================= U-mode ================= */
        SATP_ON(root_u, 0)
        ENTER_U
        /* U pages: everything allowed by R/W/X */
        EXPECT_LOAD(W_U_RW + 0x10, A_WORD, lw a2, 0(a1))
        EXPECT_OK(sw a3, 4(a1))
        EXPECT_LOAD(W_U_RW + 0x14, VM_STORE_DATA, amoadd.w a2, a3, (a1))
        EXPECT_LOAD(W_U_RW + 0x14, VM_STORE_DATA * 2, lr.w a2, (a1))
        EXPECT_OK(sc.w a2, a3, (a1))
        CHECK_EQ(a2, 0)
        EXPECT_LOAD(W_U_RO + 0x10, A_WORD, lw a2, 0(a1))
        EXPECT_FETCH_OK(W_U_RX)
        CHECK_EQ(a2, CODE_MAGIC)
        EXPECT_FETCH_OK(W_U_XO)
        CHECK_EQ(a2, CODE_MAGIC)
        EXPECT_LOAD(M_U + 0x2F0000, MEGA_WORD, lw a2, 0(a1))
        /* S pages: never from U */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_S_RW + 0x10, lw a2, 0(a1))
        CHECK_PREV(PRV_U)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_S_RW + 0x18, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_S_RW + 0x1C, amoswap.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_S_RW + 0x20, lr.w a2, (a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_S_RX)
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_S_XO)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, M_S + 0x2F0000, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, M_S + 0x3FFFF8, sw a3, 0(a1))
        /* execute-only, MXR = 0 */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_XO + 0x100, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_XO + 0x100, lr.w a2, (a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_XO + 0x100, amoadd.w a2, a3, (a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, M_S + 0x10, amoand.w a2, a3, (a1))
        ENTER_M
        /* SUM = 1 and MXR = 1 in U */
        MST_SET(ST_SUM | ST_MXR)
        ENTER_U
        EXPECT_LOAD(W_U_XO + 0x100, CODE_WORD, lw a2, 0(a1))
        EXPECT_LOAD(W_U_XO + 0x100, CODE_WORD, lr.w a2, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_XO + 0x104, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_XO + 0x104, amoor.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_S_RW + 0x10, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_S_XO + 0x100, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_S_RW + 0x18, sw a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_S_RX)
        EXPECT_LOAD(W_U_RX + 0x100, CODE_WORD, lw a2, 0(a1))
        ENTER_M
        MST_CLR(ST_SUM | ST_MXR)

        /* ================= S-mode ================= */
        SATP_ON(root_s, 0)
        ENTER_S
        /* S pages */
        EXPECT_LOAD(W_S_RW + 0x10, A_WORD, lw a2, 0(a1))
        EXPECT_OK(sw a3, 8(a1))
        EXPECT_FETCH_OK(W_S_RX)
        CHECK_EQ(a2, CODE_MAGIC)
        EXPECT_FETCH_OK(W_S_XO)
        CHECK_EQ(a2, CODE_MAGIC)
        EXPECT_LOAD(M_S + 0x2F0000, MEGA_WORD, lw a2, 0(a1))
        /* U pages with SUM = 0: no data access, no fetch */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_RW + 0x10, lw a2, 0(a1))
        CHECK_PREV(PRV_S)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_RW + 0x24, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_RW + 0x24, amoadd.w a2, a3, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_RW + 0x24, lr.w a2, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_RO + 0x28, lbu a2, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_U_RX)
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, M_U + 0x2F0000, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, M_U + 4, sw a3, 0(a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, M_U + 8, amomin.w a2, a3, (a1))
        AMO_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_RO + 0x8, amomin.w a2, a3, (a1))
        /* SUM = 1: data access to U pages per R/W, still no fetch */
        li   t0, ST_SUM
        csrs sstatus, t0
        EXPECT_LOAD(W_U_RW + 0x10, A_WORD, lw a2, 0(a1))
        EXPECT_OK(sw a3, 0x14(a1))
        EXPECT_LOAD(W_U_RW + 0x24, VM_STORE_DATA, amoadd.w a2, a3, (a1))
        EXPECT_LOAD(W_U_RW + 0x24, VM_STORE_DATA * 2, lr.w a2, (a1))
        EXPECT_OK(sc.w a2, a3, (a1))
        CHECK_EQ(a2, 0)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_RO + 0x28, sw a3, 0(a1))
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_U_RX)
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, W_U_XO)
        EXPECT_LOAD(M_U + 0x2F0000, MEGA_WORD, lw a2, 0(a1))
        /* SUM = 1, MXR = 0: a U execute-only page is not readable */
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_XO + 0x100, lw a2, 0(a1))
        /* SUM = 1, MXR = 1: now it is */
        li   t0, ST_MXR
        csrs sstatus, t0
        EXPECT_LOAD(W_U_XO + 0x100, CODE_WORD, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_U_XO + 0x100, sw a3, 0(a1))
        /* SUM = 0, MXR = 1: U pages closed again */
        li   t0, ST_SUM
        csrc sstatus, t0
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_XO + 0x100, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_U_RW + 0x10, lw a2, 0(a1))
        /* S execute-only page with MXR = 1, then 0 */
        EXPECT_LOAD(W_S_XO + 0x100, CODE_WORD, lw a2, 0(a1))
        EXPECT_LOAD(W_S_XO + 0x100, CODE_WORD, lr.w a2, (a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_S_XO + 0x100, amoswap.w a2, a3, (a1))
        li   t0, ST_MXR
        csrc sstatus, t0
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_S_XO + 0x100, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_S_XO + 0x100, lr.w a2, (a1))
        ENTER_M
        csrw satp, zero
        /* what the permitted stores left: U RW page +0x14 (U sw, then S sw), +0x24 */
        la   a0, pg_a
        lw   a1, 0x14(a0)
        CHECK_EQ(a1, VM_STORE_DATA)
        lw   a1, 0x18(a0)
        CHECK_EQ(a1, VM_STORE_DATA)
        lw   a1, 0x24(a0)
        CHECK_EQ(a1, VM_STORE_DATA)
        lw   a1, 0x28(a0)
        CHECK_EQ(a1, 0)
        TEST_PASS

/* Root s0: the window's pointer and the two megapages. */
build:
        mv   s1, ra
        mv   a0, s0; li a1, VPN1(W); la a2, l0; li a3, F_V; call vm_set
        mv   a0, s0; li a1, VPN1(M_U); li a2, PA_MEGA; li a3, F_U | F_RW; call vm_set
        mv   a0, s0; li a1, VPN1(M_S); li a2, PA_MEGA; li a3, F_RW; call vm_set
        mv   ra, s1
        ret

        VM_LIB

        .section .text.vmcode, "ax"
        .balign PAGE_SIZE
pg_code:
        li   a2, CODE_MAGIC
        ret
        .balign 256
        .word CODE_WORD
        .balign PAGE_SIZE

        VM_PAGE(root_u)
        VM_PAGE(root_s)
        VM_PAGE(l0)
        VM_PAGE(pg_a)
