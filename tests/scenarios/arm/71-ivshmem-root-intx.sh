#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The virtual PCI host of the hypervisor on ARMv7 (QEMU virt), as the root
# cell's stock Linux (armmp-lpae) sees it: the checks of arm64's
# 71-ivshmem-root-intx.sh (ivshmem-root-lib.sh) with the same host,
# devices and SPIs in configs/arm/qemu-arm.c, ivshmem-net included. The
# Banana Pi configs have no virtual host.

. /scenarios/lib.sh
# shellcheck disable=SC2034 # read by ivshmem-root-lib.sh
VPCI_DEVICES="0001:00:00.0 0001:00:01.0"
. /scenarios/ivshmem-root-lib.sh

if [ "$ARM_ROOT_CELL" != /etc/jailhouse/qemu-arm.cell ]; then
	skip "virtual PCI host of the root" "only QEMU virt's root config has one"
	exit 0
fi
vpci_root_rounds "$ARM_ROOT_CELL"
vpci_net "$ARM_ROOT_CELL"
vpci_used_domain "$ARM_ROOT_CELL"
vpci_window_taken "$ARM_ROOT_CELL"
