/* signature.c — signature region dump for architectural tests. See signature.h. */
#include "signature.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int signature_write(const char *path, uint32_t begin, uint32_t end,
                    mem_read_fn read, void *ctx, char *err, size_t errlen)
{
    FILE *f;
    uint32_t a;
    int rc = 0;

    if (begin & 3u) {
        snprintf(err, errlen, "begin_signature 0x%08x is not 4-byte aligned", begin);
        return -1;
    }
    if (end < begin) {
        snprintf(err, errlen, "end_signature 0x%08x is below begin_signature 0x%08x", end, begin);
        return -1;
    }
    f = fopen(path, "w");
    if (!f) {
        snprintf(err, errlen, "cannot create signature file '%s': %s", path, strerror(errno));
        return -1;
    }
    for (a = begin; a < end; a += 4) {
        uint8_t b[4] = { 0, 0, 0, 0 };
        uint32_t n = end - a < 4 ? end - a : 4;
        if (read(ctx, a, b, n) != 0) {
            snprintf(err, errlen, "signature word at 0x%08x is outside memory", a);
            rc = -1;
            break;
        }
        fprintf(f, "%08x\n", (uint32_t)b[0] | (uint32_t)b[1] << 8 |
                             (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
    }
    if (ferror(f) && rc == 0) {
        snprintf(err, errlen, "error writing signature file '%s'", path);
        rc = -1;
    }
    if (fclose(f) != 0 && rc == 0) {
        snprintf(err, errlen, "error writing signature file '%s': %s", path, strerror(errno));
        rc = -1;
    }
    return rc;
}
