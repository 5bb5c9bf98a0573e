# SPDX-License-Identifier: GPL-2.0
# ARMv7 (with virtualization extensions, LPAE) part of hypervisor/Makefile.
# ARM state; soft-float ABI so that no VFP/NEON register is ever touched;
# no unaligned accesses, since early code runs with the HYP MMU off.

ARCH_SRCS := arch/arm-common/paging_formats.c
ARCH_INCLUDES := -I$(HV)/arch/arm/include -I$(HV)/arch/arm-common/include
ARCH_CFLAGS := -marm -march=armv7ve -mfloat-abi=soft -mno-unaligned-access
