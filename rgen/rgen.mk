# rgen.mk — the random test-program generator, included by the top Makefile.
#
#   make rgen                          build $(BUILD)/rgen (generator), $(BUILD)/rgen-cov
#   make $(BUILD)/rgen.d/seed-N.elf    one program (and its .S), non-paging
#   make $(BUILD)/rgen.d/paging/seed-N.elf    the same with --paging
#        (length: LENGTH=L, default 10000)
#   make rgen-seed SEED=N [PAGING=1]   the same, by seed number; prints the path
#   make rgen-check SEEDS=N [FIRST=F] [LENGTH=L] [PAGING=1] [SELFCHECK=1]
#                                      seeds F..F+N-1 on build/iss: each must end by itself
#                                      (exit 0) within its instruction limit (SELFCHECK:
#                                      programs also compare CSRs with the generator's model)
#   make rgen-cov SEEDS=N [FIRST=F] [LENGTH=L] [PAGING=1]
#                                      the same, plus coverage: trap causes per privilege
#                                      and handler, instruction classes per privilege
#   make rgen-qemu SEEDS=N [FIRST=F] [LENGTH=L]   non-paging seeds on QEMU (sanity)
#
# Batches run through rgen/run_seeds.sh (parallel); `soak` can reuse it with vsim --cosim:
#   rgen/run_seeds.sh [-p] -l L FIRST LAST -- $(BUILD)/vsim --cosim {elf}

RGEN_DIR     := $(TOP)/rgen
RGEN         := $(BUILD)/rgen
RGEN_COV     := $(BUILD)/rgen-cov
RGEN_OUT     := $(BUILD)/rgen.d
RGEN_LD      := $(RGEN_OUT)/link.ld
RGEN_CC      ?= gcc
RGEN_CFLAGS  := -std=gnu11 -O2 -Wall -Wextra -Werror -I$(TOP)/arch -I$(RGEN_DIR) -I$(TOP)/tb
RGEN_SRCS    := $(addprefix $(RGEN_DIR)/, main.c rng.c emit.c runtime.c items.c csrs.c paging.c) $(TOP)/tb/cli.c
RGEN_HDRS    := $(RGEN_DIR)/rgen.h $(RGEN_DIR)/layout.h $(TOP)/arch/arch.h $(TOP)/tb/cli.h
RGEN_LENGTH  := $(or $(LENGTH),10000)
RGEN_SEEDS   := $(or $(SEEDS),100)
RGEN_FIRST   := $(or $(FIRST),1)
RGEN_LAST    := $(shell echo $$(( $(RGEN_FIRST) + $(RGEN_SEEDS) - 1 )))
# Instruction limit of one run: body + loops + trap handling, with a wide margin.
RGEN_MAXI    := $(shell echo $$(( $(RGEN_LENGTH) * 100 + 200000 )))
# How to assemble and link a program (run_seeds.sh takes it from the environment).
RGEN_ASLINK  := $(RV_CC) $(RV_ASFLAGS) $(RV_LDFLAGS) -T$(RGEN_LD) -Wl,--no-warn-rwx-segments
RGEN_ENV     := RGEN=$(RGEN) RGEN_ASLINK='$(RGEN_ASLINK)' RGEN_WORK=$(RGEN_OUT)/run
RGEN_PFLAG   := $(if $(filter-out 0,$(PAGING)),-p) $(if $(filter-out 0,$(SELFCHECK)),-x --selfcheck)

.PHONY: rgen rgen-seed rgen-check rgen-cov rgen-qemu rgen-print-aslink
rgen: $(RGEN) $(RGEN_COV) $(RGEN_LD)

$(RGEN): $(RGEN_SRCS) $(RGEN_HDRS)
	@mkdir -p $(@D)
	$(RGEN_CC) $(RGEN_CFLAGS) $(RGEN_SRCS) -o $@

$(RGEN_COV): $(RGEN_DIR)/cov.c $(RGEN_DIR)/layout.h $(TOP)/arch/arch.h
	@mkdir -p $(@D)
	$(RGEN_CC) $(RGEN_CFLAGS) $(RGEN_DIR)/cov.c -o $@

$(RGEN_LD): $(RGEN)
	@mkdir -p $(@D)
	$(RGEN) --link-script > $@

