/* rv32mi-counters-exact — exact counter behaviour, our implementation's rules
 * (docs/csr.md; vsim-only: QEMU counts host ticks, not instructions):
 *  - minstret counts retired instructions exactly; a CSR read sees the instructions
 *    before it; the shadow instret is the same counter;
 *  - a write to minstret is what the next instruction reads; 64-bit carry into
 *    minstreth; mcycle writes likewise take effect at once;
 *  - mcountinhibit.IR / .CY freeze the counters (writes still work); other bits read 0;
 *  - time advances with mtime (MtimeDiv = 1 in simulation: about one per cycle);
 *  - mhpmcounter3..10 keep written values (their MMU events are zero), mhpmevent3..10
 *    keep 5 bits, mhpmcounter/event 11..31 read 0; hpmcounterN shadows them. */
#include "test.h"

#define NOPS(n) .rept n; nop; .endr

TEST_NAME("rv32mi-counters-exact")
TEST_BEGIN
        /* ---- minstret deltas ---- */
        csrr a0, minstret
        csrr a1, minstret
        sub  a2, a1, a0
        CHECK_EQ(a2, 1)
        csrr a0, minstret
        NOPS(10)
        csrr a1, minstret
        sub  a2, a1, a0
        CHECK_EQ(a2, 11)
        csrr a0, minstret
        li   a3, 5                          /* a loop: 1 + 5 * 2 instructions */
1:      addi a3, a3, -1
        bnez a3, 1b
        csrr a1, minstret
        sub  a2, a1, a0
        CHECK_EQ(a2, 12)
        csrr a0, minstret
        la   a4, cnt_word                   /* loads, stores, AMO, mul/div count once */
        lw   a5, 0(a4)
        sw   a5, 0(a4)
        amoadd.w a5, a3, (a4)
        mul  a5, a5, a5
        div  a5, a5, a1
        csrr a1, minstret
        sub  a2, a1, a0
        CHECK_EQ(a2, 8)
        csrr a0, minstret
        csrr a1, instret
        sub  a2, a1, a0
        CHECK_EQ(a2, 1)

        /* ---- writes ---- */
        li   a2, 0x12345678
        csrw minstret, a2
        csrr a1, minstret
        CHECK_EQR(a1, a2)
        li   a2, 5
        csrw minstreth, a2
        li   a2, 0xfffffff8
        csrw minstret, a2
        NOPS(20)
        csrr a0, minstret
        csrr a1, minstreth
        CHECK_EQ(a0, 0xfffffff8 + 20 - 0x100000000)
        CHECK_EQ(a1, 6)
        csrr a1, instreth
        CHECK_EQ(a1, 6)
        csrw minstreth, zero
        li   a2, 0x40000000
        csrw mcycle, a2
        csrr a1, mcycle
        sub  a1, a1, a2
        sltiu a1, a1, 16
        CHECK_EQ(a1, 1)
        li   a2, 3
        csrw mcycleh, a2
        csrr a1, mcycleh
        CHECK_EQ(a1, 3)
        csrr a1, cycleh
        CHECK_EQ(a1, 3)
        csrw mcycleh, zero

        /* ---- mcountinhibit ---- */
        li   a0, -1
        csrw mcountinhibit, a0
        CHECK_CSR(mcountinhibit, 0x7fd)     /* CY, IR, HPM3..10 */
        csrw mcountinhibit, zero
        li   a0, BIT(2)                     /* IR */
        csrw mcountinhibit, a0
        csrr a0, minstret
        NOPS(10)
        csrr a1, minstret
        CHECK_EQR(a1, a0)
        li   a2, 777
        csrw minstret, a2                   /* writes still land */
        NOPS(3)
        csrr a1, minstret
        CHECK_EQ(a1, 777)
        csrr a0, mcycle                     /* mcycle still runs */
        NOPS(4)
        csrr a1, mcycle
        sub  a2, a1, a0
        sltiu a2, a2, 5
        CHECK_EQ(a2, 0)
        li   a0, BIT(0)                     /* CY */
        csrw mcountinhibit, a0
        csrr a0, mcycle
        NOPS(10)
        csrr a1, mcycle
        CHECK_EQR(a1, a0)
        li   a2, 4242
        csrw mcycle, a2
        csrr a1, mcycle
        CHECK_EQ(a1, 4242)
        csrr a0, minstret                   /* minstret runs again */
        csrr a1, minstret
        sub  a2, a1, a0
        CHECK_EQ(a2, 1)
        csrw mcountinhibit, zero

        /* ---- cycles >= instructions; time moves with them ---- */
        csrr a0, mcycle
        csrr s0, minstret
        csrr s2, time
        li   a3, 50
