# SPDX-License-Identifier: GPL-2.0
#
# arm64 part of inmate.mk.

ARCH_LIB_SRCS := start.S vectors.S arch.c mmu.c uart-pl011.c gic.c \
	gic-v2.c gic-v3.c timer.c psci.c smp.c bakery-lock.c pci-ecam.c \
	ivshmem-irq.c

# Device memory faults on unaligned accesses, and everything is Device
# memory with "mmu=off" (and for MMIO always): strict alignment stays.
# No FP/SIMD (CPACR traps it); no libgcc for outlined atomics.
ARCH_CFLAGS := -mstrict-align -mgeneral-regs-only -mno-outline-atomics \
	-fno-omit-frame-pointer
ARCH_LDFLAGS := -m aarch64elf
