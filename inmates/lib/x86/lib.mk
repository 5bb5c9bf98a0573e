# SPDX-License-Identifier: GPL-2.0
#
# x86 part of inmate.mk. VARIANT=32 builds the 32-bit (protected mode,
# no paging) library, anything else the 64-bit one.

ARCH_LIB_SRCS := start.S isr.S arch.c apic.c int.c timing.c smp.c pci.c \
	ivshmem-irq.c

ARCH_CFLAGS := -mno-sse -mno-mmx -mno-sse2 -mno-3dnow -mno-avx \
	-mno-red-zone -fno-omit-frame-pointer
ifeq ($(VARIANT),32)
ARCH_CFLAGS += -m32 -march=i686
ARCH_LIB_SRCS += libgcc32.c
ARCH_LDFLAGS := -m elf_i386
else
ARCH_CFLAGS += -m64 -mcmodel=small
ARCH_LDFLAGS := -m elf_x86_64
endif
