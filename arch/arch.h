/* arch.h — GENERATED from arch/arch.tbl by arch/gen.sh; do not edit. */
#ifndef ARCH_H
#define ARCH_H
#define PRV_U                    0            /* user */
#define PRV_S                    1            /* supervisor */
#define PRV_M                    3            /* machine */
#define CSR_SSTATUS              0x100
#define CSR_SIE                  0x104
#define CSR_STVEC                0x105
#define CSR_SCOUNTEREN           0x106
#define CSR_SENVCFG              0x10A
#define CSR_SSCRATCH             0x140
#define CSR_SEPC                 0x141
#define CSR_SCAUSE               0x142
#define CSR_STVAL                0x143
#define CSR_SIP                  0x144
#define CSR_SATP                 0x180
#define CSR_MSTATUS              0x300
#define CSR_MISA                 0x301
#define CSR_MEDELEG              0x302
#define CSR_MIDELEG              0x303
#define CSR_MIE                  0x304
#define CSR_MTVEC                0x305
#define CSR_MCOUNTEREN           0x306
#define CSR_MENVCFG              0x30A
#define CSR_MSTATUSH             0x310
#define CSR_MENVCFGH             0x31A
#define CSR_MCOUNTINHIBIT        0x320
#define CSR_MHPMEVENT3           0x323        /* mhpmevent3..31 = 0x323..0x33F */
#define CSR_MSCRATCH             0x340
#define CSR_MEPC                 0x341
#define CSR_MCAUSE               0x342
#define CSR_MTVAL                0x343
#define CSR_MIP                  0x344
#define CSR_PMPCFG0              0x3A0        /* pmpcfg0..3 */
#define CSR_PMPADDR0             0x3B0        /* pmpaddr0..15 */
#define CSR_MCYCLE               0xB00
#define CSR_MINSTRET             0xB02
#define CSR_MHPMCOUNTER3         0xB03        /* ..0xB1F */
#define CSR_MCYCLEH              0xB80
#define CSR_MINSTRETH            0xB82
#define CSR_MHPMCOUNTER3H        0xB83        /* ..0xB9F */
#define CSR_CYCLE                0xC00
#define CSR_TIME                 0xC01
#define CSR_INSTRET              0xC02
#define CSR_HPMCOUNTER3          0xC03        /* ..0xC1F */
#define CSR_CYCLEH               0xC80
#define CSR_TIMEH                0xC81
#define CSR_INSTRETH             0xC82
#define CSR_HPMCOUNTER3H         0xC83        /* ..0xC9F */
#define CSR_MVENDORID            0xF11
#define CSR_MARCHID              0xF12
#define CSR_MIMPID               0xF13
#define CSR_MHARTID              0xF14
#define CSR_MCONFIGPTR           0xF15
#define MISA_VALUE               0x40141101u  /* MXL=1 (RV32), extensions A I M S U */
#define MISA_M                   0x00001000u  /* misa bit of M: 0 in a core built without multiply/divide (MulDiv = 0) */
#define MVENDORID_VALUE          0x00000000u  /* non-commercial */
#define MARCHID_VALUE            0x00000000u
#define MIMPID_VALUE             0x00000001u  /* implementation version */
#define MSTATUS_SIE              1
#define MSTATUS_MIE              3
#define MSTATUS_SPIE             5
#define MSTATUS_MPIE             7
#define MSTATUS_SPP              8
#define MSTATUS_MPP_LO           11           /* MPP is bits 12:11 */
#define MSTATUS_MPRV             17
#define MSTATUS_SUM              18
#define MSTATUS_MXR              19
#define MSTATUS_TVM              20
#define MSTATUS_TW               21
#define MSTATUS_TSR              22
#define MSTATUS_WMASK            0x007E19AAu  /* writable bits of mstatus */
#define SSTATUS_MASK             0x000C0122u  /* bits of mstatus visible through sstatus */
#define IRQ_S_SOFT               1
#define IRQ_M_SOFT               3
#define IRQ_S_TIMER              5
#define IRQ_M_TIMER              7
#define IRQ_S_EXT                9
#define IRQ_M_EXT                11
#define MIE_MASK                 0x00000AAAu  /* implemented bits of mie/mip */
#define MIDELEG_MASK             0x00000222u  /* delegatable interrupts (S-level ones) */
#define MIP_MWRITE_MASK          0x00000222u  /* mip bits writable by csr instructions */
#define SIP_WRITE_MASK           0x00000002u  /* sip bits writable (SSIP), further masked by mideleg */
#define MEDELEG_MASK             0x0000B3FFu  /* delegatable exceptions (not ecall-from-M) */
#define MCAUSE_INTERRUPT         0x80000000u
#define CAUSE_MASK               0x8000000Fu  /* mcause/scause WARL: interrupt bit and a 4-bit code (docs/csr.md) */
#define TVEC_VECTORED_MASK       0xFFFFFFC1u  /* mtvec/stvec bits kept with MODE=1: the vectored base is 64-byte aligned */
#define COUNTEREN_MASK           0x000007FFu  /* mcounteren/scounteren: CY TM IR HPM3..10 (bits above HpmCounters+2 read 0) */
#define CAUSE_MISALIGNED_FETCH   0
#define CAUSE_FETCH_ACCESS       1
#define CAUSE_ILLEGAL_INSN       2
#define CAUSE_BREAKPOINT         3
#define CAUSE_MISALIGNED_LOAD    4
#define CAUSE_LOAD_ACCESS        5
#define CAUSE_MISALIGNED_STORE   6            /* also AMO/SC */
#define CAUSE_STORE_ACCESS       7            /* also AMO/SC */
#define CAUSE_USER_ECALL         8
#define CAUSE_SUPERVISOR_ECALL   9
#define CAUSE_MACHINE_ECALL      11
#define CAUSE_FETCH_PAGE_FAULT   12
#define CAUSE_LOAD_PAGE_FAULT    13
#define CAUSE_STORE_PAGE_FAULT   15
#define SATP_MODE_BIT            31
#define SATP_ASID_LO             22           /* ASID is bits 30:22 (9 bits, all implemented) */
#define SATP_ASID_BITS           9
#define SATP_PPN_BITS            22
#define ENVCFG_FIOM              0            /* bit 0 of menvcfg and senvcfg */
#define MENVCFGH_ADUE            29           /* menvcfg bit 61 = menvcfgh bit 29 (Svadu) */
#define PTE_V                    0
#define PTE_R                    1
#define PTE_W                    2
#define PTE_X                    3
#define PTE_U                    4
#define PTE_G                    5
#define PTE_A                    6
#define PTE_D                    7
#define PTE_PPN_LO               10           /* PPN is bits 31:10 (22 bits) */
#define PAGE_SHIFT               12
#define MEGAPAGE_SHIFT           22
#define PMPCFG_R                 0
#define PMPCFG_W                 1
#define PMPCFG_X                 2
#define PMPCFG_A_LO              3            /* A is bits 4:3 (0 OFF, 1 TOR, 2 NA4, 3 NAPOT) */
#define PMPCFG_L                 7
#define HPM_EVENT_NONE           0
#define HPM_EVENT_ITLB_MISS      1
#define HPM_EVENT_DTLB_MISS      2
#define HPM_EVENT_PAGE_WALK      3
#define HPM_EVENT_WALK_CYCLE     4
#define HPM_EVENT_FETCH_PF       5
#define HPM_EVENT_LOAD_PF        6
#define HPM_EVENT_STORE_PF       7
#define HPM_EVENT_SFENCE_VMA     8
#define HPM_EVENT_MASK           0x1Fu        /* mhpmevent is WARL: value & mask is kept */
#define FINISHER_BASE            0x00100000u  /* sifive_test-style finisher */
#define FINISHER_SIZE            0x00001000u
#define FINISHER_PASS            0x5555u      /* write value: pass */
#define FINISHER_FAIL            0x3333u      /* write (code<<16)|FAIL: fail with code */
#define CLINT_BASE               0x02000000u
#define CLINT_SIZE               0x00010000u
#define CLINT_MSIP               0x0000u      /* offset */
#define CLINT_MTIMECMP           0x4000u      /* offset (64-bit) */
#define CLINT_MTIME              0xBFF8u      /* offset (64-bit) */
#define UART_BASE                0x10000000u  /* ns16550a */
#define UART_SIZE                0x00000100u
#define UART_RBR_THR             0            /* offset */
#define UART_IER                 1
#define UART_IIR_FCR             2
#define UART_LCR                 3
#define UART_MCR                 4
#define UART_LSR                 5
#define UART_MSR                 6
#define UART_SCR                 7
#define UART_LSR_DR              0x01
#define UART_LSR_THRE            0x20
#define UART_LSR_TEMT            0x40
#define RAM_BASE                 0x80000000u
#define RAM_SIZE_DEFAULT         0x01000000u  /* 16 MiB in simulation; a parameter */
#define RESET_PC                 0x80000000u
#endif
