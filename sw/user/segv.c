/* segv.c — a bad access: the kernel kills this process with a segfault line;
 * the kernel and the other processes carry on. */
#include "ulib.h"

int main(void)
{
    printf("[segv] pid %d: loading from address 0\n", getpid());
    volatile int *p = (volatile int *)0;
    return *p;
}
