/* elf_load.c — RV32 ELF loader on libelf; memory reached through callbacks.
 * Interface and error convention: see elf_load.h. */
#include "elf_load.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef EM_RISCV
#define EM_RISCV 243
#endif

/* An open ELF: the descriptor and libelf handle, released by elf_close(). */
typedef struct {
    int fd;
    Elf *elf;
} elf_file_t;

static void seterr(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (!err || errlen == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static void elf_close(elf_file_t *f)
{
    if (f->elf)
        elf_end(f->elf);
    if (f->fd >= 0)
        close(f->fd);
    f->elf = NULL;
    f->fd = -1;
}

/* Open path and check that it is a little-endian RV32 RISC-V ELF.
 * Returns 0, or -1 with err set (and nothing left open). */
static int elf_open_rv32(const char *path, elf_file_t *f, char *err, size_t errlen)
{
    GElf_Ehdr eh;

    f->fd = -1;
    f->elf = NULL;
    if (elf_version(EV_CURRENT) == EV_NONE) {
        seterr(err, errlen, "libelf initialisation failed: %s", elf_errmsg(-1));
        return -1;
    }
    f->fd = open(path, O_RDONLY);
    if (f->fd < 0) {
        seterr(err, errlen, "cannot open '%s': %s", path, strerror(errno));
        return -1;
    }
    f->elf = elf_begin(f->fd, ELF_C_READ, NULL);
    if (!f->elf || elf_kind(f->elf) != ELF_K_ELF) {
        seterr(err, errlen, "'%s' is not an ELF file", path);
        goto fail;
    }
    if (gelf_getclass(f->elf) != ELFCLASS32) {
        seterr(err, errlen, "'%s' is not a 32-bit ELF (ELFCLASS32 needed for RV32)", path);
        goto fail;
    }
    if (!gelf_getehdr(f->elf, &eh)) {
        seterr(err, errlen, "'%s': bad ELF header: %s", path, elf_errmsg(-1));
        goto fail;
    }
    if (eh.e_ident[EI_DATA] != ELFDATA2LSB) {
        seterr(err, errlen, "'%s' is not a little-endian ELF", path);
        goto fail;
    }
    if (eh.e_machine != EM_RISCV) {
        seterr(err, errlen, "'%s' is not a RISC-V ELF (e_machine %u, expected %u)",
               path, (unsigned)eh.e_machine, (unsigned)EM_RISCV);
        goto fail;
    }
    return 0;
fail:
    elf_close(f);
    return -1;
}

/* Walk every symbol table of f; call visit for each named symbol. */
static void for_each_symbol(elf_file_t *f,
                            void (*visit)(void *arg, const char *name, uint32_t value),
                            void *arg)
{
    Elf_Scn *scn = NULL;

    while ((scn = elf_nextscn(f->elf, scn)) != NULL) {
        GElf_Shdr sh;
        Elf_Data *data;
        size_t i, n;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
            continue;
        data = elf_getdata(scn, NULL);
        if (!data)
            continue;
        n = sh.sh_size / sh.sh_entsize;
        for (i = 0; i < n; i++) {
            GElf_Sym sym;
            const char *name;

            if (!gelf_getsym(data, (int)i, &sym))
                break;
            name = elf_strptr(f->elf, sh.sh_link, sym.st_name);
            if (name && name[0])
                visit(arg, name, (uint32_t)sym.st_value);
        }
    }
}

/* Argument of visit_info: the info being filled and which signature bounds
 * have been seen. */
typedef struct {
    elf_info_t *info;
    bool has_begin, has_end;
} info_walk_t;

static void visit_info(void *arg, const char *name, uint32_t value)
{
    info_walk_t *w = arg;
    elf_info_t *info = w->info;

    if (strcmp(name, "tohost") == 0) {
        info->has_tohost = true;
        info->tohost = value;
    } else if (strcmp(name, "fromhost") == 0) {
        info->has_fromhost = true;
        info->fromhost = value;
    } else if (strcmp(name, "begin_signature") == 0) {
        w->has_begin = true;
        info->begin_signature = value;
    } else if (strcmp(name, "end_signature") == 0) {
        w->has_end = true;
        info->end_signature = value;
    }
    info->has_signature = w->has_begin && w->has_end;
}

/* Copy len zero bytes to paddr through write. */
static int write_zeros(mem_write_fn write, void *ctx, uint32_t paddr, uint32_t len)
{
    static const uint8_t zeros[4096];

    while (len > 0) {
        uint32_t n = len < sizeof zeros ? len : (uint32_t)sizeof zeros;
        if (write(ctx, paddr, zeros, n) != 0)
            return -1;
        paddr += n;
        len -= n;
    }
    return 0;
}

int elf_load(const char *path, uint32_t ram_base, uint32_t ram_size,
             mem_write_fn write, void *ctx, elf_info_t *info_out,
             char *err, size_t errlen)
{
    elf_file_t f;
    elf_info_t info;
    size_t phnum, i;
    uint64_t ram_end = (uint64_t)ram_base + ram_size;
    uint64_t load_hi = 0;
    int pass;

    memset(&info, 0, sizeof info);
    if (elf_open_rv32(path, &f, err, errlen) != 0)
        return -1;
    if (elf_getphdrnum(f.elf, &phnum) != 0) {
        seterr(err, errlen, "'%s': cannot read program headers: %s", path, elf_errmsg(-1));
        goto fail;
    }
    {
        GElf_Ehdr eh;
        gelf_getehdr(f.elf, &eh);   /* cannot fail: checked by elf_open_rv32 */
        info.entry = (uint32_t)eh.e_entry;
        /* libelf reports no program headers when their table is cut off */
        if (eh.e_phnum != PN_XNUM && phnum != eh.e_phnum) {
            seterr(err, errlen, "'%s' is truncated (program header table incomplete)", path);
            goto fail;
        }
    }
    info.load_lo = UINT32_MAX;

    /* Pass 0 checks every segment; pass 1 copies. Nothing is written unless
     * the whole file is acceptable. */
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < phnum; i++) {
            GElf_Phdr ph;
            uint64_t start, end;

            if (!gelf_getphdr(f.elf, (int)i, &ph)) {
                seterr(err, errlen, "'%s': bad program header %zu: %s", path, i, elf_errmsg(-1));
                goto fail;
            }
            if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
                continue;
            start = ph.p_paddr;
            end = start + ph.p_memsz;
            if (pass == 0) {
                if (ph.p_filesz > ph.p_memsz) {
                    seterr(err, errlen, "'%s': segment %zu has p_filesz > p_memsz", path, i);
                    goto fail;
                }
                if (start < ram_base || end > ram_end) {
                    seterr(err, errlen,
                           "'%s': segment %zu [0x%08llx, 0x%08llx) lies outside RAM [0x%08x, 0x%08llx)",
                           path, i, (unsigned long long)start, (unsigned long long)end,
                           ram_base, (unsigned long long)ram_end);
                    goto fail;
                }
                info.nsegments++;
                if (start < info.load_lo)
                    info.load_lo = (uint32_t)start;
                if (end > load_hi)
                    load_hi = end;
                continue;
            }
            if (ph.p_filesz > 0) {
                Elf_Data *d = elf_getdata_rawchunk(f.elf, (int64_t)ph.p_offset,
                                                   (size_t)ph.p_filesz, ELF_T_BYTE);
                if (!d || !d->d_buf) {
                    seterr(err, errlen, "'%s': segment %zu extends past the end of the file", path, i);
                    goto fail;
                }
                if (write(ctx, (uint32_t)start, d->d_buf, (uint32_t)ph.p_filesz) != 0) {
                    seterr(err, errlen, "'%s': segment %zu could not be written to memory", path, i);
                    goto fail;
                }
            }
            if (ph.p_memsz > ph.p_filesz &&
                write_zeros(write, ctx, (uint32_t)(start + ph.p_filesz),
                            (uint32_t)(ph.p_memsz - ph.p_filesz)) != 0) {
                seterr(err, errlen, "'%s': segment %zu could not be zeroed in memory", path, i);
                goto fail;
            }
        }
        if (pass == 0 && info.nsegments == 0) {
            seterr(err, errlen, "'%s' has no loadable segments", path);
            goto fail;
        }
        info.load_hi = (uint32_t)load_hi;   /* wraps to 0 only if RAM ends at 2^32 */
    }

    {
        info_walk_t w = { &info, false, false };
        for_each_symbol(&f, visit_info, &w);
    }
    elf_close(&f);
    if (info_out)
        *info_out = info;
    return 0;
fail:
    elf_close(&f);
    return -1;
}

/* Argument of visit_lookup: the wanted name and what was found. */
typedef struct {
    const char *name;
    uint32_t value;
    int found;
} lookup_t;

static void visit_lookup(void *arg, const char *name, uint32_t value)
{
    lookup_t *l = arg;
    if (!l->found && strcmp(name, l->name) == 0) {
        l->found = 1;
        l->value = value;
    }
}

int elf_symbol(const char *path, const char *name, uint32_t *value,
               char *err, size_t errlen)
{
    elf_file_t f;
    lookup_t l = { name, 0, 0 };

    if (elf_open_rv32(path, &f, err, errlen) != 0)
        return -1;
    for_each_symbol(&f, visit_lookup, &l);
    elf_close(&f);
    if (l.found && value)
        *value = l.value;
    return l.found;
}
