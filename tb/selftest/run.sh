#!/bin/sh
# run.sh — tb self-test: runs build/vsim on the programs built by `make tb-selftest`
# and checks exit status, console output and stderr. Bad input must give exit 2,
# exactly one line on stderr and nothing on stdout.
# Usage: tb/selftest/run.sh VSIM BUILD_DIR      Last line: "tb-selftest: N passed, N failed".
set -u
vsim=$1
d=$2
src=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
out=$d/out.txt
err=$d/err.txt

ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $1"; sed 's/^/  stderr: /' "$err"; }

# run NAME EXPECTED_STATUS EXPECTED_STDOUT STDERR_REGEX -- VSIM_ARGS...
# (a default --max-cycles 1000000 comes first; a later one overrides it)
run() {
  name=$1 want_rc=$2 want_out=$3 want_err=$4
  shift 5
  timeout 120 "$vsim" --max-cycles 1000000 "$@" > "$out" 2> "$err" < /dev/null
  rc=$?
  if [ "$rc" -ne "$want_rc" ]; then bad "$name: exit status $rc, expected $want_rc"; return; fi
  if [ "$(cat "$out")" != "$want_out" ]; then bad "$name: stdout '$(cat "$out")', expected '$want_out'"; return; fi
  if [ -n "$want_err" ] && ! grep -Eq "$want_err" "$err"; then bad "$name: stderr lacks /$want_err/"; return; fi
  if [ -z "$want_err" ] && [ -s "$err" ]; then bad "$name: stderr not empty"; return; fi
  ok
}

# badinput NAME VSIM_ARGS...: exit 2, one stderr line, empty stdout
badinput() {
  name=$1
  shift
  timeout 120 "$vsim" "$@" > "$out" 2> "$err" < /dev/null
  rc=$?
  if [ "$rc" -ne 2 ]; then bad "$name: exit status $rc, expected 2"; return; fi
  if [ -s "$out" ]; then bad "$name: stdout not empty"; return; fi
  if [ "$(wc -l < "$err")" -ne 1 ]; then bad "$name: $(wc -l < "$err") stderr lines, expected 1"; return; fi
  ok
}

# ---- runs that end normally ----
run hello        0 hi '^vsim: PASS \(finisher\)$'          -- "$d/hello.elf"
run hello-stats  0 hi 'cycles, [0-9]+ instructions, CPI'   -- "$d/hello.elf"
run quiet        0 hi ''                                   -- --quiet "$d/hello.elf"
run fail7        7 hi '^vsim: FAIL \(finisher code 7\)$'   -- "$d/fail7.elf"
run max-cycles   3 hi '^vsim: TIMEOUT: --max-cycles 200 '  -- --max-cycles 200 "$d/spin.elf"
run max-insns    3 hi '^vsim: TIMEOUT: --max-instructions 64 ' -- --quiet --max-instructions 0x40 "$d/spin.elf"
run htif         0 'ok!' '^vsim: PASS \(tohost\)$'            -- --signature "$d/htif.sig" "$d/htif.elf"
run htif-low     0 'ok!' '^vsim: PASS \(tohost\)$'            -- "$d/htif_low.elf"
run htif-fail    5 'ok!' '^vsim: FAIL \(tohost code 5\)$'     -- "$d/htif_fail.elf"
# console input: stdin -> UART receiver
printf 'abc.xyz' | timeout 120 "$vsim" --quiet --max-cycles 1000000 "$d/echo.elf" > "$out" 2> "$err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(cat "$out")" = "abc." ]; then ok; else bad "echo: status $rc, stdout '$(cat "$out")'"; fi

run help         0 "$("$vsim" --help)" ''                  -- --help
if grep -q '^Usage: ' "$out"; then ok; else bad "help: no Usage line"; fi

printf '12345678\ndeadbeef\nffffffff\n' > "$d/htif.sig.expected"
if cmp -s "$d/htif.sig" "$d/htif.sig.expected"; then ok; else bad "signature: $d/htif.sig differs from expected"; fi

