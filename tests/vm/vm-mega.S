/* vm-mega — translation results (priv spec 1.12, 4.3.2 step 8): 4 KiB pages mapped out of
 * order (the PA is PPN || offset), 4 MiB megapages (the PA is PPN[1] || VPN[0] || offset,
 * for an address anywhere inside: first and last word, middle, every 4 KiB piece), two
 * virtual megapages aliasing one physical one, the top of the virtual address space
 * (0xFFFFF000 as a 4 KiB page, 0xFF800000 as a megapage), loads, stores, AMOs and
 * fetches through each, checked against the physical memory from M-mode; a recursive
 * root entry (the root read as a level-0 table). S-mode. */
#include "vm.h"

#define W        0x40000000              /* 8 pages, VA page i -> pages + (7 - i) * 4 KiB */
#define M1       0x40400000              /* megapage -> PA_M1 */
#define M2       0x40800000              /* megapage -> PA_M2 */
#define M3       0xC0000000              /* megapage -> PA_M1 (alias of M1) */
#define TOPMEGA  0xFF800000              /* megapage -> PA_M2 */
#define TOPPAGE  0xFFFFF000              /* the last 4 KiB page -> pages + 0 */
#define PA_M1    (RAM_BASE + MEGA_SIZE)
#define PA_M2    (RAM_BASE + 2 * MEGA_SIZE)
#define CODE_OFF 0x2A5000                /* where the routine is copied in PA_M1 */
#define RECUR    0x7FC00000              /* root[VPN1] points to the root itself */
#define RECUR_M1 (RECUR + (VPN1(M1) << PAGE_SHIFT))          /* root's M1 leaf, at level 0 */
#define RECUR_W  (RECUR + (VPN1(W) << PAGE_SHIFT))           /* root's pointer to l0 */
#define TAG(i)   (0x7A600000 | (i))

TEST_NAME("vm-mega")
TEST_BEGIN
        /* word 0 and word 1023 of page i of `pages` hold TAG(i), TAG(i + 0x100) */
        la   a0, pages
        li   a1, 0
1:      li   a2, TAG(0)
        or   a2, a2, a1
        sw   a2, 0(a0)
        addi a2, a2, 0x100
        li   a3, PAGE_SIZE
        add  a0, a0, a3
        sw   a2, -4(a0)
        addi a1, a1, 1
        li   a2, 8
        bltu a1, a2, 1b
        /* physical words in the megapages */
        li   a0, PA_M1
        li   a1, 0x11110000
        sw   a1, 0(a0)
        li   a2, 0x3FFFFC
        add  a2, a2, a0
        li   a1, 0x1111FFFC
        sw   a1, 0(a2)
        li   a0, PA_M2 + 0x1FF804
        li   a1, 0x22221804
        sw   a1, 0(a0)
        /* the routine, copied to PA_M1 + CODE_OFF */
        la   a0, routine
        li   a1, PA_M1 + CODE_OFF
        lw   a2, 0(a0)
        sw   a2, 0(a1)
        lw   a2, 4(a0)
        sw   a2, 4(a1)
        lw   a2, 8(a0)
        sw   a2, 8(a1)
        fence.i

        BASE_MAP(root, 0)
        MAP_PTR(root, W, l0, 0)
        li   s0, 0
2:      la   a0, l0
        li   a1, VPN0(W)
        add  a1, a1, s0
        la   a2, pages
        li   a3, 7
        sub  a3, a3, s0
        slli a3, a3, PAGE_SHIFT
        add  a2, a2, a3
        li   a3, F_RWX
        call vm_set
        addi s0, s0, 1
        li   a0, 8
        bltu s0, a0, 2b
        MAP_MEGA(root, M1, PA_M1, F_RWX)
        MAP_MEGA(root, M2, PA_M2, F_RW)
        MAP_MEGA(root, M3, PA_M1, F_RWX)
        MAP_MEGA(root, TOPMEGA, PA_M2, F_RW)
        MAP_PTR(root, TOPPAGE, l0_top, 0)
        MAP_4K(l0_top, TOPPAGE, pages, F_RW)
        MAP_PTR(root, RECUR, root, 0)
        SATP_ON(root, 0)

        ENTER_S
        /* 4 KiB pages: VA page i shows physical page 7 - i */
        EXPECT_LOAD(W + 0x0000, TAG(7), lw a2, 0(a1))
        EXPECT_LOAD(W + 0x0FFC, TAG(0x107), lw a2, 0(a1))
        EXPECT_LOAD(W + 0x3000, TAG(4), lw a2, 0(a1))
        EXPECT_LOAD(W + 0x5FFC, TAG(0x102), lw a2, 0(a1))
        EXPECT_LOAD(W + 0x7000, TAG(0), lw a2, 0(a1))
        EXPECT_LOAD(W + 0x7FFF, (TAG(0x100) >> 24), lbu a2, 0(a1))
        EXPECT_LOAD(W + 0x6FFE, (TAG(0x101) >> 16), lhu a2, 0(a1))
        li   a1, W + 0x2008
        li   a3, 0x5A5A0001
        sw   a3, 0(a1)                          /* -> physical page 5, +8 */
        li   a1, W + 0x4010
        li   a3, 3
        amoadd.w a2, a3, (a1)                   /* -> physical page 3, +16 (was 0) */
        CHECK_EQ(a2, 0)
        /* megapages: anywhere inside */
        EXPECT_LOAD(M1 + 0x000000, 0x11110000, lw a2, 0(a1))
        EXPECT_LOAD(M1 + 0x3FFFFC, 0x1111FFFC, lw a2, 0(a1))
        EXPECT_LOAD(M3 + 0x3FFFFC, 0x1111FFFC, lw a2, 0(a1))
        EXPECT_LOAD(M2 + 0x1FF804, 0x22221804, lw a2, 0(a1))
        EXPECT_LOAD(TOPMEGA + 0x1FF804, 0x22221804, lw a2, 0(a1))
        EXPECT_LOAD(TOPMEGA + 0x1FF806, 0x2222, lhu a2, 0(a1))
        /* a store in every 4 KiB piece of M1 (value = offset), read back through M3 */
        li   s0, 0
        li   s1, M1 + 0x7C
