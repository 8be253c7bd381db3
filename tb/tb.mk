# tb.mk — the Verilator testbench build/vsim and its self-test. Included by the top Makefile.
#
#   make sim           build build/vsim (C objects with gcc, then verilator --binary), with
#                      the reference model $(BUILD)/iss.d/libiss.a (iss/iss.mk) linked in
#                      for --cosim
#   make sim-memreg    build build/vsim-memreg: the same with the ULX3S build's timing
#                      variants of the core: MemAddrReg = 1 (registered load/store address),
#                      FastMul = 2 (registered partial products) and RfReadBoth = 1 (register
#                      file read for ID and EX);
#                      `make memreg-check` runs the regression's programs on it (tests/tests.mk)
#   make tb-selftest   smoke test of build/vsim: UART/finisher, HTIF, limits, bad input
#   make vsim-ram256k  build/vsim-ram256k: build/vsim with 256 KiB of RAM (any N KiB: vsim-ramNk)
#
# All testbench behaviour is C (tb/*.c, gcc -std=gnu11), reached by DPI-C from
# tb/tb_top.sv; no C++ of ours. Verilator gets the objects by absolute path (a .c
# handed to verilator would be compiled as C++). Verilator links them after its
# model archive, so -lelf must follow them on the verilator command line, and
# the DPI exports our objects call are forced out of the archive with -u.
# Knobs: VSIM_RAM_BYTES (RAM size parameter, default RAM_SIZE_DEFAULT of arch.tbl),
#        VSIM_OPT (C++ optimisation of the verilated model, default -O3),
#        VSIM_TRACE (default --trace-fst; empty builds without waveform support),
#        VSIM_WARN (default -Wno-fatal: Verilator warnings are shown, not fatal;
#        `make lint` is the warnings gate), VSIM_VFLAGS_EXTRA.
.PHONY: sim sim-memreg tb-selftest

TB_DIR       := $(TOP)/tb
TB_BUILD     := $(BUILD)/tb
VSIM         := $(BUILD)/vsim
VSIM_MDIR    := $(BUILD)/vsim.d
VSIM_MEMREG  := $(BUILD)/vsim-memreg
VSIM_MEMREG_MDIR := $(BUILD)/vsim-memreg.d
TB_C_SRCS    := main.c dut_ram.c elf_load.c htif.c console.c commitlog.c signature.c cosim.c cli.c
TB_OBJS      := $(addprefix $(TB_BUILD)/,$(TB_C_SRCS:.c=.o))
TB_LD_EXPORTS := -Wl,-u,tb_ram_read -Wl,-u,tb_ram_write
# The reference model for --cosim; built by the `iss` rules of iss/iss.mk (included by the
# top Makefile after this file, hence the literal path rather than $(ISS_LIB)).
TB_ISS_LIB    := $(BUILD)/iss.d/libiss.a
VLT_INCLUDE   = $(shell verilator --getenv VERILATOR_ROOT 2>/dev/null)/include
TB_CFLAGS     = -std=gnu11 -O2 -Wall -Wextra -Werror -I$(TOP)/arch -I$(TB_DIR) -I$(TOP)/iss \
                -I$(VLT_INCLUDE)/vltstd -MMD -MP

VSIM_TRACE        ?= --trace-fst
VSIM_RAM_BYTES    ?=
VSIM_OPT          ?= -O3
VSIM_WARN         ?= -Wno-fatal
VSIM_VFLAGS_EXTRA ?=
VSIM_VFLAGS := --binary -j 0 --top-module tb_top --timescale 1ns/1ps $(VSIM_TRACE) \
               -O3 --x-assign fast $(VSIM_WARN) \
               -MAKEFLAGS "OPT_FAST=$(VSIM_OPT) OPT_GLOBAL=$(VSIM_OPT) OPT_SLOW=-O1" \
               $(addprefix -I,$(RTL_INC)) \
               $(if $(VSIM_RAM_BYTES),-GRamBytes=$(VSIM_RAM_BYTES)) \
               $(VSIM_VFLAGS_EXTRA)

sim: $(VSIM)
sim-memreg: $(VSIM_MEMREG)

# build/vsim-ramNk: build/vsim with N KiB of RAM (RamBytes), for the kernel's small-RAM
# checks (firmware/firmware.mk, board-kernel-check); no waveform support, -O1 C++ (it
# builds in a fraction of the time and runs the demo scripts fast enough)
$(BUILD)/vsim-ram%k: $(RTL_DEPS) $(TB_DIR)/tb_top.sv $(TB_DIR)/tb_dpi.h $(TB_OBJS) $(TB_ISS_LIB) $(TB_DIR)/tb.mk
	@$(MAKE) --no-print-directory VSIM=$@ VSIM_MDIR=$@.d VSIM_TRACE= VSIM_OPT=-O1 \
	  VSIM_RAM_BYTES=$$(( $* * 1024 )) $@
