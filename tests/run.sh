#!/usr/bin/env bash
# run.sh — the regression: build the test programs and build/vsim, run every check in
# parallel, print one line per check and finish with "N passed, N failed".
#
# Usage: tests/run.sh [-j N] [-k REGEX] [--no-gates] [--qemu]
#   -j N        parallel jobs (default: nproc)
#   -k REGEX    only checks whose name matches REGEX (bash =~), e.g. -k 'rv32ua|lint'
#   --no-gates  skip the make-based gates (lint, synth-check, arch-check, tb-selftest)
#   --qemu      also run the programs alone on QEMU ("qemu/NAME"), as is done
#               automatically when there is no build/vsim
#
# Checks (tests/list.txt says how each program runs):
#   gate/T        `make T` succeeds (SKIP when the Makefile has no target T); among them
#                 memreg-check: every program again, with --cosim, on build/vsim-memreg
#                 (the core with MemAddrReg = 1, as the FPGA builds configure it)
#   vsim/NAME     build/vsim runs NAME.elf: exit code as listed and the last console line
#                 "NAME: ok" (or "NAME: FAIL ..." for a program that must fail)
#   qemu-diff/NAME  for programs listed "both": QEMU runs the same ELF; its console
#                 output and exit code must equal build/vsim's exactly
#   qemu/NAME     QEMU alone must pass (used when build/vsim is missing, or --qemu)
#   iss/NAME      the reference model build/iss runs NAME.elf with the same expectations
#                 as vsim/NAME (when the Makefile has an `iss` target; not for programs
#                 listed "rtl", whose checks are microarchitectural)
# Kernel tests (tests/kernel/NAME.c, listed "kernel"): build/tests/NAME.elf is the kernel
# with NAME as its first process. On build/vsim (--cosim), build/iss and QEMU each: the
# exit code as listed (the kernel exits with pid 1's status, 0x71 on a frame or kmalloc
# leak, 0x70 on a panic) and a console line "NAME: ok". vsim/NAME also wants build/iss's
# output byte for byte; qemu-diff/NAME wants QEMU's equal to build/vsim's except the
# "a/d N" counts (QEMU sets A/D bits in hardware, the core takes Svade faults). A test
# tests/kernel/NAME.in, when there is one, is fed to the console (stdin) on each. A test
# listed "pending: WHAT" waits for kernel support: it runs on build/iss only and is
# reported as SKIP, saying whether it passes already.
# The programs of tests/vm and tests/pmp (Sv32 MMU, PMP) run on build/vsim with --cosim
# (lockstep against the reference model) when build/vsim has that option, unless the
# source says "run.sh: no --cosim".
# Logs: build/tests/logs/ (a link to this run's build/tests/logs-PID/, so that two runs
# in one tree do not mix their logs); logs/timings.txt lists the slowest checks.
# Environment: QEMU (the emulator binary), TESTS_MAKEFLAGS (extra flags for every make
# call, e.g. "-f other.mk"). Only bash and coreutils are used.
set -uo pipefail
unset MAKEFLAGS MFLAGS MAKELEVEL     # the makes below are not part of the caller's

