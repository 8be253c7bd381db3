# ulib.mk — user space run by the kernel: the library sw/ulib and the programs
# sw/user/NAME.c (one file, one program). Included by firmware/firmware.mk,
# which embeds the programs in the kernel image.
#
#   make user        build $(BUILD)/user/NAME.elf for every program of USER_PROGS
#   make run-kernel  what `make run` shows: the kernel on build/vsim, its shell (init)
#                    running sw/user/demo.sh; vsim's summary goes to build/run.vsim.err
#   make run-check   the same script on build/iss, QEMU and build/vsim --cosim: each
#                    exits 0 (no leak), the outputs are identical, and they show what
#                    the demo is about (a regression gate, tests/run.sh)
#
# A program is linked from sw/ulib/crt0.S, its object(s), libulib.a (system call
# wrappers, stdio on the console, malloc, errno, strtol; the formatter is
# firmware/lib/vsnprintf.c) and picolibc's libc.a for string/ctype functions,
# with sw/ulib/user.ld (text at 0x10000, data on its own page).
# ulib_program NAME,OBJS,ELF: the rule that links one program (tests/tests.mk uses it too);
# next to ELF it leaves NAME.img, the same program stripped, which the kernel embeds.
# Inputs: TOP, BUILD, RV_* (mk/toolchain.mk), FW_DIR (firmware.mk).

ULIB_DIR  := $(TOP)/sw/ulib
ULIB_OUT  := $(BUILD)/ulib
USER_DIR  := $(TOP)/sw/user
USER_OUT  := $(BUILD)/user
ULIB_Q    := $(if $(V),,@)

# The kernel embeds these, in this order; the first is the first process.
USER_PROGS := sh demo segv pager iso mmdemo vmcost mmtest

ULIB_CFLAGS := $(RV_CFLAGS) -I$(ULIB_DIR) -I$(FW_DIR)/include -ffunction-sections \
               -fdata-sections -fno-tree-loop-distribute-patterns -fno-builtin
ULIB_HDRS   := $(ULIB_DIR)/ulib.h $(FW_DIR)/include/uapi.h
ULIB_CRT0   := $(ULIB_OUT)/crt0.o
ULIB_LIB    := $(ULIB_OUT)/libulib.a
ULIB_OBJS   := $(addprefix $(ULIB_OUT)/,syscalls.o stdio.o errno.o stdlib.o malloc.o vsnprintf.o)
ULIB_LD     := $(ULIB_DIR)/user.ld
# picolibc (Debian's picolibc-riscv64-unknown-elf), the multilib our -march picks (rv32ia/ilp32)
PICOLIBC_ROOT ?= /usr/lib/picolibc/riscv64-unknown-elf/lib
ULIB_PICOLIBC  = $(PICOLIBC_ROOT)/$(shell $(RV_CC) $(RV_ARCH) -print-multi-directory)/libc.a
ULIB_LDFLAGS   = $(RV_LDFLAGS) -T$(ULIB_LD) -Wl,--gc-sections

USER_ELFS := $(addprefix $(USER_OUT)/,$(addsuffix .elf,$(USER_PROGS)))

.PHONY: user
user: $(USER_ELFS)