# The .S is regenerated every time (a few ms) and replaced only when it changed, so
# LENGTH changes are never missed and the .elf is relinked only when needed.
.PHONY: rgen-always
$(RGEN_OUT)/seed-%.S: $(RGEN) rgen-always
	@mkdir -p $(@D)
	@$(RGEN) --seed $* --length $(RGEN_LENGTH) -o $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
$(RGEN_OUT)/paging/seed-%.S: $(RGEN) rgen-always
	@mkdir -p $(@D)
	@$(RGEN) --seed $* --length $(RGEN_LENGTH) --paging -o $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
$(RGEN_OUT)/%.elf: $(RGEN_OUT)/%.S $(RGEN_LD) $(TOP)/arch/arch.h
	$(RGEN_ASLINK) $< -o $@
.PRECIOUS: $(RGEN_OUT)/seed-%.S $(RGEN_OUT)/paging/seed-%.S

# make rgen-seed SEED=N [PAGING=1] [LENGTH=L]: build one program and say where it is.
RGEN_SEED_ELF := $(RGEN_OUT)/$(if $(filter-out 0,$(PAGING)),paging/)seed-$(or $(SEED),1).elf
rgen-seed: $(RGEN_SEED_ELF)
	@echo $(RGEN_SEED_ELF)

# For run_seeds.sh when it is started by hand: how this tree assembles a program.
rgen-print-aslink: $(RGEN_LD)
	@echo '$(RGEN_ASLINK)'

rgen-check: $(RGEN) $(RGEN_LD) $(ISS)
	@$(RGEN_ENV) $(RGEN_DIR)/run_seeds.sh -l $(RGEN_LENGTH) $(RGEN_PFLAG) \
	  $(RGEN_FIRST) $(RGEN_LAST) -- $(ISS) --max-instructions $(RGEN_MAXI) {elf}

rgen-cov: $(RGEN) $(RGEN_COV) $(RGEN_LD) $(ISS)
	@$(RGEN_ENV) $(RGEN_DIR)/run_seeds.sh -l $(RGEN_LENGTH) $(RGEN_PFLAG) -c $(RGEN_COV) \
	  $(RGEN_FIRST) $(RGEN_LAST) -- $(ISS) --max-instructions $(RGEN_MAXI) \
	  --signature {sig} --commit-log {log} {elf}

rgen-qemu: $(RGEN) $(RGEN_LD)
	@$(RGEN_ENV) $(RGEN_DIR)/run_seeds.sh -l $(RGEN_LENGTH) -t 20 $(RGEN_FIRST) $(RGEN_LAST) -- \
	  $(QEMU) -M virt -cpu rv32,c=false,f=false,d=false,h=false -bios none -nographic \
	  -monitor none -serial null -kernel {elf}

# ---- lockstep runs of random programs (issue 3): RTL vs reference model ----
#   make soak SEEDS=N [FIRST=F] [LENGTH=L]   N non-paging and N paging seeds on
#                                            build/vsim --cosim; prints instructions checked
#                                            and failures (divergences exit 4)
#   make rgen-cosim                          the short batch that `make test` runs
RGEN_VSIM_MAXC := $(shell echo $$(( $(RGEN_LENGTH) * 200 + 1000000 )))
RGEN_COSIM_RUN  = $(RGEN_ENV) $(RGEN_DIR)/run_seeds.sh
.PHONY: soak rgen-cosim
soak: $(RGEN) $(RGEN_LD) $(VSIM)
	@$(RGEN_COSIM_RUN) -l $(RGEN_LENGTH) $(RGEN_FIRST) $(RGEN_LAST) -- \
	  $(VSIM) --cosim --max-cycles $(RGEN_VSIM_MAXC) {elf}; a=$$?; \
	$(RGEN_COSIM_RUN) -p -l $(RGEN_LENGTH) $(RGEN_FIRST) $(RGEN_LAST) -- \
	  $(VSIM) --cosim --max-cycles $(RGEN_VSIM_MAXC) {elf}; b=$$?; \
	test $$a -eq 0 && test $$b -eq 0

rgen-cosim: $(RGEN) $(RGEN_LD) $(VSIM)
	@$(MAKE) --no-print-directory soak SEEDS=25 FIRST=1 LENGTH=10000