TOP=${TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
BUILD=${BUILD:-$TOP/build}
export TOP BUILD
OUT=$BUILD/tests
LOGS=${LOGS:-$OUT/logs-$$}
export LOGS
LIST=$TOP/tests/list.txt
VSIM=$BUILD/vsim
ISS=$BUILD/iss
QEMU=${QEMU:-qemu-system-riscv32}
# QEMU's generic rv32 CPU trimmed to our ISA (RV32IMA + Zicsr + Zifencei, S and U):
# no C/F/D/H/V/B extensions, no Sstc, no debug triggers. PMP stays (our env programs it).
QEMU_CPU=rv32,c=false,f=false,d=false,h=false,v=false,zba=false,zbb=false,zbc=false,zbs=false,sstc=false,debug=false
QEMU_TIMEOUT=30
GATE_TIMEOUT=600
# Make-based gates, slowest first: the post-synthesis netlist check (iCEBreaker SoC),
# RTL synthesis/lint, the iCEBreaker core configuration simulated (board-sim-check), testbench self-test, the constants
# table, the reference model's own checks, the sw programs on QEMU vs vsim, and the
# self-checking CPI benchmark (its figures are a report, never a pass/fail threshold);
# run-check: `make run`'s script on the kernel, the same on iss, QEMU and vsim --cosim;
# board-ram-check: kernel-board.elf with 128 KiB to 16 MiB of RAM (tests/board-ram.sh);
# memreg-check builds and checks the core's other memory-address variant (tests/variant.sh).
GATES=(postsynth-check synth-check memreg-check board-sim-check mmu-bench-check run-check board-ram-check rgen-cosim iss-check bench sw-qemu-check lint tb-selftest arch-check)

# ---------------------------------------------------------------------------------
# One check worker: `run.sh --one ID` (called through xargs). Prints its result block.
# ---------------------------------------------------------------------------------

# vsim cycles per wall second we assume when turning --max-cycles into a timeout
# (it runs at ~1.7 MHz; the margin covers a loaded machine).
VSIM_MIN_SPEED=300000

result() {   # result STATUS NAME [REASON] [DETAIL-FILE]: record and print one check
  local status=$1 name=$2 reason=${3:-} detail=${4:-} line
  # a check that only ran for another one's sake (-k) is not reported; builds always are
  [[ $name == build/* || $name == list || $name =~ ${FILTER:-.} ]] || return 0
  echo "$(( SECONDS - ${T0:-$SECONDS} ))s $name" >> "$LOGS/timings.raw"
  T0=$SECONDS
  line="$status $name"
  [[ -n $reason ]] && line+=" ($reason)"
  {
    echo "$line"
    if [[ $status == FAIL && -n $detail && -s $detail ]]; then
      tail -n 15 "$detail" | cut -c1-160 | sed 's/^/    | /'
    fi
  } > "$LOGS/${name//\//_}.result"
  cat "$LOGS/${name//\//_}.result"
}

last_line() { tail -n 1 "$1" 2>/dev/null | tr -d '\r'; }

# Does the console output show the expected ending? (0 = yes)
output_ok() {   # output_ok FILE NAME EXPECTED_EXIT
  local last
  last=$(last_line "$1")
  if [[ $3 -eq 0 ]]; then [[ $last == "$2: ok" ]]; else [[ $last == "$2: FAIL"* ]]; fi
}

exit_reason() {   # exit_reason RC TOOL: why a run ended with code RC
  case $1 in
    124) echo "timeout (killed after its wall-clock limit)";;
    3)   case $2 in vsim) echo "--max-cycles reached";; iss) echo "--max-instructions reached";;
                    *) echo "exit 3";; esac;;
    2)   [[ $2 != qemu ]] && echo "$2 rejected its input" || echo "exit 2";;
    4)   [[ $2 == vsim ]] && echo "co-simulation divergence" || echo "exit 4";;
    112) echo "exit 0x70: kernel panic";;
    113) echo "exit 0x71: the kernel found a memory leak at shutdown";;
    *)   echo "exit $1";;
  esac
}

is_htif() { [[ -f $TOP/tests/htif/$1.S ]]; }

# Every program runs in lockstep with the reference model (build/vsim --cosim): each
# retired instruction of the RTL is checked against build/iss's; a divergence is exit 4.
# A program whose outcome the architecture leaves open between the two (e.g. using a
# stale TLB entry on purpose) says "run.sh: no --cosim" in its source.
vsim_opts() {   # vsim_opts NAME: extra build/vsim options for NAME
  local src
  for src in "$TOP"/tests/*/"$1".[Sc]; do
    [[ -f $src ]] && grep -q 'run.sh: no --cosim' "$src" && return 0
  done
  [[ ${VSIM_HAS_COSIM:-0} == 1 ]] && echo --cosim
  return 0
}

run_qemu() {   # run_qemu NAME OUTFILE: exit code of QEMU running NAME.elf
  local machine=virt
  is_htif "$1" && machine=spike
  timeout -k 5 "$QEMU_TIMEOUT" "$QEMU" -M "$machine" -cpu "$QEMU_CPU" -bios none \
    -kernel "$OUT/$1.elf" -nographic < /dev/null > "$2" 2> "$2.err"
}

run_iss() {   # run_iss NAME MAX EXPECTED_EXIT
  local name=$1 maxc=$2 exp=$3 iout=$LOGS/$1.iss.out rc
  timeout -k 5 120 "$ISS" --quiet --max-instructions "$maxc" "$OUT/$name.elf" \
    < /dev/null > "$iout" 2> "$iout.err"
  rc=$?
  cat "$iout" "$iout.err" > "$iout.all"
  if [[ $rc -ne $exp ]]; then
    result FAIL "iss/$name" "$(exit_reason $rc iss), expected exit $exp" "$iout.all"
  elif ! output_ok "$iout" "$name" "$exp"; then
    result FAIL "iss/$name" "exit $rc but the last console line is '$(last_line "$iout")'" "$iout.all"
  else
    result PASS "iss/$name"
  fi
}

run_program() {   # run_program NAME WHERE MAX_CYCLES EXPECTED_EXIT
  local name=$1 where=$2 maxc=$3 exp=$4 vout=$LOGS/$1.vsim.out qout=$LOGS/$1.qemu.out
  local rc qrc tmo
  if [[ -n ${ISS_ON:-} && $where != rtl ]]; then
    if [[ -n ${ISS_BROKEN:-} ]]; then result FAIL "iss/$name" "build/iss did not build"
    else run_iss "$name" "$maxc" "$exp"
    fi
  fi
  if [[ -n ${VSIM_BROKEN:-} ]]; then
    result FAIL "vsim/$name" "build/vsim did not build"
  elif [[ -x $VSIM ]]; then
    tmo=$((30 + maxc / VSIM_MIN_SPEED))
    # shellcheck disable=SC2046  # no option or one word
    timeout -k 5 "$tmo" "$VSIM" --quiet $(vsim_opts "$name") --max-cycles "$maxc" "$OUT/$name.elf" \
      < /dev/null > "$vout" 2> "$vout.err"
    rc=$?
    cat "$vout" "$vout.err" > "$vout.all"
    if [[ $rc -ne $exp ]]; then
      result FAIL "vsim/$name" "$(exit_reason $rc vsim), expected exit $exp" "$vout.all"
    elif ! output_ok "$vout" "$name" "$exp"; then
      result FAIL "vsim/$name" "exit $rc but the last console line is '$(last_line "$vout")'" "$vout.all"
    else
      result PASS "vsim/$name"
    fi
    if [[ $where == both ]]; then
      run_qemu "$name" "$qout"
      qrc=$?
      if [[ $qrc -eq 124 ]]; then
        result FAIL "qemu-diff/$name" "QEMU timed out" "$qout"
      elif [[ $qrc -ne $rc ]]; then
        cat "$qout" "$qout.err" > "$qout.all"
        result FAIL "qemu-diff/$name" "QEMU exit $qrc, vsim exit $rc" "$qout.all"
      elif ! cmp -s "$vout" "$qout"; then
        diff "$vout" "$qout" | sed 's/^</vsim/; s/^>/qemu/' > "$qout.diff"
        result FAIL "qemu-diff/$name" "console output differs" "$qout.diff"
      else
        result PASS "qemu-diff/$name"
      fi
    fi
  else
    result SKIP "vsim/$name" "no build/vsim"
  fi
  if [[ $where == both && ( ! -x $VSIM || ${RUN_QEMU_ALONE:-0} == 1 ) ]]; then
    run_qemu "$name" "$qout"
    qrc=$?
    cat "$qout" "$qout.err" > "$qout.all"
    if [[ $qrc -ne $exp ]]; then
      result FAIL "qemu/$name" "$(exit_reason $qrc qemu), expected exit $exp" "$qout.all"
    elif ! output_ok "$qout" "$name" "$exp"; then
      result FAIL "qemu/$name" "exit $qrc but the last console line is '$(last_line "$qout")'" "$qout.all"
    else
      result PASS "qemu/$name"
    fi
  fi
}

# ---- kernel tests ----
ad_mask() { sed -E 's/a\/d [0-9]+/a\/d -/g' "$1"; }   # the Svade/Svadu difference

kernel_check() {   # kernel_check TOOL NAME EXPECTED_EXIT RC OUT: one run's verdict
  local tool=$1 name=$2 exp=$3 rc=$4 out=$5
  if [[ $rc -ne $exp ]]; then
    result FAIL "$tool/$name" "$(exit_reason "$rc" "$tool"), expected exit $exp" "$out.all"; return 1
  fi
  if [[ $exp -eq 0 ]] && ! tr -d '\r' < "$out" | grep -qx "$name: ok"; then
    result FAIL "$tool/$name" "exit $rc but no line '$name: ok'" "$out.all"; return 1
  fi
  return 0
}

run_kernel() {   # run_kernel NAME MAX_CYCLES EXPECTED_EXIT [pending: WHAT]
  local name=$1 maxc=$2 exp=$3 pending=${4:-} elf=$OUT/$1.elf rc qrc irc tmo
  local vout=$LOGS/$1.vsim.out qout=$LOGS/$1.qemu.out iout=$LOGS/$1.iss.out in=/dev/null
  [[ -f $TOP/tests/kernel/$name.in ]] && in=$TOP/tests/kernel/$name.in   # the console input
  if [[ -n ${KTESTS_BROKEN:-} ]]; then
    result FAIL "vsim/$name" "the kernel tests did not build (make ktests-build)"; return
  fi
  # build/iss first: the reference for the others, and the only run of a pending test
  timeout -k 5 120 "$ISS" --quiet --max-instructions "$maxc" "$elf" < "$in" > "$iout" 2> "$iout.err"
  irc=$?
  cat "$iout" "$iout.err" > "$iout.all"
  if [[ -n $pending ]]; then
    if [[ $irc -eq $exp ]] && tr -d '\r' < "$iout" | grep -qx "$name: ok"; then
      result SKIP "vsim/$name" "$pending; it passes on build/iss now: enable it in tests/list.txt"
    else
      result SKIP "vsim/$name" "$pending; now: $(grep -m1 -e "$name: FAIL" -e 'panic:' "$iout" | cut -c1-100)"
    fi
    return
  fi
  kernel_check iss "$name" "$exp" "$irc" "$iout" && result PASS "iss/$name"
  if [[ -n ${VSIM_BROKEN:-} ]]; then
    result FAIL "vsim/$name" "build/vsim did not build"
  elif [[ -x $VSIM ]]; then
    tmo=$((30 + maxc / VSIM_MIN_SPEED))
    # shellcheck disable=SC2046
    timeout -k 5 "$tmo" "$VSIM" --quiet $( [[ ${VSIM_HAS_COSIM:-0} == 1 ]] && echo --cosim ) \
      --max-cycles "$maxc" "$elf" < "$in" > "$vout" 2> "$vout.err"
    rc=$?
    cat "$vout" "$vout.err" > "$vout.all"
    if kernel_check vsim "$name" "$exp" "$rc" "$vout"; then
      if ! cmp -s "$vout" "$iout"; then
        diff "$vout" "$iout" | sed 's/^</vsim/; s/^>/iss/' > "$vout.diff"
        result FAIL "vsim/$name" "console output differs from build/iss's" "$vout.diff"
      else
        result PASS "vsim/$name"
      fi
    fi
  fi
  timeout -k 5 "$QEMU_TIMEOUT" "$QEMU" -M virt -m 16M -cpu "$QEMU_CPU" -bios none -kernel "$elf" \
    -nographic < "$in" > "$qout" 2> "$qout.err"
  qrc=$?
  cat "$qout" "$qout.err" > "$qout.all"
  if kernel_check qemu "$name" "$exp" "$qrc" "$qout"; then
    if ! cmp -s <(ad_mask "$iout") <(ad_mask "$qout"); then
      diff <(ad_mask "$iout") <(ad_mask "$qout") | sed 's/^</iss /; s/^>/qemu/' > "$qout.diff"
      result FAIL "qemu-diff/$name" "console output differs (a/d counts aside)" "$qout.diff"
    else
      result PASS "qemu-diff/$name"
    fi
  fi
}

has_target() {   # has_target T: does the top Makefile know target T?
  local out
  out=$(make -C "$TOP" ${TESTS_MAKEFLAGS:-} --no-print-directory -n "$1" 2>&1)
  [[ $out != *"No rule to make target '$1'"* ]]
}

run_gate() {   # run_gate TARGET
  local log=$LOGS/gate-$1.log rc
  if ! has_target "$1"; then
    result SKIP "gate/$1" "no make target '$1'"
    return
  fi
  timeout -k 10 "$GATE_TIMEOUT" make -C "$TOP" ${TESTS_MAKEFLAGS:-} --no-print-directory "$1" < /dev/null > "$log" 2>&1
  rc=$?
  if [[ $rc -eq 0 ]]; then result PASS "gate/$1"
  elif [[ $rc -eq 124 ]]; then result FAIL "gate/$1" "timeout after ${GATE_TIMEOUT}s" "$log"
  else result FAIL "gate/$1" "make $1 exited $rc" "$log"
  fi
}

if [[ ${1:-} == --one ]]; then
  id=$2
  T0=$SECONDS
  case $id in
    gate:*) run_gate "${id#gate:}";;
    prog:*) IFS=: read -r _ name where maxc exp <<< "$id"
            run_program "$name" "$where" "$maxc" "$exp";;
    kernel:*) IFS=: read -r _ name maxc exp pending <<< "$id"
            run_kernel "$name" "$maxc" "$exp" "${pending//+/ }";;
  esac
  exit 0
