/* vm-stale — stale translations may be used, but only whole ones (priv spec 1.12, 4.2.1
 * and 4.3.2: without a covering SFENCE.VMA an access may use the old or the new
 * translation of its address, never a mix of two). Two ways to leave two translations
 * of one address in a TLB, then use it from U-mode:
 *   1. a 4 KiB mapping (U, read-only) is cached; the level-1 PTE above it is turned into
 *      a megapage (S, read-write) and only another address of the megapage is fenced
 *      (a non-leaf PTE change wants rs1 = x0; software "forgot"), then the megapage is
 *      used (M-mode, MPRV with MPP = S) so that it gets cached too;
 *   2. a global page of address space A and a non-global page of space B at the same
 *      address are both used (global mappings should be the same everywhere; here they
 *      are not, which the spec says makes "either mapping" usable);
 *   3. the same with two code pages (instruction TLB): the routine of one or the other
 *      runs, nothing else.
 * Checks: a U load of the address returns the old word or the new one (or faults where
 * the candidate translation forbids it); a U store faults, because neither candidate
 * lets U-mode write (case 1); no third physical page is ever read or written.
 * run.sh: no --cosim (each implementation may legally pick a different translation, so
 * lockstep with the reference model would report a difference that is not an error). */
#include "vm.h"

#define R        0x40400000              /* 4 KiB pages (l0), then a megapage */
#define P        (R + 0x5000)            /* the address with two translations */
#define Q        (R + 0x9000)            /* the address that gets fenced */
#define PA_OLD   (RAM_BASE + 2 * MEGA_SIZE + 0x3000)     /* P's 4 KiB page */
#define PA_MEGA  (RAM_BASE + 1 * MEGA_SIZE)              /* the megapage */
#define PA_OR    (RAM_BASE + 3 * MEGA_SIZE + 0x5000)     /* the two PPNs ORed */
#define X        0x41000000              /* case 2 */
#define PA_G     (RAM_BASE + 2 * MEGA_SIZE + 0x7000)     /* global page of space A */
#define PA_B     (RAM_BASE + 1 * MEGA_SIZE + 0x8000)     /* space B's page */
#define PA_GB    (RAM_BASE + 3 * MEGA_SIZE + 0xF000)     /* their PPNs ORed */
#define Y        0x41400000              /* case 3: code */
#define PA_CG    (RAM_BASE + 2 * MEGA_SIZE + 0x9000)     /* global code page of space A */
#define PA_CB    (RAM_BASE + 1 * MEGA_SIZE + 0xA000)     /* space B's code page */
#define PA_CGB   (RAM_BASE + 3 * MEGA_SIZE + 0xB000)     /* their PPNs ORed */
#define ADDI_A2  0x00000613              /* addi a2, x0, imm (imm in bits 31:20) */
#define RET      0x00008067
#define OLD_WORD 0x01D01D00
#define NEW_WORD 0x0E60E600
#define BAD_WORD 0x0BAD0BAD
#define ASID_A   1
#define ASID_B   2

/* a2 must equal one of two words, or the access must have trapped with `cause` */
.macro ONE_OF line, w1, w2
        li   t0, \w1
        beq  a2, t0, .Lok\@
        li   t0, \w2
        beq  a2, t0, .Lok\@
        _check_eq a2, \w1, \line
.Lok\@:
.endm

TEST_NAME("vm-stale")
TEST_BEGIN
        /* the words: the two legal pages and the ORed (illegal) ones */
        li   a0, PA_OLD
        li   a1, OLD_WORD
        sw   a1, 0(a0)
        li   a0, PA_MEGA + (P - R)
        li   a1, NEW_WORD
        sw   a1, 0(a0)
        li   a0, PA_OR
        li   a1, BAD_WORD
        sw   a1, 0(a0)
        li   a0, PA_G
        li   a1, OLD_WORD
        sw   a1, 0(a0)
        li   a0, PA_B
        li   a1, NEW_WORD
        sw   a1, 0(a0)
        li   a0, PA_GB
        li   a1, BAD_WORD
        sw   a1, 0(a0)
        /* the routines: a2 = 0xA1 (A's), 0xB1 (B's), 0xBAD (their PPNs ORed) */
        li   a0, PA_CG
        li   a1, ADDI_A2 | (0xA1 << 20)
        sw   a1, 0(a0)
        li   a1, RET
        sw   a1, 4(a0)
        li   a0, PA_CB
        li   a1, ADDI_A2 | (0xB1 << 20)
        sw   a1, 0(a0)
        li   a1, RET
        sw   a1, 4(a0)
        li   a0, PA_CGB
        li   a1, ADDI_A2 | (0xBAD << 20)
        sw   a1, 0(a0)
        li   a1, RET
        sw   a1, 4(a0)
        fence.i

        /* ---- case 1 ---- */
        BASE_MAP(root_a, F_U | F_G)
        MAP_PTR(root_a, R, l0_a, 0)
        MAP_4K_PA(l0_a, P, PA_OLD, F_U | F_RO)
        SATP_ON(root_a, ASID_A)
        ENTER_U
        EXPECT_LOAD(P, OLD_WORD, lw a2, 0(a1))  /* the 4 KiB translation, cached */
        ENTER_M
        MAP_MEGA(root_a, R, PA_MEGA, F_RW)      /* the pointer becomes an S megapage */
        li   a0, Q
        sfence.vma a0                           /* Q only */
        li   a1, Q
        li   s2, ST_MPRV | (PRV_S << MSTATUS_MPP_LO)
        li   s3, ST_MPRV | MSTATUS_MPP_MASK
        csrs mstatus, s2
        lw   a2, 0(a1)                          /* the megapage, cached too */
        csrc mstatus, s3
        CHECK_EQ(a2, 0)
        ENTER_U
        /* load: the old page, or a fault (the new one is an S page) */
        li   a1, P
        li   a2, VM_SENTINEL
        TRAP_CLEAR
        lw   a2, 0(a1)
        TRAP_DISARM
        TRAP_FIELD(TRAP_COUNT)
        beqz t5, 1f
        CHECK_COUNT(1)
        TRAP_FIELD(TRAP_CAUSE)
        CHECK_EQ(t5, CAUSE_LOAD_PAGE_FAULT)
        li   a2, OLD_WORD                       /* a fault is fine */
