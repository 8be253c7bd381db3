/* commitlog.c — Spike --log-commits lines from retire records. See commitlog.h. */
#include "commitlog.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Lowest set lane of a byte mask (mask != 0). */
static unsigned first_lane(unsigned mask)
{
    return (unsigned)__builtin_ctz(mask);
}

/* Append s to p; return the new end. */
static char *put_str(char *p, const char *s)
{
    while (*s)
        *p++ = *s++;
    return p;
}

/* Append "0x" and the low `digits` hex digits of v (lowercase); return the new end. */
static char *put_hex(char *p, uint32_t v, int digits)
{
    static const char hex[] = "0123456789abcdef";

    *p++ = '0';
    *p++ = 'x';
    for (int i = digits - 1; i >= 0; i--)
        *p++ = hex[(v >> (4 * i)) & 0xf];
    return p;
}

int commitlog_format(const retire_t *r, char *buf, size_t n)
{
    char line[COMMITLOG_LINE_MAX];
    char *p = line;
    size_t len;

    if (r->trap || r->intr)
        return 0;
    p = put_str(p, "core   0: ");
    *p++ = (char)('0' + (r->priv & 3u));
    *p++ = ' ';
    p = put_hex(p, r->pc, 8);
    p = put_str(p, " (");
    p = put_hex(p, r->insn, 8);
    *p++ = ')';
    if (r->rd_addr != 0) {                    /* " x5  0x..." / " x10 0x..." */
        unsigned rd = r->rd_addr & 31u;
        *p++ = ' ';
        *p++ = 'x';
        if (rd >= 10)
            *p++ = (char)('0' + rd / 10);
        *p++ = (char)('0' + rd % 10);
        if (rd < 10)
            *p++ = ' ';
        *p++ = ' ';
        p = put_hex(p, r->rd_wdata, 8);
    }
    if (r->mem_rmask & 0xf) {
        p = put_str(p, " mem ");
        p = put_hex(p, (r->mem_addr & ~3u) + first_lane(r->mem_rmask & 0xf), 8);
    }
    if (r->mem_wmask & 0xf) {
        unsigned lane = first_lane(r->mem_wmask & 0xf);
        unsigned size = (unsigned)__builtin_popcount(r->mem_wmask & 0xf);
        p = put_str(p, " mem ");
        p = put_hex(p, (r->mem_addr & ~3u) + lane, 8);
        *p++ = ' ';
        p = put_hex(p, r->mem_wdata >> (8 * lane), size == 1 ? 2 : size == 2 ? 4 : 8);
    }
    *p++ = '\n';
    len = (size_t)(p - line);
    if (len + 1 > n)
        return 0;
    memcpy(buf, line, len);
    buf[len] = '\0';
    return (int)len;
}

int commitlog_open(commitlog_t *cl, const char *path, char *err, size_t errlen)
{
    memset(cl, 0, sizeof *cl);
    cl->f = fopen(path, "w");
    if (!cl->f) {
        snprintf(err, errlen, "cannot create commit log '%s': %s", path, strerror(errno));
        return -1;
    }
    cl->buf = malloc(1 << 20);
    if (cl->buf)
        setvbuf(cl->f, cl->buf, _IOFBF, 1 << 20);
    return 0;
}

void commitlog_write(commitlog_t *cl, const retire_t *r)
{
    char line[COMMITLOG_LINE_MAX];
    int len = commitlog_format(r, line, sizeof line);

    if (len > 0) {
        fwrite(line, 1, (size_t)len, cl->f);
        cl->lines++;
    }
}

int commitlog_close(commitlog_t *cl)
{
    int rc = 0;

    if (cl->f) {
        if (ferror(cl->f))
            rc = -1;
        if (fclose(cl->f) != 0)
            rc = -1;
        cl->f = NULL;
    }
    free(cl->buf);
    cl->buf = NULL;
    return rc;
}
