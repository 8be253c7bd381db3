/* iso.c — two processes isolated from each other: "iso" starts two copies of
 * itself ("iso child A", "iso child B"). Each fills the same page of its .bss
 * (the same virtual address in both) with its letter, lets the other run
 * (nanosleep, sched_yield), then checks that its page still holds only its
 * letter and exits with that letter as its status. The parent prints what each
 * child saw once both have ended, so the output does not depend on timing. */
#include "ulib.h"

static char page[PAGE_SIZE] __attribute__((aligned(4096)));

static int child(char letter)
{
    memset(page, letter, sizeof page);
    for (int i = 0; i < 4; i++) {
        sleep_ms(5);
        sched_yield();
    }
    for (size_t i = 0; i < sizeof page; i++)
        if (page[i] != letter)
            return 1;
    return letter;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "child"))
        return child(argv[2][0]);
    char *args[2][4] = { { "iso", "child", "A", NULL }, { "iso", "child", "B", NULL } };
    int pid[2], st[2], bad = 0;
    memset(page, 'P', sizeof page);
    printf("iso: two children write their letter to the page at 0x%08lx\n",
           (unsigned long)(uintptr_t)page);
    for (int i = 0; i < 2; i++)
        if ((pid[i] = spawn("iso", args[i])) < 0) {
            perror("iso: spawn");
            return 1;
        }
    for (int i = 0; i < 2; i++)
        if (waitpid(pid[i], &st[i], 0) != pid[i]) {
            perror("iso: waitpid");
            return 1;
        }
    for (int i = 0; i < 2; i++) {
        int ok = WIFEXITED(st[i]) && WEXITSTATUS(st[i]) == args[i][2][0];
        printf("iso: child %s (pid %d) read back %s\n", args[i][2], pid[i],
               ok ? "only its own letter" : "something else");
        bad |= !ok;
    }
    int mine = 1;
    for (size_t i = 0; i < sizeof page; i++)
        mine &= page[i] == 'P';
    printf("iso: the parent's page at the same address still holds '%c': %s\n", page[0],
           mine ? "yes" : "no");
    return bad || !mine;
}
