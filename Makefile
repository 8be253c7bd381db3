# Top-level Makefile. The two commands a user needs: `make run` and `make test`.
# Each installs what it needs first (scripts/deps.sh: a no-op when all is present).
#
#   make run         boot the kernel on the SoC simulator; its shell runs sw/user/demo.sh
#   make test        the whole regression; last line "N passed, N failed"
#   make sim         build build/vsim only          make lint    Verilator -Wall on rtl/
#   make bench       CPI benchmark report           make synth-check  Yosys synth_ice40 on rtl/
#   make deps        install missing Debian packages
TOP   := $(abspath .)
BUILD := $(TOP)/build
export TOP BUILD

.DEFAULT_GOAL := help
.PHONY: help deps run test sim lint synth-check bench clean arch-check

help:
	@sed -n '2,9p' Makefile | sed 's/^# \{0,1\}//'

deps:
	@$(TOP)/scripts/deps.sh

include $(TOP)/mk/toolchain.mk
include $(TOP)/rtl/rtl.mk
include $(TOP)/tb/tb.mk
include $(TOP)/sw/sw.mk
include $(TOP)/iss/iss.mk
include $(TOP)/tb/mmu/mmu.mk
include $(TOP)/rgen/rgen.mk
include $(TOP)/firmware/firmware.mk
include $(TOP)/tests/tests.mk
include $(TOP)/synth/synth.mk

# `run` and `test` install dependencies first, then recurse so that every later
# rule sees the installed tools.
run:
	@$(TOP)/scripts/deps.sh
	@$(MAKE) --no-print-directory run-kernel

test:
	@$(TOP)/scripts/deps.sh
	@$(MAKE) --no-print-directory regression

# The committed arch.h/arch.vh must match arch.tbl.
arch-check:
	@mkdir -p $(BUILD)/arch
	@$(TOP)/arch/gen.sh $(BUILD)/arch
	@cmp -s $(BUILD)/arch/arch.h $(TOP)/arch/arch.h && cmp -s $(BUILD)/arch/arch.vh $(TOP)/arch/arch.vh \
	  || { echo "arch-check: arch/arch.h or arch/arch.vh is stale; run arch/gen.sh" >&2; exit 1; }

clean:
	rm -rf $(BUILD)