fi

# ---------------------------------------------------------------------------------
# Main: options, build, dispatch, summary.
# ---------------------------------------------------------------------------------
jobs=$(nproc)
filter=.
gates=1
while [[ $# -gt 0 ]]; do
  case $1 in
    -j) jobs=$2; shift 2;;
    -k) filter=$2; export FILTER=$2; shift 2;;
    --no-gates) gates=0; shift;;
    --qemu) export RUN_QEMU_ALONE=1; shift;;
    *) echo "usage: tests/run.sh [-j N] [-k REGEX] [--no-gates] [--qemu]" >&2; exit 2;;
  esac
done

start=$(date +%s)
mkdir -p "$OUT"
for d in "$OUT"/logs-*; do            # logs of finished runs (their PID is gone)
  [[ -d $d ]] || continue
  kill -0 "${d##*-}" 2>/dev/null || rm -rf "$d"
done
rm -rf "$LOGS"
mkdir -p "$LOGS"
[[ -L $OUT/logs || ! -e $OUT/logs ]] || rm -rf "$OUT/logs"
ln -sfn "$(basename "$LOGS")" "$OUT/logs"

echo "regression: building test programs and build/vsim (logs in $LOGS)"
build_fail=0
if ! make -C "$TOP" ${TESTS_MAKEFLAGS:-} --no-print-directory -j"$jobs" tests-build > "$LOGS/build-tests.log" 2>&1; then
  result FAIL "build/tests" "make tests-build failed" "$LOGS/build-tests.log"
  build_fail=1
