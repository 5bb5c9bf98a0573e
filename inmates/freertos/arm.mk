# SPDX-License-Identifier: GPL-2.0
#
# ARMv7 part of inmates/freertos/Makefile. There is no ARMv7 inmate library
# yet (inmates/lib/arm), so nothing can be linked: the port layer
# (port/arm, port/common without the start-up, which needs the library),
# the demo's pure-C statistics and the FreeRTOS kernel are compiled with
# the same rules as on arm64, so that the port is known to build. Once
# the library exists, this file gives way to the arm64 path.

CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -ffreestanding -fno-pie \
	-fno-stack-protector -fno-common -ffunction-sections -fdata-sections \
	-fno-asynchronous-unwind-tables -march=armv7-a -mfloat-abi=soft \
	-mgeneral-regs-only -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-I$(HERE)/port/arm/libc -I$(TOPDIR)/inmates/lib/include \
	$(FREERTOS_INCLUDES)
BUILD := $(OUTDIR)/.build-arm
ARM_OWN := port.c portASM.S port-core.c tick.c stats.c
objs = $(addprefix $(BUILD)/, $(addsuffix .o, $(basename $(1))))
KERNEL_OBJS := $(call objs,$(KERNEL_SRCS))
OWN_OBJS := $(call objs,$(ARM_OWN))

$(KERNEL_OBJS) $(OWN_OBJS): $(call kernel_stamp,$(BUILD))
$(OWN_OBJS): CFLAGS += $(OWN_CFLAGS)
$(KERNEL_OBJS): CFLAGS += $(KERNEL_CFLAGS)

vpath %.c $(K) $(K)/portable/MemMang $(HERE)/port/common $(HERE)/port/arm \
	$(HERE)/demo
vpath %.S $(HERE)/port/arm

all: $(KERNEL_OBJS) $(OWN_OBJS)
	@echo "freertos: ARMv7 port and kernel compiled; no ARMv7 inmate" \
		"library yet, so no freertos-demo.bin"

install: all

$(BUILD)/%.o: %.c | $(BUILD)
	@echo "  CC      $(notdir $@)"
	$(Q)$(CC) $(CFLAGS) -MMD -MF $@.d -c -o $@ $<

$(BUILD)/%.o: %.S | $(BUILD)
	@echo "  AS      $(notdir $@)"
	$(Q)$(CC) $(CFLAGS) -D__ASSEMBLY__ -MMD -MF $@.d -c -o $@ $<

$(BUILD):
	$(Q)mkdir -p $@

-include $(wildcard $(BUILD)/*.o.d)
