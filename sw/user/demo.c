/* demo.c — demand paging seen from user space: reads initialised data (a major
 * fault: paged in from the image), touches 8 pages of .bss (8 minor faults:
 * demand-zero), a misaligned load (emulated by the M layer), a bad pointer to
 * write() (EFAULT), then exits 0. The kernel prints the fault counts at exit. */
#include "ulib.h"

#define PAGE 4096
static char big[8 * PAGE];                  /* .bss: demand-zero */
int table[4] = { 1, 2, 3, 4 };              /* .data (global: not folded): paged in from the image */

int main(void)
{
    int pid = getpid();
    printf("[demo] pid %d, data %d %d %d %d\n", pid, table[0], table[1], table[2], table[3]);
    for (int i = 0; i < 8; i++)
        big[i * PAGE] = (char)i;
    int sum = 0;
    for (int i = 0; i < 8; i++)
        sum += big[i * PAGE];
    printf("[demo] touched 8 bss pages, sum %d\n", sum);
    volatile uint8_t *p = (volatile uint8_t *)&big[1];
    *(volatile uint32_t *)p = 0x11223344;               /* misaligned store */
    uint32_t v = *(volatile uint32_t *)p;               /* misaligned load */
    printf("[demo] misaligned word 0x%08lx\n", v);
    long r = write(1, (void *)0xC0000000, 4);
    printf("[demo] write(kernel address) = %d, errno %d (%s)\n", (int)r, errno, strerror(errno));
    return (sum == 28 && v == 0x11223344 && r == -1 && errno == EFAULT) ? 0 : 1;
}
