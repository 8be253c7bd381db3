/* k-badelf.c — malformed program images get a clear errno from spawn and cost
 * nothing. The kernel built for this test embeds, besides this program, copies
 * of it with one field broken each (tests/kernel/mkbadelf.sh, KTEST_IMAGES_k-badelf
 * in tests/tests.mk). spawn of a bad header or segment table is ENOEXEC; a valid
 * image that leaves no room for the stack is ENOMEM. After each refusal the free
 * frames and kmalloc bytes are back where they were. The unchanged copy "ok"
 * must start and run (the control: the images are really embedded). */
#include "ktest.h"

struct bad {
    const char *name;
    int err;
};

static const struct bad bads[] = {
    { "trunc", ENOEXEC },       { "class64", ENOEXEC },     { "bigendian", ENOEXEC },
    { "machine", ENOEXEC },     { "type-core", ENOEXEC },   { "phentsize", ENOEXEC },
    { "phoff-past", ENOEXEC },  { "phoff-wrap", ENOEXEC },  { "phoff-odd", ENOEXEC },
    { "phnum-huge", ENOEXEC },  { "no-load", ENOEXEC },     { "filesz-big", ENOEXEC },
    { "offset-past", ENOEXEC }, { "offset-wrap", ENOEXEC }, { "misaligned", ENOEXEC },
    { "kernel", ENOEXEC },      { "cross-top", ENOEXEC },   { "null-page", ENOEXEC },
    { "memsz-wrap", ENOEXEC },  { "memsz-huge", ENOMEM },   { "overlap", ENOEXEC },
    { "entry-out", ENOEXEC },   { "entry-data", ENOEXEC },
};

static struct umeminfo mem(void)
{
    struct umeminfo m;
    CHECK_EQ(meminfo(&m), 0);
    return m;
}

int main(int argc, char **argv)
{
    if (argc == 2)
        return strcmp(argv[1], "child") ? 3 : 42;

    /* every image of the table is there, the bad ones included */
    char list[1024];
    ssize_t n = progs(list, sizeof list - 1);
    CHECK(n > 0);
    list[n] = 0;
    CHECK(strstr(list, "ok\n") != NULL);
    for (unsigned i = 0; i < ARRAY_SIZE(bads); i++) {
        char line[32];
        snprintf(line, sizeof line, "\n%s\n", bads[i].name);
        if (!strstr(list, line))
            KT_FAIL("image %s is not embedded", bads[i].name);
    }

    char *cargs[] = { "ok", "child", NULL };
    int pid = spawn("ok", cargs);
    CHECK(pid > 0);
    int st = kt_wait(pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);

    for (unsigned i = 0; i < ARRAY_SIZE(bads); i++) {
        struct umeminfo before = mem();
        char *args[] = { (char *)bads[i].name, "child", NULL };
        errno = 0;
        pid = spawn(bads[i].name, args);
        printf("%s: %-12s spawn = %d errno %d (%s)\n", TEST_NAME, bads[i].name, pid, errno,
               strerror(errno));
        if (pid > 0) {
            st = kt_wait(pid);
            KT_FAIL("%s was accepted (wait status 0x%x)", bads[i].name, st);
        }
        if (pid != -1 || errno != bads[i].err)
            KT_FAIL("spawn(%s) = %d errno %d, expected errno %d", bads[i].name, pid, errno,
                    bads[i].err);
        struct umeminfo after = mem();
        CHECK_EQ(after.free, before.free);
        CHECK_EQ(after.kmalloc_bytes, before.kmalloc_bytes);
    }
    CHECK_ERR(wait4(-1, &st, WNOHANG, NULL), ECHILD);
    return kt_ok();
}
