SHELL := /bin/bash
# rtl.mk — RTL source list and the RTL quality gates (lint, Icarus parse, Yosys synthesis).
RTL_INC        := $(TOP)/arch $(TOP)/rtl/core
RTL_CORE_SRCS  := $(addprefix $(TOP)/rtl/core/, \
                    core_defs.vh core_decode.sv core_regfile.sv core_alu.sv core_muldiv.sv \
                    core_bpred.sv core_pma.sv core_pmp.sv core_pte_check.sv core_tlb.sv core_ptw.sv core_mmu.sv core_lsu.sv core_counter64.sv core_csr.sv core.sv)
RTL_SOC_SRCS   := $(addprefix $(TOP)/rtl/soc/, ram.sv ram_sp.sv uart16550.sv clint.sv finisher.sv soc.sv)
RTL_SRCS       := $(filter %.sv,$(RTL_CORE_SRCS) $(RTL_SOC_SRCS))
RTL_DEPS       := $(RTL_CORE_SRCS) $(RTL_SOC_SRCS) $(TOP)/arch/arch.vh

.PHONY: lint lint-verilator lint-icarus
lint: lint-verilator lint-icarus

# The default core and the FPGA one (MemAddrReg = 1, FastMul = 2, RfReadBoth = 1) are checked.
lint-verilator:
	@verilator --lint-only -Wall $(addprefix -I,$(RTL_INC)) --top-module soc $(RTL_SRCS)
	@verilator --lint-only -Wall $(addprefix -I,$(RTL_INC)) --top-module soc -GMemAddrReg=1 -GFastMul=2 -GRfReadBoth=1 $(RTL_SRCS)
	@echo "lint: verilator -Wall clean (default and FPGA variants)"

lint-icarus:
	@mkdir -p $(BUILD)
	@# Icarus 11 reports "sorry: constant selects in always_* processes" for sensitivity
	@# lists it widens; that is a simulation-speed note, not an error, so it is filtered.
	@for m in 0 1; do \
	  iverilog -g2012 -o $(BUILD)/icarus-check.vvp $(addprefix -I,$(RTL_INC)) -s soc \
	    -Psoc.MemAddrReg=$$m -Psoc.RfReadBoth=$$m $(RTL_SRCS) 2>&1 \
	  | { grep -v 'sorry: constant selects in always_\* processes' || true; }; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done
	@echo "lint: icarus parses rtl/ (default and FPGA variants)"

# Yosys synthesis check (no place and route): fails on errors or inferred latches.
synth-check: $(BUILD)/synth-check/report.txt
$(BUILD)/synth-check/report.txt: $(RTL_DEPS) $(TOP)/rtl/synth_check.ys
	@mkdir -p $(@D)
	@cd $(@D) && yosys -q -l yosys.log -p 'read_verilog -sv -DSYNTHESIS $(addprefix -I,$(RTL_INC)) $(RTL_SRCS); chparam -set RamBytes 4096 soc; script $(TOP)/rtl/synth_check.ys' > /dev/null \
	  || { tail -20 $(@D)/yosys.log; exit 1; }
	@grep -A40 'Printing statistics' $(@D)/yosys.log | tail -40 > $@
	@echo "synth-check: yosys synth_ice40 ok ($(@D)/yosys.log)"
