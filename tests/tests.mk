# tests.mk — build the regression's test programs and run the regression.
#
#   make regression      build everything, run every check (tests/run.sh); last line
#                        "N passed, N failed"
#   make tests-build     build the test programs only (build/tests/*.elf, *.dis)
#   make ktests-build    build the kernel tests: tests/kernel/NAME.c is a user program
#                        (sw/ulib) and build/tests/NAME.elf a kernel (firmware/) whose
#                        first and only process is that program (run.sh "kernel" tests)
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

# ---- kernel tests: one kernel per test program (the fw_kernel/fw_images/ulib_program
# rules of firmware/firmware.mk and sw/ulib/ulib.mk). A test that spawns other programs
# names them in KTEST_EXTRA_<name>; they are embedded after it.
KTEST_SRCS := $(wildcard $(TESTS_SRC)/kernel/*.c)
KTESTS     := $(foreach s,$(KTEST_SRCS),$(call tests_name,$(s)))
KTEST_OUT  := $(TESTS_OUT)/kernel
KTEST_EXTRA_k-shell := sh segv
KTEST_ELFS := $(addprefix $(TESTS_OUT)/,$(addsuffix .elf,$(KTESTS)))
# A test may also embed images made from its own ELF by tests/kernel/mkbadelf.sh (the
# malformed programs of k-badelf), named in KTEST_IMAGES_<name>: $(KTEST_OUT)/<name>.bad/NAME.img.
KTEST_IMAGES_k-badelf := ok trunc class64 bigendian machine type-core phentsize phoff-past \
  phoff-wrap phoff-odd phnum-huge no-load filesz-big offset-past offset-wrap misaligned \
  kernel cross-top null-page memsz-wrap memsz-huge overlap entry-out entry-data
ktest_images = $(addprefix $(KTEST_OUT)/$(1).bad/,$(addsuffix .elf,$(KTEST_IMAGES_$(1))))

$(KTEST_OUT)/%.o: $(TESTS_SRC)/kernel/%.c $(TESTS_SRC)/kernel/ktest.h $(ULIB_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      tests/kernel/$(<F)"
	$(ULIB_Q)$(RV_CC) $(ULIB_CFLAGS) -I$(TESTS_SRC)/kernel -DTEST_NAME='"$*"' -c $< -o $@
define ktest_rules
$(call ulib_program,$(1),$(KTEST_OUT)/$(1).o,$(KTEST_OUT)/$(1).elf)
$(call fw_images,$(KTEST_OUT)/$(1).images.o,$(1) $(KTEST_EXTRA_$(1)) $(KTEST_IMAGES_$(1)),\
  $(KTEST_OUT)/$(1).elf $(addprefix $(USER_OUT)/,$(addsuffix .elf,$(KTEST_EXTRA_$(1)))) \
  $(call ktest_images,$(1)))
$(KTEST_OUT)/$(1).bad/%.img: $(KTEST_OUT)/$(1).img $(TESTS_SRC)/kernel/mkbadelf.sh
	$(ULIB_Q)$(TESTS_SRC)/kernel/mkbadelf.sh $$< $$(@D) $$*
$(call fw_kernel,$(TESTS_OUT)/$(1).elf,$(KTEST_OUT)/$(1).images.o)
endef
$(foreach t,$(KTESTS),$(eval $(call ktest_rules,$(t))))
.SECONDARY: $(addprefix $(KTEST_OUT)/,$(addsuffix .o,$(KTESTS)))
$(KTEST_OUT)/k-segv-mm.o: $(TESTS_SRC)/kernel/k-segv.c

# The Svadu variants: the same test programs under kernel-svadu (the M layer sets
# menvcfgh.ADUE, so the core updates A/D bits in hardware as QEMU does, and the
# kernel's software A/D path must stay unused); listed as NAME-svadu.
KTEST_SVADU := k-faults k-segv k-brk
define ktest_svadu_rules
$(KTEST_OUT)/$(1)-svadu.o: $(TESTS_SRC)/kernel/$(1).c $(TESTS_SRC)/kernel/ktest.h $(ULIB_HDRS)
	@mkdir -p $$(@D)
	@echo "  CC      tests/kernel/$$(<F) (Svadu)"
	$(ULIB_Q)$(RV_CC) $(ULIB_CFLAGS) -I$(TESTS_SRC)/kernel -DTEST_NAME='"$(1)-svadu"' -c $$< -o $$@
$(call ulib_program,$(1)-svadu,$(KTEST_OUT)/$(1)-svadu.o,$(KTEST_OUT)/$(1)-svadu.elf)
$(call fw_images,$(KTEST_OUT)/$(1)-svadu.images.o,$(1)-svadu $(KTEST_EXTRA_$(1)),\
  $(KTEST_OUT)/$(1)-svadu.elf $(addprefix $(USER_OUT)/,$(addsuffix .elf,$(KTEST_EXTRA_$(1)))))
$(call fw_kernel,$(TESTS_OUT)/$(1)-svadu.elf,$(KTEST_OUT)/$(1)-svadu.images.o,$(FW_OUT)/mlayer-svadu.o)
endef
$(foreach t,$(KTEST_SVADU),$(eval $(call ktest_svadu_rules,$(t))))
KTEST_ELFS += $(addprefix $(TESTS_OUT)/,$(addsuffix -svadu.elf,$(KTEST_SVADU)))
.SECONDARY: $(addprefix $(KTEST_OUT)/,$(addsuffix -svadu.o,$(KTEST_SVADU)))

.PHONY: ktests-build
ktests-build: $(KTEST_ELFS)

.PHONY: regression tests-build memreg-check
regression:
	@$(TESTS_SRC)/run.sh

MEMREG_RGEN = RGEN=$(RGEN) RGEN_ASLINK='$(RGEN_ASLINK)' RGEN_WORK=$(RGEN_OUT)/memreg \
  $(RGEN_DIR)/run_seeds.sh -l 10000
memreg-check: $(VSIM_MEMREG) tests-build ktests-build $(SW_OUT)/bench.elf $(SW_OUT)/bench-vm.elf $(RGEN) $(RGEN_LD)
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
