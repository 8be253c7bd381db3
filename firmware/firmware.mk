# firmware.mk — the M-mode layer, the S-mode kernel and its user programs.
#
#   make firmware    build $(BUILD)/firmware/kernel.elf (one ELF: M layer + kernel
#                    with the user programs embedded; .dis and .map next to it),
#                    kernel-svadu.elf, kernel-mmtest.elf and kernel-board.elf (the
#                    small image for the FPGA boards: BOARD_PROGS only)
#   make fw-board    kernel-board.elf with demo.sh on build/iss with BOARD_RAM bytes of
#                    RAM (default 288 KiB, the smallest that runs the whole demo)
#   make board-ram-check  kernel-board.elf on small RAMs, three platforms (a gate)
#   make fw-iss      run it on the reference model (build/iss)
#   make fw-qemu     run it on QEMU virt
#   make fw-sim      run it on the RTL simulation (build/vsim; slow)
#                    (each feeds FW_SCRIPT, default sw/user/demo.sh, to the shell)
#
# Inputs from the top Makefile: TOP, BUILD; from mk/toolchain.mk: RV_*, QEMU.
# The M layer's objects are partially linked into mlayer.o so that
# firmware.ld can place them (and only them) in the M region.

FW_DIR := $(TOP)/firmware
FW_OUT := $(BUILD)/firmware
FW_ELF := $(FW_OUT)/kernel.elf
FW_Q   := $(if $(V),,@)

FW_CFLAGS  := $(RV_CFLAGS) -I$(FW_DIR)/include -fno-tree-loop-distribute-patterns \
              -fno-builtin -ffunction-sections -fdata-sections