$(ULIB_OUT)/%.o: $(ULIB_DIR)/%.c $(ULIB_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      sw/ulib/$(<F)"
	$(ULIB_Q)$(RV_CC) $(ULIB_CFLAGS) -c $< -o $@
$(ULIB_OUT)/vsnprintf.o: $(FW_DIR)/lib/vsnprintf.c
	@mkdir -p $(@D)
	@echo "  CC      firmware/lib/$(<F) (user)"
	$(ULIB_Q)$(RV_CC) $(ULIB_CFLAGS) -c $< -o $@
$(ULIB_CRT0): $(ULIB_DIR)/crt0.S
	@mkdir -p $(@D)
	@echo "  AS      sw/ulib/$(<F)"
	$(ULIB_Q)$(RV_CC) $(RV_ASFLAGS) -c $< -o $@
$(ULIB_LIB): $(ULIB_OBJS)
	$(ULIB_Q)rm -f $@ && $(CROSS)ar rcs $@ $^

# ulib_program NAME OBJS ELF
define ulib_program
$(3): $(2) $(ULIB_CRT0) $(ULIB_LIB) $(ULIB_LD)
	@echo "  LD      $$@"
	$(ULIB_Q)$(RV_CC) $(ULIB_LDFLAGS) $(ULIB_CRT0) $(2) $(ULIB_LIB) $$(ULIB_PICOLIBC) $(RV_LIBS) -o $$@
	$(ULIB_Q)$(RV_OBJDUMP) -d $$@ > $$(@:.elf=.dis)
$(3:.elf=.img): $(3)
	$(ULIB_Q)$(RV_OBJCOPY) --strip-all $$< $$@
endef

$(USER_OUT)/%.o: $(USER_DIR)/%.c $(ULIB_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      sw/user/$(<F)"
	$(ULIB_Q)$(RV_CC) $(ULIB_CFLAGS) -c $< -o $@
$(foreach p,$(USER_PROGS),$(eval $(call ulib_program,$(p),$(USER_OUT)/$(p).o,$(USER_OUT)/$(p).elf)))
.SECONDARY: $(USER_ELFS:.elf=.o)

# ---- make run: the kernel on the RTL, the demo script on its console ----
.PHONY: run-kernel
run-kernel: sim $(FW_ELF)
	@echo "== make run: the kernel on build/vsim (the RTL); its shell runs sw/user/demo.sh"
	@timeout 1800 $(VSIM) --max-cycles 200000000 $(FW_ELF) < $(USER_DIR)/demo.sh \
	  2> $(BUILD)/run.vsim.err; rc=$$?; \
	  grep -E 'cycles|PASS|FAIL' $(BUILD)/run.vsim.err | sed 's/^/   /'; \
	  echo "== the kernel ended with exit code $$rc (0: the shell exited 0, no frame leaked)"; \
	  exit $$rc

# The demo's output, checked: identical on the three platforms (it prints no a/d or
# timing counters), and each part of the demo did what it says.
RUN_CHECK_OUT := $(BUILD)/run-check
RUN_CHECK_QEMU := $(QEMU) -M virt -m 16M -cpu rv32,c=false,f=false,d=false,h=false,v=false,zba=false,zbb=false,zbc=false,zbs=false,sstc=false,debug=false \
                  -bios none -nographic -kernel
RUN_CHECK_WANT := 'pager: touched page 3: minor faults [0-9]+ \(\+1\)' \
                  'pager: read 2 pages of .data \(sum 3\): major faults [0-9]+ \(\+2\)' \
                  'sh: \[pid [0-9]+\] segv: killed by SIGSEGV' \
                  ' r--p ' 'mmdemo: killed by SIGSEGV' \
                  'child B \(pid [0-9]+\) read back only its own letter' \
                  'still holds .P.: yes' '^init exited \(status 0\)'
.PHONY: run-check
run-check: sim iss $(FW_ELF)
	@mkdir -p $(RUN_CHECK_OUT)
	@set -e; d=$(RUN_CHECK_OUT); s=$(USER_DIR)/demo.sh; \
	timeout 120 $(BUILD)/iss --quiet --max-instructions 100000000 $(FW_ELF) < $$s > $$d/iss.out \
	  || { echo "run-check: build/iss exit $$?"; tail $$d/iss.out; exit 1; }; \
	timeout 120 $(RUN_CHECK_QEMU) $(FW_ELF) < $$s > $$d/qemu.out \
	  || { echo "run-check: QEMU exit $$?"; tail $$d/qemu.out; exit 1; }; \
	timeout 900 $(VSIM) --quiet --cosim --max-cycles 200000000 $(FW_ELF) < $$s > $$d/vsim.out \
	  || { echo "run-check: build/vsim --cosim exit $$?"; tail $$d/vsim.out; exit 1; }; \
	cmp -s $$d/iss.out $$d/qemu.out || { echo "run-check: iss and QEMU differ"; diff $$d/iss.out $$d/qemu.out | head; exit 1; }; \
	cmp -s $$d/iss.out $$d/vsim.out || { echo "run-check: iss and vsim differ"; diff $$d/iss.out $$d/vsim.out | head; exit 1; }; \
	for w in $(RUN_CHECK_WANT); do \
	  grep -Eq "$$w" $$d/iss.out || { echo "run-check: no line matching '$$w'"; exit 1; }; done; \
	echo "run-check: sw/user/demo.sh gives the same output on iss, QEMU and vsim --cosim"
