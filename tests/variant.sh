#!/usr/bin/env bash
# variant.sh VSIM LABEL — the regression's test programs on another build of the simulator
# (a core parameter set differently, e.g. build/vsim-memreg: MemAddrReg = 1), in lockstep
# with the reference model.
#
# Every program of tests/list.txt (build/tests/NAME.elf, built by `make tests-build`) runs on
# VSIM with --cosim (unless its source says "run.sh: no --cosim") and the list's
# --max-cycles; it passes with the listed exit code and the same last console line as in
# tests/run.sh ("NAME: ok", or "NAME: FAIL ..." for a program that must fail; a kernel test
# must print "NAME: ok" before the kernel's shutdown lines, with its NAME.in on stdin). Runs are
# parallel (nproc). Prints the failures and ends with "LABEL: N passed, N failed"; exit 1
# when any failed. Logs: build/tests/LABEL/.
set -uo pipefail
TOP=${TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
OUT=$BUILD/tests
VSIM_MIN_SPEED=300000          # as tests/run.sh: cycles per wall second, for the timeout

if [[ ${1:-} == --one ]]; then  # --one VSIM LOGDIR NAME WHERE MAXC EXP: one program
  vsim=$2 logs=$3 name=$4 where=$5 maxc=$6 exp=$7 opt=--cosim in=/dev/null
  for src in "$TOP"/tests/*/"$name".[Sc]; do
    [[ -f $src ]] && grep -q 'run.sh: no --cosim' "$src" && opt=
  done
  [[ -f $TOP/tests/kernel/$name.in ]] && in=$TOP/tests/kernel/$name.in
  out=$logs/$name.out
  # shellcheck disable=SC2086  # no option or one word
  timeout -k 5 $((30 + maxc / VSIM_MIN_SPEED)) "$vsim" --quiet $opt --max-cycles "$maxc" \
    "$OUT/$name.elf" < "$in" > "$out" 2> "$out.err"
  rc=$?
  last=$(tail -n 1 "$out" 2>/dev/null | tr -d '\r')
  # a kernel test's own verdict line comes before the kernel's shutdown lines
  [[ $where == kernel ]] && { grep -qx "$name: ok" "$out" && last="$name: ok"; }
  if [[ $rc -ne $exp ]]; then
    echo "FAIL $name (exit $rc, expected $exp; $out.err)"
  elif [[ $exp -eq 0 && $last != "$name: ok" ]] || [[ $exp -ne 0 && $last != "$name: FAIL"* ]]; then
    echo "FAIL $name (exit $rc, last console line '$last')"
  else
    echo "PASS $name"
  fi
  exit 0
fi

vsim=${1:?usage: tests/variant.sh VSIM LABEL} label=${2:?usage: tests/variant.sh VSIM LABEL}
[[ -x $vsim ]] || { echo "$label: no simulator $vsim" >&2; exit 1; }
logs=$OUT/$label
rm -rf "$logs"
mkdir -p "$logs"
ids=()
while read -r name where maxc exp _; do
  [[ -z $name || $name == \#* ]] && continue
  [[ -f $OUT/$name.elf ]] || { echo "$label: no $OUT/$name.elf (make tests-build)" >&2; exit 1; }
  ids+=("$name $where $maxc $exp")
done < "$TOP/tests/list.txt"
printf '%s\n' "${ids[@]}" \
  | xargs -P "$(nproc)" -L 1 "$0" --one "$vsim" "$logs" > "$logs/results.txt"
pass=$(grep -c '^PASS ' "$logs/results.txt")
fail=$(grep -c '^FAIL ' "$logs/results.txt")
grep '^FAIL ' "$logs/results.txt"
echo "$label: $pass passed, $fail failed"
[[ $fail -eq 0 && $pass -eq ${#ids[@]} ]]
