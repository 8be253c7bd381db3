#!/usr/bin/env bash
# run.sh — `make iss-check`: run programs on build/iss and compare each with QEMU
# (console output and exit status) or with a committed .expected output.
# Usage: run.sh OUTDIR BUILDDIR   (env: ISS, QEMU). Last line: "N passed, N failed".
set -u
out=$1
build=$2
here=$(cd "$(dirname "$0")" && pwd)
ISS=${ISS:-$build/iss}
QEMU=${QEMU:-qemu-system-riscv32}
qemu_run=("$QEMU" -M virt -cpu rv32,c=false,f=false,d=false,h=false -bios none
          -nographic -monitor none -serial stdio -kernel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

result() {   # NAME OK DETAIL
    if [[ $2 == 1 ]]; then
        echo "PASS $1"
        pass=$((pass + 1))
    else
        echo "FAIL $1: $3"
        fail=$((fail + 1))
    fi
}

# against_qemu NAME ELF: same stdout bytes and exit status on both.
against_qemu() {
    local name=$1 elf=$2 rc_i rc_q
    timeout 60 "$ISS" --quiet "$elf" < /dev/null > "$tmp/$name.iss" 2> "$tmp/$name.iss.err"
    rc_i=$?
    timeout 60 "${qemu_run[@]}" "$elf" < /dev/null > "$tmp/$name.qemu" 2> "$tmp/$name.qemu.err"
    rc_q=$?
    if [[ $rc_i != "$rc_q" ]]; then
        result "$name" 0 "exit status iss $rc_i, qemu $rc_q"
    elif ! cmp -s "$tmp/$name.iss" "$tmp/$name.qemu"; then
        result "$name" 0 "output differs: $(diff "$tmp/$name.iss" "$tmp/$name.qemu" | head -3 | tr '\n' ' ')"
    else
        result "$name" 1
    fi
}

# against_file NAME ELF EXPECTED: stdout equals the file, exit status 0.
against_file() {
    local name=$1 elf=$2 exp=$3 rc
    timeout 60 "$ISS" --quiet "$elf" < /dev/null > "$tmp/$name.iss" 2> "$tmp/$name.iss.err"
    rc=$?
    if [[ $rc != 0 ]]; then
        result "$name" 0 "exit status $rc"
    elif ! cmp -s "$tmp/$name.iss" "$exp"; then
        result "$name" 0 "output differs from $exp: $(diff "$tmp/$name.iss" "$exp" | head -3 | tr '\n' ' ')"
    else
        result "$name" 1
    fi
}

# expect_status NAME STATUS ARGS...: build/iss exits with STATUS.
expect_status() {
    local name=$1 want=$2 rc
    shift 2
    timeout 60 "$ISS" "$@" < /dev/null > /dev/null 2> "$tmp/err"
    rc=$?
    [[ $rc == "$want" ]] && result "$name" 1 || result "$name" 0 "exit $rc, want $want ($(head -1 "$tmp/err"))"
}

if "$out/sv32_unit" > "$tmp/unit" 2>&1; then
    result sv32-unit 1
else
    result sv32-unit 0 "$(grep -m3 FAIL "$tmp/unit" | tr '\n' ' ')"
fi
against_qemu vm_svadu "$out/vm_svadu.elf"
against_file vm_svade "$out/vm_svade.elf" "$here/vm_svade.expected"
against_qemu priv "$out/priv.elf"
against_file priv_iss "$out/priv_iss.elf" "$here/priv_iss.expected"
against_qemu bench_vm "$out/bench_vm.elf"
# HTIF console + exit, --signature, and the stepping path (--commit-log) against
# the fast path.
against_file htif "$out/htif.elf" "$here/htif.expected"
"$ISS" --quiet --signature "$tmp/sig" "$out/htif.elf" > /dev/null 2>&1
cmp -s "$tmp/sig" "$here/htif.signature" && result htif-signature 1 ||
    result htif-signature 0 "signature differs from $here/htif.signature"
"$ISS" --quiet --commit-log "$tmp/priv.log" "$out/priv_iss.elf" > "$tmp/priv.step" 2>&1
cmp -s "$tmp/priv.step" "$here/priv_iss.expected" && result priv_iss-stepped 1 ||
    result priv_iss-stepped 0 "iss_step output differs from iss_run output"
for p in demo hello; do
    [[ -f $build/sw/$p.elf ]] && against_qemu "sw-$p" "$build/sw/$p.elf"
done

# Command-line conventions (docs/platform.md exit codes).
expect_status cli-limit 3 --max-instructions 1000 "$out/bench_vm.elf"
expect_status cli-no-file 2 "$tmp/does-not-exist.elf"
expect_status cli-not-elf 2 "$here/run.sh"
expect_status cli-bad-option 2 --frobnicate "$out/vm_svadu.elf"
expect_status cli-bad-number 2 --max-instructions 12x "$out/vm_svadu.elf"
expect_status cli-no-signature 2 --signature "$tmp/sig" "$out/vm_svadu.elf"
"$ISS" --quiet --commit-log "$tmp/log" "$out/vm_svadu.elf" > /dev/null 2>&1
if [[ $(grep -c '^core   0: ' "$tmp/log" 2>/dev/null) -gt 1000 ]]; then
    result cli-commit-log 1
else
    result cli-commit-log 0 "no commit log lines"
fi

echo "iss-check: $pass passed, $fail failed"
[[ $fail == 0 ]]