fi
if has_target sim; then
  if ! make -C "$TOP" ${TESTS_MAKEFLAGS:-} --no-print-directory -j"$jobs" sim > "$LOGS/build-vsim.log" 2>&1; then
    result FAIL "build/vsim" "make sim failed" "$LOGS/build-vsim.log"
    export VSIM_BROKEN=1
  fi
else
  echo "SKIP build/vsim (no make target 'sim')"
fi
if has_target iss; then
  export ISS_ON=1
  if ! make -C "$TOP" ${TESTS_MAKEFLAGS:-} --no-print-directory -j"$jobs" iss > "$LOGS/build-iss.log" 2>&1; then
    result FAIL "build/iss" "make iss failed" "$LOGS/build-iss.log"
    export ISS_BROKEN=1
  fi
else
  echo "SKIP build/iss (no make target 'iss')"
fi

if has_target ktests-build; then
  if ! make -C "$TOP" ${TESTS_MAKEFLAGS:-} --no-print-directory -j"$jobs" ktests-build > "$LOGS/build-ktests.log" 2>&1; then
    result FAIL "build/ktests" "make ktests-build failed" "$LOGS/build-ktests.log"
    export KTESTS_BROKEN=1
  fi
fi

if has_target sw; then
  if ! make -C "$TOP" ${TESTS_MAKEFLAGS:-} --no-print-directory -j"$jobs" sw > "$LOGS/build-sw.log" 2>&1; then
    result FAIL "build/sw" "make sw failed" "$LOGS/build-sw.log"
  fi
