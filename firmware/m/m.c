/* m.c — the M-mode layer: machine setup, SBI-like calls, timer, shutdown.
 *
 * m_init() runs once from _mstart: PMP (the layer's own region, the smallest
 * power of two that holds it, closed to S/U; everything else open), delegation
 * of page faults, user ecalls and the other exceptions the kernel handles, and
 * of the S-level interrupts; counters visible to S/U; the RAM size
 * (m_detect_memory, memsize.c), checked against the kernel image; then mepc =
 * the kernel's physical entry, MPP = S. It returns the RAM size, which _mstart
 * passes to the kernel in a1.
 *
 * m_trap() handles what stays in M: ecalls from S (sbi.h), the machine timer
 * (turned into the S timer interrupt, STIP), misaligned loads/stores
 * (misaligned.c) and faults taken while probing S/U memory. Anything else is a
 * bug: a line on the console and the finisher's failure code 0x7f. A RAM that
 * cannot hold the kernel image ends the run at once with code 0x7e.
 */
#include "arch.h"
#include "m.h"
#include "sbi.h"

extern char _m_region_start[], _m_region_end[], KERNEL_ENTRY_PA[], KERNEL_END_PA[];

#define MMIO32(a) (*(volatile uint32_t *)(uintptr_t)(a))
#define MMIO8(a)  (*(volatile uint8_t *)(uintptr_t)(a))
#define NAPOT(base, size) (((uint32_t)(base) >> 2) | (((uint32_t)(size) >> 3) - 1))
#define PMP_NAPOT (3u << PMPCFG_A_LO)
#define PMP_RWX   (BIT(PMPCFG_R) | BIT(PMPCFG_W) | BIT(PMPCFG_X))

void m_putc(int c)
{
    while (!(MMIO8(UART_BASE + UART_LSR) & UART_LSR_THRE))
        ;
    MMIO8(UART_BASE + UART_RBR_THR) = (uint8_t)c;
}

void m_puts(const char *s)
{
    while (*s)
        m_putc(*s++);
}

void m_puthex(uint32_t v)
{
    m_puts("0x");
    for (int i = 28; i >= 0; i -= 4)
        m_putc("0123456789abcdef"[(v >> i) & 15]);
}

/* Ends the run through the finisher: code 0 passes, N fails with N. */
void m_shutdown(uint32_t code)
{
    MMIO32(FINISHER_BASE) = code ? (code << 16) | FINISHER_FAIL : FINISHER_PASS;
    for (;;)
        ;
}

uint32_t m_init(void)
{
    uint32_t msize = (uint32_t)(_m_region_end - _m_region_start);
    uint32_t ram = m_detect_memory();
    uint32_t need = (uint32_t)(uintptr_t)KERNEL_END_PA - RAM_BASE;

    if (ram < need) {
        m_puts("m: RAM too small: the kernel image needs ");
        m_puthex(need);
        m_puts(" bytes from RAM_BASE, this machine has ");
        m_puthex(ram);
        m_puts("\n");
        m_shutdown(0x7e);
    }

    /* PMP: entry 0 closes the layer to S/U (not locked: M keeps access);
     * entry 1 opens the rest of the 32-bit space (NAPOT, all ones). */
    M_CSR_WRITE(CSR_PMPADDR0, NAPOT(_m_region_start, msize));
    M_CSR_WRITE(CSR_PMPADDR0 + 1, 0xFFFFFFFFu);
    M_CSR_WRITE(CSR_PMPCFG0, (PMP_NAPOT << 0) | ((PMP_NAPOT | PMP_RWX) << 8));

    M_CSR_WRITE(CSR_MEDELEG,
        BIT(CAUSE_MISALIGNED_FETCH) | BIT(CAUSE_FETCH_ACCESS) | BIT(CAUSE_ILLEGAL_INSN) |
        BIT(CAUSE_BREAKPOINT) | BIT(CAUSE_LOAD_ACCESS) | BIT(CAUSE_STORE_ACCESS) |
        BIT(CAUSE_USER_ECALL) | BIT(CAUSE_FETCH_PAGE_FAULT) |
        BIT(CAUSE_LOAD_PAGE_FAULT) | BIT(CAUSE_STORE_PAGE_FAULT));
    M_CSR_WRITE(CSR_MIDELEG, BIT(IRQ_S_SOFT) | BIT(IRQ_S_TIMER) | BIT(IRQ_S_EXT));
    M_CSR_WRITE(CSR_MCOUNTEREN, 0xFFFFFFFFu);
#ifdef M_SVADU
    /* kernel-svadu.elf: the hardware sets A/D (Svadu), as QEMU does; the kernel's
     * software A/D path then never runs. Without it the core uses Svade. */
    M_CSR_SET(CSR_MENVCFGH, BIT(MENVCFGH_ADUE));
#endif
    M_CSR_WRITE(CSR_MIE, 0);
    M_CSR_WRITE(CSR_MEPC, (uint32_t)(uintptr_t)KERNEL_ENTRY_PA);
    uint32_t ms = M_CSR_READ(CSR_MSTATUS);
    ms &= ~(3u << MSTATUS_MPP_LO);
    ms |= (uint32_t)PRV_S << MSTATUS_MPP_LO;
    M_CSR_WRITE(CSR_MSTATUS, ms);
    return ram;
}

