/* finisher.h — decode a value stored to the sifive_test-style finisher.
 *
 * Contract (docs/platform.md, "Finisher"): FINISHER_PASS (0x5555) ends the run
 * with a pass; (code << 16) | FINISHER_FAIL (0x3333) ends it with failure
 * `code`; any other value is ignored.
 *
 * int finisher_decode(value, &code)
 *   Returns -1 when value is ignored; otherwise the process exit status
 *   (0 pass; code, or 1 when code is 0; a code above 255 gives 255 so that a
 *   failure never reads as a pass) and sets *code to the 16-bit code field.
 * Header-only so that any simulator can use it.
 */
#ifndef TB_FINISHER_H
#define TB_FINISHER_H

#include <stdint.h>

#include "arch.h"

static inline int finisher_decode(uint32_t value, uint32_t *code)
{
    uint32_t c = value >> 16;

    if (code)
        *code = c;
    if (value == FINISHER_PASS)
        return 0;
    if ((value & 0xffffu) != FINISHER_FAIL)
        return -1;
    if (c == 0)
        return 1;
    return c > 255 ? 255 : (int)c;
}

#endif /* TB_FINISHER_H */
