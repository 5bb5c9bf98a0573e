// SPDX-License-Identifier: GPL-2.0
/*
 * System config of the x86 test machine with an AMD-Vi unit: QEMU q35 as
 * in qemu-x86.c, plus `-device amd-iommu,intremap=on,pt=off` (function
 * 00:03.0, capability at 0x40, registers at 0xfed80000: the hypervisor's
 * alone, the function is not listed and so hidden from the root cell)
 * and an edu device at 00:05.0 (`-device edu,addr=05.0,dma_mask=...`), a
 * DMA engine owned by the root cell. Linux boots with amd_iommu=off
 * intremap=off: the hypervisor takes the unit and remaps the interrupts
 * of non-root cells' devices (pt=off and intremap: see
 * tests/scenarios/x86/49-amdvi-pci-cell-own-boot.sh).
 *
 * Everything but the unit is qemu-x86-vtd.c's; the IVRS values are those
 * QEMU 10.0 gives this machine (/sys/firmware/acpi/tables/IVRS, IVHD type
 * 0x10).
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define ROOT_IOMMU_UNIT {				\
		.type = JAILHOUSE_IOMMU_AMD,		\
		.base = 0xfed80000,			\
		.size = 0x4000,				\
		.amd = {				\
			.bdf = 0x03 << 3,		\
			.base_cap = 0x40,		\
			.msi_cap = 0x60,		\
			/* IVHD 0x10 features, bit 0 set */	\
			.features = 0x45,		\
		},					\
	}
#include "qemu-x86-vtd.c"