fi

# The job list: gates first (they are the slowest), then the programs.
ids=()
if [[ $gates -eq 1 ]]; then
  for g in "${GATES[@]}"; do ids+=("gate:$g"); done
fi
declare -A listed=()
if [[ $build_fail -eq 0 ]]; then
  while read -r name where maxc exp rest; do
    [[ -z $name || $name == \#* ]] && continue
    listed[$name]=1
    if [[ $where == kernel ]]; then
      pending=
      [[ $rest == pending* ]] && { pending=${rest//:/;}; pending=${pending// /+}; }  # one xargs word
      ids+=("kernel:$name:$maxc:$exp:$pending")
    else
      ids+=("prog:$name:$where:$maxc:$exp")
    fi
  done < "$LIST"
  # Every program must be listed and every listed program must exist.
  missing=()
  for src in "$TOP"/tests/{isa,priv,htif,vm,pmp}/*.S "$TOP"/tests/{c,kernel}/*.c; do
    [[ -e $src ]] || continue
    n=$(basename "${src%.*}")
    [[ -n ${listed[$n]:-} ]] || missing+=("$n (not in tests/list.txt)")
  done
  for n in "${!listed[@]}"; do
    [[ -f $OUT/$n.elf ]] || missing+=("$n (listed, no program)")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    printf '%s\n' "${missing[@]}" > "$LOGS/list.log"
    result FAIL "list" "tests/list.txt and the sources disagree" "$LOGS/list.log"
  else
    result PASS "list"
  fi
fi

# Ask build/vsim once (not once per program) whether it has --cosim.
VSIM_HAS_COSIM=0
[[ -x $VSIM ]] && "$VSIM" --help 2>&1 | grep -q -- '--cosim' && VSIM_HAS_COSIM=1
export VSIM_HAS_COSIM

echo "regression: built in $(( $(date +%s) - start ))s"

# Keep the jobs whose check names match the filter.
sel=()
for id in "${ids[@]}"; do
  case $id in
    gate:*) names="gate/${id#gate:}";;
    prog:*|kernel:*) n=${id#*:}; n=${n%%:*}; names="vsim/$n qemu-diff/$n qemu/$n iss/$n";;
  esac
  for c in $names; do
    if [[ $c =~ $filter ]]; then sel+=("$id"); break; fi
  done
done

echo "regression: ${#sel[@]} jobs on $jobs workers"
if [[ ${#sel[@]} -gt 0 ]]; then
  printf '%s\n' "${sel[@]}" | xargs -P "$jobs" -n 1 "$0" --one
fi

pass=$(cat "$LOGS"/*.result 2>/dev/null | grep -c '^PASS ')
fail=$(cat "$LOGS"/*.result 2>/dev/null | grep -c '^FAIL ')
skip=$(cat "$LOGS"/*.result 2>/dev/null | grep -c '^SKIP ')
if [[ $fail -gt 0 ]]; then
  echo "failed:"
  cat "$LOGS"/*.result | grep '^FAIL ' | sed 's/^/  /'
fi
sort -rn "$LOGS/timings.raw" 2>/dev/null | head -15 > "$LOGS/timings.txt"
echo "regression: $(( $(date +%s) - start ))s, $skip skipped"

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
