/* cli.h — command-line helpers shared by the project's host tools (build/vsim, build/iss,
 * build/rgen), so that they read numbers and report errors the same way.
 *
 *   cli_parse_u64(s, &v)        decimal, or hex with a 0x prefix; no sign, no trailing
 *                               characters, no overflow. Returns true and sets v when valid.
 *   cli_error(prog, fmt, ...)   one line "PROG: error: ..." on stderr.
 */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stdint.h>

bool cli_parse_u64(const char *s, uint64_t *v);
void cli_error(const char *prog, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
