#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ivshmem v2 between the root cell and two bare-metal cells on arm64
# (issue 16). The root config lists the virtual device 00:00.0 (peer 0
# of 3, INTx), the cells ivshmem-demo and ivshmem-demo-2 the same link
# (peers 1 and 2), whose inmate takes its doorbells on the GIC SPI
# 32 + vpci_irq_base + pin - 1. The root's end is uio_ivshmem (INTx on
# SPI 140) and tools/ivshmem-demo.
#
# What is checked: ivshmem_cells in ivshmem-lib.sh. Runs on GICv3 and
# GICv2.
# stockade-timeout: 600

. /scenarios/lib.sh
. /scenarios/ivshmem-lib.sh

IVSHMEM_CELLS=/etc/jailhouse/
ivshmem_cells "$ARM64_ROOT_CELL"
