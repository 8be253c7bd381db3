/* vm-svadu — the A and D bits with Svadu (menvcfgh.ADUE = 1, priv spec 1.12 4.3.2 step 7
 * and the Svadu extension): the hardware sets A on any permitted access to a leaf with
 * A = 0, and D on a permitted store, AMO or SC, in the PTE in memory (read back from
 * M-mode), leaving every other PTE bit (PPN, U, G, RSW) alone; a fetch or a load sets
 * only A; an access that faults on permissions sets nothing; a cached D = 0 translation
 * used by a store gets D set; a megapage leaf the same; a load or AMO of its own PTE
 * (a page mapping the table) sees the update already made (vm-svade: an AMO on it).
 * S-mode.
 * vm-svade includes this file with VM_SVADE defined: menvcfgh.ADUE = 0, so each access
 * that would need an update is a page fault instead (cause of the access type, also
 * for a store that hits a cached D = 0 translation) and no PTE ever changes; and ADUE
 * switched at run time under a cached D = 0 translation. */
#include "vm.h"

#define W        0x40000000
#define W_LD     (W + 0x0000)            /* R W, A=0 D=0: load */
#define W_ST     (W + 0x1000)            /* R W, A=0 D=0: store */
#define W_AMO    (W + 0x2000)            /* R W, A=0 D=0: AMO */
#define W_LRSC   (W + 0x3000)            /* R W, A=0 D=0: LR, then SC */
#define W_D0     (W + 0x4000)            /* R W, A=1 D=0: load, then store */
#define W_CODE   (W + 0x5000)            /* R X, A=0: fetch -> code */
#define W_RO     (W + 0x6000)            /* R, A=0: store (faults), then load */
#define W_UPG    (W + 0x7000)            /* U R W, A=0 D=0: S load with SUM = 0 (faults) */
#define W_RSW    (W + 0x8000)            /* R W G, A=0 D=0, RSW = 3: store */
#define W_XO     (W + 0x9000)            /* X, A=0: load with MXR = 1 */
#define W_SW2    (W + 0xA000)            /* R W, A=1 D=0: ADUE switched off, then on */
#define W_CTL    (W + 0xB000)            /* R W, A=1 D=1: never changes */
#define W_SELF   (W + 0xC000)            /* R W, A=0 D=0 -> l0 itself: load own PTE */
#define W_SELF2  (W + 0xD000)            /* R W, A=0 D=0 -> l0 itself: AMO on own PTE */
#define M_AD     0x40400000              /* megapage R W, A=0 D=0: load, then store */
#define PA_MEGA  (RAM_BASE + MEGA_SIZE)
#define RSW3     (3 << 8)
#define NPG      12
#define CODE_WORD 0xC0DE0100             /* code + 0x100 */

#ifdef VM_SVADE
#define ADUE_VALUE 0
#define SETS(bits) 0
/* an access that needs an A/D update: page fault */
#define AD(va, value, cause, ...)  EXPECT_FAULT(PRV_M, cause, va, __VA_ARGS__)
#define AD_FETCH(va)               EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, va)
#else
#define ADUE_VALUE BIT(MENVCFGH_ADUE)
#define SETS(bits) (bits)
#define AD(va, value, cause, ...)  EXPECT_LOAD(va, value, __VA_ARGS__)
#define AD_FETCH(va)               EXPECT_FETCH_OK(va)
#define VM_AD_NAME "vm-svadu"
#endif

/* l0[VPN0(va)] (or root[VPN1(va)] with PTE_IS1) must be its original value | bits */
#define PTE_IS(va, bits)   _pte_is __LINE__, l0, l0_orig, VPN0(va), bits
#define PTE_IS1(va, bits)  _pte_is __LINE__, root, root_orig, VPN1(va), bits
.macro _pte_is line, tbl, orig, idx, bits
        la   a0, \tbl
        lw   a1, 4 * \idx(a0)
        la   a0, \orig
        lw   a2, 4 * \idx(a0)
        li   a3, \bits
        or   a2, a2, a3
        _check_eqr a1, a2, \line, env_what_mem
.endm

/* page i of `pages`: word 0 = TAG(i) */
#define TAG(i)   (0xADAD0000 | (i))
#define PG(i)    (pages + (i) * PAGE_SIZE)

TEST_NAME(VM_AD_NAME)
TEST_BEGIN
        la   a0, pages
        li   a1, 0
