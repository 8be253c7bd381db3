/* priv.c — privilege, trap, delegation, interrupt and CSR-rule test (no paging).
 *
 * Built twice (iss/tests/tests.mk):
 *   priv      QEMU_COMPAT=1: only behaviour QEMU 7.2 shares with docs/csr.md;
 *             runs on build/iss and QEMU, outputs must match.
 *   priv_iss  QEMU_COMPAT=0: adds csr.md's WARL choices, counter rules and platform
 *             details where QEMU differs; compared with priv_iss.expected.
 * Lower-privilege cases run through probe.S; S-level traps go to s_handler, which
 * records scause/stval/sepc/sstatus and ecalls back to M.
 */
#include "runtime.h"

#ifndef QEMU_COMPAT
#define QEMU_COMPAT 1
#endif

#define MPP(p) ((uint32_t)(p) << MSTATUS_MPP_LO)
#define MSB(n) (1u << MSTATUS_##n)

extern char stub_ecall[], stub_ebreak[], stub_illegal[], stub_mstatus[], stub_cycle[];
extern char stub_satp[], stub_sret[], stub_mret[], stub_wfi[], stub_sfence[], stub_jr[];
extern char s_handler[], probe_page[];
extern uint32_t probe_tval, probe_a0, s_cause[4];
uint32_t probe_run(uint32_t mstatus_bits, uint32_t pc, uint32_t a0, uint32_t a1);

static unsigned ncase;

/* Addresses inside the probe page print relative to it ("P+038"), so that the
 * expected outputs do not depend on where the linker put the page. */
static const char *addr(uint32_t v)
{
    static char buf[4][16];
    static unsigned k;
    char *b = buf[k++ & 3];
    uint32_t base = (uint32_t)(uintptr_t)probe_page;
    if (v - base < 4096)
        snprintf(b, 16, "P+%03x   ", (unsigned)(v - base));
    else
        snprintf(b, 16, "%08x", (unsigned)v);
    return b;
}

#define PC(s) ((uint32_t)(uintptr_t)(s))

/* Run a stub in mode `bits` and print the M-level outcome; S-level traps
 * (delegated) show as "S:" with the S CSRs, offsets relative to the stub. */
static void show(const char *name, uint32_t bits, const char *stub, uint32_t a0)
{
    s_cause[0] = s_cause[1] = s_cause[2] = s_cause[3] = 0xFFFFFFFF;
    uint32_t cause = probe_run(bits, PC(stub), a0, 0);
    ncase++;
    /* QEMU 7.2 leaves mtval 0 on ebreak; csr.md says pc */
    uint32_t tval = QEMU_COMPAT && cause == CAUSE_BREAKPOINT ? 0 : probe_tval;
    printf("%2u %-34s M:cause=%08x tval=%s a0=%08x", ncase, name, (unsigned)cause,
           addr(tval),
           (unsigned)(cause == CAUSE_SUPERVISOR_ECALL || cause == CAUSE_USER_ECALL ||
                      cause == CAUSE_MACHINE_ECALL ? (stub == stub_cycle ? probe_a0 != 0 : probe_a0) : 0));
    if (cause == CAUSE_SUPERVISOR_ECALL && s_cause[0] != 0xFFFFFFFF)
        printf(" S:scause=%08x stval=%08x sepc=%08x SPP=%u SPIE=%u",
               (unsigned)s_cause[0],
               (unsigned)(QEMU_COMPAT && s_cause[0] == CAUSE_BREAKPOINT ? 0 : s_cause[1]), (unsigned)s_cause[2],
               (unsigned)(s_cause[3] >> MSTATUS_SPP) & 1, (unsigned)(s_cause[3] >> MSTATUS_SPIE) & 1);
    printf("\n");
}

static void show_csr(const char *name, uint32_t v)
{
    ncase++;
    printf("%2u %-34s %08x\n", ncase, name, (unsigned)v);
}

