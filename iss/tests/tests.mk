# iss/tests/tests.mk — the ISS's own test programs and `make iss-check` / `make iss-bench`.
# Included by iss/iss.mk. Programs link the bare-metal runtime of sw/lib (compiled
# here into $(ISS_OUT)/tests/lib so this file does not depend on sw.mk's order).

ISS_T_DIR    := $(TOP)/iss/tests
ISS_T_OUT    := $(ISS_OUT)/tests
ISS_T_LIB    := $(TOP)/sw/lib
ISS_T_CFLAGS := $(RV_CFLAGS) -I$(ISS_T_LIB) -fno-tree-loop-distribute-patterns
ISS_T_LDFLAGS := $(RV_LDFLAGS) -T$(ISS_T_LIB)/link.ld -Wl,--no-warn-rwx-segments
ISS_T_RTOBJS := $(addprefix $(ISS_T_OUT)/lib/, crt0.o console.o printf.o exit.o trap.o string.o \
                  muldiv_emul.o)
# (as in sw/sw.mk: the software M extension must not contain what it emulates)
$(ISS_T_OUT)/lib/muldiv_emul.o: ISS_T_CFLAGS += -march=rv32ia
ISS_T_HDRS   := $(wildcard $(ISS_T_LIB)/*.h) $(TOP)/arch/arch.h
ISS_T_PROGS  := vm_svadu vm_svade priv priv_iss bench_vm htif
ISS_T_ELFS   := $(addprefix $(ISS_T_OUT)/,$(addsuffix .elf,$(ISS_T_PROGS)))

$(ISS_T_OUT)/lib/%.o: $(ISS_T_LIB)/%.c $(ISS_T_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(ISS_T_CFLAGS) -c $< -o $@
$(ISS_T_OUT)/lib/%.o: $(ISS_T_LIB)/%.S $(ISS_T_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -I$(ISS_T_LIB) -c $< -o $@

$(ISS_T_OUT)/probe.o: $(ISS_T_DIR)/probe.S $(ISS_T_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) -c $< -o $@
$(ISS_T_OUT)/vm_svadu.o: $(ISS_T_DIR)/vm.c $(ISS_T_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(ISS_T_CFLAGS) -DADUE=1 -DQEMU_COMPAT=1 -c $< -o $@
$(ISS_T_OUT)/vm_svade.o: $(ISS_T_DIR)/vm.c $(ISS_T_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(ISS_T_CFLAGS) -DADUE=0 -DQEMU_COMPAT=0 -c $< -o $@
$(ISS_T_OUT)/priv_iss.o: $(ISS_T_DIR)/priv.c $(ISS_T_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(ISS_T_CFLAGS) -DQEMU_COMPAT=0 -c $< -o $@
$(ISS_T_OUT)/%.o: $(ISS_T_DIR)/%.c $(ISS_T_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(ISS_T_CFLAGS) -c $< -o $@

ISS_T_PROBED := $(addprefix $(ISS_T_OUT)/,vm_svadu.elf vm_svade.elf priv.elf priv_iss.elf)
$(ISS_T_PROBED): $(ISS_T_OUT)/%.elf: $(ISS_T_OUT)/%.o $(ISS_T_OUT)/probe.o $(ISS_T_RTOBJS)
	$(RV_CC) $(ISS_T_LDFLAGS) $^ $(RV_LIBS) -o $@
$(ISS_T_OUT)/bench_vm.elf: $(ISS_T_OUT)/bench_vm.o $(ISS_T_RTOBJS)
	$(RV_CC) $(ISS_T_LDFLAGS) $^ $(RV_LIBS) -o $@

$(ISS_T_OUT)/htif.elf: $(ISS_T_DIR)/htif.S $(TOP)/arch/arch.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ASFLAGS) $(RV_LDFLAGS) -T$(ISS_T_LIB)/link.ld -Wl,--no-warn-rwx-segments $< -o $@

# Host unit test of the reference translator and PMP.
ISS_T_UNIT := $(ISS_T_OUT)/sv32_unit
$(ISS_T_UNIT): $(ISS_T_DIR)/sv32_unit.c $(ISS_DIR)/sv32.c $(ISS_DIR)/pmp.c $(ISS_HDRS)
	@mkdir -p $(@D)
	$(ISS_CC) $(ISS_CFLAGS) -I$(ISS_DIR) $(ISS_T_DIR)/sv32_unit.c $(ISS_DIR)/sv32.c $(ISS_DIR)/pmp.c -o $@

.PHONY: iss-tests-build
iss-tests-build: $(ISS_T_ELFS)

# iss-check: each program on build/iss and on QEMU (or against a .expected file).
# sw/ programs join when sw.mk is included before this file (as in the top Makefile).
ISS_T_SW := $(if $(SW_OUT),$(SW_OUT)/demo.elf $(SW_OUT)/hello.elf)
iss-check: $(ISS) $(ISS_T_ELFS) $(ISS_T_UNIT) $(ISS_T_SW)
	@ISS=$(ISS) QEMU=$(QEMU) OUT=$(ISS_T_OUT) $(ISS_T_DIR)/run.sh $(ISS_T_OUT) $(BUILD)

iss-bench: $(ISS) $(ISS_T_OUT)/bench_vm.elf
	$(ISS) $(ISS_T_OUT)/bench_vm.elf
