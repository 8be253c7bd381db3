/* k-segv.c — every kind of invalid access kills only the process that made it,
 * with SIGSEGV and the kernel's one-line report: a load with no VMA, a load
 * from NULL, a store to text, executing .data, executing the stack, a load and
 * a store to kernel space (and in k-segv-mm.c: a store to a read-only mapping
 * (mprotect), an access past munmap). The parent (this program) starts one child per kind
 * ("k-segv KIND"), waits for it, and carries on. */
#include "ktest.h"

static uint32_t code_in_data[1] = { 0x00008067 };   /* ret */

void text_target(void) { }                          /* a function to store into */

static int child(const char *kind)
{
    volatile uint32_t *p;
    uint32_t code_on_stack[1] = { 0x00008067 };
    if (!strcmp(kind, "novma"))        p = (uint32_t *)0x40000000;
    else if (!strcmp(kind, "null"))    p = (uint32_t *)0;
    else if (!strcmp(kind, "kernel"))  p = (uint32_t *)0xC0010000;
    else if (!strcmp(kind, "text")) {
        *(volatile uint32_t *)(uintptr_t)&text_target = 0;
        return 0;
    } else if (!strcmp(kind, "kwrite")) {
        *(volatile uint32_t *)0xC0010000 = 0;
        return 0;
    } else if (!strcmp(kind, "xdata")) {
        ((void (*)(void))(uintptr_t)code_in_data)();
        return 0;
    } else if (!strcmp(kind, "xstack")) {
        ((void (*)(void))(uintptr_t)code_on_stack)();
        return 0;
    } else if (!strcmp(kind, "rdonly") || !strcmp(kind, "unmapped")) {
        char *m = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                       -1, 0);
        if (m == MAP_FAILED)
            return 3;
        m[0] = 1;
        if (kind[0] == 'r' ? mprotect(m, PAGE_SIZE, PROT_READ) : munmap(m, PAGE_SIZE))
            return 4;
        ((volatile char *)m)[0] = 2;
        return 0;
    } else {
        return 2;
    }
    return (int)*p;
}

int main(int argc, char **argv)
{
#ifdef SEGV_MM_KINDS
    static const char *const kinds[] = { "rdonly", "unmapped" };
#else
    static const char *const kinds[] = { "novma", "null", "text", "xdata", "xstack",
                                         "kernel", "kwrite" };
#endif
    if (argc == 2)
        return child(argv[1]);
    for (unsigned i = 0; i < ARRAY_SIZE(kinds); i++) {
        char *args[] = { TEST_NAME, (char *)kinds[i], NULL };
        printf("%s: %s\n", TEST_NAME, kinds[i]);
        int pid = spawn(TEST_NAME, args);
        CHECK(pid > 0);
        int st = kt_wait(pid);
        if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGSEGV)
            KT_FAIL("%s: wait status 0x%x, expected killed by SIGSEGV", kinds[i], st);
    }
    return kt_ok();
}
