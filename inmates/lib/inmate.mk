# SPDX-License-Identifier: GPL-2.0
#
# Builds bare-metal inmate images: the inmate library (this directory and
# <LIB_ARCH>/) plus one demo source each, linked with the architecture's
# linker script and turned into raw binaries.
#
#   make -f inmates/lib/inmate.mk LIB_ARCH=x86|arm64|arm DEMOS="a b" \
#        SRCDIR=<dir with a.c b.c> OUTDIR=<dir for a.bin b.bin> \
#        [VARIANT=64|32 (x86)] [INMATE_BASE=<link address> (arm64, arm)]
#
# An image made of more sources than its one demo file (inmates/freertos)
# includes this file and lists their objects, built by its own rules, in
# EXTRA_OBJS: they are linked into every image.
#
# demos/<srcarch>/Makefile calls it; tests call it with another OUTDIR
# and INMATE_BASE to run the same sources in plain QEMU.

ifndef TOPDIR
TOPDIR := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../..)
endif
include $(TOPDIR)/scripts/build.mk

LIB := $(TOPDIR)/inmates/lib
ALIB := $(LIB)/$(LIB_ARCH)
VARIANT ?=
INMATE_BASE ?= 0
BUILD := $(OUTDIR)/.build$(VARIANT)
EXTRA_OBJS ?=
# Archives after all objects (lib.mk may name libgcc).
ARCH_LIBS :=

include $(ALIB)/lib.mk

LIB_SRCS := string.c format.c console.c cmdline.c cmdline-buf.c comm.c \
	setup.c uart-8250.c pci-scan.c ivshmem.c $(ARCH_LIB_SRCS)
LIB_OBJS := $(addprefix $(BUILD)/, $(addsuffix .o, $(basename $(LIB_SRCS))))

CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter \
	-ffreestanding -fno-pie -fno-stack-protector -fno-common \
	-fno-builtin -ffunction-sections -fdata-sections \
	-fno-asynchronous-unwind-tables \
	-I$(LIB)/include -I$(ALIB)/include $(ABI_INCLUDES) $(ARCH_CFLAGS)
ASFLAGS := $(CFLAGS) -D__ASSEMBLY__
LDFLAGS := -nostdlib -no-pie --gc-sections --build-id=none \
	-z noexecstack --no-warn-rwx-segments \
	-T $(ALIB)/inmate.lds --defsym=__inmate_base=$(INMATE_BASE) \
	$(ARCH_LDFLAGS)

vpath %.c $(LIB) $(ALIB) $(SRCDIR)
vpath %.S $(ALIB) $(SRCDIR)

BINS := $(addprefix $(OUTDIR)/, $(addsuffix .bin, $(DEMOS)))

.PHONY: all
all: $(BINS)

$(BUILD)/%.o: %.c | $(BUILD)
	@echo "  CC      $(notdir $@)"
	$(Q)$(CC) $(CFLAGS) -MMD -MF $@.d -c -o $@ $<

$(BUILD)/%.o: %.S | $(BUILD)
	@echo "  AS      $(notdir $@)"
	$(Q)$(CC) $(ASFLAGS) -MMD -MF $@.d -c -o $@ $<

$(BUILD):
	$(Q)mkdir -p $@

$(OUTDIR)/%.elf: $(BUILD)/%.o $(LIB_OBJS) $(EXTRA_OBJS) $(ALIB)/inmate.lds
	@echo "  LD      $(notdir $@)"
	$(Q)$(LD) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(EXTRA_OBJS) $(ARCH_LIBS)

$(OUTDIR)/%.bin: $(OUTDIR)/%.elf
	@echo "  OBJCOPY $(notdir $@)"
	$(Q)$(OBJCOPY) -O binary $< $@

.SECONDARY:

-include $(wildcard $(BUILD)/*.o.d)
