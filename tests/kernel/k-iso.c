/* k-iso.c — processes are isolated: two children of this program ("k-iso
 * child A", "... B") fill the same virtual page with their letter while both
 * are alive, let each other run, and each must find only its own letter; the
 * parent's copy of that page is untouched, and a child starts with the page
 * as the image has it (zero), not as the parent left it. */
#include "ktest.h"

static char page[PAGE_SIZE] __attribute__((aligned(4096)));

static int child(char letter)
{
    for (size_t i = 0; i < sizeof page; i++)
        if (page[i] != 0)
            return 1;                           /* saw the parent's data */
    memset(page, letter, sizeof page);
    for (int i = 0; i < 5; i++) {
        sleep_ms(2);
        sched_yield();
    }
    for (size_t i = 0; i < sizeof page; i++)
        if (page[i] != letter)
            return 2;                           /* saw the other child's data */
    return letter;
}

int main(int argc, char **argv)
{
    if (argc == 3)
        return child(argv[2][0]);
    memset(page, 'P', sizeof page);
    char *a[] = { TEST_NAME, "child", "A", NULL }, *b[] = { TEST_NAME, "child", "B", NULL };
    int pa = spawn(TEST_NAME, a), pb = spawn(TEST_NAME, b);
    CHECK(pa > 0 && pb > 0 && pa != pb);
    int sa = kt_wait(pa), sb = kt_wait(pb);
    CHECK(WIFEXITED(sa));
    CHECK_EQ(WEXITSTATUS(sa), 'A');
    CHECK(WIFEXITED(sb));
    CHECK_EQ(WEXITSTATUS(sb), 'B');
    for (size_t i = 0; i < sizeof page; i++)
        CHECK(page[i] == 'P');
    return kt_ok();
}
