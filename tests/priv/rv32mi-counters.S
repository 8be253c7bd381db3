/* rv32mi-counters — counters seen by software (priv spec 3.1.10-11, unprivileged
 * ch. 10): mcycle/minstret grow; mcycle/minstret (and their high halves) are
 * writable; time equals CLINT mtime; the user shadows cycle/time/instret/hpmcounter3
 * and their h halves are always readable in M, in S only with the mcounteren bit, in
 * U only with both the mcounteren and scounteren bits. Exact counts and
 * mcountinhibit are in the vsim-only rv32mi-counters-exact. */
#include "test.h"

/* Read counter csr from the current mode: legal (no trap) or illegal (tval = bits). */
#define CSRR_A0(csr)  (((csr) << 20) | (2 << 12) | (10 << 7) | 0x73)
#define LEGAL(csr)                                              \
        TRAP_CLEAR;                                             \
        .word CSRR_A0(csr);                                     \
        CHECK_NO_TRAP
#define ILLEGAL(csr)                                            \
        TRAP_CLEAR;                                             \
8001:   .word CSRR_A0(csr);                                     \
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 8001b);           \
        CHECK_TVAL(CSRR_A0(csr))

#define CY 0
#define TM 1
#define IR 2
#define HPM3 3

/* All eight shadows are legal / illegal. */
#define ALL_SHADOWS(what)                                       \
        what(CSR_CYCLE); what(CSR_CYCLEH); what(CSR_TIME); what(CSR_TIMEH); \
        what(CSR_INSTRET); what(CSR_INSTRETH);                  \
        what(CSR_HPMCOUNTER3); what(CSR_HPMCOUNTER3H)

TEST_NAME("rv32mi-counters")
TEST_BEGIN
        /* ---- growth ---- */
        csrr a0, mcycle
        csrr a1, minstret
        SPIN(20)
        csrr a2, mcycle
        csrr a3, minstret
        sub  a4, a2, a0
        sltu a4, x0, a4
        CHECK_EQ(a4, 1)
        sub  a4, a3, a1
        sltu a4, x0, a4
        CHECK_EQ(a4, 1)
        /* cycle/instret read the same counters as mcycle/minstret: the shadow read
         * later is not smaller */
        csrr a0, minstret
        csrr a1, instret
        sub  a2, a1, a0
        sltu a2, x0, a2
        CHECK_EQ(a2, 1)
        csrr a0, mcycle
        csrr a1, cycle
        sub  a2, a1, a0
        srli a2, a2, 31                     /* "not negative" */
        CHECK_EQ(a2, 0)

        /* ---- writes: the high half keeps the value written ---- */
        csrw mcycle, zero
        li   a0, 0x12
        csrw mcycleh, a0
        csrr a1, mcycleh
        CHECK_EQ(a1, 0x12)
        csrr a1, cycleh
        CHECK_EQ(a1, 0x12)
        csrw minstret, zero
        li   a0, 0x34
        csrw minstreth, a0
        csrr a1, minstreth
        CHECK_EQ(a1, 0x34)
        csrr a1, instreth
        CHECK_EQ(a1, 0x34)
        li   a0, 0x40000000
        csrw minstret, a0
        csrr a1, minstret
        sub  a1, a1, a0
        srli a1, a1, 28                     /* read >= written, and not far above */
        CHECK_EQ(a1, 0)
        csrw mcycleh, zero
        csrw minstreth, zero

        /* ---- time = mtime ---- */
        call clint_mtime
        mv   s0, a0
        csrr s1, time
        call clint_mtime
        mv   s2, a0
        sub  a0, s1, s0                     /* 0 <= time - before <= after - before */
        sub  a1, s2, s0
        sltu a2, a1, a0
        CHECK_EQ(a2, 0)
        call clint_mtime
        csrr a2, timeh
        CHECK_EQR(a2, a1)

        /* ---- M reads all shadows whatever the enables ---- */
        csrw mcounteren, zero
        csrw scounteren, zero
        ALL_SHADOWS(LEGAL)

        /* ---- S: mcounteren decides ---- */
        ENTER_S
        ALL_SHADOWS(ILLEGAL)
        ENTER_M
        li   a0, BIT(CY) | BIT(TM) | BIT(IR) | BIT(HPM3)
        csrw mcounteren, a0
        ENTER_S
        ALL_SHADOWS(LEGAL)
        ENTER_M
        li   a0, BIT(TM)
        csrw mcounteren, a0
        ENTER_S
        LEGAL(CSR_TIME)
        LEGAL(CSR_TIMEH)
        ILLEGAL(CSR_CYCLE)
        ILLEGAL(CSR_INSTRETH)
        ILLEGAL(CSR_HPMCOUNTER3)
        ENTER_M

        /* ---- U: both enables needed ---- */
        li   a0, BIT(CY) | BIT(TM) | BIT(IR) | BIT(HPM3)
        csrw mcounteren, a0
        csrw scounteren, zero
        ENTER_U
        ALL_SHADOWS(ILLEGAL)
        ENTER_M
        csrw scounteren, a0
        ENTER_U
        ALL_SHADOWS(LEGAL)
        ENTER_M
        csrw mcounteren, zero
        ENTER_U
        ALL_SHADOWS(ILLEGAL)
        ENTER_M
        li   a0, BIT(CY) | BIT(IR)
        csrw mcounteren, a0
        li   a0, BIT(IR) | BIT(TM)
        csrw scounteren, a0
        ENTER_U
        LEGAL(CSR_INSTRET)
        LEGAL(CSR_INSTRETH)
        ILLEGAL(CSR_CYCLE)                  /* scounteren.CY = 0 */
        ILLEGAL(CSR_TIME)                   /* mcounteren.TM = 0 */
        ENTER_M
        /* S's own view: scounteren does not restrict S */
        li   a0, BIT(CY)
        csrw mcounteren, a0
        csrw scounteren, zero
        ENTER_S
        LEGAL(CSR_CYCLE)
        ENTER_M
        csrw mcounteren, zero
        TEST_PASS
