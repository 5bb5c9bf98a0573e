# SPDX-License-Identifier: GPL-2.0
# AArch64 part of hypervisor/Makefile. Strict alignment: early code runs
# with the EL2 MMU off, where every access is Device memory.

ARCH_SRCS := \
	arch/arm-common/cell.c \
	arch/arm-common/comm_region.c \
	arch/arm-common/dbg_console.c \
	arch/arm-common/gic.c \
	arch/arm-common/gic_banked.c \
	arch/arm-common/gic_inject.c \
	arch/arm-common/gic_unit.c \
	arch/arm-common/gic_v2.c \
	arch/arm-common/gic_v3.c \
	arch/arm-common/hv_paging.c \
	arch/arm-common/management.c \
	arch/arm-common/mmio.c \
	arch/arm-common/msi.c \
	arch/arm-common/paging_formats.c \
	arch/arm-common/pci.c \
	arch/arm-common/psci.c \
	arch/arm-common/setup.c \
	arch/arm-common/traps.c \
	arch/arm-common/uart_8250.c \
	arch/arm-common/uart_pl011.c \
	arch/arm64/aarch32.c \
	arch/arm64/setup.c \
	arch/arm64/subarch.c \
	arch/arm64/time.c \
	arch/arm64/traps.c
ARCH_ASM_SRCS := arch/arm64/entry.S
ARCH_INCLUDES := -I$(HV)/arch/arm64/include -I$(HV)/arch/arm-common/include
ARCH_CFLAGS := -mgeneral-regs-only -mstrict-align -mno-outline-atomics

# The link address, as a plain number the linker script can use.
HV_BASE := $(shell sed -n 's/^\#define[[:space:]]*HV_BASE[[:space:]]*\(0x[0-9a-fA-F]*\).*/\1/p' \
	$(HV)/arch/arm64/include/asm/layout.h)

IMAGES := jailhouse.bin
