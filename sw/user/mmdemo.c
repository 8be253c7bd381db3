/* mmdemo.c — mmap, mprotect and munmap as the process's maps show them: maps
 * 4 anonymous pages, makes the second one read-only (the VMA splits in
 * three), unmaps the fourth, then writes to the read-only page, which kills
 * the process with a segfault (the shell reports it). */
#include "ulib.h"

static void show(const char *what)
{
    static char buf[2048];
    ssize_t n = maps(getpid(), buf, sizeof buf);
    printf("mmdemo: %s\n", what);
    if (n < 0)
        perror("mmdemo: maps");
    else
        write(1, buf, (size_t)n);
}

int main(void)
{
    char *p = mmap(NULL, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (p == MAP_FAILED) {
        perror("mmdemo: mmap");
        return 1;
    }
    for (int i = 0; i < 4; i++)
        p[i * PAGE_SIZE] = 1;
    show("after mmap of 4 pages (rw-p)");
    if (mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_READ) < 0) {
        perror("mmdemo: mprotect");
        return 1;
    }
    show("after mprotect(page 1, PROT_READ): the mapping splits in three");
    if (munmap(p + 3 * PAGE_SIZE, PAGE_SIZE) < 0) {
        perror("mmdemo: munmap");
        return 1;
    }
    show("after munmap(page 3)");
    printf("mmdemo: reading the read-only page: %d; now writing to it at 0x%08lx\n",
           p[PAGE_SIZE], (unsigned long)(uintptr_t)(p + PAGE_SIZE));
    p[PAGE_SIZE] = 2;
    printf("mmdemo: the write to a read-only page went through\n");
    return 1;
}
