# sw.mk — bare-metal programs (sw/): runtime library, demo, benchmark, hello.
#
#   make sw             build $(BUILD)/sw/NAME.elf for every program folder sw/NAME/
#   make run-baremetal  run the bare-metal demo on build/vsim (no kernel)
#   make bench          run the CPI benchmark on build/vsim, paging off (bench) and on
#                       (bench-vm: S-mode, Sv32) with the page-walk latency; report in
#                       $(BUILD)/bench/report.txt
#   make sw-qemu-check  demo and hello on QEMU and on build/vsim: outputs must be identical
#   make sw-qemu        run every program on QEMU only (no simulator needed)
#
# A program is a folder sw/NAME/ (any name but lib) of .c/.S files; it is linked
# with the runtime sw/lib (crt0.S, link.ld, console, printf, exit, string, trap).
# Inputs from the top Makefile: TOP, BUILD; from mk/toolchain.mk: RV_*, QEMU; from
# tb/tb.mk: the `sim` target and VSIM (defaulted here to $(BUILD)/vsim).

VSIM      ?= $(BUILD)/vsim
SW_DIR    := $(TOP)/sw
SW_OUT    := $(BUILD)/sw
SW_LIB    := $(SW_DIR)/lib
SW_CFLAGS := $(RV_CFLAGS) -I$(SW_LIB) -ffunction-sections -fdata-sections \
             -fno-tree-loop-distribute-patterns
SW_LDFLAGS := $(RV_LDFLAGS) -T$(SW_LIB)/link.ld -Wl,--gc-sections
# QEMU virt with the core's ISA, so misa reads the same (RV32AIMSU) as on the SoC.
SW_QEMU_RUN := $(QEMU) -M virt -cpu rv32,c=false,f=false,d=false,h=false -bios none \
               -nographic -monitor none -serial stdio -kernel
SW_VSIM_LIMIT   := --max-cycles 100000000
SW_QEMU_TIMEOUT := timeout 60
SW_VSIM_TIMEOUT := timeout 900
# Compiler lines are shown as "CC file"; make V=1 shows them in full.
SW_Q := $(if $(V),,@)

