# SPDX-License-Identifier: GPL-2.0
#
# Compile the test fixtures of one architecture the way shipped configs are
# compiled: `make -f fixtures.mk ARCH=x86_64|arm64|arm OUT=<dir>`.

TOPDIR ?= $(abspath ../..)
include $(TOPDIR)/scripts/build.mk

OUT ?= $(TOPDIR)/build/config-check
DEST := $(OUT)/$(SRCARCH)
SOURCES := $(wildcard fixtures/$(SRCARCH)/*.c)
CELLS := $(patsubst fixtures/$(SRCARCH)/%.c,$(DEST)/%.cell,$(SOURCES))
# The layout probes are the same sources for every architecture.
PROBES := $(patsubst fixtures/probe/%.c,$(DEST)/probe/%.cell,\
	$(wildcard fixtures/probe/*.c))

# The flags of configs/Makefile, so fixtures are built like shipped configs.
FIXTURE_CFLAGS := -ffreestanding -nostdinc -O2 -Wall -Wextra -Werror \
	-fno-common -fno-zero-initialized-in-bss $(ABI_INCLUDES)

.PHONY: all
all: $(CELLS) $(PROBES)
	@:

# -MMD: a fixture that includes another (cell-b.c includes cell-a.c) is
# rebuilt when that one changes.
$(DEST)/%.o: fixtures/$(SRCARCH)/%.c $(wildcard $(TOPDIR)/include/jailhouse/*.h)
	@mkdir -p $(DEST)
	$(Q)$(CC) $(FIXTURE_CFLAGS) -MMD -MP -c -o $@ $<

-include $(CELLS:.cell=.d)

$(DEST)/probe/%.o: fixtures/probe/%.c $(wildcard $(TOPDIR)/include/jailhouse/*.h)
	@mkdir -p $(DEST)/probe
	$(Q)$(CC) $(FIXTURE_CFLAGS) -c -o $@ $<

$(DEST)/%.cell: $(DEST)/%.o
	$(Q)$(OBJCOPY) -O binary -j .data -j .rodata $< $@

# Keep the objects: the unit tests compare the .cell against them.
.SECONDARY:
