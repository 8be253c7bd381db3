/* htif.h — Spike-style host-target interface (tohost/fromhost), through callbacks.
 *
 * Contract (docs/platform.md, "HTIF"), with Spike's encoding of a request:
 * device = bits 63:56, command = bits 55:48, payload = bits 47:0.
 *   device 0, command 0 (the plain values of the contract):
 *     payload odd:     the run ends; exit code payload >> 1 (so 1 means pass).
 *     payload even:    the address of magic_mem, eight little-endian 64-bit
 *                      words {which, arg0, arg1, arg2, ...}. Handled syscalls:
 *                        64 SYS_write  fd arg0 (1 or 2), buffer arg1, length arg2:
 *                                      bytes go to h->out (stdout); result = length,
 *                                      or -1 for another fd or an unreadable buffer;
 *                        93 SYS_exit   ends the run with exit code arg0 (as fesvr);
 *                        others        result -38 (ENOSYS).
 *                      The result goes to magic_mem[0], then tohost is cleared and
 *                      fromhost set to 1 (as Spike's front-end server does).
 *   device 1, command 1: console putchar of the payload's low byte (no reply).
 *   anything else, or 0: ignored.
 * On RV32 a request is two 32-bit stores; act on it once both are done (e.g. at
 * the next retired instruction that does not store to tohost).
 *
 * API (memory reached only through the memif.h callbacks):
 *   htif_init(h, tohost, fromhost, has_fromhost, read, write, ctx, out)
 *   int htif_tohost(h, v)  handle the 64-bit request v taken from tohost (the
 *                          caller has cleared tohost).
 *   int htif_poll(h)       read tohost from memory; if non-zero clear it and handle
 *                          it (for simulators that poll instead of watching stores).
 * Both return HTIF_CONTINUE, or the process exit status to end the run with:
 * the code clamped to 0..255 so that a failure never wraps to 0 (codes above 255
 * give 255). h->exit_code keeps the unclamped code for messages.
 * A magic_mem block outside memory ends the run with status 1 and a message on
 * stderr.
 */
#ifndef TB_HTIF_H
#define TB_HTIF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "memif.h"

#define HTIF_CONTINUE (-1)

#define HTIF_SYS_WRITE 64
#define HTIF_SYS_EXIT  93
#define HTIF_ENOSYS    38

typedef struct {
    uint32_t tohost;        /* address of tohost (64-bit word) */
    uint32_t fromhost;      /* address of fromhost, if has_fromhost */
    bool has_fromhost;
    mem_read_fn read;
    mem_write_fn write;
    void *ctx;
    FILE *out;              /* SYS_write destination */
    uint64_t exit_code;     /* code of the request that ended the run */
    uint64_t nsyscalls;     /* syscall requests served */
} htif_t;

void htif_init(htif_t *h, uint32_t tohost, uint32_t fromhost, bool has_fromhost,
               mem_read_fn read, mem_write_fn write, void *ctx, FILE *out);
int htif_tohost(htif_t *h, uint64_t value);
int htif_poll(htif_t *h);

/* Exit status for a failure/pass code: 0 stays 0, 1..255 unchanged, above 255 -> 255. */
static inline int htif_exit_status(uint64_t code)
{
    return code > 255 ? 255 : (int)code;
}

#endif /* TB_HTIF_H */
