#!/bin/sh
# gen.sh — generate arch/arch.h and arch/arch.vh from arch/arch.tbl.
# Usage: arch/gen.sh [OUTDIR]   (default: the directory of this script)
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
out=${1:-$dir}
tbl=$dir/arch.tbl
awk -v out_h="$out/arch.h" -v out_vh="$out/arch.vh" '
function hexdigits(v,   n) {
  if (v ~ /^0x/) return toupper(substr(v, 3))
  n = v + 0; return sprintf("%X", n)
}
BEGIN {
  print "/* arch.h — GENERATED from arch/arch.tbl by arch/gen.sh; do not edit. */" > out_h
  print "#ifndef ARCH_H" > out_h
  print "#define ARCH_H" > out_h
  print "// arch.vh — GENERATED from arch/arch.tbl by arch/gen.sh; do not edit." > out_vh
  print "`ifndef ARCH_VH" > out_vh
  print "`define ARCH_VH" > out_vh
}
/^[ \t]*#/ || NF == 0 { next }
{
  name = $1; val = $2; w = $3 + 0
  if (NF < 3 || name !~ /^[A-Z_][A-Z0-9_]*$/) { printf "arch.tbl:%d: bad line\n", NR > "/dev/stderr"; exit 1 }
  cmt = ""
  for (i = 4; i <= NF; i++) cmt = cmt (i > 4 ? " " : "") $i
  if (val ~ /^0x/) cval = val; else cval = val
  if (w >= 32 && val ~ /^0x/) cval = val "u"
  if (cmt != "") printf "#define %-24s %-12s /* %s */\n", name, cval, cmt > out_h
  else           printf "#define %-24s %s\n", name, cval > out_h
  if (w == 0) vval = (val ~ /^0x/) ? sprintf("%d", strtonum_hex(val)) : val
  else        vval = sprintf("%d'\''h%s", w, hexdigits(val))
  if (cmt != "") printf "`define %-24s %-14s // %s\n", name, vval, cmt > out_vh
  else           printf "`define %-24s %s\n", name, vval > out_vh
}
function strtonum_hex(s,   i, c, n) {
  n = 0; s = toupper(substr(s, 3))
  for (i = 1; i <= length(s); i++) { c = index("0123456789ABCDEF", substr(s, i, 1)) - 1; n = n * 16 + c }
  return n
}
END {
  print "#endif" > out_h
  print "`endif" > out_vh
}' "$tbl"
