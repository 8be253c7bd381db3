/* htif-fail — must FAIL: reports a failure with code 7 through tohost ((7 << 1) | 1),
 * so the exit-code path of the HTIF host is tested (tests/list.txt expects exit 7). */
#include "test.h"

TEST_NAME("htif-fail")
TEST_BEGIN
        li   a0, 7                          /* the code */
        li   a1, 1                          /* got */
        li   a2, 2                          /* expected */
        la   a3, what
        li   a4, __LINE__
        j    env_fail

        .section .rodata
what:   .asciz "deliberate"
