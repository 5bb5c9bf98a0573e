#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ivshmem v2 between the root cell and two bare-metal cells on the ARMv7
# QEMU virt machine (issue 16), as on arm64 (arm64/72-ivshmem-cells.sh):
# the virtual device 00:00.0 of the root config qemu-arm.c (peer 0 of 3,
# INTx), the cells ivshmem-demo and ivshmem-demo-2 (configs/arm, peers 1
# and 2) with the ARMv7 build of the inmate, their doorbells on GIC SPIs;
# the root's end is uio_ivshmem and tools/ivshmem-demo.
# The emulated Banana Pi boards have no ivshmem configs: skipped there.
# What is checked: ivshmem_cells in ivshmem-lib.sh.
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/ivshmem-lib.sh

if [ "$ARM_ROOT_CELL" != /etc/jailhouse/qemu-arm.cell ]; then
	skip "ivshmem cells" "no ivshmem link in $ARM_ROOT_CELL"
	exit 0
fi
IVSHMEM_CELLS=$ARM_CELLS
ivshmem_cells "$ARM_ROOT_CELL"