FW_HDRS    := $(wildcard $(FW_DIR)/include/*.h $(FW_DIR)/m/*.h) $(TOP)/arch/arch.h

FW_M_SRCS  := $(wildcard $(FW_DIR)/m/*.S $(FW_DIR)/m/*.c)
FW_M_OBJS  := $(patsubst $(FW_DIR)/%,$(FW_OUT)/%.o,$(FW_M_SRCS))
FW_K_SRCS  := $(wildcard $(FW_DIR)/kernel/*.S $(FW_DIR)/kernel/*.c) $(FW_DIR)/lib/vsnprintf.c
FW_K_OBJS  := $(patsubst $(FW_DIR)/%,$(FW_OUT)/%.o,$(FW_K_SRCS))
# The table of embedded user programs (user_images[]) is generated from a program
# list by sw/ulib/mkimages.sh: USER_PROGS (sw/ulib/ulib.mk) for kernel.elf, one test
# program for each tests/kernel kernel (tests/tests.mk).
FW_IMAGES  := $(FW_OUT)/user_images.o

FW_QEMU_RUN := $(QEMU) -M virt -m 16M -cpu rv32,c=false,f=false,d=false,h=false -bios none \
               -nographic -monitor none -serial stdio -kernel

.PHONY: firmware fw-iss fw-qemu fw-sim fw-mmtest fw-board kernel-bench
FW_ELF_SVADU := $(FW_OUT)/kernel-svadu.elf
FW_ELF_MMTEST := $(FW_OUT)/kernel-mmtest.elf
FW_ELF_BOARD := $(FW_OUT)/kernel-board.elf
firmware: $(FW_ELF) $(FW_ELF_SVADU) $(FW_ELF_MMTEST) $(FW_ELF_BOARD)

include $(TOP)/sw/ulib/ulib.mk

# ---- M layer: -mno-relax, it must not use the kernel's gp ----
$(FW_OUT)/m/%.c.o: $(FW_DIR)/m/%.c $(FW_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      firmware/m/$(<F)"
	$(FW_Q)$(RV_CC) $(FW_CFLAGS) -mno-relax -I$(FW_DIR)/m -c $< -o $@
$(FW_OUT)/m/%.S.o: $(FW_DIR)/m/%.S $(FW_HDRS)
	@mkdir -p $(@D)
	@echo "  AS      firmware/m/$(<F)"
	$(FW_Q)$(RV_CC) $(RV_ASFLAGS) -mno-relax -I$(FW_DIR)/include -I$(FW_DIR)/m -c $< -o $@
$(FW_OUT)/mlayer.o: $(FW_M_OBJS)
	$(FW_Q)$(RV_CC) $(RV_ARCH) -nostdlib -r $^ -o $@
# the Svadu variant: m.c built with M_SVADU (hardware A/D updates)
$(FW_OUT)/m/m-svadu.c.o: $(FW_DIR)/m/m.c $(FW_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      firmware/m/m.c (M_SVADU)"
	$(FW_Q)$(RV_CC) $(FW_CFLAGS) -DM_SVADU -mno-relax -I$(FW_DIR)/m -c $< -o $@
$(FW_OUT)/mlayer-svadu.o: $(filter-out $(FW_OUT)/m/m.c.o,$(FW_M_OBJS)) $(FW_OUT)/m/m-svadu.c.o
	$(FW_Q)$(RV_CC) $(RV_ARCH) -nostdlib -r $^ -o $@

# ---- kernel ----
$(FW_OUT)/kernel/%.c.o: $(FW_DIR)/kernel/%.c $(FW_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      firmware/kernel/$(<F)"
	$(FW_Q)$(RV_CC) $(FW_CFLAGS) -c $< -o $@
$(FW_OUT)/lib/%.c.o: $(FW_DIR)/lib/%.c
	@mkdir -p $(@D)
	@echo "  CC      firmware/lib/$(<F)"
	$(FW_Q)$(RV_CC) $(FW_CFLAGS) -c $< -o $@
$(FW_OUT)/kernel/%.S.o: $(FW_DIR)/kernel/%.S $(FW_HDRS)
	@mkdir -p $(@D)
	@echo "  AS      firmware/kernel/$(<F)"
	$(FW_Q)$(RV_CC) $(RV_ASFLAGS) -I$(FW_DIR)/include -c $< -o $@

# fw_kernel ELF IMAGES-OBJ [MLAYER-OBJ]: link a kernel with the given user_images
# table (and M layer: mlayer.o by default, mlayer-svadu.o for the Svadu variant)
define fw_kernel
$(1): $(or $(3),$(FW_OUT)/mlayer.o) $(FW_K_OBJS) $(2) $(FW_DIR)/firmware.ld
	@echo "  LD      $$@"
	$(FW_Q)$(RV_CC) $(RV_LDFLAGS) -T$(FW_DIR)/firmware.ld -Wl,--gc-sections \
	  -Wl,--no-warn-rwx-segments -Wl,-Map,$$(@:.elf=.map) \
	  $(or $(3),$(FW_OUT)/mlayer.o) $(FW_K_OBJS) $(2) $(RV_LIBS) -o $$@
	$(FW_Q)$(RV_OBJDUMP) -d $$@ > $$(@:.elf=.dis)
endef
$(eval $(call fw_kernel,$(FW_ELF),$(FW_IMAGES)))
$(eval $(call fw_kernel,$(FW_ELF_SVADU),$(FW_IMAGES),$(FW_OUT)/mlayer-svadu.o))

# fw_images OBJ NAMES ELFS: assemble a user_images table (NAMES and ELFS pair up; the
# stripped copies, NAME.img, are embedded)
define fw_images
$(1): $(3:.elf=.img) $(ULIB_DIR)/mkimages.sh
	@mkdir -p $$(@D)
	$(FW_Q)$(ULIB_DIR)/mkimages.sh $$(@:.o=.S) $(join $(addsuffix =,$(2)),$(3:.elf=.img))
	$(FW_Q)$(RV_CC) $(RV_ASFLAGS) -c $$(@:.o=.S) -o $$@
endef
$(eval $(call fw_images,$(FW_IMAGES),$(USER_PROGS),$(USER_ELFS)))

# kernel-board.elf: the same kernel with only the shell and the programs that
# sw/user/demo.sh runs, for boards with little RAM (the kernel sizes itself from
# the RAM the M layer finds; docs/kernel.md, "Memory size")
BOARD_PROGS := sh segv pager mmdemo iso
FW_IMAGES_BOARD := $(FW_OUT)/user_images-board.o
$(eval $(call fw_images,$(FW_IMAGES_BOARD),$(BOARD_PROGS),$(addprefix $(USER_OUT)/,$(addsuffix .elf,$(BOARD_PROGS)))))
$(eval $(call fw_kernel,$(FW_ELF_BOARD),$(FW_IMAGES_BOARD)))

# kernel-board.elf with 128 KiB, 256 KiB, 288 KiB and 16 MiB of RAM on build/iss, QEMU
# and build/vsim(-ramNk) --cosim (tests/board-ram.sh says what each size must show);
# a tests/run.sh gate
BOARD_RAM_VSIMS := $(addprefix $(BUILD)/vsim-ram,128k 256k 288k)
.PHONY: board-ram-check
# It also runs the ULX3S kernel bitstream's configuration (make synth BOARD=ulx3s KERNEL=1:
# 320 KiB single-port RAM, MemAddrReg 1, the board's core parameters), built by synth.mk.
board-ram-check: sim iss $(BOARD_RAM_VSIMS) $(FW_ELF_BOARD)
	@mkdir -p $(BUILD)/board-ram
	@$(MAKE) --no-print-directory board-sim BOARD=ulx3s KERNEL=1 > $(BUILD)/board-ram/vsim-ulx3s-kernel.log 2>&1 \
	  || { tail -20 $(BUILD)/board-ram/vsim-ulx3s-kernel.log; exit 1; }
	@BUILD=$(BUILD) QEMU=$(QEMU) ULX3S_KERNEL_VSIM=$(BUILD)/vsim-ulx3s-kernel \
	  $(TOP)/tests/board-ram.sh $(BUILD)/board-ram $(FW_ELF_BOARD) $(USER_DIR)/demo.sh $(RUN_CHECK_WANT)

# the memory-management tests as init (sw/user/mmtest.c): make fw-mmtest
$(FW_OUT)/kernel/main-mmtest.c.o: $(FW_DIR)/kernel/main.c $(FW_HDRS)
	@mkdir -p $(@D)
	@echo "  CC      firmware/kernel/main.c (INIT_PROG mmtest)"
	$(FW_Q)$(RV_CC) $(FW_CFLAGS) -DINIT_PROG='"mmtest"' -c $< -o $@
FW_K_OBJS_MMTEST := $(filter-out $(FW_OUT)/kernel/main.c.o,$(FW_K_OBJS)) $(FW_OUT)/kernel/main-mmtest.c.o
$(FW_ELF_MMTEST): $(FW_OUT)/mlayer.o $(FW_K_OBJS_MMTEST) $(FW_IMAGES) $(FW_DIR)/firmware.ld
	@echo "  LD      $@"
	$(FW_Q)$(RV_CC) $(RV_LDFLAGS) -T$(FW_DIR)/firmware.ld -Wl,--gc-sections \
	  -Wl,--no-warn-rwx-segments -Wl,-Map,$(@:.elf=.map) \
	  $(FW_OUT)/mlayer.o $(FW_K_OBJS_MMTEST) $(FW_IMAGES) $(RV_LIBS) -o $@


# ---- running ----
# init is the shell; it gets FW_SCRIPT on the console (the kernel echoes each line).
# `make run` (run-kernel in sw/ulib/ulib.mk) is fw-sim with a summary.
FW_SCRIPT ?= $(TOP)/sw/user/demo.sh
fw-iss: $(FW_ELF)
	timeout 60 $(BUILD)/iss --max-instructions 50000000 $(FW_ELF) < $(FW_SCRIPT)
fw-qemu: $(FW_ELF)
	timeout 60 $(FW_QEMU_RUN) $(FW_ELF) < $(FW_SCRIPT)
BOARD_RAM ?= 294912
fw-board: $(FW_ELF_BOARD)
	timeout 60 $(BUILD)/iss --ram-size $(BOARD_RAM) --max-instructions 50000000 $(FW_ELF_BOARD) < $(FW_SCRIPT)
fw-sim: $(FW_ELF)
	timeout 1800 $(BUILD)/vsim --max-cycles 200000000 $(FW_ELF) < $(FW_SCRIPT)
# mmtest as init on the three platforms, the RTL one in lockstep (--cosim);
# each run must end with "mmtest: ok" and the leak check passing (exit 0)
fw-mmtest: $(FW_ELF_MMTEST)
	timeout 120 $(BUILD)/iss --max-instructions 100000000 $(FW_ELF_MMTEST)
	timeout 120 $(FW_QEMU_RUN) $(FW_ELF_MMTEST) < /dev/null
	timeout 1800 $(BUILD)/vsim --cosim --max-cycles 400000000 $(FW_ELF_MMTEST) < /dev/null

# ---- cycle costs on the RTL (docs/kernel.md): vmcost under the kernel ----
# The shell (init) gets "vmcost" and "exit" on stdin.
kernel-bench: sim $(FW_ELF)
	@mkdir -p $(BUILD)/bench
	@printf 'vmcost\nexit\n' | timeout 600 $(BUILD)/vsim --max-cycles 20000000 $(FW_ELF) \
	    > $(BUILD)/bench/kernel.out 2> $(BUILD)/bench/kernel.vsim.err \
	  || { cat $(BUILD)/bench/kernel.out $(BUILD)/bench/kernel.vsim.err; \
	       echo "kernel-bench: FAILED" >&2; exit 1; }
	@{ echo "== kernel costs (cycles, build/vsim, sw/user/vmcost.c)"; \
	   grep '^vmcost: ' $(BUILD)/bench/kernel.out | sed 's/^vmcost: /  /'; \
	   $(CROSS)size $(filter-out %/user_images.S.o,$(FW_K_OBJS)) | awk 'NR > 1 \
	     { t += $$1; d += $$2; b += $$3 } END { printf "  kernel size (without the M layer and the embedded programs): text %d, data %d, bss %d bytes\n", t, d, b }'; \
	   $(CROSS)size $(FW_OUT)/mlayer.o | awk 'NR > 1 { printf "  M layer size: text %d, data %d, bss %d bytes\n", $$1, $$2, $$3 }'; \
	 } | tee $(BUILD)/bench/kernel.txt
# make bench reports the kernel's costs too
bench: kernel-bench