SW_LIB_SRCS := $(addprefix $(SW_LIB)/, crt0.S console.c printf.c exit.c trap.c string.c muldiv_emul.c)
SW_LIB_HDRS := $(wildcard $(SW_LIB)/*.h) $(TOP)/arch/arch.h
SW_LIB_OBJS := $(patsubst $(SW_LIB)/%,$(SW_OUT)/lib/%.o,$(SW_LIB_SRCS))
SW_PROGS    := $(sort $(filter-out lib ulib user,$(patsubst $(SW_DIR)/%/,%, \
                 $(dir $(wildcard $(SW_DIR)/*/*.c $(SW_DIR)/*/*.S)))))

.PHONY: sw run-baremetal bench sw-qemu sw-qemu-check
sw: $(addprefix $(SW_OUT)/,$(addsuffix .elf,$(SW_PROGS)))

$(SW_OUT)/lib/%.c.o: $(SW_LIB)/%.c $(SW_LIB_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      sw/lib/$(<F)"
	$(SW_Q)$(RV_CC) $(SW_CFLAGS) -c $< -o $@

# the software M extension must not contain what it emulates
$(SW_OUT)/lib/muldiv_emul.c.o: SW_CFLAGS += -march=rv32ia
$(SW_OUT)/lib/%.S.o: $(SW_LIB)/%.S $(SW_LIB_HDRS)
	@mkdir -p $(@D)
	@echo "  AS      sw/lib/$(<F)"
	$(SW_Q)$(RV_CC) $(RV_ASFLAGS) -I$(SW_LIB) -c $< -o $@

# One program per folder sw/NAME/: every .c and .S in it, linked with the runtime.
define SW_PROGRAM
$(1)_SRCS := $$(wildcard $(SW_DIR)/$(1)/*.c $(SW_DIR)/$(1)/*.S)
$(1)_OBJS := $$(patsubst $(SW_DIR)/$(1)/%,$(SW_OUT)/$(1)/%.o,$$($(1)_SRCS))

$(SW_OUT)/$(1)/%.c.o: $(SW_DIR)/$(1)/%.c $(SW_LIB_HDRS) $$(wildcard $(SW_DIR)/$(1)/*.h)
	@mkdir -p $$(@D)
	@echo "  CC      sw/$(1)/$$(<F)"
	$(SW_Q)$(RV_CC) $(SW_CFLAGS) -c $$< -o $$@

$(SW_OUT)/$(1)/%.S.o: $(SW_DIR)/$(1)/%.S $(SW_LIB_HDRS) $$(wildcard $(SW_DIR)/$(1)/*.h)
	@mkdir -p $$(@D)
	@echo "  AS      sw/$(1)/$$(<F)"
	$(SW_Q)$(RV_CC) $(RV_ASFLAGS) -I$(SW_LIB) -c $$< -o $$@

$(SW_OUT)/$(1).elf: $$($(1)_OBJS) $(SW_LIB_OBJS) $(SW_LIB)/link.ld
	@echo "  LD      $$@"
	$(SW_Q)$(RV_CC) $(SW_LDFLAGS) $$($(1)_OBJS) $(SW_LIB_OBJS) $(RV_LIBS) -o $$@
	$(SW_Q)$(RV_OBJDUMP) -d $$@ > $(SW_OUT)/$(1).dis
endef
$(foreach p,$(SW_PROGS),$(eval $(call SW_PROGRAM,$(p))))

# bench-vm compiles the sw/bench kernels through one-line wrappers (#include): rebuild
# them when the kernels change.
$(SW_OUT)/bench-vm/k_%.c.o: $(SW_DIR)/bench/k_%.c $(SW_DIR)/bench/bench.h

# ---- running ----
run-baremetal: sim $(SW_OUT)/demo.elf
	@$(VSIM) $(SW_OUT)/demo.elf

# The benchmarks print their tables between marker lines; the report keeps the tables
# (bench: paging off, M-mode; bench-vm: Sv32 on, S-mode, and the page-walk latency),
# compares the two total CPIs (a report, not a pass/fail check: a TLB hit should add
# nothing) and appends the simulator's own summaries (stderr).
SW_BENCH_CPI = awk '$$1 == "total" { printf "%.4f", $$3 / $$2; exit }'
bench: sim $(SW_OUT)/bench.elf $(SW_OUT)/bench-vm.elf
	@mkdir -p $(BUILD)/bench
	@for p in bench bench-vm; do \
	  $(SW_VSIM_TIMEOUT) $(VSIM) $(SW_VSIM_LIMIT) $(SW_OUT)/$$p.elf < /dev/null \
	    > $(BUILD)/bench/$$p.out 2> $(BUILD)/bench/$$p.vsim.err \
	  || { cat $(BUILD)/bench/$$p.out $(BUILD)/bench/$$p.vsim.err; echo "bench: $$p FAILED" >&2; exit 1; }; \
	done
	@{ sed -n '/^== CPI report/,/^== end/p' $(BUILD)/bench/bench.out; \
	   sed -n '/^== CPI report/,/^== end/p' $(BUILD)/bench/bench-vm.out; \
	   off=$$(sed -n '/^== CPI report/,/^== end/p' $(BUILD)/bench/bench.out | $(SW_BENCH_CPI)); \
	   on=$$(sed -n '/^== CPI report/,/^== end/p' $(BUILD)/bench/bench-vm.out | $(SW_BENCH_CPI)); \
	   echo "total CPI: paging off $$off, paging on $$on" \
	     "($$(awk -v a=$$off -v b=$$on 'BEGIN { printf "%+.2f", (b - a) * 100 / a }') %)"; \
	   sed -n '/^== page-walk latency/,/^== end/p' $(BUILD)/bench/bench-vm.out; \
	   echo "simulator summary (whole run, including setup and checks), bench:"; \
	   sed 's/^/  /' $(BUILD)/bench/bench.vsim.err; \
	   echo "simulator summary, bench-vm:"; \
	   sed 's/^/  /' $(BUILD)/bench/bench-vm.vsim.err; } > $(BUILD)/bench/report.txt
	@cat $(BUILD)/bench/report.txt

sw-qemu: sw
	@for p in $(SW_PROGS); do echo "== $$p on QEMU"; \
	  $(SW_QEMU_TIMEOUT) $(SW_QEMU_RUN) $(SW_OUT)/$$p.elf < /dev/null || exit 1; done

# The same ELF on QEMU and on build/vsim must print the same bytes and pass on both.
sw-qemu-check: sim sw
	@mkdir -p $(SW_OUT)/check
	@set -e; for p in demo hello; do \
	  $(SW_QEMU_TIMEOUT) $(SW_QEMU_RUN) $(SW_OUT)/$$p.elf < /dev/null > $(SW_OUT)/check/$$p.qemu \
	    || { echo "sw-qemu-check: $$p failed on QEMU (exit $$?)"; exit 1; }; \
	  $(SW_VSIM_TIMEOUT) $(VSIM) --quiet $(SW_VSIM_LIMIT) $(SW_OUT)/$$p.elf < /dev/null \
	    > $(SW_OUT)/check/$$p.vsim \
	    || { echo "sw-qemu-check: $$p failed on vsim (exit $$?)"; exit 1; }; \
	  cmp -s $(SW_OUT)/check/$$p.qemu $(SW_OUT)/check/$$p.vsim \
	    || { echo "sw-qemu-check: $$p output differs:"; \
	         diff $(SW_OUT)/check/$$p.qemu $(SW_OUT)/check/$$p.vsim | head -20; exit 1; }; \
	done; echo "sw-qemu-check: demo and hello identical on QEMU and vsim"
