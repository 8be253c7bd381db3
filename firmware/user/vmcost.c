/* vmcost.c — what the kernel's VM paths cost, in cycles (rdcycle), measured
 * from user space. Meant for the RTL simulation (make kernel-bench); on QEMU or
 * the ISS the cycle counts are theirs, not the core's.
 *
 *   minor fault   first store to a fresh .bss page minus a store to a present page
 *   major fault   first load from a fresh .data page (4 KiB copied from the image)
 *                 minus a load from a present page
 *   syscall       getpid() round trip (ecall, trap entry/exit, dispatch)
 *   yield         sched_yield() with no other runnable task (trap + scheduler loop)
 *   switch        sched_yield() ping-pong with a second process: per switch, from
 *                 one process's ecall to the other's return to user mode
 * Prints one line per figure, averaged over N events.
 */
#include "user.h"
#include "../include/uapi.h"

#define PAGE 4096
#define NPAGES 32
static char fresh[NPAGES * PAGE];                          /* .bss */
char filled[NPAGES * PAGE] = { 1 };                        /* .data: NPAGES file pages */

static inline uint32_t rdcycle(void)
{
    uint32_t c;
    __asm__ volatile("rdcycle %0" : "=r"(c));
    return c;
}
static inline long sc4(long n, long a0, long a1, long a2, long a3)
{
    register long r0 __asm__("a0") = a0;
    register long r1 __asm__("a1") = a1;
    register long r2 __asm__("a2") = a2;
    register long r3 __asm__("a3") = a3;
    register long r7 __asm__("a7") = n;
    __asm__ volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r7) : "memory");
    return r0;
}
#define sc2(n, a0, a1) sc4(n, a0, a1, 0, 0)

static uint32_t touch_store(void)
{
    uint32_t t0 = rdcycle();
    for (int i = 0; i < NPAGES; i++)
        ((volatile char *)fresh)[i * PAGE] = 1;
    return rdcycle() - t0;
}
static uint32_t touch_load(void)
{
    uint32_t t0 = rdcycle(), s = 0;
    for (int i = 0; i < NPAGES; i++)
        s += ((volatile char *)filled)[i * PAGE];
    __asm__ volatile("" :: "r"(s));
    return rdcycle() - t0;
}

int main(int argc, char **argv)
{
    enum { N = 64 };
    if (argc > 1) {                                          /* the ping-pong partner */
        for (int i = 0; i < N + 1; i++)
            sc2(__NR_sched_yield, 0, 0);
        return 0;
    }
    uint32_t first = touch_store(), again = touch_store();
    printf("vmcost: minor fault %lu cycles\n", (first - again) / NPAGES);
    first = touch_load(); again = touch_load();
    printf("vmcost: major fault %lu cycles\n", (first - again) / NPAGES);

    uint32_t t0 = rdcycle();
    for (int i = 0; i < N; i++)
        sc2(__NR_getpid, 0, 0);
    printf("vmcost: syscall %lu cycles\n", (rdcycle() - t0) / N);
    t0 = rdcycle();
    for (int i = 0; i < N; i++)
        sc2(__NR_sched_yield, 0, 0);
    printf("vmcost: yield %lu cycles\n", (rdcycle() - t0) / N);

    char *pargv[] = { argv[0], "partner", 0 };
    long pid = sc2(__NR_spawn, (long)argv[0], (long)pargv);
    sc2(__NR_sched_yield, 0, 0);                             /* let it start */
    t0 = rdcycle();
    for (int i = 0; i < N; i++)
        sc2(__NR_sched_yield, 0, 0);
    uint32_t pp = rdcycle() - t0;
    int st;
    long w = sc4(__NR_wait4, pid, (long)&st, 0, 0);
    printf("vmcost: switch %lu cycles\n", pp / (2 * N));
    return (pid > 0 && w == pid) ? 0 : 1;
}
