/* htif.c — Spike-style tohost/fromhost host interface. Contract: see htif.h. */
#include "htif.h"

#include <string.h>

void htif_init(htif_t *h, uint32_t tohost, uint32_t fromhost, bool has_fromhost,
               mem_read_fn read, mem_write_fn write, void *ctx, FILE *out)
{
    memset(h, 0, sizeof *h);
    h->tohost = tohost;
    h->fromhost = fromhost;
    h->has_fromhost = has_fromhost;
    h->read = read;
    h->write = write;
    h->ctx = ctx;
    h->out = out;
}

static uint64_t get_le64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static void put_le64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++, v >>= 8)
        p[i] = (uint8_t)v;
}

static int write64(htif_t *h, uint32_t addr, uint64_t v)
{
    uint8_t b[8];
    put_le64(b, v);
    return h->write(h->ctx, addr, b, sizeof b);
}

/* SYS_write: copy len bytes at buf to h->out. Returns len or -1. */
static int64_t sys_write(htif_t *h, uint64_t fd, uint64_t buf, uint64_t len)
{
    uint8_t chunk[4096];
    uint64_t done = 0;

    if (fd != 1 && fd != 2)
        return -1;
    if (buf + len > 0x100000000ull)
        return -1;
    while (done < len) {
        uint32_t n = (uint32_t)(len - done < sizeof chunk ? len - done : sizeof chunk);
        if (h->read(h->ctx, (uint32_t)(buf + done), chunk, n) != 0)
            return -1;
        fwrite(chunk, 1, n, h->out);
        done += n;
    }
    fflush(h->out);
    return (int64_t)len;
}

/* Device 0, command 0: exit (odd payload) or syscall at magic_mem (even). */
static int syscall_proxy(htif_t *h, uint64_t payload)
{
    uint8_t mm[64];
    uint64_t which;
    int64_t ret;

    if (payload & 1) {
        h->exit_code = payload >> 1;
        return htif_exit_status(h->exit_code);
    }
    if (payload > 0xffffffffull || h->read(h->ctx, (uint32_t)payload, mm, sizeof mm) != 0) {
        fprintf(stderr, "htif: magic_mem address 0x%llx stored to tohost is outside memory\n",
                (unsigned long long)payload);
        h->exit_code = 1;
        return 1;
    }
    h->nsyscalls++;
    which = get_le64(mm);
    switch (which) {
    case HTIF_SYS_WRITE:
        ret = sys_write(h, get_le64(mm + 8), get_le64(mm + 16), get_le64(mm + 24));
        break;
    case HTIF_SYS_EXIT:
        h->exit_code = get_le64(mm + 8);
        return htif_exit_status(h->exit_code);
    default:
        ret = -HTIF_ENOSYS;
        break;
    }
    /* Reply: result, then clear tohost, then raise fromhost. The addresses were
     * read or come from the ELF, so these writes only fail on a broken ELF. */
    write64(h, (uint32_t)payload, (uint64_t)ret);
    write64(h, h->tohost, 0);
    if (h->has_fromhost)
        write64(h, h->fromhost, 1);
    return HTIF_CONTINUE;
}

int htif_tohost(htif_t *h, uint64_t value)
{
    unsigned dev = (unsigned)(value >> 56), cmd = (unsigned)(value >> 48) & 0xffu;
    uint64_t payload = value & 0xffffffffffffull;

    if (value == 0)
        return HTIF_CONTINUE;
    if (dev == 0 && cmd == 0)
        return syscall_proxy(h, payload);
    if (dev == 1 && cmd == 1) {              /* console putchar; no reply */
        fputc((int)(payload & 0xff), h->out);
        fflush(h->out);
    }
    return HTIF_CONTINUE;                    /* other devices: ignored */
}

int htif_poll(htif_t *h)
{
    uint8_t b[8];
    uint64_t v;

    if (h->read(h->ctx, h->tohost, b, sizeof b) != 0)
        return HTIF_CONTINUE;
    v = get_le64(b);
    if (v == 0)
        return HTIF_CONTINUE;
    write64(h, h->tohost, 0);
    return htif_tohost(h, v);
}
