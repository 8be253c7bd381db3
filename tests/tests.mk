# tests.mk — build the regression's test programs and run the regression.
#
#   make regression      build everything, run every check (tests/run.sh); last line
#                        "N passed, N failed"
#   make tests-build     build the test programs only (build/tests/*.elf, *.dis)
#   make memreg-check    the core with MemAddrReg = 1, as the FPGA builds use it
#                        (build/vsim-memreg), in lockstep with the reference model (--cosim):
#                        every program of tests/list.txt (tests/variant.sh), the two CPI
#                        benchmarks, and rgen seeds 101..110 with and without paging
#                        (seeds other than rgen-cosim's); a gate of the regression
#
# One source file is one program: tests/{isa,priv,vm,pmp,c}/NAME.{S,c} use the UART
# console (QEMU-virt style), tests/htif/NAME.S the tohost/fromhost console (riscv-tests
# style). tests/vm and tests/pmp (the Sv32 MMU and PMP tests) share tests/vm/vm.h.
# tests/list.txt says how each program is run. See tests/README.md.

TESTS_SRC := $(TOP)/tests
TESTS_ENV := $(TESTS_SRC)/env
TESTS_OUT := $(BUILD)/tests

# Constants for the linker script, read from the single source of truth.
tests_arch = $(shell awk '$$1 == "$(1)" { print $$2 }' $(TOP)/arch/arch.tbl)

TESTS_CPPFLAGS := -I$(TESTS_ENV) -I$(TOP)/arch
TESTS_LDFLAGS  := $(RV_LDFLAGS) -T $(TESTS_ENV)/link.ld -Wl,--no-warn-rwx-segments \
                  -Wl,--defsym=RAM_BASE=$(call tests_arch,RAM_BASE) \
                  -Wl,--defsym=RESET_PC=$(call tests_arch,RESET_PC)

