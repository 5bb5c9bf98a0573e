// SPDX-License-Identifier: GPL-2.0
/*
 * The state of the PCI devices a non-root cell owns (core/pci_dev.h): one
 * allocation per cell, the devices' entries first, their MSI-X tables
 * after them. A unit, so that it comes and goes with the cell.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/pci_dev.h>
#include <core/unit.h>

static bool kept(const struct jailhouse_pci_device *dev)
{
	return dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM;
}

struct pci_dev_state *pci_dev_state(const struct cell *cell,
				    const struct jailhouse_pci_device *dev)
{
	if (!cell->pci_devs || !kept(dev))
		return NULL;
	return &cell->pci_devs[dev - jailhouse_cell_pci_devices(cell->config)];
}

static unsigned int msix_tables(const struct cell *cell,
				unsigned long *vectors)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n, tables = 0;

	*vectors = 0;
	for (n = 0; n < cell->config->num_pci_devices; n++, dev++)
		if (kept(dev) && pci_msix_filtered(dev)) {
			tables++;
			*vectors += dev->num_msix_vectors;
		}
	return tables;
}

/*
 * The root cell gets a view of a cell's MSI-X table while the cell owns
 * the device: one region for each device it could lend.
 */
static unsigned int pci_dev_count_regions(struct cell *cell)
{
	unsigned long vectors;

	if (cell == &root_cell)
		return cell->config->num_pci_devices;
	return msix_tables(cell, &vectors);
}

/* Hand out the entries and the tables of the allocation. */
static int pci_dev_setup(struct cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n, count = cell->config->num_pci_devices;
	struct msix_entry *table =
		(struct msix_entry *)(cell->pci_devs + count);
	struct pci_dev_state *st;
	int err;

	for (n = 0; n < count; n++, dev++) {
		st = &cell->pci_devs[n];
		st->dev = dev;
		st->cell = cell;
		if (!kept(dev))
			continue;
		pci_bar_init(st);
		if (!pci_msix_filtered(dev))
			continue;
		st->msix = table;
		table += dev->num_msix_vectors;
		err = pci_msix_init(st);
		if (err)
			return err;
	}
	return 0;
}

static int pci_dev_check(const struct cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;
	int err;

	for (n = 0; n < cell->config->num_pci_devices; n++, dev++) {
		if (!kept(dev) || !pci_msix_filtered(dev))
			continue;
		err = pci_msix_check(cell, dev);
		if (err)
			return err;
	}
	return 0;
}

static void pci_dev_cell_exit(struct cell *cell)
{
	unsigned int n;

	if (!cell->pci_devs)
		return;
	for (n = 0; n < cell->config->num_pci_devices; n++)
		if (cell->pci_devs[n].msix)
			pci_msix_exit(&cell->pci_devs[n]);
	page_free(&mem_pool, cell->pci_devs, cell->pci_dev_pages);
	cell->pci_devs = NULL;
	cell->pci_dev_pages = 0;
}

static int pci_dev_cell_init(struct cell *cell)
{
	unsigned long vectors, size;
	int err;

	if (cell == &root_cell || !cell->config->num_pci_devices)
		return 0;
	err = pci_dev_check(cell);
	if (err)
		return err;
	msix_tables(cell, &vectors);
	size = cell->config->num_pci_devices * sizeof(struct pci_dev_state) +
		vectors * sizeof(struct msix_entry);
	cell->pci_dev_pages = PAGES(size);
	cell->pci_devs = page_zalloc(&mem_pool, cell->pci_dev_pages);
	if (!cell->pci_devs)
		return -ENOMEM;
	err = pci_dev_setup(cell);
	if (err)
		pci_dev_cell_exit(cell);
	return err;
}

DEFINE_UNIT(pci_dev,
	.name = "PCI devices",
	.mmio_count_regions = pci_dev_count_regions,
	.cell_init = pci_dev_cell_init,
	.cell_exit = pci_dev_cell_exit,
);
