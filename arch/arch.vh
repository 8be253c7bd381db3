// arch.vh — GENERATED from arch/arch.tbl by arch/gen.sh; do not edit.
`ifndef ARCH_VH
`define ARCH_VH
`define PRV_U                    2'h0           // user
`define PRV_S                    2'h1           // supervisor
`define PRV_M                    2'h3           // machine
`define CSR_SSTATUS              12'h100
`define CSR_SIE                  12'h104
`define CSR_STVEC                12'h105
`define CSR_SCOUNTEREN           12'h106
`define CSR_SENVCFG              12'h10A
`define CSR_SSCRATCH             12'h140
`define CSR_SEPC                 12'h141
`define CSR_SCAUSE               12'h142
`define CSR_STVAL                12'h143
`define CSR_SIP                  12'h144
`define CSR_SATP                 12'h180
`define CSR_MSTATUS              12'h300
`define CSR_MISA                 12'h301
`define CSR_MEDELEG              12'h302
`define CSR_MIDELEG              12'h303
`define CSR_MIE                  12'h304
`define CSR_MTVEC                12'h305
`define CSR_MCOUNTEREN           12'h306
`define CSR_MENVCFG              12'h30A
`define CSR_MSTATUSH             12'h310
`define CSR_MENVCFGH             12'h31A
`define CSR_MCOUNTINHIBIT        12'h320
`define CSR_MHPMEVENT3           12'h323        // mhpmevent3..31 = 0x323..0x33F
`define CSR_MSCRATCH             12'h340
`define CSR_MEPC                 12'h341
`define CSR_MCAUSE               12'h342
`define CSR_MTVAL                12'h343
`define CSR_MIP                  12'h344
`define CSR_PMPCFG0              12'h3A0        // pmpcfg0..3
`define CSR_PMPADDR0             12'h3B0        // pmpaddr0..15
`define CSR_MCYCLE               12'hB00
`define CSR_MINSTRET             12'hB02
`define CSR_MHPMCOUNTER3         12'hB03        // ..0xB1F
`define CSR_MCYCLEH              12'hB80
`define CSR_MINSTRETH            12'hB82
`define CSR_MHPMCOUNTER3H        12'hB83        // ..0xB9F
`define CSR_CYCLE                12'hC00
`define CSR_TIME                 12'hC01
`define CSR_INSTRET              12'hC02
`define CSR_HPMCOUNTER3          12'hC03        // ..0xC1F
`define CSR_CYCLEH               12'hC80
`define CSR_TIMEH                12'hC81
`define CSR_INSTRETH             12'hC82
`define CSR_HPMCOUNTER3H         12'hC83        // ..0xC9F
`define CSR_MVENDORID            12'hF11
`define CSR_MARCHID              12'hF12
`define CSR_MIMPID               12'hF13
`define CSR_MHARTID              12'hF14
`define CSR_MCONFIGPTR           12'hF15
`define MISA_VALUE               32'h40141101   // MXL=1 (RV32), extensions A I M S U
`define MISA_M                   32'h00001000   // misa bit of M: 0 in a core built without multiply/divide (MulDiv = 0)
`define MVENDORID_VALUE          32'h00000000   // non-commercial
`define MARCHID_VALUE            32'h00000000
`define MIMPID_VALUE             32'h00000001   // implementation version
`define MSTATUS_SIE              1
`define MSTATUS_MIE              3
`define MSTATUS_SPIE             5
`define MSTATUS_MPIE             7
`define MSTATUS_SPP              8
`define MSTATUS_MPP_LO           11             // MPP is bits 12:11
`define MSTATUS_MPRV             17
`define MSTATUS_SUM              18
`define MSTATUS_MXR              19
`define MSTATUS_TVM              20
`define MSTATUS_TW               21
`define MSTATUS_TSR              22
`define MSTATUS_WMASK            32'h007E19AA   // writable bits of mstatus
`define SSTATUS_MASK             32'h000C0122   // bits of mstatus visible through sstatus
`define IRQ_S_SOFT               1
`define IRQ_M_SOFT               3
`define IRQ_S_TIMER              5
`define IRQ_M_TIMER              7
`define IRQ_S_EXT                9
`define IRQ_M_EXT                11
`define MIE_MASK                 32'h00000AAA   // implemented bits of mie/mip
`define MIDELEG_MASK             32'h00000222   // delegatable interrupts (S-level ones)
`define MIP_MWRITE_MASK          32'h00000222   // mip bits writable by csr instructions
`define SIP_WRITE_MASK           32'h00000002   // sip bits writable (SSIP), further masked by mideleg
`define MEDELEG_MASK             32'h0000B3FF   // delegatable exceptions (not ecall-from-M)
`define MCAUSE_INTERRUPT         32'h80000000
`define CAUSE_MASK               32'h8000000F   // mcause/scause WARL: interrupt bit and a 4-bit code (docs/csr.md)
`define TVEC_VECTORED_MASK       32'hFFFFFFC1   // mtvec/stvec bits kept with MODE=1: the vectored base is 64-byte aligned
`define COUNTEREN_MASK           32'h000007FF   // mcounteren/scounteren: CY TM IR HPM3..10 (bits above HpmCounters+2 read 0)
`define CAUSE_MISALIGNED_FETCH   0
`define CAUSE_FETCH_ACCESS       1
`define CAUSE_ILLEGAL_INSN       2
`define CAUSE_BREAKPOINT         3
`define CAUSE_MISALIGNED_LOAD    4
`define CAUSE_LOAD_ACCESS        5
`define CAUSE_MISALIGNED_STORE   6              // also AMO/SC
`define CAUSE_STORE_ACCESS       7              // also AMO/SC
`define CAUSE_USER_ECALL         8
`define CAUSE_SUPERVISOR_ECALL   9
`define CAUSE_MACHINE_ECALL      11
`define CAUSE_FETCH_PAGE_FAULT   12
`define CAUSE_LOAD_PAGE_FAULT    13
`define CAUSE_STORE_PAGE_FAULT   15
`define SATP_MODE_BIT            31
`define SATP_ASID_LO             22             // ASID is bits 30:22 (9 bits, all implemented)
`define SATP_ASID_BITS           9
`define SATP_PPN_BITS            22
`define ENVCFG_FIOM              0              // bit 0 of menvcfg and senvcfg
`define MENVCFGH_ADUE            29             // menvcfg bit 61 = menvcfgh bit 29 (Svadu)
`define PTE_V                    0
`define PTE_R                    1
`define PTE_W                    2
`define PTE_X                    3
`define PTE_U                    4
`define PTE_G                    5
`define PTE_A                    6
`define PTE_D                    7
`define PTE_PPN_LO               10             // PPN is bits 31:10 (22 bits)
`define PAGE_SHIFT               12
`define MEGAPAGE_SHIFT           22
`define PMPCFG_R                 0
`define PMPCFG_W                 1
`define PMPCFG_X                 2
`define PMPCFG_A_LO              3              // A is bits 4:3 (0 OFF, 1 TOR, 2 NA4, 3 NAPOT)
`define PMPCFG_L                 7
`define HPM_EVENT_NONE           0
`define HPM_EVENT_ITLB_MISS      1
`define HPM_EVENT_DTLB_MISS      2
`define HPM_EVENT_PAGE_WALK      3
`define HPM_EVENT_WALK_CYCLE     4
`define HPM_EVENT_FETCH_PF       5
`define HPM_EVENT_LOAD_PF        6
`define HPM_EVENT_STORE_PF       7
`define HPM_EVENT_SFENCE_VMA     8
`define HPM_EVENT_MASK           32'h1F         // mhpmevent is WARL: value & mask is kept
`define FINISHER_BASE            32'h00100000   // sifive_test-style finisher
`define FINISHER_SIZE            32'h00001000
`define FINISHER_PASS            32'h5555       // write value: pass
`define FINISHER_FAIL            32'h3333       // write (code<<16)|FAIL: fail with code
`define CLINT_BASE               32'h02000000
`define CLINT_SIZE               32'h00010000
`define CLINT_MSIP               32'h0000       // offset
`define CLINT_MTIMECMP           32'h4000       // offset (64-bit)
`define CLINT_MTIME              32'hBFF8       // offset (64-bit)
`define UART_BASE                32'h10000000   // ns16550a
`define UART_SIZE                32'h00000100
`define UART_RBR_THR             32'h0          // offset
`define UART_IER                 32'h1
`define UART_IIR_FCR             32'h2
`define UART_LCR                 32'h3
`define UART_MCR                 32'h4
`define UART_LSR                 32'h5
`define UART_MSR                 32'h6
`define UART_SCR                 32'h7
`define UART_LSR_DR              8'h01
`define UART_LSR_THRE            8'h20
`define UART_LSR_TEMT            8'h40
`define RAM_BASE                 32'h80000000
`define RAM_SIZE_DEFAULT         32'h01000000   // 16 MiB in simulation; a parameter
`define RESET_PC                 32'h80000000
`endif
