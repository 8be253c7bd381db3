/* k-shell.c — the shell (sw/user/sh.c) run by a test: "sh -c SCRIPT" runs
 * builtins and programs, reports a killed program, and exits with the status
 * given to `exit`; an unknown program is status 127. Needs the shell and segv
 * embedded next to this test (tests/tests.mk: KTEST_EXTRA). */
#include "ktest.h"

static int sh(const char *script)
{
    char *args[] = { "sh", "-c", (char *)script, NULL };
    int pid = spawn("sh", args);
    CHECK(pid > 0);
    int st = kt_wait(pid);
    CHECK(WIFEXITED(st));
    return WEXITSTATUS(st);
}

int main(void)
{
    CHECK_EQ(sh("echo hello from sh; exit 3"), 3);
    CHECK_EQ(sh("echo 'quoted  words' \"and more\"  # a comment"), 0);
    CHECK_EQ(sh("echo 'a;b' \"c;d\"; exit 5"), 5);       /* ';' inside quotes stays */
    CHECK_EQ(sh("echo 'unterminated"), 2);
    CHECK_EQ(sh("segv"), 128 + SIGSEGV);
    CHECK_EQ(sh("no-such-program"), 127);
    CHECK_EQ(sh("maps 9999"), 1);
    CHECK_EQ(sh("progs; exit"), 0);
    return kt_ok();
}
