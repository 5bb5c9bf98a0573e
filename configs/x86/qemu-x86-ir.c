// SPDX-License-Identifier: GPL-2.0
/*
 * The test machine of qemu-x86.c under VT-d interrupt remapping
 * (`-device intel-iommu,intremap=on,eim=on`, a CPU with x2APIC, Linux
 * booted with intel_iommu=off): Linux remaps its interrupts and runs its
 * APICs in x2APIC mode, and the hypervisor takes the unit (registers at
 * 0xfed90000) over at enable. The mode of `make check-x86-ir`
 * (X86_ROOT_MODE=x2apic-ir): every x86 scenario that uses the root config
 * of the machine gets this one there.
 */
#define ROOT_APIC_MODE JAILHOUSE_APIC_MODE_X2APIC
#define ROOT_IOMMU_UNIT {				\
		.type = JAILHOUSE_IOMMU_INTEL,		\
		.base = 0xfed90000,			\
		.size = 0x1000,				\
	}
#include "qemu-x86.c"
