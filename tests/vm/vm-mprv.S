/* vm-mprv — mstatus.MPRV (priv spec 1.12, 3.1.6.3): M-mode loads, stores, AMOs and LR/SC
 * are translated and checked as if in privilege MPP when MPRV = 1 and MPP != M, with
 * SUM and MXR applying as in that mode; page faults go to M with tval = the virtual
 * address; MPP = M means no translation; instruction fetches are never affected (the
 * page table used here maps none of the code, so a translated fetch would fault); with
 * Svadu such a store sets A and D in the PTE. */
#include "vm.h"

#define W        0x40000000
#define W_U      (W + 0x0000)            /* U R W -> pg_a */
#define W_S      (W + 0x1000)            /* R W   -> pg_b */
#define W_UX     (W + 0x2000)            /* U X   -> pg_a */
#define W_SX     (W + 0x3000)            /* X     -> pg_b */
#define W_URO    (W + 0x4000)            /* U R   -> pg_a */
#define W_AD     (W + 0x5000)            /* U R W, A = D = 0 -> pg_b */
#define A_WORD   0xAAAA0004              /* pg_a + 4 */
#define B_WORD   0xBBBB0004              /* pg_b + 4 */

#define MPRV_AS(prv)  (ST_MPRV | ((prv) << MSTATUS_MPP_LO))

/* With mstatus |= bits (MPRV and MPP = prv, SUM, MXR), run one access at va:
 * `cause` 0 = no trap and a2 == value; otherwise a page fault to M with tval = va and
 * a2 unchanged. MPRV and MPP are cleared right after the instruction (the trap's mret
 * left MPP = U), before any other load or store. */
#define MPRV_TRY(bits, cause, va, value, ...) _mprv_try __LINE__, bits, cause, va, value, __VA_ARGS__
.macro _mprv_try line, bits, cause, va, value, insn:vararg
        li   a1, \va
        li   a2, VM_SENTINEL
        li   a3, VM_STORE_DATA
        li   a0, \bits
        TRAP_CLEAR
        csrs mstatus, a0
.Lm\@:  \insn
        csrc mstatus, s3
        .if \cause
        _vm_trap_is \line, PRV_M, \cause
        TRAP_FIELD(TRAP_EPC);  _check_eqa t5, .Lm\@, \line, env_what_epc
        TRAP_FIELD(TRAP_TVAL); _check_eq  t5, \va, \line, env_what_tval
        TRAP_FIELD(TRAP_PREV); _check_eq  t5, PRV_M, \line, env_what_prev
        TRAP_FIELD(TRAP_STATUS); srli t5, t5, MSTATUS_MPRV; andi t5, t5, 1
        _check_eq t5, 1, \line                  /* the trap left MPRV alone */
        _check_eq a2, VM_SENTINEL, \line
        .else
        TRAP_DISARM
        TRAP_FIELD(TRAP_COUNT); _check_eq t5, 0, \line, env_what_count
        _check_eq a2, \value, \line
        .endif
.endm

