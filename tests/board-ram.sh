#!/usr/bin/env bash
# board-ram.sh — the kernel on small RAMs: kernel-board.elf runs sw/user/demo.sh with
# 128 KiB, 256 KiB, 288 KiB and 16 MiB of RAM on build/iss (--ram-size), QEMU virt (-m)
# and the RTL in lockstep (build/vsim-ramNk --cosim; build/vsim for 16 MiB). The
# `make board-ram-check` gate (firmware/firmware.mk, a tests/run.sh gate).
#
# Usage: tests/board-ram.sh OUTDIR KERNEL.ELF SCRIPT WANT...
#   WANT: extended regexps the full demo's output must match (make run-check's list)
#
# For each size the three outputs and exit codes must be identical. Then:
#   128 KiB  the M layer, the image and mem_map fill the RAM: a panic naming the sizes
#            (exit 0x70), not a hang
#   256 KiB  the shell runs the script without iso (its two children do not both fit, and
#            which one is refused depends on timer preemption, so the platforms would
#            differ) and exits 0 with no frame leaked; pager, segv and mmdemo work
#   320 KiB  (with ULX3S_KERNEL_VSIM set: the ULX3S KERNEL=1 bitstream's configuration) the
#            whole demo, as with 16 MiB
#   288 KiB  the smallest size (in 32 KiB steps) that runs the whole demo: every WANT
#            matches and the output is the 16 MiB one except the memory figures
#   16 MiB   every WANT matches (the reference for the 288 KiB comparison)
# Environment: BUILD, QEMU. Exit 0 when all hold.
set -uo pipefail

out=$1 elf=$2 script=$3
shift 3
wants=("$@")
BUILD=${BUILD:?}
QEMU=${QEMU:-qemu-system-riscv32}
QEMU_CPU=rv32,c=false,f=false,d=false,h=false,v=false,zba=false,zbb=false,zbc=false,zbs=false,sstc=false,debug=false
mkdir -p "$out"
fail=0

bad() { echo "board-ram: $*"; fail=1; }

run_all() {   # run_all KIB VSIM [SCRIPT]: the demo on the three platforms; sets rc_iss rc_qemu rc_vsim
  local kib=$1 vsim=$2 d=$out/$1k script=${3:-$script}
  mkdir -p "$d"
  timeout 120 "$BUILD/iss" --quiet --ram-size $((kib * 1024)) --max-instructions 100000000 \
    "$elf" < "$script" > "$d/iss.out" 2> "$d/iss.err"
  rc_iss=$?
  timeout 120 "$QEMU" -M virt -m "${kib}K" -cpu "$QEMU_CPU" -bios none -nographic -kernel "$elf" \
    < "$script" > "$d/qemu.out" 2> "$d/qemu.err"
  rc_qemu=$?
  timeout 900 "$vsim" --quiet --cosim --max-cycles 200000000 "$elf" \
    < "$script" > "$d/vsim.out" 2> "$d/vsim.err"
  rc_vsim=$?
  if [[ $rc_iss != "$rc_qemu" || $rc_iss != "$rc_vsim" ]]; then
    bad "${kib} KiB: exit codes differ: iss $rc_iss, QEMU $rc_qemu, vsim --cosim $rc_vsim"
    tail -n 3 "$d/vsim.err" "$d/qemu.err" | sed 's/^/    | /'
  fi
  cmp -s "$d/iss.out" "$d/qemu.out" || { bad "${kib} KiB: iss and QEMU outputs differ"; diff "$d/iss.out" "$d/qemu.out" | head -5; }
  cmp -s "$d/iss.out" "$d/vsim.out" || { bad "${kib} KiB: iss and vsim outputs differ"; diff "$d/iss.out" "$d/vsim.out" | head -5; }
}

want_all() {   # want_all KIB FILE: every WANT pattern matches
  local w
  for w in "${wants[@]}"; do
    grep -Eq -- "$w" "$2" || bad "${1} KiB: no line matching '$w'"
  done
}

# memory figures: the boot line, the shell's `free` frame counts, the shutdown line
mask_memory() { grep -Ev '^memory: |^frames: total ' "$1"; }

# ---- 128 KiB: too small, said so ----
run_all 128 "$BUILD/vsim-ram128k"
[[ $rc_iss == 112 ]] || bad "128 KiB: build/iss exit $rc_iss, expected 112 (0x70, panic)"
grep -q '^panic: memory: RAM 128 KiB too small: ' "$out/128k/iss.out" \
  || bad "128 KiB: no 'panic: memory: RAM 128 KiB too small' line"

# ---- 256 KiB: the shell runs the script without `iso`, whose two children, alive at the
# same time, do not both fit: which one runs out of memory depends on where the timer
# preempts them, which differs between the platforms ----
grep -v '^iso' "$script" > "$out/script-256k"
run_all 256 "$BUILD/vsim-ram256k" "$out/script-256k"
[[ $rc_iss == 0 ]] || bad "256 KiB: build/iss exit $rc_iss, expected 0 (the shell's status, no leak)"
for w in 'pager: read 2 pages of .data \(sum 3\)' 'sh: \[pid [0-9]+\] segv: killed by SIGSEGV' \
         'mmdemo: killed by SIGSEGV' '^init exited \(status 0\)'; do
  grep -Eq -- "$w" "$out/256k/iss.out" || bad "256 KiB: no line matching '$w'"
done
grep -Eq 'panic|leak' "$out/256k/iss.out" && bad "256 KiB: panic or leak"

# ---- 16 MiB and 288 KiB: the whole demo ----
run_all 16384 "$BUILD/vsim"
[[ $rc_iss == 0 ]] || bad "16 MiB: build/iss exit $rc_iss, expected 0"
want_all 16384 "$out/16384k/iss.out"
run_all 288 "$BUILD/vsim-ram288k"
[[ $rc_iss == 0 ]] || bad "288 KiB: build/iss exit $rc_iss, expected 0"
want_all 288 "$out/288k/iss.out"
if ! cmp -s <(mask_memory "$out/288k/iss.out") <(mask_memory "$out/16384k/iss.out"); then
  bad "288 KiB: the demo's output differs from the 16 MiB run (memory figures aside)"
  diff <(mask_memory "$out/288k/iss.out") <(mask_memory "$out/16384k/iss.out") | head -8
fi

# ---- 320 KiB on the ULX3S kernel bitstream's configuration (single-port RAM, registered
# load/store address, the board's core parameters): the whole demo, as with 16 MiB ----
if [[ -n ${ULX3S_KERNEL_VSIM:-} ]]; then
  run_all 320 "$ULX3S_KERNEL_VSIM"
  [[ $rc_iss == 0 ]] || bad "320 KiB: build/iss exit $rc_iss, expected 0"
  want_all 320 "$out/320k/iss.out"
  if ! cmp -s <(mask_memory "$out/320k/iss.out") <(mask_memory "$out/16384k/iss.out"); then
    bad "320 KiB: the demo's output differs from the 16 MiB run (memory figures aside)"
    diff <(mask_memory "$out/320k/iss.out") <(mask_memory "$out/16384k/iss.out") | head -8
  fi
fi

if [[ $fail == 0 ]]; then
  echo "board-ram: $(basename "$elf") on iss, QEMU and vsim --cosim: 128 KiB refused with a panic;" \
       "256 KiB runs the script without iso;" \
       "288 KiB and 16 MiB run the whole demo, the same output" \
       "${ULX3S_KERNEL_VSIM:+(and 320 KiB on the ULX3S kernel configuration)}"
fi
exit $fail
