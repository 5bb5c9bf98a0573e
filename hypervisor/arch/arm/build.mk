# SPDX-License-Identifier: GPL-2.0
# ARMv7 (with virtualization extensions, LPAE) part of hypervisor/Makefile.
# ARM state; soft-float ABI so that no VFP/NEON register is ever touched;
# no unaligned accesses, since early code runs with the HYP MMU off.
#
# Every arm-common file, linked with the ARMv7 side of
# <arm-common/subarch.h> (arch/arm: headers, subarch.c, entry.S,
# setup.c, traps.c, time.c) into jailhouse.bin at HV_BASE.

ARCH_SRCS := $(addprefix arch/arm-common/, \
	cell.c \
	comm_region.c \
	dbg_console.c \
	gic.c \
	gic_banked.c \
	gic_inject.c \
	gic_unit.c \
	gic_v2.c \
	gic_v3.c \
	hv_paging.c \
	management.c \
	mmio.c \
	msi.c \
	paging_formats.c \
	pci.c \
	psci.c \
	setup.c \
	traps.c \
	uart_8250.c \
	uart_pl011.c) \
	$(addprefix arch/arm/, \
	div64.c \
	setup.c \
	subarch.c \
	time.c \
	traps.c)
ARCH_ASM_SRCS := arch/arm/aeabi_uldivmod.S arch/arm/entry.S
ARCH_INCLUDES := -I$(HV)/arch/arm/include -I$(HV)/arch/arm-common/include
ARCH_CFLAGS := -marm -march=armv7ve -mfloat-abi=soft -mno-unaligned-access

# The link address, as a plain number the linker script can use.
HV_BASE := $(shell sed -n 's/^\#define[[:space:]]*HV_BASE[[:space:]]*\(0x[0-9a-fA-F]*\).*/\1/p' \
	$(HV)/arch/arm/include/asm/layout.h)

IMAGES := jailhouse.bin
