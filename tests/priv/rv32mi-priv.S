/* rv32mi-priv — privilege transitions (priv spec 3.1.6.1, 3.3.2, 4.1.1):
 * MRET: priv = MPP, MIE = MPIE, MPIE = 1, MPP = U (MPRV kept when MPP = M);
 * SRET (in S, or in M): priv = SPP, SIE = SPIE, SPIE = 1, SPP = U;
 * MRET is illegal in S and U, SRET in U. The privilege reached is identified by which
 * ECALL cause it produces. (xRET clearing MPRV when leaving M is in the vsim-only
 * rv32mi-mprv: QEMU 7.2 does not do it.) */
#include "test.h"

#define MRET_BITS 0x30200073
#define SRET_BITS 0x10200073
#define M_FIELDS  (BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE) | MSTATUS_MPP_MASK | BIT(MSTATUS_MPRV))
#define S_FIELDS  (BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE) | BIT(MSTATUS_SPP))

/* mret to label with mstatus = (mstatus & ~M_FIELDS) | bits */
#define MRET_WITH(bits, label)                                  \
        li   t0, M_FIELDS;                                      \
        csrc mstatus, t0;                                       \
        li   t0, bits;                                          \
        csrs mstatus, t0;                                       \
        la   t0, label;                                         \
        csrw mepc, t0;                                          \
        mret

TEST_NAME("rv32mi-priv")
TEST_BEGIN
        /* ---- MRET staying in M ---- */
        MRET_WITH((PRV_M << MSTATUS_MPP_LO) | BIT(MSTATUS_MPIE), 1f)
1:      csrr a0, mstatus
        li   t0, M_FIELDS
        and  a0, a0, t0
        CHECK_EQ(a0, BIT(MSTATUS_MIE) | BIT(MSTATUS_MPIE))      /* MPP = U now */
        MRET_WITH((PRV_M << MSTATUS_MPP_LO) | BIT(MSTATUS_MIE) | BIT(MSTATUS_MPRV), 1f)
1:      csrr a0, mstatus
        li   t0, M_FIELDS
        and  a0, a0, t0
        CHECK_EQ(a0, BIT(MSTATUS_MPIE) | BIT(MSTATUS_MPRV))     /* MPRV kept (MPP was M) */
        li   t0, BIT(MSTATUS_MPRV)
        csrc mstatus, t0

        /* ---- MRET to S: ECALL gives cause 9 ---- */
        MRET_WITH((PRV_S << MSTATUS_MPP_LO) | BIT(MSTATUS_MPIE), 1f)
1:      TRAP_CLEAR
2:      ecall
        CHECK_TRAP(PRV_M, CAUSE_SUPERVISOR_ECALL, 2b)
        TRAP_FIELD(TRAP_STATUS)             /* at the trap: MPIE = MIE of S = 1 */
        li   t0, BIT(MSTATUS_MPIE)
        and  t5, t5, t0
        CHECK_EQ(t5, BIT(MSTATUS_MPIE))
        ENTER_M
        /* ---- MRET to U: cause 8 ---- */
        MRET_WITH((PRV_U << MSTATUS_MPP_LO), 1f)
1:      TRAP_CLEAR
2:      ecall
        CHECK_TRAP(PRV_M, CAUSE_USER_ECALL, 2b)
        TRAP_FIELD(TRAP_STATUS)
        li   t0, BIT(MSTATUS_MPIE)
        and  t5, t5, t0
        CHECK_EQ(t5, 0)                     /* MIE of U was MPIE = 0 */
        ENTER_M

        /* ---- SRET from M: to S (SPP = 1), fields updated ---- */
        li   t0, S_FIELDS
        csrc mstatus, t0
        li   t0, BIT(MSTATUS_SPP) | BIT(MSTATUS_SPIE)
        csrs mstatus, t0
        la   t0, 1f
        csrw sepc, t0
        sret
1:      csrr a0, sstatus
        andi a0, a0, S_FIELDS
        CHECK_EQ(a0, BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE))     /* SPP = U now */
        TRAP_CLEAR
2:      ecall
        CHECK_TRAP(PRV_M, CAUSE_SUPERVISOR_ECALL, 2b)
        /* ---- SRET in S: to S, then to U ---- */
        li   t0, BIT(MSTATUS_SIE) | BIT(MSTATUS_SPIE)
        csrc sstatus, t0
        li   t0, BIT(MSTATUS_SPP)
        csrs sstatus, t0
        la   t0, 1f
        csrw sepc, t0
        sret
1:      csrr a0, sstatus
        andi a0, a0, S_FIELDS
        CHECK_EQ(a0, BIT(MSTATUS_SPIE))     /* SIE = old SPIE = 0, SPP = U */
        la   t0, 1f
        csrw sepc, t0
        sret                                /* SPP = U */
1:      TRAP_CLEAR
2:      ecall
        CHECK_TRAP(PRV_M, CAUSE_USER_ECALL, 2b)
        ENTER_M
        /* SRET from M with SPP = U: to U */
        li   t0, BIT(MSTATUS_SPP)
        csrc mstatus, t0
        la   t0, 1f
        csrw sepc, t0
        sret
1:      TRAP_CLEAR
2:      ecall
        CHECK_TRAP(PRV_M, CAUSE_USER_ECALL, 2b)
        ENTER_M

        /* ---- illegal returns ---- */
        ENTER_S
        TRAP_CLEAR
1:      mret
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_TVAL(MRET_BITS)
        CHECK_PREV(PRV_S)
        ENTER_M
        ENTER_U
        TRAP_CLEAR
1:      mret
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_TVAL(MRET_BITS)
        TRAP_CLEAR
1:      sret
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        CHECK_TVAL(SRET_BITS)
        CHECK_PREV(PRV_U)
        ENTER_M
        TEST_PASS
