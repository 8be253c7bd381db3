/* rv32mi-irq-uart — the UART interrupt wired to mip.MEIP (docs/platform.md: no PLIC;
 * QEMU routes its UART through a PLIC, so vsim-only), and the ns16550a register subset:
 * LSR.THRE/TEMT always 1 and DR 0 with no input, SCR/LCR/IER read back, DLL/DLM behind
 * LCR.DLAB. IER.THRE raises MEIP at once (transmit is immediate); IER.DR does not
 * without input; mip.MEIP is not writable by csr instructions; MEI is cause
 * 0x8000000b in M from any mode. */
#include "test.h"

#define MEI (MCAUSE_INTERRUPT | IRQ_M_EXT)
#define IER_DR   1
#define IER_THRE 2
#define LCR_DLAB 0x80

TEST_NAME("rv32mi-irq-uart")
TEST_BEGIN
        li   s0, UART_BASE
        /* ---- registers ---- */
        lbu  a0, UART_LSR(s0)
        andi a0, a0, UART_LSR_THRE | UART_LSR_TEMT | UART_LSR_DR
        CHECK_EQ(a0, UART_LSR_THRE | UART_LSR_TEMT)
        li   a1, 0x5a
        sb   a1, UART_SCR(s0)
        lbu  a0, UART_SCR(s0)
        CHECK_EQ(a0, 0x5a)
        li   a1, 0xa5
        sb   a1, UART_SCR(s0)
        lbu  a0, UART_SCR(s0)
        CHECK_EQ(a0, 0xa5)
        li   a1, 0x03                       /* 8N1 */
        sb   a1, UART_LCR(s0)
        lbu  a0, UART_LCR(s0)
        CHECK_EQ(a0, 0x03)
        /* DLAB: offsets 0 and 1 are DLL/DLM, stored */
        li   a1, 0x83
        sb   a1, UART_LCR(s0)
        li   a1, 0x12
        sb   a1, 0(s0)
        li   a1, 0x34
        sb   a1, 1(s0)
        lbu  a0, 0(s0)
        CHECK_EQ(a0, 0x12)
        lbu  a0, 1(s0)
        CHECK_EQ(a0, 0x34)
        li   a1, 0x03
        sb   a1, UART_LCR(s0)
        /* with DLAB clear, offset 1 is IER again, and writing DLM did not change it */
        lbu  a0, UART_IER(s0)
        CHECK_EQ(a0, 0)
        csrr a0, mip
        CHECK_EQ(a0, 0)

        /* ---- IER.DR without input: no interrupt ---- */
        li   a1, IER_DR
        sb   a1, UART_IER(s0)
        lbu  a0, UART_IER(s0)
        CHECK_EQ(a0, IER_DR)
        csrr a0, mip
        CHECK_EQ(a0, 0)
        /* ---- IER.THRE: MEIP at once; clearing IER drops it ---- */
        li   a1, IER_THRE
        sb   a1, UART_IER(s0)
        csrr a0, mip
        CHECK_EQ(a0, BIT(IRQ_M_EXT))
        sb   zero, UART_IER(s0)
        csrr a0, mip
        CHECK_EQ(a0, 0)
        /* mip.MEIP cannot be set or cleared by csr writes */
        li   a1, BIT(IRQ_M_EXT)
        csrs mip, a1
        csrr a0, mip
        CHECK_EQ(a0, 0)
        li   a1, IER_THRE
        sb   a1, UART_IER(s0)
        li   a1, BIT(IRQ_M_EXT)
        csrc mip, a1
        csrr a0, mip
        CHECK_EQ(a0, BIT(IRQ_M_EXT))
        sb   zero, UART_IER(s0)

        /* ---- taken in M: the hook silences the UART ---- */
        SET_HOOK(env_irq_hook_m, uart_quiet)
        li   a0, BIT(IRQ_M_EXT)
        csrw mie, a0
        csrsi mstatus, BIT(MSTATUS_MIE)
        li   a1, IER_THRE
        TRAP_CLEAR
        sb   a1, UART_IER(s0)
1:      nop
        CHECK_TRAP(PRV_M, MEI, 1b)
        CHECK_TVAL(0)
        CHECK_CSR(mie, BIT(IRQ_M_EXT))      /* the hook left MEIE alone */
        csrr a0, mip
        CHECK_EQ(a0, 0)
        /* from U with MIE = 0 */
        csrci mstatus, BIT(MSTATUS_MIE)
        li   a0, BIT(MSTATUS_MPIE)
        csrc mstatus, a0
        li   a1, IER_THRE
        sb   a1, UART_IER(s0)
        TRAP_CLEAR
        GOTO_MODE(PRV_U, 1f)
1:      nop
        CHECK_TRAP(PRV_M, MEI, 1b)
        CHECK_PREV(PRV_U)
        ENTER_M
        /* MEI cannot be delegated: mideleg bit 11 stays 0 */
        li   a0, BIT(IRQ_M_EXT)
        csrs mideleg, a0
        CHECK_CSR(mideleg, 0)
        CLEAR_HOOK(env_irq_hook_m)
        TEST_PASS

/* M interrupt hook: turn the UART interrupt off at its source. */
uart_quiet:
        li   t0, UART_BASE
        sb   zero, UART_IER(t0)
        ret