run commit-log   0 hi 'PASS'                               -- --commit-log "$d/hello.log" "$d/hello.elf"
if [ "$(head -1 "$d/hello.log")" = "core   0: 3 0x80000000 (0x100002b7) x5  0x10000000" ] \
   && grep -q ' mem 0x10000000 0x68$' "$d/hello.log"; then ok
else bad "commit-log: unexpected content: $(head -3 "$d/hello.log")"; fi

run trace        0 hi 'PASS'                               -- --trace "$d/hello.fst" --trace-start 2 "$d/hello.elf"
if [ -s "$d/hello.fst" ]; then ok; else bad "trace: $d/hello.fst missing or empty"; fi

# ---- lockstep co-simulation (--cosim) ----
run cosim-hello  0 hi 'cosim: 11 records checked against the ISS, no divergence' -- --cosim "$d/hello.elf"
run cosim-fail7  7 hi '^vsim: FAIL \(finisher code 7\)$'   -- --cosim "$d/fail7.elf"
run cosim-htif   0 'ok!' 'no divergence'                   -- --cosim "$d/htif.elf"
run cosim-htif-low 0 'ok!' 'no divergence'                 -- --cosim "$d/htif_low.elf"
run cosim-limit  3 hi '^vsim: TIMEOUT: --max-cycles 200 '  -- --cosim --max-cycles 200 "$d/spin.elf"
# UART receive: the model gets the RTL's RBR/LSR values
printf 'abc.xyz' | timeout 120 "$vsim" --cosim --max-cycles 1000000 "$d/echo.elf" > "$out" 2> "$err"
rc=$?
if [ "$rc" -eq 0 ] && [ "$(cat "$out")" = "abc." ] && grep -q 'no divergence' "$err"; then ok
else bad "cosim-echo: status $rc, stdout '$(cat "$out")'"; fi
# The checker must fail: --cosim-inject corrupts the model's x6 at record 5 (li t1, '\n').
# Expect exit 4, the field with both values, and the last records of both sides with the
# differing pair marked.
timeout 120 "$vsim" --cosim --cosim-inject 5 --max-cycles 1000000 "$d/hello.elf" > "$out" 2> "$err" < /dev/null
rc=$?
if [ "$rc" -ne 4 ]; then bad "cosim-inject: exit status $rc, expected 4"
elif ! grep -Eq '^vsim: COSIM DIVERGENCE at record 5 \(cycle [0-9]+, pc 0x80000014\): rd_wdata$' "$err"; then
  bad "cosim-inject: no divergence headline for record 5"
elif ! grep -Eq '^vsim: +rd_wdata +RTL 0x0000000a +ISS 0x0000000b$' "$err"; then
  bad "cosim-inject: field values not reported"
elif [ "$(grep -c '^  [RI] ' "$err")" -ne 10 ] || [ "$(grep -c '^\* [RI] ' "$err")" -ne 2 ]; then
  bad "cosim-inject: expected 5 agreeing and 1 differing record pair in the history"
elif ! grep -q '^vsim: FAIL (co-simulation divergence after 6 records)$' "$err"; then
  bad "cosim-inject: no FAIL line"
else ok; fi

# ---- bad input ----
badinput missing-file   "$d/no-such-file.elf"
badinput not-elf        "$src/hello.S"
badinput rv64-elf       "$d/rv64.elf"
badinput below-ram      "$d/low.elf"
badinput unknown-option --bogus "$d/hello.elf"
badinput missing-arg    "$d/hello.elf" --max-cycles
badinput bad-number     --max-cycles 12x "$d/hello.elf"
badinput no-program     --quiet
badinput two-programs   "$d/hello.elf" "$d/hello.elf"
badinput no-signature   --signature "$d/x.sig" "$d/hello.elf"
badinput inject-alone   --cosim-inject 5 "$d/hello.elf"

echo "tb-selftest: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