1:      ONE_OF __LINE__, OLD_WORD, NEW_WORD
        /* store: forbidden by both translations */
        EXPECT_FAULT(PRV_M, CAUSE_STORE_PAGE_FAULT, P, sw a3, 0(a1))
        ENTER_M
        /* no page but the legal ones was touched */
        li   a0, PA_OR
        lw   a1, 0(a0)
        CHECK_EQ(a1, BAD_WORD)
        li   a0, PA_OLD
        lw   a1, 0(a0)
        CHECK_EQ(a1, OLD_WORD)
        li   a0, PA_MEGA + (P - R)
        lw   a1, 0(a0)
        CHECK_EQ(a1, NEW_WORD)

        /* ---- case 2 ---- */
        MAP_PTR(root_a, X, l0_a, 0)
        MAP_4K_PA(l0_a, X, PA_G, F_U | F_RW | F_G)
        BASE_MAP(root_b, F_U | F_G)
        MAP_PTR(root_b, X, l0_b, 0)
        MAP_4K_PA(l0_b, X, PA_B, F_U | F_RW)
        SATP_SET(root_b, ASID_B)
        sfence.vma
        ENTER_U
        EXPECT_LOAD(X, NEW_WORD, lw a2, 0(a1))  /* B's page, cached */
        ENTER_M
        SATP_SET(root_a, ASID_A)
        ENTER_U
        EXPECT_LOAD(X, OLD_WORD, lw a2, 0(a1))  /* A's global page, cached */
        ENTER_M
        SATP_SET(root_b, ASID_B)
        ENTER_U
        li   a1, X
        EXPECT_OK(lw a2, 0(a1))
        ONE_OF __LINE__, OLD_WORD, NEW_WORD
        li   a1, X + 4
        li   a3, 0x57073EEE
        EXPECT_OK(sw a3, 0(a1))
        ENTER_M
        li   a0, PA_GB
        lw   a1, 0(a0)
        CHECK_EQ(a1, BAD_WORD)
        lw   a1, 4(a0)
        CHECK_EQ(a1, 0)
        li   a0, PA_G + 4                       /* the store went to one of the two */
        lw   a1, 0(a0)
        li   a0, PA_B + 4
        lw   a2, 0(a0)
        add  a1, a1, a2
        CHECK_EQ(a1, 0x57073EEE)

        /* ---- case 3: code ---- */
        MAP_PTR(root_a, Y, l0_a, 0)
        MAP_4K_PA(l0_a, Y, PA_CG, F_U | F_RX | F_G)
        MAP_PTR(root_b, Y, l0_b, 0)
        MAP_4K_PA(l0_b, Y, PA_CB, F_U | F_RX)
        sfence.vma
        ENTER_U
        EXPECT_FETCH_OK(Y)                      /* B's routine, cached */
        CHECK_EQ(a2, 0xB1)
        ENTER_M
        SATP_SET(root_a, ASID_A)
        ENTER_U
        EXPECT_FETCH_OK(Y)                      /* A's global routine, cached */
        CHECK_EQ(a2, 0xA1)
        ENTER_M
        SATP_SET(root_b, ASID_B)
        ENTER_U
        EXPECT_FETCH_OK(Y)
        ONE_OF __LINE__, 0xA1, 0xB1
        ENTER_M
        csrw satp, zero
        TEST_PASS

        VM_LIB
        VM_PAGE(root_a)
        VM_PAGE(root_b)
        VM_PAGE(l0_a)
        VM_PAGE(l0_b)
