/* env-fail — must FAIL: a check that does not hold, reported through the finisher,
 * so that the whole failure path (message, exit code = case number) is tested
 * (tests/list.txt expects exit 9: cases are numbered from 5). */
#include "test.h"

TEST_NAME("env-fail")
TEST_BEGIN
        li   a0, 1
        CHECK_EQ(a0, 1)                     /* case 5 */
        CHECK_EQ(a0, 1)                     /* 6 */
        CHECK_EQ(a0, 1)                     /* 7 */
        CHECK_EQ(a0, 1)                     /* 8 */
        CHECK_EQ(a0, 2)                     /* 9: fails */
        TEST_PASS
