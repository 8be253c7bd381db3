#!/usr/bin/env bash
# deps.sh — install what the build needs on Debian bookworm, once.
#
# Checks each tool/library by a command or file it provides; installs only the
# missing Debian packages with apt-get (through sudo when not root). Prints what
# it does; prints nothing and changes nothing when everything is present.
# Usage: scripts/deps.sh [--check]   (--check: report missing, exit 1, install nothing)
set -euo pipefail

# package : probe (a command name, or an absolute path that the package installs)
need=(
  "verilator:verilator"
  "iverilog:iverilog"
  "yosys:yosys"
  "nextpnr-ice40:nextpnr-ice40"
  "fpga-icestorm:icepack"
  "gcc-riscv64-unknown-elf:riscv64-unknown-elf-gcc"
  "picolibc-riscv64-unknown-elf:/usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs"
  "qemu-system-misc:qemu-system-riscv32"
  "libelf-dev:/usr/include/gelf.h"
  "pkg-config:pkg-config"
  "make:make"
  "gcc:gcc"
  "g++:g++"
)

missing=()
for entry in "${need[@]}"; do
  pkg=${entry%%:*}
  probe=${entry#*:}
  if [[ $probe == /* ]]; then
    [[ -e $probe ]] || missing+=("$pkg")
  else
    command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done

[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ ${1:-} == --check ]]; then
  echo "deps: missing packages: ${missing[*]}" >&2
  exit 1
fi

echo "deps: installing missing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "deps: not root and sudo is not available; install as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "deps: done"