1:      li   a2, TAG(0)
        or   a2, a2, a1
        sw   a2, 0(a0)
        li   a2, PAGE_SIZE
        add  a0, a0, a2
        addi a1, a1, 1
        li   a2, NPG
        bltu a1, a2, 1b
        li   a0, PA_MEGA + 0x200000
        li   a1, 0x3E6AAD00
        sw   a1, 0(a0)
        li   a0, ADUE_VALUE
        csrw menvcfgh, a0

        BASE_MAP(root, 0)
        MAP_PTR(root, W, l0, 0)
        MAP_4K(l0, W_LD, PG(0), F_V | F_R | F_W)
        MAP_4K(l0, W_ST, PG(1), F_V | F_R | F_W)
        MAP_4K(l0, W_AMO, PG(2), F_V | F_R | F_W)
        MAP_4K(l0, W_LRSC, PG(3), F_V | F_R | F_W)
        MAP_4K(l0, W_D0, PG(4), F_V | F_R | F_W | F_A)
        MAP_4K(l0, W_CODE, code, F_V | F_R | F_X)
        MAP_4K(l0, W_RO, PG(6), F_V | F_R)
        MAP_4K(l0, W_UPG, PG(7), F_V | F_R | F_W | F_U)
        MAP_4K(l0, W_RSW, PG(8), F_V | F_R | F_W | F_G | RSW3)
        MAP_4K(l0, W_XO, code, F_V | F_X)
        MAP_4K(l0, W_SW2, PG(10), F_V | F_R | F_W | F_A)
        MAP_4K(l0, W_CTL, PG(11), F_RW)
        MAP_4K(l0, W_SELF, l0, F_V | F_R | F_W)
        MAP_4K(l0, W_SELF2, l0, F_V | F_R | F_W)
        MAP_MEGA(root, M_AD, PA_MEGA, F_V | F_R | F_W)
        /* keep the original tables */
        la   a0, l0
        la   a1, l0_orig
        call copy_page
        la   a0, root
        la   a1, root_orig
        call copy_page
        SATP_ON(root, 0)

        ENTER_S
        AD(W_LD + 0x10, 0, CAUSE_LOAD_PAGE_FAULT, lw a2, 0(a1))
        AD(W_ST + 0x14, VM_SENTINEL, CAUSE_STORE_PAGE_FAULT, sw a3, 0(a1))
        AD(W_AMO, TAG(2), CAUSE_STORE_PAGE_FAULT, amoadd.w a2, a3, (a1))
        AD(W_LRSC, TAG(3), CAUSE_LOAD_PAGE_FAULT, lr.w a2, (a1))
        AD(W_LRSC, 0, CAUSE_STORE_PAGE_FAULT, sc.w a2, a3, (a1))
        EXPECT_LOAD(W_D0, TAG(4), lw a2, 0(a1))            /* A=1: fine, D=0 cached */
        AD(W_D0 + 4, VM_SENTINEL, CAUSE_STORE_PAGE_FAULT, sw a3, 0(a1))
        AD_FETCH(W_CODE)
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_RO + 8, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_UPG, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_UPG, sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_XO, lw a2, 0(a1))   /* MXR = 0 */
        EXPECT_LOAD(W_CTL, TAG(11), lw a2, 0(a1))
        EXPECT_OK(sw a3, 4(a1))
        AD(W_RSW + 0xC, VM_SENTINEL, CAUSE_STORE_PAGE_FAULT, sw a3, 0(a1))
        AD(M_AD + 0x200000, 0x3E6AAD00, CAUSE_LOAD_PAGE_FAULT, lw a2, 0(a1))
#ifdef VM_SVADE
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, W_SELF + 4 * VPN0(W_SELF), lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_SELF2 + 4 * VPN0(W_SELF2), amoor.w a2, zero, (a1))
#else
        /* an access to its own PTE sees the update, which comes first */
        li   a1, W_SELF + 4 * VPN0(W_SELF)
        EXPECT_OK(lw a2, 0(a1))
        la   a0, l0_orig
        lw   a0, 4 * VPN0(W_SELF)(a0)
        ori  a0, a0, F_A
        CHECK_EQR(a2, a0)
