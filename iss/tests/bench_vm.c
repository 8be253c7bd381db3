/* bench_vm.c — MIPS benchmark for the ISS: Sv32 on, U-mode integer loop.
 *
 * M-mode maps all RAM with four identity megapages (U R W X A D), gives U-mode
 * all memory through PMP entry 0, and mrets into user_main on its own stack. The
 * loop does loads, stores, shifts, xors, adds and branches over a 16 KiB buffer
 * (4 pages): about 200 million instructions. The U code ends with ecall; M prints
 * the checksum and exits through the finisher.
 */
#include "runtime.h"

#define ITERATIONS 4000
#define WORDS 4096
#define MEGA (1u << MEGAPAGE_SHIFT)
#define LEAF_URWX ((1u << PTE_V) | (1u << PTE_R) | (1u << PTE_W) | (1u << PTE_X) | \
                   (1u << PTE_U) | (1u << PTE_A) | (1u << PTE_D))

static uint32_t root[1024] __attribute__((aligned(4096)));
static uint32_t buf[WORDS];
static uint32_t ustack[2048] __attribute__((aligned(16)));
static uint32_t mstack[1024] __attribute__((aligned(16)));

__attribute__((noreturn, noinline)) static void user_main(void)
{
    uint32_t acc = 1;
    for (uint32_t it = 0; it < ITERATIONS; it++) {
        for (uint32_t j = 0; j < WORDS; j++) {
            uint32_t v = buf[j];
            v = (v << 5) ^ (v >> 3) ^ it ^ j;
            buf[j] = v + acc;
            acc += v & 0xFF;
        }
    }
    register uint32_t a0 __asm__("a0") = acc;
    __asm__ volatile("ecall" :: "r"(a0));
    for (;;)
        ;
}

void trap_handler(struct trap_frame *tf)
{
    if (tf->mcause == CAUSE_USER_ECALL) {
        printf("bench_vm: checksum %08x\n", (unsigned)tf->regs[10]);
        exit(0);
    }
    trap_unhandled(tf);
}

int main(void)
{
    for (uint32_t i = 0; i < 4; i++)
        root[(RAM_BASE >> MEGAPAGE_SHIFT) + i] =
            (((RAM_BASE + i * MEGA) >> PAGE_SHIFT) << PTE_PPN_LO) | LEAF_URWX;
    csr_write(CSR_PMPADDR0, 0xFFFFFFFFu);
    csr_write(CSR_PMPCFG0, (3u << PMPCFG_A_LO) | 7u);
    csr_write(CSR_SATP, (1u << SATP_MODE_BIT) | ((uint32_t)(uintptr_t)root >> PAGE_SHIFT));
    __asm__ volatile("sfence.vma" ::: "memory");
    csr_write(CSR_MSCRATCH, (uint32_t)(uintptr_t)&mstack[1024]);   /* crt0: M stack */
    csr_clear(CSR_MSTATUS, 3u << MSTATUS_MPP_LO);                    /* MPP = U */
    csr_write(CSR_MEPC, (uint32_t)(uintptr_t)user_main);
    __asm__ volatile("mv sp, %0\n\tmret" :: "r"(&ustack[2048]) : "memory");
    return 1;
}