TEST_NAME("vm-mprv")
TEST_BEGIN
        li   s3, ST_MPRV | MSTATUS_MPP_MASK | ST_SUM | ST_MXR
        la   a0, pg_a
        li   a1, A_WORD
        sw   a1, 4(a0)
        la   a0, pg_b
        li   a1, B_WORD
        sw   a1, 4(a0)

        /* no identity mapping at all: only the window */
        MAP_PTR(root, W, l0, 0)
        MAP_4K(l0, W_U, pg_a, F_U | F_RW)
        MAP_4K(l0, W_S, pg_b, F_RW)
        MAP_4K(l0, W_UX, pg_a, F_U | F_XO)
        MAP_4K(l0, W_SX, pg_b, F_XO)
        MAP_4K(l0, W_URO, pg_a, F_U | F_RO)
        MAP_4K(l0, W_AD, pg_b, F_U | F_V | F_R | F_W)
        SATP_ON(root, 0)
        csrc mstatus, s3

        /* MPP = S */
        MPRV_TRY(MPRV_AS(PRV_S), 0, W_S + 4, B_WORD, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S), 0, W_S + 8, VM_SENTINEL, sw a3, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S), 0, W_S + 8, VM_STORE_DATA, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S), CAUSE_LOAD_PAGE_FAULT, W_U + 4, 0, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S), CAUSE_STORE_PAGE_FAULT, W_U + 8, 0, sw a3, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S), CAUSE_LOAD_PAGE_FAULT, W_U + 8, 0, lr.w a2, (a1))
        MPRV_TRY(MPRV_AS(PRV_S) | ST_SUM, 0, W_U + 4, A_WORD, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S) | ST_SUM, 0, W_U + 0xC, 0, amoadd.w a2, a3, (a1))
        MPRV_TRY(MPRV_AS(PRV_S) | ST_SUM, CAUSE_STORE_PAGE_FAULT, W_URO + 0x10, 0, sw a3, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S), CAUSE_LOAD_PAGE_FAULT, W_SX + 4, 0, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S) | ST_MXR, 0, W_SX + 4, B_WORD, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S) | ST_MXR, CAUSE_LOAD_PAGE_FAULT, W_UX + 4, 0, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S) | ST_MXR | ST_SUM, 0, W_UX + 4, A_WORD, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_S), CAUSE_LOAD_PAGE_FAULT, W + 0x7000, 0, lw a2, 0(a1))
        /* MPP = U */
        MPRV_TRY(MPRV_AS(PRV_U), 0, W_U + 4, A_WORD, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_U), 0, W_U + 0xC, VM_STORE_DATA, amoswap.w a2, a3, (a1))
        MPRV_TRY(MPRV_AS(PRV_U), 0, W_U + 0xC, VM_STORE_DATA, lr.w a2, (a1))
        MPRV_TRY(MPRV_AS(PRV_U), CAUSE_LOAD_PAGE_FAULT, W_S + 4, 0, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_U) | ST_SUM, CAUSE_LOAD_PAGE_FAULT, W_S + 4, 0, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_U), CAUSE_STORE_PAGE_FAULT, W_S + 4, 0, sh a3, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_U), CAUSE_STORE_PAGE_FAULT, W_URO + 0x14, 0, sw a3, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_U), CAUSE_LOAD_PAGE_FAULT, W_UX + 4, 0, lw a2, 0(a1))
        MPRV_TRY(MPRV_AS(PRV_U) | ST_MXR, 0, W_UX + 4, A_WORD, lw a2, 0(a1))
        /* MPP = M: no translation (pg_a by its physical address) */
        la   s4, pg_a
        addi s4, s4, 4
        li   a2, VM_SENTINEL
        li   a0, MPRV_AS(PRV_M)
        TRAP_CLEAR
        csrs mstatus, a0
        lw   a2, 0(s4)
        csrc mstatus, s3
        CHECK_NO_TRAP
        CHECK_EQ(a2, A_WORD)
        /* Svadu: an M-mode store with MPRV = 1, MPP = U sets A and D in a U page's PTE */
        li   a0, BIT(MENVCFGH_ADUE)
        csrw menvcfgh, a0
        MPRV_TRY(MPRV_AS(PRV_U), 0, W_AD + 8, VM_SENTINEL, sw a3, 0(a1))
        csrw menvcfgh, zero
        la   a0, l0
        lw   a1, 4 * VPN0(W_AD)(a0)
        andi a1, a1, F_A | F_D
        CHECK_EQ(a1, F_A | F_D)

        /* the stores, physically */
        csrw satp, zero
        la   a0, pg_b
        lw   a1, 8(a0)
        CHECK_EQ(a1, VM_STORE_DATA)
        la   a0, pg_a
        lw   a1, 8(a0)
        CHECK_EQ(a1, 0)
        lw   a1, 0xC(a0)
        CHECK_EQ(a1, VM_STORE_DATA)             /* amoadd 0 + D, then amoswap D */
        TEST_PASS

        VM_LIB
        VM_PAGE(root)
        VM_PAGE(l0)
        VM_PAGE(pg_a)
        VM_PAGE(pg_b)
