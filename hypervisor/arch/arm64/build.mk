# SPDX-License-Identifier: GPL-2.0
# AArch64 part of hypervisor/Makefile. Strict alignment: early code runs
# with the EL2 MMU off, where every access is Device memory.

ARCH_SRCS := arch/arm-common/paging_formats.c
ARCH_INCLUDES := -I$(HV)/arch/arm64/include -I$(HV)/arch/arm-common/include
ARCH_CFLAGS := -mgeneral-regs-only -mstrict-align -mno-outline-atomics
