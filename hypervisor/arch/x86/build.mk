# SPDX-License-Identifier: GPL-2.0
# x86-64 part of hypervisor/Makefile. The image runs at JAILHOUSE_BASE in
# the top 2 GiB, hence the kernel code model; no FPU/SSE state is touched
# because guest state lives there.

# Common x86 objects, in every image.
ARCH_SRCS := \
	arch/x86/amd_iommu.c \
	arch/x86/amd_iommu_cmd.c \
	arch/x86/amd_iommu_dte.c \
	arch/x86/amd_iommu_event.c \
	arch/x86/amd_iommu_hw.c \
	arch/x86/amd_iommu_ir.c \
	arch/x86/amd_iommu_irte.c \
	arch/x86/apic.c \
	arch/x86/cell.c \
	arch/x86/clock.c \
	arch/x86/cpuid.c \
	arch/x86/dbg.c \
	arch/x86/fatal.c \
	arch/x86/guest_mem.c \
	arch/x86/hypercall.c \
	arch/x86/ioapic.c \
	arch/x86/ioapic_remap.c \
	arch/x86/iommu.c \
	arch/x86/management.c \
	arch/x86/mmio.c \
	arch/x86/msi.c \
	arch/x86/msr.c \
	arch/x86/npt.c \
	arch/x86/paging_formats.c \
	arch/x86/pci.c \
	arch/x86/pio.c \
	arch/x86/remap.c \
	arch/x86/setup.c \
	arch/x86/uart_8250.c \
	arch/x86/vcpu.c \
	arch/x86/vtd.c \
	arch/x86/vtd_fault.c \
	arch/x86/vtd_fault_event.c \
	arch/x86/vtd_ir.c \
	arch/x86/vtd_ir_cells.c \
	arch/x86/vtd_ir_regs.c \
	arch/x86/vtd_irte.c \
	arch/x86/vtd_qi.c \
	arch/x86/vtd_tables.c \
	arch/x86/xsetbv.c
ARCH_ASM_SRCS := arch/x86/entry.S

# One image per vendor: the common objects and the vendor's, which
# implement x86/vcpu.h. An image is built once its vendor's C file exists
# (jailhouse-intel.bin: vmx.c and vmx_entry.S).
IMAGE_SRCS_jailhouse-amd := arch/x86/svm.c arch/x86/svm_entry.S
IMAGE_SRCS_jailhouse-intel := arch/x86/vmx.c arch/x86/vmx_entry.S
ARCH_INCLUDES := -I$(HV)/arch/x86/include
ARCH_CFLAGS := -m64 -mcmodel=kernel -mno-red-zone -mgeneral-regs-only

# The link address, as a plain number the linker script can use.
HV_BASE := $(shell sed -n 's/^\#define[[:space:]]*JAILHOUSE_BASE[[:space:]]*\(0x[0-9a-fA-F]*\).*/\1/p' \
	$(TOPDIR)/include/arch/x86/asm/jailhouse_base.h)

IMAGES := $(foreach v,amd:svm intel:vmx,$(if \
	$(wildcard $(HV)/arch/x86/$(lastword $(subst :, ,$(v))).c),\
	jailhouse-$(firstword $(subst :, ,$(v))).bin))
