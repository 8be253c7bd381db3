# toolchain.mk — cross-compiler settings shared by every RISC-V program in the tree.
# -misa-spec=2.2 keeps Zicsr/Zifencei inside rv32ima and makes multilib selection
# pick the rv32 libgcc/picolibc (rv32ia/ilp32) instead of the rv64 default.
CROSS      ?= riscv64-unknown-elf-
RV_CC      := $(CROSS)gcc
RV_OBJCOPY := $(CROSS)objcopy
RV_OBJDUMP := $(CROSS)objdump
RV_NM      := $(CROSS)nm
RV_ARCH    := -march=rv32ima -misa-spec=2.2 -mabi=ilp32
RV_CFLAGS  := $(RV_ARCH) -O2 -g -Wall -Wextra -Werror -ffreestanding -fno-common \
              -mcmodel=medany -I$(TOP)/arch
RV_ASFLAGS := $(RV_ARCH) -g -I$(TOP)/arch
RV_LDFLAGS := $(RV_ARCH) -nostdlib -nostartfiles -static
RV_LIBS    := -lgcc
QEMU       ?= qemu-system-riscv32
