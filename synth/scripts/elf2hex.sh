#!/usr/bin/env bash
# elf2hex.sh ELF OUT.hex MAX_BYTES : the RAM image of a program for $readmemh.
# The loadable bytes (objcopy -O binary: code, constants and initialised data; .bss and the
# stack are NOLOAD and are cleared/used at run time) must start at the RAM base, the reset
# PC, and fit in MAX_BYTES. Writes one 32-bit little-endian word per line (8 hex digits) to
# OUT.hex and the same image in 2-bit lanes to OUT.lane0.hex .. OUT.lane3.hex (one digit 0-3
# per byte: the iCE40 boot ROM's); prints the number of words.
set -euo pipefail
elf=$1 out=$2 max=$3
cross=${CROSS:-riscv64-unknown-elf-}
ram_base=$(awk '$1 == "RAM_BASE" { print $2 }' "$(dirname "$0")/../../arch/arch.tbl")

[[ -f $elf ]] || { echo "elf2hex: $elf: no such file" >&2; exit 1; }
first=
while read -r type _ _ paddr filesz _; do
  if [[ $type == LOAD ]] && (( filesz != 0 )); then first=$paddr; break; fi
done < <("${cross}readelf" -lW "$elf")
[[ -n $first ]] || { echo "elf2hex: $elf: nothing to load" >&2; exit 1; }
if (( first != ram_base )); then
  echo "elf2hex: $elf: first loadable segment at $first, not at the RAM base $ram_base" >&2
  exit 1
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"${cross}objcopy" -O binary "$elf" "$tmp"
bytes=$(stat -c %s "$tmp")
if (( bytes > max )); then
  echo "elf2hex: $elf: image is $bytes bytes, more than the $max bytes this board can preload" >&2
  exit 1
fi
# the program's whole footprint (.bss and the stack up to _end) must fit the RAM too: the
# physical end of the LOAD segments and _end, which a kernel links at a virtual address (then
# it is translated through the segment below it: virtual -> physical load address)
end=$("${cross}nm" "$elf" | awk '$3 == "_end" { print "0x" $1 }')
foot=0
while read -r type _ vaddr paddr _ memsz _; do
  [[ $type == LOAD ]] || continue
  (( paddr + memsz - ram_base > foot )) && foot=$(( paddr + memsz - ram_base ))
  if [[ -n $end ]] && (( end >= vaddr && end - vaddr < 0x1000000 )); then
    (( end - vaddr + paddr - ram_base > foot )) && foot=$(( end - vaddr + paddr - ram_base ))
  fi
done < <("${cross}readelf" -lW "$elf")
if [[ -n ${RAM_BYTES:-} ]] && (( foot > RAM_BYTES )); then
  echo "elf2hex: $elf: needs $foot bytes of RAM (up to _end); this build has RAM_BYTES=$RAM_BYTES" >&2
  exit 1
fi
truncate -s $(( (bytes + 3) / 4 * 4 )) "$tmp"
# od prints words in the host's byte order; the image is little-endian like the host
[[ $(printf '\x01\x00' | od -An -tx2 | tr -d ' ') == 0001 ]] || { echo "elf2hex: big-endian host" >&2; exit 1; }
od -An -v -tx4 -w4 "$tmp" | tr -d ' ' > "$out"
# and as four files of 2-bit lanes (OUT.lane0.hex: bits 1:0 of every byte, ... lane3: 7:6)
od -An -v -tu1 -w1 "$tmp" | awk -v p="${out%.hex}" '{ v = $1 + 0
  for (k = 0; k < 4; k++) { print int(v / 4 ^ k) % 4 > (p ".lane" k ".hex") } }'
wc -l < "$out"
