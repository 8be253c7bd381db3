#!/bin/sh
# mkbadelf.sh — write the malformed program images of k-badelf: copies of a good
# ELF (the test program's stripped image) with one field broken each. The kernel embeds
# them next to the test (tests/tests.mk, KTEST_IMAGES_k-badelf); k-badelf.c
# spawns each by name and checks the errno. "ok" is the unchanged copy (the
# control: it must start and run).
#
# Usage: mkbadelf.sh GOOD OUTDIR NAME...   writes OUTDIR/NAME.img for each NAME
# The good ELF must be a 32-bit RISC-V executable whose first program header is
# its text PT_LOAD (page-aligned vaddr) and whose second is a PT_LOAD too.
set -eu
good=$1 dir=$2
shift 2
mkdir -p "$dir"

u32() { od -An -tu4 -j"$1" -N4 "$good" | tr -d ' '; }    # u32 OFFSET: a field of GOOD
put() {   # put FILE OFFSET BYTES VALUE: store VALUE little-endian in BYTES bytes
  v=$4 i=0 s=
  while [ $i -lt "$3" ]; do
    s="$s$(printf '\\%03o' $((v & 255)))"
    v=$((v >> 8)) i=$((i + 1))
  done
  printf "$s" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

size=$(wc -c < "$good")
phoff=$(u32 28)
ph0=$phoff ph1=$((phoff + 32))           # p_type +0, p_offset +4, p_vaddr +8, p_filesz +16, p_memsz +20
[ "$(u32 "$ph0")" = 1 ] && [ "$(u32 "$ph1")" = 1 ] || { echo "mkbadelf.sh: $good: unexpected program headers" >&2; exit 2; }
vaddr0=$(u32 $((ph0 + 8)))
memsz0=$(u32 $((ph0 + 20)))
vaddr1=$(u32 $((ph1 + 8)))
off1=$(u32 $((ph1 + 4)))

for name in "$@"; do
  f=$dir/$name.img
  cp "$good" "$f.tmp"
  case $name in
    ok)          ;;
    trunc)       head -c 40 "$good" > "$f.tmp";;                  # ELF header cut short
    class64)     put "$f.tmp" 4 1 2;;                             # ELFCLASS64
    bigendian)   put "$f.tmp" 5 1 2;;                             # ELFDATA2MSB
    machine)     put "$f.tmp" 18 2 62;;                           # EM_X86_64
    type-core)   put "$f.tmp" 16 2 4;;                            # ET_CORE
    phentsize)   put "$f.tmp" 42 2 56;;                           # Elf64_Phdr size
    phoff-past)  put "$f.tmp" 28 4 $((size - 16));;               # headers run past the end
    phoff-wrap)  put "$f.tmp" 28 4 4294967264;;                   # 0xffffffe0: offset + size wraps
    phoff-odd)   put "$f.tmp" 28 4 $((phoff + 2));;               # misaligned header table
    phnum-huge)  put "$f.tmp" 44 2 65535;;
    no-load)     put "$f.tmp" 44 2 0;;                            # no program headers at all
    filesz-big)  put "$f.tmp" $((ph0 + 16)) 4 $((memsz0 + 4096));;  # p_filesz > p_memsz
    offset-past) put "$f.tmp" $((ph0 + 4)) 4 $(( (size + 4095) / 4096 * 4096 ));;  # file bytes past the end
    offset-wrap) put "$f.tmp" $((ph0 + 4)) 4 4294963200;;         # 0xfffff000: offset + filesz wraps
    misaligned)  put "$f.tmp" $((ph0 + 8)) 4 $((vaddr0 + 16))     # vaddr != offset modulo 4 KiB
                 put "$f.tmp" 24 4 $((vaddr0 + 16));;
    kernel)      put "$f.tmp" $((ph0 + 8)) 4 3221291008           # text at 0xc0010000
                 put "$f.tmp" 24 4 3221291008;;
    cross-top)   put "$f.tmp" $((ph0 + 8)) 4 3221221376           # text at 0xbffff000, past TASK_SIZE
                 put "$f.tmp" 24 4 3221221376
                 put "$f.tmp" $((ph0 + 20)) 4 8192;;
    null-page)   put "$f.tmp" $((ph0 + 8)) 4 0                     # text at address 0
                 put "$f.tmp" 24 4 0;;
    memsz-wrap)  put "$f.tmp" $((ph0 + 20)) 4 $((4294967296 - vaddr0));;   # vaddr + memsz = 2^32
    memsz-huge)  put "$f.tmp" $((ph1 + 20)) 4 $((3221225472 - 4096 - vaddr1));;  # up to USTACK_TOP: no room for the stack
    overlap)     put "$f.tmp" $((ph1 + 8)) 4 $((vaddr0 + off1 % 4096));;  # segment 1 in segment 0's first page
    entry-out)   put "$f.tmp" 24 4 1073741824;;                   # e_entry 0x40000000: no segment
    entry-data)  put "$f.tmp" 24 4 "$vaddr1";;        # e_entry in the non-executable segment
    *) echo "mkbadelf.sh: unknown image $name" >&2; rm -f "$f.tmp"; exit 2;;
  esac
  mv "$f.tmp" "$f"
done