vsim-ram%k: $(BUILD)/vsim-ram%k
	@:
.PRECIOUS: $(BUILD)/vsim-ram%k

$(TB_BUILD)/%.o: $(TB_DIR)/%.c
	@mkdir -p $(@D)
	@echo "  CC      tb/$(<F)"
	@gcc $(TB_CFLAGS) -c $< -o $@

-include $(TB_OBJS:.o=.d)

# Verilate and build; verilator's chatter goes to build.log (shown on failure).
# Then check that tb/tb_dpi.h agrees with the prototypes Verilator generated.
# $(call VSIM_RULE,binary,model directory,extra verilator flags)
define VSIM_RULE
$(1): $(RTL_DEPS) $(TB_DIR)/tb_top.sv $(TB_DIR)/tb_dpi.h $(TB_OBJS) $(TB_ISS_LIB) $(TB_DIR)/tb.mk
	@mkdir -p $(2)
	@rm -f $$@    # Verilator's makefile does not relink when only our objects change
	@echo "verilator --binary tb/tb_top.sv + rtl/$(if $(3), $(3)) -> $$(subst $(TOP)/,,$(1)) (log: $(2)/build.log)"
	@verilator $$(VSIM_VFLAGS) $(3) -Mdir $(2) -o $(1) \
	    $(RTL_SRCS) $(TB_DIR)/tb_top.sv $(TB_OBJS) $(TB_ISS_LIB) -LDFLAGS "-lelf $(TB_LD_EXPORTS)" \
	    > $(2)/build.log 2>&1 \
	  || { grep -m20 -E '^%(Error|Warning)' $(2)/build.log; tail -20 $(2)/build.log; \
	       rm -f $$@; exit 1; }
	@gcc -std=gnu11 -fsyntax-only -Wall -Werror -I$$(VLT_INCLUDE)/vltstd -I$(2) \
	    -include $(TB_DIR)/tb_dpi.h -x c $(2)/Vtb_top__Dpi.h \
	  || { echo "tb/tb_dpi.h does not match the DPI prototypes of tb/tb_top.sv" >&2; rm -f $$@; exit 1; }
	@grep -A3 -E '^%Warning' $(2)/build.log | head -20 || true
	@echo "sim: built $$@"
endef
$(eval $(call VSIM_RULE,$(VSIM),$(VSIM_MDIR),))
# The FPGA variant of the core: registered load/store address, partial products, RF read choice
$(eval $(call VSIM_RULE,$(VSIM_MEMREG),$(VSIM_MEMREG_MDIR),-GMemAddrReg=1 -GFastMul=2 -GRfReadBoth=1))

# ---- self-test ----
TB_ST_DIR   := $(TB_DIR)/selftest
TB_ST_BUILD := $(BUILD)/tb-selftest
TB_ST_LD     = @echo "  LD      $(@F)"; $(RV_CC) $(RV_ASFLAGS) $(RV_LDFLAGS) -Wl,--no-warn-rwx-segments \
               -T $(TB_ST_DIR)/link.ld

TB_ST_ELFS := $(addprefix $(TB_ST_BUILD)/, hello.elf fail7.elf spin.elf echo.elf htif.elf \
                htif_fail.elf htif_low.elf rv64.elf low.elf)

$(TB_ST_BUILD)/hello.elf: $(TB_ST_DIR)/hello.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) $< -o $@
$(TB_ST_BUILD)/fail7.elf: $(TB_ST_DIR)/hello.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) -DFINISH_VALUE='((7<<16)|FINISHER_FAIL)' $< -o $@
$(TB_ST_BUILD)/spin.elf: $(TB_ST_DIR)/hello.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) -DFINISH_VALUE=0 $< -o $@
$(TB_ST_BUILD)/echo.elf: $(TB_ST_DIR)/echo.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) $< -o $@
$(TB_ST_BUILD)/htif.elf: $(TB_ST_DIR)/htif.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) $< -o $@
$(TB_ST_BUILD)/htif_fail.elf: $(TB_ST_DIR)/htif.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) -DTOHOST_EXIT='((5<<1)|1)' $< -o $@
$(TB_ST_BUILD)/htif_low.elf: $(TB_ST_DIR)/htif.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) -DEXIT_LOW_ONLY $< -o $@
# bad input: a 64-bit ELF, and a program linked below RAM
$(TB_ST_BUILD)/rv64.elf: $(TB_ST_DIR)/hello.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) -march=rv64i -mabi=lp64 $< -o $@
$(TB_ST_BUILD)/low.elf: $(TB_ST_DIR)/hello.S $(TB_ST_DIR)/link.ld
	@mkdir -p $(@D)
	$(TB_ST_LD) -Wl,--defsym=LOAD_ADDR=0x1000 $< -o $@

tb-selftest: $(VSIM) $(TB_ST_ELFS)
	@$(TB_ST_DIR)/run.sh $(VSIM) $(TB_ST_BUILD)
