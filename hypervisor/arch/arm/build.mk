# SPDX-License-Identifier: GPL-2.0
# ARMv7 (with virtualization extensions, LPAE) part of hypervisor/Makefile.
# ARM state; soft-float ABI so that no VFP/NEON register is ever touched;
# no unaligned accesses, since early code runs with the HYP MMU off.
#
# No image yet: every arm-common file is compiled against the ARMv7 side
# of <arm-common/subarch.h> (arch/arm/include/asm and subarch.c) so that
# the shared code keeps building for both sub-architectures. What the
# contract asks of ARMv7's entry code (entering and leaving guests,
# starting CPUs) is declared only and stays unresolved until the ARMv7
# port links an image.

ARCH_SRCS := $(addprefix arch/arm-common/, \
	cell.c \
	comm_region.c \
	gic.c \
	gic_inject.c \
	gic_unit.c \
	gic_v2.c \
	gic_v3.c \
	hv_paging.c \
	management.c \
	mmio.c \
	paging_formats.c \
	psci.c \
	traps.c \
	uart_pl011.c) \
	arch/arm/subarch.c
ARCH_INCLUDES := -I$(HV)/arch/arm/include -I$(HV)/arch/arm-common/include
ARCH_CFLAGS := -marm -march=armv7ve -mfloat-abi=soft -mno-unaligned-access
