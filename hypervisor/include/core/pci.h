/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI configuration space as cells see it. The arch traps the accesses
 * (x86: ports 0xcf8/0xcfc and the MMCONFIG window) and hands each one,
 * decoded to device (bdf), register and size, to pci_cfg_read or
 * pci_cfg_write. These decide by the cell's config:
 *
 * - A device belongs to the cell whose config lists it; one listed by a
 *   non-root cell belongs to that cell while it exists and is hidden from
 *   the root cell meanwhile.
 * - Devices a cell does not own read as all-ones, writes are dropped (no
 *   device there, as far as the cell can tell).
 * - The owner reads all of the device's config space and writes its
 *   header (command, BARs, ...) and the capabilities its config lists
 *   with JAILHOUSE_PCICAPS_WRITE; other writes are dropped.
 *
 * Each device gets at most one console line about dropped accesses.
 */
#ifndef _CORE_PCI_H
#define _CORE_PCI_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

struct cell;

/* Type 0 and type 1 headers both end here. */
#define PCI_HEADER_SIZE		0x40
/* Extended config space of PCI Express, per function. */
#define PCI_CONFIG_SIZE		0x1000

#define PCI_BDF_BUS(bdf)	((bdf) >> 8)
#define PCI_BDF_DEV(bdf)	(((bdf) >> 3) & 0x1f)
#define PCI_BDF_FN(bdf)		((bdf) & 7)

/* The entry of the cell's config listing bdf (ivshmem ones left out). */
const struct jailhouse_pci_device *
pci_cell_device(const struct cell *cell, u16 bdf);

/* The cell that owns bdf now, NULL if none lists it. */
struct cell *pci_owner(u16 bdf);

/*
 * One access of cell; size 1, 2 or 4 and reg a multiple of it, else the
 * access is treated as one to a missing device.
 */
u32 pci_cfg_read(struct cell *cell, u16 bdf, u16 reg, unsigned int size);
void pci_cfg_write(struct cell *cell, u16 bdf, u16 reg, u32 value,
		   unsigned int size);

/*
 * Whether addr is in the MMCONFIG window at base (buses 0 to end_bus);
 * if so, its device and register (ECAM layout: bus, device, function
 * and register offset in bits 27-20, 19-15, 14-12 and 11-0).
 */
bool pci_mmconfig_decode(u64 base, u8 end_bus, u64 addr, u16 *bdf,
			 u16 *reg);

/*
 * A new cell's devices against the system (cell_check.c): each must be
 * the root cell's and no other cell's. One console line on refusal.
 */
int pci_check_cell(const struct jailhouse_cell_desc *config);

/*
 * The devices of cell change owner (cell create and destroy): bus
 * mastering off, MSI and MSI-X disabled, so that nothing the old owner
 * set up, DMA or interrupt, reaches the new one. The new owner switches
 * them on again when it has set the device up.
 */
void pci_cell_quiesce(const struct cell *cell);

#endif /* _CORE_PCI_H */
