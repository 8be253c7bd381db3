/* k-argv.c — arguments on the stack (Linux's ELF ABI: sp -> argc, argv[],
 * NULL): the first process gets argv = { its name }; a child started with
 * five arguments, one empty and one with spaces, sees them exactly, with
 * argv[argc] == NULL, the strings on its stack, sp 16-byte aligned at entry,
 * and its exit status reaches the parent. */
#include "ktest.h"

static int child(int argc, char **argv)
{
    static const char *const want[] = { TEST_NAME, "child", "two words", "", "x" };
    if (argc != 5)
        return 10 + argc;
    for (int i = 0; i < 5; i++)
        if (strcmp(argv[i], want[i]))
            return 20 + i;
    if (argv[5] != NULL)
        return 30;
    uintptr_t sp;
    __asm__ volatile("mv %0, sp" : "=r"(sp));
    for (int i = 0; i < 5; i++)                 /* strings live above sp, below the kernel */
        if ((uintptr_t)argv[i] < sp || (uintptr_t)argv[i] >= 0xC0000000u)
            return 40 + i;
    if (((uintptr_t)argv - 4) & 15)             /* crt0 got sp = &argc, 16-byte aligned */
        return 50;
    return 42;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return child(argc, argv);
    CHECK_EQ(argc, 1);
    CHECK(!strcmp(argv[0], TEST_NAME));
    CHECK(argv[1] == NULL);
    char *args[] = { TEST_NAME, "child", "two words", "", "x", NULL };
    int pid = spawn(TEST_NAME, args);
    CHECK(pid > 0);
    int st = kt_wait(pid);
    CHECK(WIFEXITED(st));
    CHECK_EQ(WEXITSTATUS(st), 42);
    return kt_ok();
}