TESTS_UART_SRCS := $(wildcard $(TESTS_SRC)/isa/*.S $(TESTS_SRC)/priv/*.S $(TESTS_SRC)/c/*.c \
                     $(TESTS_SRC)/vm/*.S $(TESTS_SRC)/pmp/*.S)
TESTS_HTIF_SRCS := $(wildcard $(TESTS_SRC)/htif/*.S)
tests_name       = $(basename $(notdir $(1)))
TESTS_UART_ELFS := $(foreach s,$(TESTS_UART_SRCS),$(TESTS_OUT)/$(call tests_name,$(s)).elf)
TESTS_HTIF_ELFS := $(foreach s,$(TESTS_HTIF_SRCS),$(TESTS_OUT)/$(call tests_name,$(s)).elf)
TESTS_ELFS      := $(TESTS_UART_ELFS) $(TESTS_HTIF_ELFS)

TESTS_ENV_COMMON := $(TESTS_OUT)/env/crt.o $(TESTS_OUT)/env/clint.o
TESTS_ENV_UART   := $(TESTS_ENV_COMMON) $(TESTS_OUT)/env/console_uart.o
TESTS_ENV_HTIF   := $(TESTS_ENV_COMMON) $(TESTS_OUT)/env/console_htif.o
TESTS_HDRS       := $(TESTS_ENV)/test.h $(TOP)/arch/arch.h $(TESTS_ENV)/link.ld

# Per-program compiler flags. rv32um-ref computes its reference results in software:
# it is compiled without M so that C's * / % go to libgcc (rv32ia multilib, no M
# instructions); the M instructions under test are emitted with .insn.
$(TESTS_OUT)/rv32um-ref.o: TEST_ARCH_FLAGS := -march=rv32ia -misa-spec=2.2

.PHONY: regression tests-build memreg-check
regression:
	@$(TESTS_SRC)/run.sh

MEMREG_RGEN = RGEN=$(RGEN) RGEN_ASLINK='$(RGEN_ASLINK)' RGEN_WORK=$(RGEN_OUT)/memreg \
  $(RGEN_DIR)/run_seeds.sh -l 10000
memreg-check: $(VSIM_MEMREG) tests-build $(SW_OUT)/bench.elf $(SW_OUT)/bench-vm.elf $(RGEN) $(RGEN_LD)
	@$(TESTS_SRC)/variant.sh $(VSIM_MEMREG) memreg-check
	@for p in bench bench-vm; do \
	  timeout 600 $(VSIM_MEMREG) --cosim --max-cycles 100000000 $(SW_OUT)/$$p.elf < /dev/null \
	    > $(TESTS_OUT)/memreg-check/$$p.out 2>&1 \
	  || { tail -20 $(TESTS_OUT)/memreg-check/$$p.out; echo "memreg-check: $$p FAILED"; exit 1; }; \
	  echo "memreg-check: $$p: $$(grep -m1 '^total ' $(TESTS_OUT)/memreg-check/$$p.out | \
	    awk '{ printf "CPI %.3f", $$3 / $$2 }'), no divergence"; \
	done
	@$(MEMREG_RGEN) 101 110 -- $(VSIM_MEMREG) --cosim --max-cycles 3000000 {elf}
	@$(MEMREG_RGEN) -p 101 110 -- $(VSIM_MEMREG) --cosim --max-cycles 3000000 {elf}

tests-build: $(TESTS_ELFS) $(TESTS_ELFS:.elf=.dis)

$(TESTS_OUT)/env/%.o: $(TESTS_ENV)/%.S $(TESTS_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(TESTS_CPPFLAGS) -c $< -o $@

$(TESTS_OUT)/%.o: $(TESTS_SRC)/isa/%.S $(TESTS_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(TESTS_CPPFLAGS) -c $< -o $@
$(TESTS_OUT)/%.o: $(TESTS_SRC)/priv/%.S $(TESTS_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(TESTS_CPPFLAGS) -c $< -o $@
$(TESTS_OUT)/%.o: $(TESTS_SRC)/vm/%.S $(TESTS_HDRS) $(TESTS_SRC)/vm/vm.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(TESTS_CPPFLAGS) -I$(TESTS_SRC)/vm -c $< -o $@
$(TESTS_OUT)/%.o: $(TESTS_SRC)/pmp/%.S $(TESTS_HDRS) $(TESTS_SRC)/vm/vm.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(TESTS_CPPFLAGS) -I$(TESTS_SRC)/vm -c $< -o $@
# A program that includes another test's source (a variant of it) depends on it too.
$(TESTS_OUT)/vm-fault-full.o: $(TESTS_SRC)/vm/vm-fault.S
$(TESTS_OUT)/vm-perm-amo.o: $(TESTS_SRC)/vm/vm-perm.S
$(TESTS_OUT)/vm-pa-walk.o: $(TESTS_SRC)/vm/vm-pa.S
$(TESTS_OUT)/vm-asid-tlb.o: $(TESTS_SRC)/vm/vm-asid.S
$(TESTS_OUT)/vm-sfence-tlb.o: $(TESTS_SRC)/vm/vm-sfence.S
$(TESTS_OUT)/vm-svade.o: $(TESTS_SRC)/vm/vm-svadu.S
$(TESTS_OUT)/pmp-rwx-amo.o: $(TESTS_SRC)/pmp/pmp-rwx.S
$(TESTS_OUT)/pmp-walk-ad.o: $(TESTS_SRC)/pmp/pmp-walk.S
$(TESTS_OUT)/vm-fetch-spec.o: $(TESTS_SRC)/vm/vm-fetch.S
$(TESTS_OUT)/vm-hpm-tlb.o: $(TESTS_SRC)/vm/vm-hpm.S
$(TESTS_OUT)/%.o: $(TESTS_SRC)/htif/%.S $(TESTS_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(TESTS_CPPFLAGS) -c $< -o $@
$(TESTS_OUT)/%.o: $(TESTS_SRC)/c/%.c $(TESTS_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_CFLAGS) $(TEST_ARCH_FLAGS) $(TESTS_CPPFLAGS) -c $< -o $@

$(TESTS_UART_ELFS): $(TESTS_OUT)/%.elf: $(TESTS_OUT)/%.o $(TESTS_ENV_UART)
	$(RV_CC) $(TESTS_LDFLAGS) $^ $(RV_LIBS) -o $@
$(TESTS_HTIF_ELFS): $(TESTS_OUT)/%.elf: $(TESTS_OUT)/%.o $(TESTS_ENV_HTIF)
	$(RV_CC) $(TESTS_LDFLAGS) $^ $(RV_LIBS) -o $@

$(TESTS_OUT)/%.dis: $(TESTS_OUT)/%.elf
	$(RV_OBJDUMP) -d $< > $@
