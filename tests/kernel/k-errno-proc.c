/* k-errno-proc.c — the process calls' error paths, with Linux's errno values:
 * spawn (unknown program, bad name or argv pointers, too many arguments),
 * wait4 (no such child, bad options, a bad status pointer: EFAULT, and the
 * child is reaped all the same, as on Linux), kill (no such
 * process, bad signal), nanosleep (bad pointer, bad tv_nsec, negative time),
 * read/write on bad file descriptors, and getppid of the first process. */
#include "ktest.h"

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "child"))   /* the child for wait4's EFAULT */
        return 7;
    char *args[] = { TEST_NAME, NULL };
    char *many[UAPI_ARGC_MAX + 2];
    for (int i = 0; i <= UAPI_ARGC_MAX; i++)
        many[i] = "x";
    many[UAPI_ARGC_MAX + 1] = NULL;
    char c;

    CHECK_ERR(spawn("no-such-program", args), ENOENT);
    CHECK_ERR(spawn(NULL, args), EFAULT);
    CHECK_ERR(spawn((char *)0xC0000000, args), EFAULT);
    CHECK_ERR(spawn(TEST_NAME, (char **)0xC0000000), EFAULT);
    CHECK_ERR(spawn(TEST_NAME, many), E2BIG);

    CHECK_ERR(wait4(-1, NULL, 0, NULL), ECHILD);    /* no children */
    CHECK_ERR(wait4(9999, NULL, 0, NULL), ECHILD);
    CHECK_ERR(wait4(-1, NULL, 0x4000, NULL), EINVAL);
    char *cargs[] = { TEST_NAME, "child", NULL };
    int pid = spawn(TEST_NAME, cargs);
    CHECK(pid > 1);
    int st = kt_wait(pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
    CHECK_ERR(wait4(pid, NULL, 0, NULL), ECHILD);   /* reaped */
    pid = spawn(TEST_NAME, cargs);
    CHECK(pid > 1);
    /* Linux reaps the child, then fails to store its status */
    CHECK_ERR(wait4(pid, (int *)0xC0000000, 0, NULL), EFAULT);
    CHECK_ERR(wait4(pid, NULL, 0, NULL), ECHILD);

    CHECK_ERR(kill(9999, SIGKILL), ESRCH);
    CHECK_ERR(kill(pid, SIGKILL), ESRCH);           /* exited and reaped */
    CHECK_ERR(kill(getpid(), 999), EINVAL);
    CHECK_ERR(kill(getpid(), -1), EINVAL);

    struct timespec32 bad_ns = { 0, 1000000000 }, neg = { -1, 0 };
    CHECK_ERR(nanosleep(NULL, NULL), EFAULT);
    CHECK_ERR(nanosleep((void *)0xC0000000, NULL), EFAULT);
    CHECK_ERR(nanosleep(&bad_ns, NULL), EINVAL);
    CHECK_ERR(nanosleep(&neg, NULL), EINVAL);

    CHECK_ERR(write(7, "x", 1), EBADF);
    CHECK_ERR(write(-1, "x", 1), EBADF);
    CHECK_ERR(read(7, &c, 1), EBADF);

    CHECK_EQ(getppid(), 0);                         /* the first process has no parent */
    CHECK_EQ(getpid(), 1);
    return kt_ok();
}
