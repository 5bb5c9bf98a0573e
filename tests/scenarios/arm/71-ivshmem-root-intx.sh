#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The virtual PCI host of the hypervisor on ARMv7 (QEMU virt), as the root
# cell's stock Linux (armmp-lpae) sees it: the checks of arm64's
# 71-ivshmem-root-intx.sh (ivshmem-root-lib.sh) with the same host, device
# and SPIs in configs/arm/qemu-arm.c. The Banana Pi configs have no
# virtual host.

. /scenarios/lib.sh
. /scenarios/ivshmem-root-lib.sh

if [ "$ARM_ROOT_CELL" != /etc/jailhouse/qemu-arm.cell ]; then
	skip "virtual PCI host of the root" "only QEMU virt's root config has one"
	exit 0
fi
vpci_root_rounds "$ARM_ROOT_CELL"
vpci_used_domain "$ARM_ROOT_CELL"
