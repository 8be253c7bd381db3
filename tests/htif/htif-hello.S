/* htif-hello — a riscv-tests-style program: tohost/fromhost in their own section,
 * console output through the HTIF SYS_write syscall (console_htif.S), pass by writing
 * 1 to tohost. Prints several lines, one longer than the console's line buffer (it is
 * split into two writes), and checks that an unknown syscall returns -ENOSYS when the
 * host has the syscall proxy (build/vsim; QEMU 7.2 has none, see console_htif.S). */
#include "test.h"

#define SYS_UNKNOWN 1234
#define ENOSYS 38

TEST_NAME("htif-hello")
TEST_BEGIN
        la   a0, line1
        call env_puts
        la   a0, line2
        call env_puts
        li   a0, 0x1234abcd
        call env_puthex
        li   a0, '\n'
        call env_putc
        la   a0, long_line
        call env_puts
        /* the syscall proxy answered the first write: unknown syscalls give -ENOSYS */
        la   t0, htif_mode
        lw   t0, 0(t0)
        bnez t0, 1f
        li   a0, SYS_UNKNOWN
        li   a1, 0
        li   a2, 0
        li   a3, 0
        call env_htif_syscall
        CHECK_EQ(a0, -ENOSYS)
1:      TEST_PASS

        .section .rodata
line1:  .asciz "htif: hello through SYS_write\n"
line2:  .asciz "htif: a number: "
long_line:
        .ascii "htif: a line longer than the console buffer ......................................"
        .asciz "...........................................................................\n"
