# SPDX-License-Identifier: GPL-2.0
#
# arm64 part of inmate.mk.

ARCH_LIB_SRCS := start.S vectors.S arch.c uart-pl011.c gic.c gic-v2.c \
	gic-v3.c timer.c psci.c smp.c

# MMU off: all accesses are Device memory, which faults when unaligned;
# no FP/SIMD (CPACR traps it); no libgcc for outlined atomics.
ARCH_CFLAGS := -mstrict-align -mgeneral-regs-only -mno-outline-atomics \
	-fno-omit-frame-pointer
ARCH_LDFLAGS := -m aarch64elf
