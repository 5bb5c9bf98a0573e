# SPDX-License-Identifier: GPL-2.0
#
# ARMv7 part of inmate.mk (see include/inmate_arch.h). The PL011, GIC
# (v2, and v3 for AArch32 cells on arm64), PSCI, SMP and lock code is
# arm64's (lib/include/inmate_arm.h).

ARM64_SHARED := uart-pl011.c gic.c gic-v2.c gic-v3.c psci.c smp.c \
	bakery-lock.c pci-ecam.c ivshmem-irq.c
ARCH_LIB_SRCS := start.S vectors.S arch.c timer.c $(ARM64_SHARED)
$(foreach f,$(ARM64_SHARED),$(eval vpath $(f) $(LIB)/arm64))

# ARM state for the vectors and the start; C may be Thumb-2. No FP/SIMD
# (nothing saves it) while keeping Debian's hard-float calling convention,
# so that libgcc (64-bit division) links; no C library headers, they
# assume a VFP program. Strongly-ordered memory with the MMU off wants
# aligned accesses.
ARCH_CFLAGS := -march=armv7-a -mfpu=vfpv3-d16 -mfloat-abi=hard \
	-mgeneral-regs-only -mno-unaligned-access -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include)
ARCH_LDFLAGS := -m armelf_linux_eabi
ARCH_LIBS := $(shell $(CC) -march=armv7-a -mfloat-abi=hard \
	-print-libgcc-file-name)
