/* sbi.h — the calls the M-mode layer (firmware/m) offers to the S-mode kernel.
 *
 * Convention (legacy SBI v0.1 style): ecall from S with the function number in
 * a7, arguments in a0..a1, the result in a0. Shared by both sides; included from
 * assembly too, so numbers only.
 */
#ifndef FW_SBI_H
#define FW_SBI_H

#define SBI_SET_TIMER        0  /* a0 = low, a1 = high 32 bits of the mtime deadline */
#define SBI_CONSOLE_PUTCHAR  1  /* a0 = byte */
#define SBI_CONSOLE_GETCHAR  2  /* returns the byte waiting on the UART, or -1 */
#define SBI_SHUTDOWN         8  /* a0 = exit code: 0 pass, N fail with N (finisher) */

#define SBI_ERR_NOT_SUPPORTED  (-2)

#endif
