// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the ivshmem-demo inmate on the ARMv7 test machine
 * (QEMU virt, configs/arm/qemu-arm.c), the ARMv7 build of the demo: peer
 * 1 of the ivshmem link 00:00.0 of three peers, whose peer 0 is the
 * root cell and peer 2 the cell ivshmem-demo-2 (qemu-arm.c holds the same
 * shared regions).
 *
 * One CPU (CPU 3), 64 KiB of RAM at guest-physical 0, the comm region at
 * 0x80000000, the PL011 shared with the root cell. The shared memory
 * appears at its physical address: state table (read-only), read/write
 * section, the output sections of the three peers, only this cell's own
 * one writable. The device's INTA is SPI 144 (32 + vpci_irq_base), which
 * the cell takes from the root cell.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* The arm64 config of the same cell, as an ARMv7 cell with its own RAM. */
#define CELL_ARCH	JAILHOUSE_ARM
#define CELL_RAM	0x70800000
#include "../arm64/ivshmem-demo.c"
