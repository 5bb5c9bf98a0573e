/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MSI and MSI-X of devices that non-root cells own (pci_msi.c): a cell
 * enables MSI only with a message the arch confirms stays inside the cell
 * (arch_msi_confined), and MSI-X only where the hypervisor has its table
 * (core/pci_dev.h: the config gives its address). Refusals leave the
 * device's interrupt disabled and print one line each (core/refusal.h).
 */
#ifndef _CORE_PCI_MSI_H
#define _CORE_PCI_MSI_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

struct cell;

/*
 * A write of cell, allowed by the config's capability rules, to dev's
 * config space: true when it touched the MSI or MSI-X capability and was
 * handled here (passed on, or passed on less its enable bit); false for
 * the caller to pass on. The root cell's writes are always the caller's.
 */
bool pci_msi_write(struct cell *cell, const struct jailhouse_pci_device *dev,
		   u16 reg, u32 value, unsigned int size);

#endif /* _CORE_PCI_MSI_H */
