// SPDX-License-Identifier: GPL-2.0
/*
 * The VT-d test machine of qemu-x86-vtd.c with interrupt remapping on
 * (`-device intel-iommu,intremap=on,eim=on`, a CPU with x2APIC): Linux
 * enables remapping itself and therefore runs its APICs in x2APIC mode.
 * Only the APIC mode of the root cell differs.
 */
#define ROOT_APIC_MODE JAILHOUSE_APIC_MODE_X2APIC
#include "qemu-x86-vtd.c"