1:      addi a3, a3, -1
        bnez a3, 1b
        csrr a1, mcycle
        csrr s1, minstret
        csrr s3, time
        sub  a1, a1, a0                     /* cycles */
        sub  s1, s1, s0                     /* instructions */
        sub  s3, s3, s2                     /* ticks */
        sltu a2, a1, s1
        CHECK_EQ(a2, 0)
        sltu a2, x0, s3                     /* time moved */
        CHECK_EQ(a2, 1)
        addi a1, a1, 2
        sltu a2, a1, s3                     /* and not faster than the cycles */
        CHECK_EQ(a2, 0)

        /* ---- hpm counters and events ---- */
        li   a2, 0x11112222
        csrw mhpmcounter3, a2
        li   a3, 0x33
        csrw mhpmcounter3h, a3
        NOPS(5)
        CHECK_CSR(mhpmcounter3, 0x11112222)
        CHECK_CSR(mhpmcounter3h, 0x33)
        CHECK_CSR(hpmcounter3, 0x11112222)
        CHECK_CSR(hpmcounter3h, 0x33)
        li   a2, 0xabcd
        csrw mhpmcounter10, a2
        CHECK_CSR(mhpmcounter10, 0xabcd)
        CHECK_CSR(hpmcounter10, 0xabcd)
        li   a2, -1
        csrw mhpmevent3, a2
        CHECK_CSR(mhpmevent3, HPM_EVENT_MASK)
        li   a2, HPM_EVENT_PAGE_WALK | 0x40
        csrw mhpmevent10, a2
        CHECK_CSR(mhpmevent10, HPM_EVENT_PAGE_WALK)
        li   a2, -1
        csrw mhpmevent11, a2
        CHECK_CSR(mhpmevent11, 0)
        csrw mhpmevent31, a2
        CHECK_CSR(mhpmevent31, 0)
        csrw mhpmcounter11, a2
        CHECK_CSR(mhpmcounter11, 0)
        csrw mhpmcounter31h, a2
        CHECK_CSR(mhpmcounter31h, 0)
        CHECK_CSR(hpmcounter31, 0)
        /* event counters do not move without MMU events */
        NOPS(10)
        CHECK_CSR(mhpmcounter3, 0x11112222)
        csrw mhpmevent3, zero
        csrw mhpmevent10, zero
        /* a shadow above 10 from U: its counter-enable bits are hardwired 0 (csr.md,
         * COUNTEREN_MASK), so it is illegal below M whatever is written to the enables;
         * hpmcounter10 (enable bit 10 exists) is legal */
        li   a0, -1
        csrw mcounteren, a0
        csrw scounteren, a0
        CHECK_CSR(mcounteren, COUNTEREN_MASK)
        ENTER_U
        TRAP_CLEAR
        csrr a1, hpmcounter10
        CHECK_NO_TRAP
        TRAP_CLEAR
1:      csrr a1, hpmcounter31
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 1b)
        TRAP_CLEAR
2:      csrr a2, hpmcounter17h
        CHECK_TRAP(PRV_M, CAUSE_ILLEGAL_INSN, 2b)
        ENTER_M
        csrw mcounteren, zero
        csrw scounteren, zero
        TEST_PASS

        .data
        .balign 4
cnt_word: .word 0