/* SBI-like calls from S (sbi.h); a0 gets the result, the ecall is skipped. */
static void m_sbi_call(struct mframe *f)
{
    uint32_t *a = &f->x[10];

    switch (f->x[17]) {
    case SBI_SET_TIMER:
        MMIO32(CLINT_BASE + CLINT_MTIMECMP + 4) = 0xFFFFFFFFu;   /* no spurious match */
        MMIO32(CLINT_BASE + CLINT_MTIMECMP) = a[0];
        MMIO32(CLINT_BASE + CLINT_MTIMECMP + 4) = a[1];
        M_CSR_CLEAR(CSR_MIP, BIT(IRQ_S_TIMER));
        M_CSR_SET(CSR_MIE, BIT(IRQ_M_TIMER));
        a[0] = 0;
        break;
    case SBI_CONSOLE_PUTCHAR:
        m_putc((int)a[0]);
        a[0] = 0;
        break;
    case SBI_CONSOLE_GETCHAR:
        a[0] = (MMIO8(UART_BASE + UART_LSR) & UART_LSR_DR)
             ? MMIO8(UART_BASE + UART_RBR_THR) : (uint32_t)-1;
        break;
    case SBI_SHUTDOWN:
        m_shutdown(a[0]);
    default:
        a[0] = (uint32_t)SBI_ERR_NOT_SUPPORTED;
        break;
    }
    f->mepc += 4;
}

static void m_fatal(struct mframe *f)
{
    m_puts("m: unexpected trap mcause=");
    m_puthex(f->mcause);
    m_puts(" mepc=");
    m_puthex(f->mepc);
    m_puts(" mtval=");
    m_puthex(f->mtval);
    m_puts("\n");
    m_shutdown(0x7f);
}

void m_trap(struct mframe *f)
{
    uint32_t cause = f->mcause;
    uint32_t from = (f->mstatus >> MSTATUS_MPP_LO) & 3;

    if (cause & MCAUSE_INTERRUPT) {
        if ((cause & ~MCAUSE_INTERRUPT) == IRQ_M_TIMER) {
            M_CSR_CLEAR(CSR_MIE, BIT(IRQ_M_TIMER));   /* until the next set_timer */
            M_CSR_SET(CSR_MIP, BIT(IRQ_S_TIMER));
            return;
        }
        m_fatal(f);
    }
    if (from == PRV_M) {
        if (m_probing) {                              /* a probe faulted: skip it */
            m_probe_cause = cause;
            m_probe_tval = f->mtval;
            f->mepc += 4;
            return;
        }
        m_fatal(f);
    }
    switch (cause) {
    case CAUSE_SUPERVISOR_ECALL:
        m_sbi_call(f);
        return;
    case CAUSE_MISALIGNED_LOAD:
    case CAUSE_MISALIGNED_STORE:
        m_emulate_misaligned(f);
        return;
    default:
        m_redirect(f, cause, f->mtval);               /* not delegated: let S decide */
        return;
    }
}