3:      add  a1, s1, s0
        addi a3, s0, 0x7C
        sw   a3, 0(a1)
        li   a0, PAGE_SIZE
        add  s0, s0, a0
        li   a0, MEGA_SIZE
        bltu s0, a0, 3b
        li   a1, M3 + 0x1A307C
        lw   a2, 0(a1)
        CHECK_EQ(a2, 0x1A307C)
        li   a1, M3 + 0x3FF07C
        lw   a2, 0(a1)
        CHECK_EQ(a2, 0x3FF07C)
        /* AMO / LR / SC through the alias */
        EXPECT_LOAD(M3 + 0x21007C, 0x21007C, amoswap.w a2, a3, (a1))
        EXPECT_LOAD(M1 + 0x21007C, VM_STORE_DATA, lr.w a2, (a1))
        li   a3, 0x600D5C00
        sc.w a2, a3, (a1)
        CHECK_EQ(a2, 0)
        /* the top of the address space */
        EXPECT_LOAD(TOPPAGE + 0xFFC, TAG(0x100), lw a2, 0(a1))
        li   a1, TOPPAGE + 0xFF8
        li   a3, 0x70707070
        sw   a3, 0(a1)
        /* fetch inside a megapage, through both aliases */
        EXPECT_FETCH_OK(M1 + CODE_OFF)
        CHECK_EQ(a2, 0x0C0DE0A5)
        EXPECT_FETCH_OK(M3 + CODE_OFF)
        CHECK_EQ(a2, 0x0C0DE0A5)
        /* no X in M2 */
        EXPECT_FETCH_FAULT(PRV_M, CAUSE_FETCH_PAGE_FAULT, M2 + CODE_OFF)
        /* recursive mapping: the root used as a level-0 table; its megapage leaf for M1
         * is a 4 KiB leaf there (the first page of PA_M1), its pointers are non-leaf
         * PTEs at level 0, its empty entries invalid */
        EXPECT_LOAD(RECUR_M1, 0x11110000, lw a2, 0(a1))
        EXPECT_LOAD(RECUR_M1 + 0x7C, 0x7C, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, RECUR_W + 8, lw a2, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, RECUR + (VPN1(RECUR) << PAGE_SHIFT), sw a3, 0(a1))
        EXPECT_FAULT(PRV_M, CAUSE_LOAD_PAGE_FAULT, RECUR + 0x123000, lw a2, 0(a1))
        ENTER_M

        /* the stores, seen physically */
        csrw satp, zero
        la   a0, pages
        li   a1, 5 * PAGE_SIZE + 8
        add  a1, a1, a0
        lw   a2, 0(a1)
        CHECK_EQ(a2, 0x5A5A0001)
        li   a1, 3 * PAGE_SIZE + 16
        add  a1, a1, a0
        lw   a2, 0(a1)
        CHECK_EQ(a2, 3)
        li   a1, PAGE_SIZE - 8
        add  a1, a1, a0
        lw   a2, 0(a1)
        CHECK_EQ(a2, 0x70707070)
        li   a0, PA_M1 + 0x00007C
        lw   a2, 0(a0)
        CHECK_EQ(a2, 0x7C)
        li   a0, PA_M1 + 0x2FE07C
        lw   a2, 0(a0)
        CHECK_EQ(a2, 0x2FE07C)
        li   a0, PA_M1 + 0x21007C
        lw   a2, 0(a0)
        CHECK_EQ(a2, 0x600D5C00)
        TEST_PASS

/* copied into the megapage: position-independent */
routine:
        li   a2, 0x0C0DE0A5
        ret

        VM_LIB

        VM_PAGE(root)
        VM_PAGE(l0)
        VM_PAGE(l0_top)
        .pushsection .bss
        .balign PAGE_SIZE
pages:  .space 8 * PAGE_SIZE
        .popsection
