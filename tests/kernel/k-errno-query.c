/* k-errno-query.c — the query calls (maps, ps, vmstat, meminfo, progs): bad
 * pids are ESRCH, bad buffers EFAULT, bad sizes EINVAL; and their normal
 * results: maps shows this program's VMAs in /proc/pid/maps format, ps lists
 * this process running, progs lists this test, meminfo adds up. */
#include "ktest.h"

int main(void)
{
    char buf[1024];
    struct uproc p[8];
    struct uvmstat v;
    struct umeminfo m;
    int me = getpid();

    CHECK_ERR(maps(9999, buf, sizeof buf), ESRCH);
    CHECK_ERR(maps(me, NULL, sizeof buf), EFAULT);
    CHECK_ERR(maps(me, (char *)0xC0000000, sizeof buf), EFAULT);
    CHECK_ERR(ps(NULL, 8), EFAULT);
    CHECK_ERR(ps(p, -1), EINVAL);
    CHECK_ERR(vmstat(9999, &v), ESRCH);
    CHECK_ERR(vmstat(me, NULL), EFAULT);
    CHECK_ERR(meminfo(NULL), EFAULT);
    CHECK_ERR(meminfo((void *)0xC0000000), EFAULT);
    CHECK_ERR(progs(NULL, 100), EFAULT);

    ssize_t n = maps(me, buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n] = 0;
    CHECK(strstr(buf, "00010000-") == buf);     /* text first, at 0x10000 */
    CHECK(strstr(buf, " r-xp ") != NULL);
    CHECK(strstr(buf, "[stack]") != NULL);

    int np = ps(p, 8);
    CHECK(np >= 1);
    int found = 0;
    for (int i = 0; i < np; i++)
        if (p[i].pid == me) {
            found = 1;
            CHECK_EQ(p[i].state, UPROC_RUNNING);
            CHECK(!strcmp(p[i].comm, TEST_NAME));
            CHECK(p[i].rss > 0 && p[i].nr_vma >= 3);
        }
    CHECK(found);

    n = progs(buf, sizeof buf - 1);
    CHECK(n > 0);
    buf[n] = 0;
    CHECK(strstr(buf, TEST_NAME) != NULL);

    CHECK_EQ(meminfo(&m), 0);
    CHECK(m.total > 0 && m.free > 0 && m.free < m.total);
    CHECK_EQ(m.used + m.free + m.reserved, m.total);
    CHECK(m.user > 0 && m.pgtable > 0 && m.kstack > 0);
    return kt_ok();
}