static void traps(void)
{
    const uint32_t Um = MPP(PRV_U), Sm = MPP(PRV_S);
    show("U ecall (not delegated)", Um, stub_ecall, 0);
    show("U ebreak", Um, stub_ebreak, 0);
    show("U illegal", Um, stub_illegal, 0);
    show("U csrr mstatus", Um, stub_mstatus, 0);
    show("U sret", Um, stub_sret, 0);
    show("U mret", Um, stub_mret, 0);
    show("U wfi", Um, stub_wfi, 0);
    show("U sfence.vma", Um, stub_sfence, 0);
    show("U jr misaligned target", Um, stub_jr, PC(stub_ecall) + 2);
    show("S mret", Sm, stub_mret, 0);
    show("S csrr satp, TVM=0", Sm, stub_satp, 0);
    show("S csrr satp, TVM=1", Sm | MSB(TVM), stub_satp, 0);
    show("S sfence.vma, TVM=1", Sm | MSB(TVM), stub_sfence, 0);
    show("S sfence.vma, TVM=0", Sm, stub_sfence, 0);
    show("S wfi, TW=1", Sm | MSB(TW), stub_wfi, 0);
    show("S sret, TSR=1", Sm | MSB(TSR), stub_sret, 0);
    show("S ecall", Sm, stub_ecall, 0);

    /* counters: cycle needs mcounteren (S) and also scounteren (U) */
    csr_write(CSR_MCOUNTEREN, 0);
    csr_write(CSR_SCOUNTEREN, 0);
    show("S cycle, mcounteren=0", Sm, stub_cycle, 0);
    csr_write(CSR_MCOUNTEREN, 1);
    show("U cycle, mcounteren=1 scounteren=0", Um, stub_cycle, 0);
    csr_write(CSR_SCOUNTEREN, 1);
    csr_write(CSR_MCOUNTEREN, 0);
    show("U cycle, mcounteren=0 scounteren=1", Um, stub_cycle, 0);
    csr_write(CSR_MCOUNTEREN, 0);
    csr_write(CSR_SCOUNTEREN, 0);

    /* delegation to S */
    csr_write(CSR_STVEC, PC(s_handler));
    csr_write(CSR_MEDELEG, (1u << CAUSE_ILLEGAL_INSN) | (1u << CAUSE_USER_ECALL) |
                           (1u << CAUSE_BREAKPOINT));
    show("U illegal, delegated", Um, stub_illegal, 0);
    show("U ecall, delegated", Um, stub_ecall, 0);
    show("U ebreak, delegated", Um, stub_ebreak, 0);
    show("S illegal, delegated (S->S)", Sm | MSB(SPIE), stub_mstatus, 0);
    csr_write(CSR_MEDELEG, 0);
}

static void interrupts(void)
{
    const uint32_t Um = MPP(PRV_U), Sm = MPP(PRV_S);
    /* Supervisor software interrupt: to M, then delegated to S. */
    csr_write(CSR_MIE, 1u << IRQ_S_SOFT);
    csr_set(CSR_MIP, 1u << IRQ_S_SOFT);
    show("U with SSIP pending, to M", Um, stub_ecall, 0);
    csr_write(CSR_MIDELEG, 1u << IRQ_S_SOFT);
    show("U with SSIP pending, delegated", Um, stub_ecall, 0);
    show("S with SSIP, SIE=0", Sm, stub_ecall, 0);
    csr_clear(CSR_MIP, 1u << IRQ_S_SOFT);
    show("U after SSIP cleared", Um, stub_ecall, 0);

    /* M-destined before S-destined: SEIP (to M) beats delegated SSIP. */
    csr_write(CSR_MIE, (1u << IRQ_S_SOFT) | (1u << IRQ_S_EXT));
    csr_set(CSR_MIP, (1u << IRQ_S_SOFT) | (1u << IRQ_S_EXT));
    show("U SEIP(M) + SSIP(S) pending", Um, stub_ecall, 0);
    csr_clear(CSR_MIP, (1u << IRQ_S_SOFT) | (1u << IRQ_S_EXT));
    csr_write(CSR_MIDELEG, 0);

    /* Machine timer and software interrupts from the CLINT; MSI beats MTI. */
    csr_write(CSR_MIE, (1u << IRQ_M_TIMER) | (1u << IRQ_M_SOFT));
    mmio_write32(CLINT_REG(CLINT_MSIP), 1);
    clint_set_mtimecmp(0);
    show("U MSIP + MTIP pending", Um, stub_ecall, 0);
    mmio_write32(CLINT_REG(CLINT_MSIP), 0);
    show("U MTIP pending", Um, stub_ecall, 0);
    show("M MTIP pending, MIE=0 (MPIE=0)", MPP(PRV_M), stub_ecall, 0);
    clint_set_mtimecmp(~0ull);
    show("U nothing pending", Um, stub_ecall, 0);

    /* wfi with MIE=0 returns once (mip & mie) != 0. */
    clint_set_mtimecmp(clint_mtime() + 2000);
    __asm__ volatile("wfi");
    show_csr("mip after wfi (MTIP)", csr_read(CSR_MIP) & (1u << IRQ_M_TIMER));
    clint_set_mtimecmp(~0ull);
    csr_write(CSR_MIE, 0);
}

#if !QEMU_COMPAT
#define CSR_RW(csr, v) ({ csr_write(csr, v); csr_read(csr); })

