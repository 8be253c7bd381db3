/* vm-thrash — many more pages than TLB entries (priv spec 1.12, 4.3.2; the RTL's TLBs
 * hold 16 + 16): 40 data pages and 24 code pages, each mapped to its own physical page,
 * used from S-mode in sequential, reverse and strided orders, loads and stores and
 * calls interleaved, several rounds; every access must reach its own page (tags), so
 * replacement never leaves a wrong or a mixed translation behind. */
#include "vm.h"

#define WD       0x40000000              /* data page i -> dpages + i * 4 KiB */
#define WC       0x40400000              /* code page j -> cpages + j * 4 KiB */
#define ND       40
#define NC       24
#define TAG(i)   (0x7A5A0000 | (i))      /* word 0 of data page i */
#define ADDI_A2  0x00000613              /* addi a2, x0, 0 */
#define RET      0x00008067              /* jalr x0, 0(ra) */

TEST_NAME("vm-thrash")
TEST_BEGIN
        /* data page i: TAG(i) in word 0; code page j: a2 = j; ret */
        la   a0, dpages
        li   a1, 0
1:      li   a2, TAG(0)
        or   a2, a2, a1
        sw   a2, 0(a0)
        li   a2, PAGE_SIZE
        add  a0, a0, a2
        addi a1, a1, 1
        li   a2, ND
        bltu a1, a2, 1b
        la   a0, cpages
        li   a1, 0
1:      slli a2, a1, 20
        li   a3, ADDI_A2
        or   a2, a2, a3
        sw   a2, 0(a0)
        li   a2, RET
        sw   a2, 4(a0)
        li   a2, PAGE_SIZE
        add  a0, a0, a2
        addi a1, a1, 1
        li   a2, NC
        bltu a1, a2, 1b
        fence.i

        BASE_MAP(root, F_G)
        MAP_PTR(root, WD, l0d, 0)
        MAP_PTR(root, WC, l0c, 0)
        li   s0, 0
1:      la   a0, l0d
        li   a1, VPN0(WD)
        add  a1, a1, s0
        la   a2, dpages
        slli a3, s0, PAGE_SHIFT
        add  a2, a2, a3
        li   a3, F_RW
        call vm_set
        addi s0, s0, 1
        li   a0, ND
        bltu s0, a0, 1b
        li   s0, 0
1:      la   a0, l0c
        li   a1, VPN0(WC)
        add  a1, a1, s0
        la   a2, cpages
        slli a3, s0, PAGE_SHIFT
        add  a2, a2, a3
        li   a3, F_RX
        call vm_set
        addi s0, s0, 1
        li   a0, NC
        bltu s0, a0, 1b
        SATP_ON(root, 0)
        ENTER_S

        /* three rounds of sequential loads */
        li   s2, 3
2:      li   s0, 0
1:      slli a1, s0, PAGE_SHIFT
        li   a0, WD
        add  a1, a1, a0
        lw   a2, 0(a1)
        li   a3, TAG(0)
        or   a3, a3, s0
        bne  a2, a3, bad
        addi s0, s0, 1
        li   a0, ND
        bltu s0, a0, 1b
        addi s2, s2, -1
        bnez s2, 2b
        /* reverse: store 3 * i at +8 */
        li   s0, ND - 1
1:      slli a1, s0, PAGE_SHIFT
        li   a0, WD
        add  a1, a1, a0
        slli a3, s0, 1
        add  a3, a3, s0
        sw   a3, 8(a1)
        addi s0, s0, -1
        bgez s0, 1b
        /* stride 7: check the stores, add 1 with an AMO */
        li   s0, 0
        li   s1, 2 * ND
1:      slli a1, s0, PAGE_SHIFT
        li   a0, WD
        add  a1, a1, a0
        addi a1, a1, 8
        li   a3, 1
        amoadd.w a2, a3, (a1)
        addi s0, s0, 7
        li   a0, ND
        bltu s0, a0, 3f
        addi s0, s0, -ND
3:      addi s1, s1, -1
        bnez s1, 1b
        /* code pages with stride 5, a data load between calls */
        li   s0, 0                              /* code page */
        li   s3, 0                              /* data page */
        li   s1, 3 * NC
1:      slli a1, s0, PAGE_SHIFT
        li   a0, WC
        add  a1, a1, a0
        li   a2, -1
        jalr ra, a1
        bne  a2, s0, bad
        slli a1, s3, PAGE_SHIFT
        li   a0, WD
        add  a1, a1, a0
        lw   a2, 0(a1)
        li   a3, TAG(0)
        or   a3, a3, s3
        bne  a2, a3, bad
        addi s0, s0, 5
        li   a0, NC
        bltu s0, a0, 3f
        addi s0, s0, -NC
3:      addi s3, s3, 3
        li   a0, ND
        bltu s3, a0, 3f
        addi s3, s3, -ND
3:      addi s1, s1, -1
        bnez s1, 1b
        ENTER_M

        /* physically: word 2 of page i = 3 * i + 2 (each page got 2 AMOs: 80 steps of 7
         * over 40 pages visit each twice) */
        csrw satp, zero
        la   a0, dpages
        li   s0, 0
1:      lw   a2, 8(a0)
        slli a3, s0, 1
        add  a3, a3, s0
        addi a3, a3, 2
        bne  a2, a3, bad
        li   a1, PAGE_SIZE
        add  a0, a0, a1
        addi s0, s0, 1
        li   a1, ND
        bltu s0, a1, 1b
        TEST_PASS

/* a2 = what was read, a3 = what was expected, s0 = the page */
bad:    mv   s4, a2
        ENTER_M
        CHECK_EQR(s4, a3)
        TEST_PASS

        VM_LIB
        VM_PAGE(root)
        VM_PAGE(l0d)
        VM_PAGE(l0c)
        .pushsection .bss
        .balign PAGE_SIZE
dpages: .space ND * PAGE_SIZE
cpages: .space NC * PAGE_SIZE
        .popsection
