# iss.mk — the reference model (instruction-set simulator), included by the top Makefile.
#
#   make iss         build $(BUILD)/iss (standalone) and $(BUILD)/iss.d/libiss.a (co-sim)
#   make iss-check   run iss/tests and sw/ programs on build/iss and on QEMU; compare
#   make iss-bench   MIPS of a user-mode, paging-on integer loop (iss/tests/bench_vm.S)
#
# libiss.a holds only iss/*.c (no main); its users also link tb/elf_load.c, tb/htif.c,
# tb/console.c (and tb/commitlog.c for commit logs) and -lelf.

ISS          := $(BUILD)/iss
ISS_DIR      := $(TOP)/iss
ISS_OUT      := $(BUILD)/iss.d
ISS_LIB      := $(ISS_OUT)/libiss.a
ISS_CC       ?= gcc
ISS_CFLAGS   := -std=gnu11 -O2 -Wall -Wextra -Werror -I$(TOP)/arch -I$(TOP)/tb
ISS_LIB_SRCS := $(addprefix $(ISS_DIR)/, iss.c exec.c csr.c trap.c mmu.c sv32.c pmp.c devices.c)
ISS_TB_SRCS  := $(addprefix $(TOP)/tb/, elf_load.c htif.c commitlog.c signature.c console.c cli.c)
ISS_HDRS     := $(wildcard $(ISS_DIR)/*.h) $(TOP)/arch/arch.h $(wildcard $(TOP)/tb/*.h)
ISS_LIB_OBJS := $(patsubst $(ISS_DIR)/%.c,$(ISS_OUT)/%.o,$(ISS_LIB_SRCS))
ISS_TB_OBJS  := $(patsubst $(TOP)/tb/%.c,$(ISS_OUT)/tb/%.o,$(ISS_TB_SRCS))

.PHONY: iss iss-check iss-bench
iss: $(ISS) $(ISS_LIB)

$(ISS_OUT)/%.o: $(ISS_DIR)/%.c $(ISS_HDRS)
	@mkdir -p $(@D)
	$(ISS_CC) $(ISS_CFLAGS) -c $< -o $@

$(ISS_OUT)/tb/%.o: $(TOP)/tb/%.c $(ISS_HDRS)
	@mkdir -p $(@D)
	$(ISS_CC) $(ISS_CFLAGS) -c $< -o $@

$(ISS_LIB): $(ISS_LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(ISS): $(ISS_OUT)/main.o $(ISS_LIB) $(ISS_TB_OBJS)
	$(ISS_CC) -o $@ $(ISS_OUT)/main.o $(ISS_LIB) $(ISS_TB_OBJS) -lelf

include $(ISS_DIR)/tests/tests.mk
