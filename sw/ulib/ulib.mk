# ulib.mk — user space run by the kernel: the library sw/ulib and the programs
# sw/user/NAME.c (one file, one program). Included by firmware/firmware.mk,
# which embeds the programs in the kernel image.
#
#   make user        build $(BUILD)/user/NAME.elf for every program of USER_PROGS
#   make run-kernel  what `make run` shows: the kernel on build/vsim, its shell (init)
#                    running sw/user/demo.sh; vsim's summary goes to build/run.vsim.err
#
# A program is linked from sw/ulib/crt0.S, its object(s), libulib.a (system call
# wrappers, stdio on the console, malloc, errno, strtol; the formatter is
# firmware/lib/vsnprintf.c) and picolibc's libc.a for string/ctype functions,
# with sw/ulib/user.ld (text at 0x10000, data on its own page).
# ulib_program NAME,OBJS,ELF: the rule that links one program (tests/tests.mk uses it too).
# Inputs: TOP, BUILD, RV_* (mk/toolchain.mk), FW_DIR (firmware.mk).

ULIB_DIR  := $(TOP)/sw/ulib
ULIB_OUT  := $(BUILD)/ulib
USER_DIR  := $(TOP)/sw/user
USER_OUT  := $(BUILD)/user
ULIB_Q    := $(if $(V),,@)

# The kernel embeds these, in this order; the first is the first process.
USER_PROGS := sh demo segv pager iso mmdemo ptest vmcost mmtest

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
