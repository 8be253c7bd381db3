/* vm.c — Sv32 directed test: every page-fault kind, megapages, U/SUM/MXR/MPRV rules,
 * access faults from translation (PA >= 2^32, no device), A/D under Svadu or Svade.
 *
 * Built twice (iss/tests/tests.mk):
 *   vm_svadu  ADUE=1 QEMU_COMPAT=1: runs on build/iss and QEMU; outputs must match
 *             (QEMU 7.2 sets A/D in hardware, like Svadu).
 *   vm_svade  ADUE=0: Svade page faults, plus platform rules QEMU does not model
 *             (AMO/LR to a device); compared with vm_svade.expected.
 * Each case runs one instruction in U/S mode (probe.S) and prints how it ended.
 */
#include "runtime.h"

#ifndef ADUE
#define ADUE 1
#endif
#ifndef QEMU_COMPAT
#define QEMU_COMPAT 1
#endif

#define PTE_FLAG(n) (1u << PTE_##n)
#define V PTE_FLAG(V)
#define R PTE_FLAG(R)
#define W PTE_FLAG(W)
#define X PTE_FLAG(X)
#define U PTE_FLAG(U)
#define A PTE_FLAG(A)
#define D PTE_FLAG(D)
#define PTE(pa, fl) ((uint32_t)(((uint64_t)(uintptr_t)(pa) >> PAGE_SHIFT) << PTE_PPN_LO) | (fl))
#define PTE_PA(pa, fl) ((uint32_t)(((uint64_t)(pa) >> PAGE_SHIFT) << PTE_PPN_LO) | (fl))
#define VPN1(va) ((uint32_t)(va) >> MEGAPAGE_SHIFT)
#define VPN0(va) (((uint32_t)(va) >> PAGE_SHIFT) & 0x3FF)

#define MPP(p) ((uint32_t)(p) << MSTATUS_MPP_LO)
#define SUM (1u << MSTATUS_SUM)
#define MXR (1u << MSTATUS_MXR)
#define MPRV (1u << MSTATUS_MPRV)

extern char probe_page[], stub_lw[], stub_lbu[], stub_sw[], stub_amoadd[], stub_lr[];
extern char stub_sc[], stub_sconly[], stub_jr[], stub_ecall[];
extern uint32_t probe_tval, probe_a0;
uint32_t probe_run(uint32_t mstatus_bits, uint32_t pc, uint32_t a0, uint32_t a1);

static uint32_t root[1024] __attribute__((aligned(4096)));
static uint32_t l0[1024] __attribute__((aligned(4096)));
static uint32_t l0_ptr[1024] __attribute__((aligned(4096)));
static uint32_t data1[1024] __attribute__((aligned(4096)));
static uint32_t data_a[1024] __attribute__((aligned(4096)));
static uint32_t data_d[1024] __attribute__((aligned(4096)));
static uint32_t execpg[1024] __attribute__((aligned(4096)));

/* Virtual layout: the U-mode window at 0x40000000 (4 KiB pages of l0). */
#define UWIN        0x40000000u
#define VA_STUBS    (UWIN + 0x0000)     /* probe_page, U R X */
#define VA_RW       (UWIN + 0x1000)     /* data1, U R W */
#define VA_RO       (UWIN + 0x2000)     /* data1, U R */
#define VA_SPAGE    (UWIN + 0x3000)     /* data1, S R W */
#define VA_XONLY    (UWIN + 0x4000)     /* execpg, U X */
#define VA_INVALID  (UWIN + 0x5000)     /* V = 0 */
#define VA_WONLY    (UWIN + 0x6000)     /* reserved R=0 W=1 */
#define VA_NOA      (UWIN + 0x7000)     /* data_a, A = 0 */
#define VA_NOD      (UWIN + 0x8000)     /* data_d, A = 1, D = 0 */
#define VA_EXEC     (UWIN + 0x9000)     /* execpg, U R X */
#define VA_NOEXEC   (UWIN + 0xA000)     /* execpg, U R W */
#define VA_HIGHPA   (UWIN + 0xB000)     /* PA 0x1_0000_0000 */
#define VA_NODEV    (UWIN + 0xC000)     /* PA 0 (no device) */
#define VA_UART     (UWIN + 0xD000)     /* the UART, U R W */
#define VA_NONLEAF0 0x40400000u         /* level-0 PTE is a pointer */
#define VA_MISMEGA  0x40800000u         /* megapage with ppn[0] != 0 */
#define VA_MEGA     0x40C00000u         /* megapage -> RAM_BASE + 4 MiB */
#define VA_UNMAPPED 0xC0000000u         /* level-1 PTE invalid */
#define PA_MEGA     (RAM_BASE + 0x400000u)