static void warl(void)
{
    uint32_t ms = csr_read(CSR_MSTATUS);
    show_csr("mstatus <- ~0", CSR_RW(CSR_MSTATUS, 0xFFFFFFFFu));
    show_csr("mstatus <- MPP=2", CSR_RW(CSR_MSTATUS, MPP(2)));
    csr_write(CSR_MSTATUS, ms);
    show_csr("sstatus <- ~0", CSR_RW(CSR_SSTATUS, 0xFFFFFFFFu));
    csr_write(CSR_MSTATUS, ms);
    show_csr("mstatush <- ~0", CSR_RW(CSR_MSTATUSH, 0xFFFFFFFFu));
    show_csr("misa <- 0", CSR_RW(CSR_MISA, 0));
    show_csr("medeleg <- ~0", CSR_RW(CSR_MEDELEG, 0xFFFFFFFFu));
    csr_write(CSR_MEDELEG, 0);
    show_csr("mideleg <- ~0", CSR_RW(CSR_MIDELEG, 0xFFFFFFFFu));
    show_csr("sie <- ~0 (mie=0)", CSR_RW(CSR_SIE, 0xFFFFFFFFu));
    show_csr("mie after sie write", csr_read(CSR_MIE));
    show_csr("mie <- ~0", CSR_RW(CSR_MIE, 0xFFFFFFFFu));
    csr_write(CSR_MIE, 0);
    show_csr("mip <- ~0", CSR_RW(CSR_MIP, 0xFFFFFFFFu));
    show_csr("sip with mideleg=~0", csr_read(CSR_SIP));
    show_csr("sip <- 0", CSR_RW(CSR_SIP, 0));
    show_csr("mip after sip <- 0", csr_read(CSR_MIP));
    csr_write(CSR_MIP, 0);
    csr_write(CSR_MIDELEG, 0);
    show_csr("sip <- ~0 with mideleg=0", CSR_RW(CSR_SIP, 0xFFFFFFFFu));
    uint32_t tv = csr_read(CSR_MTVEC);
    show_csr("mtvec <- ~0", CSR_RW(CSR_MTVEC, 0xFFFFFFFFu));
    show_csr("mtvec <- 0x80000002", CSR_RW(CSR_MTVEC, 0x80000002u));
    csr_write(CSR_MTVEC, tv);
    show_csr("stvec <- 0x80000007", CSR_RW(CSR_STVEC, 0x80000007u));
    show_csr("mepc <- ~0", CSR_RW(CSR_MEPC, 0xFFFFFFFFu));
    show_csr("sepc <- ~0", CSR_RW(CSR_SEPC, 0xFFFFFFFFu));
    show_csr("mcause <- ~0", CSR_RW(CSR_MCAUSE, 0xFFFFFFFFu));
    show_csr("mcounteren <- ~0", CSR_RW(CSR_MCOUNTEREN, 0xFFFFFFFFu));
    csr_write(CSR_MCOUNTEREN, 0);
    show_csr("mcountinhibit <- ~0", CSR_RW(CSR_MCOUNTINHIBIT, 0xFFFFFFFFu));
    csr_write(CSR_MCOUNTINHIBIT, 0);
    show_csr("menvcfg <- ~0", CSR_RW(CSR_MENVCFG, 0xFFFFFFFFu));
    show_csr("menvcfgh <- ~0", CSR_RW(CSR_MENVCFGH, 0xFFFFFFFFu));
    csr_write(CSR_MENVCFGH, 0);
    show_csr("senvcfg <- ~0", CSR_RW(CSR_SENVCFG, 0xFFFFFFFFu));
    show_csr("satp <- ~0", CSR_RW(CSR_SATP, 0xFFFFFFFFu));
    csr_write(CSR_SATP, 0);
    show_csr("mhpmevent3 <- ~0", CSR_RW(CSR_MHPMEVENT3, 0xFFFFFFFFu));
    show_csr("mhpmevent11 <- ~0", CSR_RW(CSR_MHPMEVENT3 + 8, 0xFFFFFFFFu));
    show_csr("mhpmcounter10 <- 77", CSR_RW(CSR_MHPMCOUNTER3 + 7, 77));
    show_csr("mhpmcounter11 <- 77", CSR_RW(CSR_MHPMCOUNTER3 + 8, 77));
    show_csr("mimpid", csr_read(CSR_MIMPID));
    show_csr("mconfigptr", csr_read(CSR_MCONFIGPTR));

    /* minstret/mcycle: the next instruction reads the written value */
    uint32_t v;
    __asm__ volatile("csrw %1, %2\n\tcsrr %0, %1" : "=r"(v) : "i"(CSR_MINSTRET), "r"(1000));
    show_csr("minstret <- 1000, read next", v);
    __asm__ volatile("csrw %1, %2\n\tnop\n\tnop\n\tcsrr %0, %1" : "=r"(v) : "i"(CSR_MINSTRET), "r"(1000));
    show_csr("minstret <- 1000, 2 nops, read", v);
    __asm__ volatile("csrw %1, %2\n\tcsrr %0, %1" : "=r"(v) : "i"(CSR_MINSTRETH), "r"(5));
    show_csr("minstreth <- 5, read next", v);
    csr_write(CSR_MCOUNTINHIBIT, 1u << 2);
    __asm__ volatile("csrw %1, %2\n\tnop\n\tcsrr %0, %1" : "=r"(v) : "i"(CSR_MINSTRET), "r"(50));
    show_csr("minstret inhibited <- 50, nop, read", v);
    csr_write(CSR_MCOUNTINHIBIT, 0);

    /* sfence.vma counted by an HPM counter */
    csr_write(CSR_MHPMEVENT3 + 1, HPM_EVENT_SFENCE_VMA);
    csr_write(CSR_MHPMCOUNTER3 + 1, 0);
    __asm__ volatile("sfence.vma\n\tsfence.vma\n\tsfence.vma" ::: "memory");
    show_csr("mhpmcounter4 after 3 sfence.vma", csr_read(CSR_MHPMCOUNTER3 + 1));
    csr_write(CSR_MHPMEVENT3 + 1, 0);

    /* PMP: reserved W-only, bits 6:5, locking */
    show_csr("pmpcfg1 <- 0x7F7E7D7A", CSR_RW(CSR_PMPCFG0 + 1, 0x7F7E7D7Au));
    csr_write(CSR_PMPCFG0 + 1, 0);
    csr_write(CSR_PMPADDR0 + 14, 0x1234);
    csr_write(CSR_PMPCFG0 + 3, (0x80u | (1u << PMPCFG_A_LO)) << 24);    /* entry 15 L+TOR */
    show_csr("pmpcfg3 after lock", csr_read(CSR_PMPCFG0 + 3));
    show_csr("pmpcfg3 <- 0 (locked)", CSR_RW(CSR_PMPCFG0 + 3, 0));
    show_csr("pmpaddr14 <- 0x5678 (TOR lock)", CSR_RW(CSR_PMPADDR0 + 14, 0x5678));
    show_csr("pmpaddr15 <- 0x5678 (locked)", CSR_RW(CSR_PMPADDR0 + 15, 0x5678));
    show_csr("pmpaddr13 <- 0x5678", CSR_RW(CSR_PMPADDR0 + 13, 0x5678));
}

