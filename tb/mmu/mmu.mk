# mmu.mk — the constrained-random unit bench of core_mmu (tb/mmu/). Included by the top
# Makefile.
#
#   make mmu-bench         build $(MMU_BENCH) (16+16 TLB entries, 16 MiB RAM) and
#                          $(MMU_BENCH_SMALL) (4+4 entries, 260 KiB RAM: replacement stress)
#   make mmu-bench-check   run both with the default seed; last line
#                          "mmu-bench: N checks, 0 failures" (6,000,000 checks, ~12 s)
#
# Same rules as tb/tb.mk: all bench behaviour is C (gnu11, gcc) reached by DPI-C from
# mmu_tb.sv; the objects go to Verilator by absolute path; the reference translator
# comes from the ISS library (iss/iss.mk), linked after them. See tb/mmu/README.md.
# Knobs: MMU_SEED (default 1), MMU_CHECKS / MMU_CHECKS_SMALL (checks per configuration),
#        MMU_OPT (C++ optimisation of the verilated model), MMU_TRACE (default
#        --trace-fst; empty builds without waveform support).
.PHONY: mmu-bench mmu-bench-check

MMU_DIR          := $(TOP)/tb/mmu
MMU_OUT          := $(BUILD)/mmu.d
MMU_BENCH        := $(BUILD)/mmu_bench
MMU_BENCH_SMALL  := $(BUILD)/mmu_bench_small
MMU_ISS_LIB      := $(BUILD)/iss.d/libiss.a
MMU_C_SRCS       := main.c seq.c oracle.c tlbm.c world.c physmem.c cover.c
MMU_OBJS         := $(addprefix $(MMU_OUT)/obj/,$(MMU_C_SRCS:.c=.o))
MMU_RTL_SRCS     := $(addprefix $(TOP)/rtl/core/, core_pma.sv core_pmp.sv core_pte_check.sv \
                      core_tlb.sv core_ptw.sv core_mmu.sv)
MMU_RTL_DEPS     := $(MMU_RTL_SRCS) $(TOP)/rtl/core/core_defs.vh $(TOP)/arch/arch.vh
MMU_VLT_INCLUDE   = $(shell verilator --getenv VERILATOR_ROOT 2>/dev/null)/include
MMU_CFLAGS        = -std=gnu11 -O2 -Wall -Wextra -Werror -I$(TOP)/arch -I$(TOP)/iss -I$(MMU_DIR) \
                    -I$(MMU_VLT_INCLUDE)/vltstd -MMD -MP

MMU_SEED         ?= 1
MMU_CHECKS       ?= 3000000
MMU_CHECKS_SMALL ?= 1500000
MMU_OPT          ?= -O2
MMU_TRACE        ?= --trace-fst
MMU_VFLAGS = --binary -j 0 --top-module mmu_tb --timescale 1ns/1ps $(MMU_TRACE) \
             -O3 --x-assign fast -Wno-fatal \
             -MAKEFLAGS "OPT_FAST=$(MMU_OPT) OPT_GLOBAL=$(MMU_OPT) OPT_SLOW=-O1" \
             -I$(TOP)/arch -I$(TOP)/rtl/core

mmu-bench: $(MMU_BENCH) $(MMU_BENCH_SMALL)

$(MMU_OUT)/obj/%.o: $(MMU_DIR)/%.c
	@mkdir -p $(@D)
	@echo "  CC      tb/mmu/$(<F)"
	@gcc $(MMU_CFLAGS) -c $< -o $@

-include $(MMU_OBJS:.o=.d)

# mmu_bench_rule BINARY, MDIR, LABEL, VERILATOR-PARAMETERS
# Verilate and link; the log goes to MDIR/build.log (shown on failure). Then check that
# mmu_dpi.h agrees with the DPI prototypes Verilator generated.
define mmu_bench_rule
$(1): $(MMU_RTL_DEPS) $(MMU_DIR)/mmu_tb.sv $(MMU_DIR)/mmu_dpi.h $(MMU_OBJS) $(MMU_ISS_LIB) \
      $(MMU_DIR)/mmu.mk
	@mkdir -p $(2)
	@rm -f $$@
	@echo "verilator --binary tb/mmu/mmu_tb.sv + core_mmu ($(3)) -> $$@ (log: $(2)/build.log)"
	@verilator $(MMU_VFLAGS) $(4) -Mdir $(2) -o $$@ $(MMU_RTL_SRCS) $(MMU_DIR)/mmu_tb.sv \
	    $(MMU_OBJS) -LDFLAGS "$(MMU_ISS_LIB)" > $(2)/build.log 2>&1 \
	  || { grep -m20 -E '^%(Error|Warning)' $(2)/build.log; tail -20 $(2)/build.log; \
	       rm -f $$@; exit 1; }
	@gcc -std=gnu11 -fsyntax-only -Wall -Werror -I$(MMU_VLT_INCLUDE)/vltstd -I$(2) \
	    -include $(MMU_DIR)/mmu_dpi.h -x c $(2)/Vmmu_tb__Dpi.h \
	  || { echo "tb/mmu/mmu_dpi.h does not match the DPI prototypes of tb/mmu/mmu_tb.sv" >&2; \
	       rm -f $$@; exit 1; }
	@grep -A3 -E '^%Warning' $(2)/build.log | head -20 || true
endef

$(eval $(call mmu_bench_rule,$(MMU_BENCH),$(MMU_OUT)/vlt,16+16 TLB entries,))
$(eval $(call mmu_bench_rule,$(MMU_BENCH_SMALL),$(MMU_OUT)/vlt-small,4+4 TLB entries,\
  -GItlbEntries=4 -GDtlbEntries=4 -GRamBytes=266240))

# Each configuration prints its report; the last line sums them. A run that exits non-zero
# without reporting a failed check (coverage hole, crash) counts as one failure.
mmu-bench-check: $(MMU_BENCH) $(MMU_BENCH_SMALL)
	@mkdir -p $(MMU_OUT)
	@n=0; f=0; \
	for run in "$(MMU_BENCH) --seed $(MMU_SEED) --count $(MMU_CHECKS)" \
	           "$(MMU_BENCH_SMALL) --seed $(MMU_SEED) --count $(MMU_CHECKS_SMALL) --summary" \
	           "$(MMU_BENCH) --seed $(MMU_SEED) --count 1500000 --overlap --summary"; do \
	  $$run > $(MMU_OUT)/check.log 2>&1; rc=$$?; cat $(MMU_OUT)/check.log; \
	  last=$$(grep -E '^mmu-bench: [0-9]+ checks, [0-9]+ failures' $(MMU_OUT)/check.log | tail -1); \
	  c=$$(echo "$$last" | sed -n 's/^mmu-bench: \([0-9]*\) checks, \([0-9]*\) failures.*/\1/p'); \
	  e=$$(echo "$$last" | sed -n 's/^mmu-bench: \([0-9]*\) checks, \([0-9]*\) failures.*/\2/p'); \
	  n=$$((n + $${c:-0})); e=$${e:-0}; \
	  if [ $$rc -ne 0 ] && [ $$e -eq 0 ]; then e=1; fi; \
	  f=$$((f + e)); \
	done; \
	echo "mmu-bench: $$n checks, $$f failures"; \
	[ $$f -eq 0 ]
