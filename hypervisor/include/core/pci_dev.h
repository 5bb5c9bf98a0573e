/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the hypervisor keeps for each PCI device a non-root cell owns
 * (pci_dev.c), and the two things it keeps it for:
 *
 * - The BARs and the expansion ROM's (pci_bar.c). A cell reads and
 *   writes them as usual, sizing included, but the device's real BARs
 *   never move: a cell that moved one could lay the device over another's
 *   registers, or its MSI-X table out of the hypervisor's sight. As with
 *   Jailhouse, what the cell wrote is kept and read back, cut to the
 *   BAR's size (the config's bar_mask, or the size the hypervisor finds
 *   in the device where that is 0).
 * - The MSI-X table (pci_msix.c), at the config's msix_address. The cell
 *   reaches it through the hypervisor only (its memory regions may not
 *   map it): a vector is unmasked in the device only with a message the
 *   arch confirms stays inside the cell (arch_msi_confined), else it
 *   stays masked and the cell gets one refusal line. The root cell may
 *   read the table while the cell owns the device, but not write it.
 *
 * The root cell has no such state: its writes reach its devices.
 */
#ifndef _CORE_PCI_DEV_H
#define _CORE_PCI_DEV_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

struct cell;

/* Six BARs in a type 0 header. */
#define PCI_NUM_BARS		6

/* One MSI-X table entry, as the device lays it out. */
struct msix_entry {
	u32 address_lo;
	u32 address_hi;
	u32 data;
	u32 ctrl;
};

struct pci_dev_state {
	const struct jailhouse_pci_device *dev;
	struct cell *cell;
	/*
	 * The BARs as the cell sees them, and which bits it may set; the
	 * expansion ROM's last.
	 */
	u32 bar[PCI_NUM_BARS + 1];
	u32 bar_mask[PCI_NUM_BARS + 1];
	/* dev->num_msix_vectors entries as the cell wrote them, or NULL. */
	struct msix_entry *msix;
};

/*
 * The state of dev, an entry of cell's config; NULL for the root cell
 * and for devices the hypervisor keeps nothing for (ivshmem).
 */
struct pci_dev_state *pci_dev_state(const struct cell *cell,
				    const struct jailhouse_pci_device *dev);

/*
 * BARs (pci_bar.c): true when [reg, reg + size) is a BAR register of st
 * and the access was answered (*value) or taken here.
 */
bool pci_bar_read(const struct pci_dev_state *st, u16 reg,
		  unsigned int size, u32 *value);
bool pci_bar_write(struct pci_dev_state *st, u16 reg, u32 value,
		   unsigned int size);
/* The BARs as the device has them, for a cell taking it. */
void pci_bar_init(struct pci_dev_state *st);

/*
 * MSI-X (pci_msix.c). pci_msix_check: -EINVAL (with a line) when a memory
 * region of the cell would map dev's table. pci_msix_init masks every
 * vector in the device and traps the table; pci_msix_exit masks them
 * again and removes the trap.
 */
int pci_msix_check(const struct cell *cell,
		   const struct jailhouse_pci_device *dev);
int pci_msix_init(struct pci_dev_state *st);
void pci_msix_exit(struct pci_dev_state *st);
/* Whether dev's MSI-X table is the hypervisor's, so MSI-X may be on. */
bool pci_msix_filtered(const struct jailhouse_pci_device *dev);
/*
 * The root cell loses its mapping of the pages of cell's MSI-X tables
 * (within physical [start, end)) while cell owns the devices: reads there
 * reach the device through the hypervisor, writes are refused. Part of
 * every recomputation of the root's view (cell_memory.c).
 */
int pci_msix_withhold(const struct cell *cell, u64 start, u64 end);

#endif /* _CORE_PCI_DEV_H */
