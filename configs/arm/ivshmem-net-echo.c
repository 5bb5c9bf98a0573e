// SPDX-License-Identifier: GPL-2.0
/*
 * Cell config for the ivshmem-net-echo inmate on the ARMv7 QEMU virt
 * machine: peer 1 of the ivshmem-net link 00:01.0 (protocol VETH), whose
 * peer 0 is the root cell (configs/arm/qemu-arm.c holds the same
 * regions). The GIC comes from the comm region.
 *
 * One CPU (CPU 3), 64 KiB of RAM at guest-physical 0, the comm region at
 * 0x80000000, the PL011 shared with the root cell. The shared memory
 * appears at its physical address: state table (read-only), read/write
 * section, the output sections of both peers, only this cell's own one
 * writable. The device's pin is INTB (slot 1), so its interrupt is SPI
 * 152 (32 + vpci_irq_base + 1), which the cell takes from the root cell.
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

/* The arm64 config of the same cell, as an ARMv7 cell with its own RAM. */
#define CELL_ARCH	JAILHOUSE_ARM
#define CELL_RAM	0x70820000
#include "../arm64/ivshmem-net-echo.c"
