/* smode.S — enter_smode(): return to the caller in S-mode (mret with MPP = S). */
#include "arch.h"

        .text
        .globl  enter_smode
enter_smode:
        li      t0, 3 << MSTATUS_MPP_LO
        csrc    CSR_MSTATUS, t0
        li      t0, PRV_S << MSTATUS_MPP_LO
        csrs    CSR_MSTATUS, t0
        csrw    CSR_MEPC, ra
        mret