#define U_STUB(s) (VA_STUBS + (uint32_t)((s) - probe_page))
#define S_STUB(s) ((uint32_t)(uintptr_t)(s))

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

static void show(const char *name, uint32_t bits, uint32_t pc, uint32_t a0, uint32_t a1)
{
    uint32_t cause = probe_run(bits, pc, a0, a1);
    ncase++;
    if (cause == CAUSE_USER_ECALL || cause == CAUSE_SUPERVISOR_ECALL ||
        cause == CAUSE_MACHINE_ECALL)
        printf("%2u %-34s ok        a0=%08x\n", ncase, name, (unsigned)probe_a0);
    else
        printf("%2u %-34s cause=%-2u tval=%s\n", ncase, name, (unsigned)cause,
               addr(probe_tval));
}

static void build_tables(void)
{
    uint32_t page = (uint32_t)(uintptr_t)probe_page;
    root[VPN1(RAM_BASE)] = PTE(RAM_BASE, V | R | W | X | A | D);    /* S code, identity */
    root[VPN1(UWIN)] = PTE(l0, V);
    l0[VPN0(VA_STUBS)] = PTE(page, V | R | X | U | A);
    l0[VPN0(VA_RW)] = PTE(data1, V | R | W | U | A | D);
    l0[VPN0(VA_RO)] = PTE(data1, V | R | U | A);
    l0[VPN0(VA_SPAGE)] = PTE(data1, V | R | W | A | D);
    l0[VPN0(VA_XONLY)] = PTE(execpg, V | X | U | A);
    l0[VPN0(VA_INVALID)] = PTE(data1, R | W | U | A | D);
    l0[VPN0(VA_WONLY)] = PTE(data1, V | W | U | A | D);
    l0[VPN0(VA_NOA)] = PTE(data_a, V | R | W | U);
    l0[VPN0(VA_NOD)] = PTE(data_d, V | R | W | U | A);
    l0[VPN0(VA_EXEC)] = PTE(execpg, V | R | X | U | A);
    l0[VPN0(VA_NOEXEC)] = PTE(execpg, V | R | W | U | A | D);
    l0[VPN0(VA_HIGHPA)] = PTE_PA(0x100000000ull, V | R | W | U | A | D);
    l0[VPN0(VA_NODEV)] = PTE(0, V | R | W | U | A | D);
    l0[VPN0(VA_UART)] = PTE(UART_BASE, V | R | W | U | A | D);
    root[VPN1(VA_NONLEAF0)] = PTE(l0_ptr, V);
    l0_ptr[0] = PTE(data1, V);                       /* pointer at level 0 */
    root[VPN1(VA_MISMEGA)] = PTE(PA_MEGA + 0x1000, V | R | W | U | A | D);
    root[VPN1(VA_MEGA)] = PTE(PA_MEGA, V | R | W | U | A | D);

    data1[0] = 0x11111111;
    data1[1] = 0x22222222;
    data_a[0] = 0xAAAA0000;
    data_d[1] = 0xDDDD0000;
    execpg[0] = 0x00000073;                          /* ecall */
    execpg[1] = 0xE0E0E0E0;
    *(volatile uint32_t *)(PA_MEGA + 0x10) = 0x4D454741;
    __asm__ volatile("fence.i" ::: "memory");
}

