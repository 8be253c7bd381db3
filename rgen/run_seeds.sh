#!/bin/bash
# run_seeds.sh — generate rgen programs for a range of seeds and run a command on each,
# in parallel; report the failing seeds, the instructions run, and (-c) coverage.
#
#   rgen/run_seeds.sh [options] FIRST LAST -- COMMAND [ARG...]
#
# In COMMAND, {elf} becomes the seed's program, {seed} the seed, {sig} and {log} a
# signature and a commit-log path (for -c). Examples:
#   rgen/run_seeds.sh -l 10000 1 1000 -- build/iss --max-instructions 2000000 {elf}
#   rgen/run_seeds.sh -p 1 1000 -- build/vsim --cosim {elf}           (make soak)
# options:
#   -l LENGTH  rgen --length (default 10000)     -p        rgen --paging
#   -j N       parallel runs (default: nproc)    -t SECS   timeout per run (default 300)
#   -c COV     coverage: fold {sig}/{log} of every run into counts with COV (rgen-cov)
#              and print its report
#   -k         keep the files of passing seeds too (failing ones are always kept)
#   -x ARGS    more rgen options (e.g. -x --selfcheck)
# environment (the make rules set them): RGEN (generator, default build/rgen),
#   RGEN_ASLINK (assemble-and-link command without files; default from mk/toolchain.mk
#   through make), RGEN_WORK (work directory, default build/rgen.d/run).
# A run passes when COMMAND exits 0. One line per failing seed, then a summary line
#   "rgen: N seeds (...): P passed, F failed; I instructions (most: M, seed S)"
# (I sums the last "<number> instructions" each run printed; M is the largest). Exit 0 when all passed,
# 1 when some failed, 2 on bad usage.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
length=10000 paging= jobs=$(nproc) tmo=300 cov= keep= extra=
usage() { sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while getopts "l:pj:t:c:kx:h" o; do
  case $o in
    l) length=$OPTARG ;; p) paging=--paging ;; j) jobs=$OPTARG ;; t) tmo=$OPTARG ;;
    c) cov=$OPTARG ;; k) keep=1 ;; x) extra="$extra $OPTARG" ;; *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 4 ] && [ "$3" = "--" ] || usage
first=$1 last=$2; shift 3
case "$first$last$length$jobs$tmo" in *[!0-9]*) echo "run_seeds: numbers expected" >&2; exit 2 ;; esac
[ "$first" -le "$last" ] || { echo "run_seeds: FIRST > LAST" >&2; exit 2; }

RGEN=${RGEN:-$top/build/rgen}
RGEN_WORK=${RGEN_WORK:-$top/build/rgen.d/run}
if [ -z "${RGEN_ASLINK:-}" ]; then
  RGEN_ASLINK=$(make -s --no-print-directory -C "$top" rgen-print-aslink) || exit 2
fi
[ -x "$RGEN" ] || { echo "run_seeds: no generator at $RGEN (make rgen)" >&2; exit 2; }
work=$RGEN_WORK/L$length${paging:+-paging}-$(basename "$1")
mkdir -p "$work"
results=$(mktemp "$work/results.XXXXXX")
CMD_Q=$(printf '%q ' "$@")
export RGEN RGEN_ASLINK work results CMD_Q length paging tmo cov keep extra

run_one() {
  local seed=$1 base=$work/seed-$1 rc out n
  eval "local -a cmd=($CMD_Q)"
  local -a argv=()
  for a in "${cmd[@]}"; do
    a=${a//\{elf\}/$base.elf}; a=${a//\{seed\}/$seed}
    a=${a//\{sig\}/$base.sig}; a=${a//\{log\}/$base.log}
    argv+=("$a")
  done
  if ! "$RGEN" --seed "$seed" --length "$length" $paging $extra -o "$base.S" 2> "$base.out" ||
     ! $RGEN_ASLINK "$base.S" -o "$base.elf" >> "$base.out" 2>&1; then
    echo "seed $seed: BUILD FAILED: $(tail -1 "$base.out")"
    echo "$seed 255 0" >> "$results"
    return
  fi
  timeout -k 5 "$tmo" "${argv[@]}" < /dev/null > "$base.out" 2>&1
  rc=$?
  n=$(grep -ao '[0-9]\+ instructions' "$base.out" | tail -1 | cut -d' ' -f1)
  if [ -n "$cov" ] && [ $rc = 0 ]; then
    "$cov" --dump --sig "$base.sig" --log "$base.log" > "$base.cnt" || rc=254
    rm -f "$base.log"
  fi
  if [ $rc != 0 ]; then
    local why="exit $rc"
    [ $rc = 124 ] && why="timeout ${tmo}s"
    echo "seed $seed: FAIL ($why): $(grep -av '^$' "$base.out" | tail -1 | tr -cd '[:print:]' | cut -c1-160)"
  elif [ -z "$keep" ]; then
    rm -f "$base.S" "$base.elf" "$base.out" "$base.sig" "$base.log"
  fi
  echo "$seed $rc ${n:-0}" >> "$results"
}
export -f run_one

seq "$first" "$last" | xargs -P "$jobs" -I{} bash -c 'run_one {}'
total=$((last - first + 1))
read -r passed failed insns maxn maxs < <(awk '{ if ($2 == 0) p++; else f++; n += $3
  if ($3 > m) { m = $3; ms = $1 } } END { printf "%d %d %d %d %d\n", p, f, n, m, ms }' "$results")
if [ -n "$cov" ]; then
  args=()
  for c in "$work"/seed-*.cnt; do [ -e "$c" ] && args+=(--counts "$c"); done
  [ ${#args[@]} -gt 0 ] && "$cov" "${args[@]}"
  [ -z "$keep" ] && rm -f "$work"/seed-*.cnt
fi
rm -f "$results"
[ "$failed" = 0 ] || echo "rgen: the failing seeds' program, source and output are in $work/"
echo "rgen: $total seeds ($first..$last, length $length${paging:+, paging}): $passed passed, $failed failed; $insns instructions (most: $maxn, seed $maxs)"
[ "$failed" = 0 ] && [ "$passed" = "$total" ]