static void platform(void)
{
    csr_write(CSR_MCOUNTEREN, 1);
    csr_write(CSR_SCOUNTEREN, 1);
    show("U cycle, mcounteren=scounteren=1", MPP(PRV_U), stub_cycle, 0);
    csr_write(CSR_MCOUNTEREN, 0);
    csr_write(CSR_SCOUNTEREN, 0);
}
#endif

/* M-mode traps caught with the probe harness (mret to M). */
extern char stub_lw[], stub_sw[], stub_amoadd[], stub_lr[];
static void mtraps(void)
{
    const uint32_t Mm = MPP(PRV_M);
    show("M ecall", Mm, stub_ecall, 0);
    show("M lw from 0 (no device)", Mm, stub_lw, 0);
    show("M sw to 0x08000000 (no device)", Mm, stub_sw, 0x08000000);
#if !QEMU_COMPAT
    show("M lw misaligned", Mm, stub_lw, PC(stub_lw) + 2);  /* tval in probe page */
    show("M sw misaligned to UART", Mm, stub_sw, UART_BASE + 1);
    show("M amoadd to CLINT", Mm, stub_amoadd, CLINT_BASE);
    show("M lr from UART", Mm, stub_lr, UART_BASE);
    show("M jr to UART (fetch)", Mm, stub_jr, UART_BASE);
#endif
}

int main(void)
{
    printf("priv test (%s)\n", QEMU_COMPAT ? "QEMU-compatible part" : "with csr.md WARL choices");
    csr_write(CSR_PMPADDR0, 0xFFFFFFFFu);
    csr_write(CSR_PMPCFG0, (3u << PMPCFG_A_LO) | 7u);
    traps();
    interrupts();
    mtraps();
#if !QEMU_COMPAT
    warl();
    platform();
#endif
    printf("priv test: %u cases done\n", ncase);
    return 0;
}