int main(void)
{
    printf("vm test: Sv32, %s\n", ADUE ? "Svadu (menvcfgh.ADUE=1)" : "Svade (menvcfgh.ADUE=0)");
    /* PMP entry 0: NAPOT over all memory, RWX, so that S/U may access anything. */
    csr_write(CSR_PMPADDR0, 0xFFFFFFFFu);
    csr_write(CSR_PMPCFG0, (3u << PMPCFG_A_LO) | 7u);
    csr_write(CSR_MENVCFGH, ADUE ? 1u << MENVCFGH_ADUE : 0);
    build_tables();
    csr_write(CSR_SATP, (1u << SATP_MODE_BIT) | ((uint32_t)(uintptr_t)root >> PAGE_SHIFT));
    __asm__ volatile("sfence.vma" ::: "memory");

    const uint32_t Um = MPP(PRV_U), Sm = MPP(PRV_S);
    show("U lw  user RW page", Um, U_STUB(stub_lw), VA_RW + 4, 0);
    show("U sw  user RW page", Um, U_STUB(stub_sw), VA_RW + 8, 0x33333333);
    show("U lw  back through RO alias", Um, U_STUB(stub_lw), VA_RO + 8, 0);
    show("U sw  user RO page", Um, U_STUB(stub_sw), VA_RO + 8, 1);
    show("U lw  S page", Um, U_STUB(stub_lw), VA_SPAGE, 0);
    show("U sw  S page", Um, U_STUB(stub_sw), VA_SPAGE, 1);
    show("U lw  X-only page, MXR=0", Um, U_STUB(stub_lw), VA_XONLY + 4, 0);
    show("U lw  X-only page, MXR=1", Um | MXR, U_STUB(stub_lw), VA_XONLY + 4, 0);
    show("U lw  invalid PTE", Um, U_STUB(stub_lw), VA_INVALID, 0);
    show("U sw  invalid PTE", Um, U_STUB(stub_sw), VA_INVALID + 4, 1);
    show("U jr  invalid PTE", Um, U_STUB(stub_jr), VA_INVALID, 0);
    show("U lw  reserved R=0 W=1", Um, U_STUB(stub_lw), VA_WONLY, 0);
    show("U lw  A=0 page", Um, U_STUB(stub_lw), VA_NOA, 0);
    show("U sw  A=1 D=0 page", Um, U_STUB(stub_sw), VA_NOD + 4, 0x12345678);
    show("U lw  A=1 D=0 page", Um, U_STUB(stub_lw), VA_NOD + 4, 0);
    show("U jr  U R X page", Um, U_STUB(stub_jr), VA_EXEC, 0);
    show("U jr  U R W page (no X)", Um, U_STUB(stub_jr), VA_NOEXEC, 0);
    show("U jr  X-only page", Um, U_STUB(stub_jr), VA_XONLY, 0);
    show("U jr  S code page", Um, U_STUB(stub_jr), S_STUB(stub_ecall), 0);
    show("U lw  PA >= 2^32", Um, U_STUB(stub_lw), VA_HIGHPA, 0);
    show("U sw  PA >= 2^32", Um, U_STUB(stub_sw), VA_HIGHPA, 0);
    show("U lw  PA 0 (no device)", Um, U_STUB(stub_lw), VA_NODEV + 8, 0);
    show("U lbu UART LSR", Um, U_STUB(stub_lbu), VA_UART + UART_LSR, 0);
    show("U lw  non-leaf PTE at level 0", Um, U_STUB(stub_lw), VA_NONLEAF0, 0);
    show("U lw  misaligned megapage", Um, U_STUB(stub_lw), VA_MISMEGA + 0x10, 0);
    show("U lw  megapage", Um, U_STUB(stub_lw), VA_MEGA + 0x10, 0);
    show("U lw  megapage, 2nd 4K", Um, U_STUB(stub_lw), VA_MEGA + 0x1010, 0);
    show("U lw  invalid level-1 PTE", Um, U_STUB(stub_lw), VA_UNMAPPED + 0x123C, 0);
    show("U amoadd user RW page", Um, U_STUB(stub_amoadd), VA_RW + 4, 5);
    show("U amoadd user RO page", Um, U_STUB(stub_amoadd), VA_RO + 4, 5);
    show("U lr  user RO page", Um, U_STUB(stub_lr), VA_RO + 4, 0);
    show("U lr/sc user RW page", Um, U_STUB(stub_sc), VA_RW + 12, 7);
    show("S lw  U page, SUM=0", Sm, S_STUB(stub_lw), VA_RW + 4, 0);
    show("S lw  U page, SUM=1", Sm | SUM, S_STUB(stub_lw), VA_RW + 4, 0);
    show("S sw  U page, SUM=1", Sm | SUM, S_STUB(stub_sw), VA_RW + 16, 0x55);
    show("S sw  U RO page, SUM=1", Sm | SUM, S_STUB(stub_sw), VA_RO + 16, 0x55);
    show("S jr  U R X page, SUM=1", Sm | SUM, S_STUB(stub_jr), VA_EXEC, 0);
    show("S lw  S page", Sm, S_STUB(stub_lw), VA_SPAGE + 8, 0);
    show("S lw  U X-only, SUM=1 MXR=1", Sm | SUM | MXR, S_STUB(stub_lw), VA_XONLY + 4, 0);
    show("S lw  U X-only, SUM=1 MXR=0", Sm | SUM, S_STUB(stub_lw), VA_XONLY + 4, 0);
    show("S lw  megapage (U), SUM=0", Sm, S_STUB(stub_lw), VA_MEGA + 0x10, 0);
    show("S jr  invalid level-1 PTE", Sm, S_STUB(stub_jr), VA_UNMAPPED, 0);
    show("M MPRV MPP=U lw user page", MPP(PRV_M) | MPRV, S_STUB(stub_lw), VA_RW + 4, 0);
    show("M MPRV MPP=U lw S page", MPP(PRV_M) | MPRV, S_STUB(stub_lw), VA_SPAGE, 0);
#if !QEMU_COMPAT
    /* QEMU 7.2 performs misaligned accesses; this platform traps (cause 4/6 first). */
    show("U lw  misaligned, RW page", Um, U_STUB(stub_lw), VA_RW + 2, 0);
    show("U lw  misaligned, invalid page", Um, U_STUB(stub_lw), VA_INVALID + 2, 0);
    show("U sw  misaligned, RO page", Um, U_STUB(stub_sw), VA_RO + 1, 0);
    show("U amoadd UART page", Um, U_STUB(stub_amoadd), VA_UART, 1);
    show("U lr  UART page", Um, U_STUB(stub_lr), VA_UART, 0);
    show("U sc  UART page", Um, U_STUB(stub_sconly), VA_UART, 0);
    show("U sc  without reservation", Um, U_STUB(stub_sconly), VA_RW + 12, 9);
#endif

    /* What the accesses left in memory and in the PTEs (A/D). */
    printf("data1[2]=%08x data1[3]=%08x data1[1]=%08x data_d[1]=%08x\n",
           (unsigned)data1[2], (unsigned)data1[3], (unsigned)data1[1], (unsigned)data_d[1]);
    printf("PTE A=0 page: %08x  PTE D=0 page: %08x\n",
           (unsigned)l0[VPN0(VA_NOA)], (unsigned)l0[VPN0(VA_NOD)]);
    printf("vm test: %u cases done\n", ncase);
    return 0;
}