#endif
        ENTER_M
        PTE_IS(W_SELF, SETS(F_A))
        PTE_IS(W_SELF2, 0)
        /* the PTEs so far */
        PTE_IS(W_LD, SETS(F_A))
        PTE_IS(W_ST, SETS(F_A | F_D))
        PTE_IS(W_AMO, SETS(F_A | F_D))
        PTE_IS(W_LRSC, SETS(F_A | F_D))
        PTE_IS(W_D0, SETS(F_D))
        PTE_IS(W_CODE, SETS(F_A))
        PTE_IS(W_RO, 0)                         /* the store faulted: no A */
        PTE_IS(W_UPG, 0)
        PTE_IS(W_XO, 0)
        PTE_IS(W_CTL, 0)
        PTE_IS(W_RSW, SETS(F_A | F_D))          /* RSW and G kept */
        PTE_IS1(M_AD, SETS(F_A))
        PTE_IS1(W, 0)                           /* the pointer is never touched */

        /* second accesses */
        li   t0, ST_MXR
        csrs mstatus, t0
        ENTER_S
        AD(W_RO, TAG(6), CAUSE_LOAD_PAGE_FAULT, lw a2, 0(a1))
        AD(W_XO + 0x100, CODE_WORD, CAUSE_LOAD_PAGE_FAULT, lw a2, 0(a1))
        AD(M_AD + 0x3FFFFC, VM_SENTINEL, CAUSE_STORE_PAGE_FAULT, sw a3, 0(a1))
        AD(W_LD + 0x18, VM_SENTINEL, CAUSE_STORE_PAGE_FAULT, sw a3, 0(a1))
        ENTER_M
        li   t0, ST_MXR
        csrc mstatus, t0
        PTE_IS(W_RO, SETS(F_A))
        PTE_IS(W_XO, SETS(F_A))
        PTE_IS1(M_AD, SETS(F_A | F_D))
        PTE_IS(W_LD, SETS(F_A | F_D))

#ifdef VM_SVADE
        /* ADUE switched off under a translation cached with D = 0 (by a load under
         * Svadu): the store faults and D stays 0; switched on again: the store sets D.
         * (Here, not in vm-svadu: QEMU 7.2 always sets A/D.) */
        li   a0, BIT(MENVCFGH_ADUE)
        csrw menvcfgh, a0
        ENTER_S
        EXPECT_LOAD(W_SW2, TAG(10), lw a2, 0(a1))
        ENTER_M
        csrw menvcfgh, zero
        ENTER_S
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, W_SW2 + 4, sw a3, 0(a1))
        ENTER_M
        PTE_IS(W_SW2, 0)
        li   a0, BIT(MENVCFGH_ADUE)
        csrw menvcfgh, a0
        ENTER_S
        EXPECT_LOAD(W_SW2 + 4, VM_SENTINEL, sw a3, 0(a1))
        /* an AMO on its own PTE (A = D = 0) reads it with A and D already set (QEMU
         * 7.2 returns it without D, hence here and not in vm-svadu) */
        li   a1, W_SELF2 + 4 * VPN0(W_SELF2)
        EXPECT_OK(amoor.w a2, zero, (a1))
        la   a0, l0_orig
        lw   a0, 4 * VPN0(W_SELF2)(a0)
        ori  a0, a0, F_A | F_D
        CHECK_EQR(a2, a0)
        ENTER_M
        PTE_IS(W_SW2, F_D)
        PTE_IS(W_SELF2, F_A | F_D)
#endif
        /* data: what the permitted stores wrote (a3 = VM_STORE_DATA) */
        csrw satp, zero
        la   a0, pages
        li   a1, 1 * PAGE_SIZE + 0x14
        add  a1, a1, a0
        lw   a1, 0(a1)
        CHECK_EQ(a1, SETS(VM_STORE_DATA))
        lw   a1, 0x18(a0)
        CHECK_EQ(a1, SETS(VM_STORE_DATA))
        li   a1, 2 * PAGE_SIZE
        add  a1, a1, a0
        lw   a1, 0(a1)
        CHECK_EQ(a1, SETS(TAG(2) + VM_STORE_DATA) | (TAG(2) & ~SETS(0xFFFFFFFF)))
        li   a1, 6 * PAGE_SIZE
        add  a1, a1, a0
        lw   a1, 8(a1)
        CHECK_EQ(a1, 0)
        TEST_PASS

/* copy the 4 KiB page at a0 to a1 */
copy_page:
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
code:   li   a2, 0xC0DEAD
        ret
        .balign 256
        .word CODE_WORD
        .balign PAGE_SIZE

        VM_PAGE(root)
        VM_PAGE(root_orig)
        VM_PAGE(l0)
        VM_PAGE(l0_orig)
        .pushsection .bss
        .balign PAGE_SIZE
pages:  .space NPG * PAGE_SIZE
        .popsection
