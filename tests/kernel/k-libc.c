/* k-libc.c — the user library on the kernel: string and ctype functions
 * (picolibc), strtol/atoi, snprintf through the shared formatter, errno and
 * strerror, and three system-call paths
 * that every kernel has: a kernel or NULL pointer given to write() is EFAULT,
 * an unknown system call number is ENOSYS, an empty write is 0. */
#include "ktest.h"

int main(void)
{
    char buf[64];
    char *end;

    /* strings */
    CHECK_EQ(strlen("kernel"), 6);
    CHECK(strcmp("abc", "abd") < 0 && strcmp("b", "a") > 0 && !strcmp("x", "x"));
    CHECK(!strncmp("prefix-a", "prefix-b", 7));
    CHECK(strchr("hello", 'l') == (char *)"hello" + 2 || *strchr("hello", 'l') == 'l');
    CHECK_EQ(strcspn("ab;cd", ";"), 2);
    CHECK(strstr("the page fault", "fault") != NULL);
    memset(buf, 'x', sizeof buf);
    strcpy(buf, "ab");
    strcat(buf, "cd");
    CHECK(!strcmp(buf, "abcd"));
    memmove(buf + 1, buf, 4);
    CHECK(!memcmp(buf, "aabcd", 5));
    CHECK(isspace(' ') && !isspace('a') && isdigit('7') && isalpha('Q') && toupper('q') == 'Q');

    /* numbers */
    CHECK_EQ(atoi("  -42"), -42);
    CHECK_EQ(strtol("0x1f", &end, 0), 31);
    CHECK(*end == 0);
    CHECK_EQ(strtol("017", NULL, 0), 15);
    CHECK_EQ(strtol("12abc", &end, 10), 12);
    CHECK(!strcmp(end, "abc"));
    errno = 0;
    CHECK_EQ(strtol("99999999999", NULL, 10), 0x7fffffffL);
    CHECK_EQ(errno, ERANGE);
    CHECK_EQ(strtoul("ffffffff", NULL, 16), 0xffffffffUL);

    /* formatting */
    CHECK_EQ(snprintf(buf, sizeof buf, "%d|%5u|%-4s|%08x|%c", -7, 42u, "ab", 0xbeefu, 'z'), 24);
    CHECK(!strcmp(buf, "-7|   42|ab  |0000beef|z"));
    CHECK_EQ(snprintf(buf, 4, "%s", "truncated"), 9);
    CHECK(!strcmp(buf, "tru"));
    CHECK(!strcmp(strerror(EFAULT), "Bad address"));

    /* error paths */
    CHECK_ERR(write(1, (void *)0xC0000000, 4), EFAULT);
    CHECK_ERR(write(1, (void *)0, 4), EFAULT);
    CHECK_EQ(sys_call0(9999), -ENOSYS);
    CHECK_EQ(write(1, "", 0), 0);
    return kt_ok();
}
