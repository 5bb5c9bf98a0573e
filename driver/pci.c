// SPDX-License-Identifier: GPL-2.0
/*
 * PCI devices a non-root cell takes from Linux. At cell create Linux
 * lets go of each one: its driver is unbound and a driver override that
 * names no driver keeps any other from binding, so that Linux leaves the
 * device alone while the cell owns it (the hypervisor hides it from the
 * root cell's config space and moves its DMA to the cell). At destroy the
 * override goes and Linux probes the device again.
 */
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/slab.h>

#include "driver.h"

/* A name no driver has: an override to it matches none. */
#define JAILHOUSE_NO_DRIVER	"jailhouse-cell"

static struct pci_dev *cell_pci_dev(const struct jailhouse_pci_device *d)
{
	return pci_get_domain_bus_and_slot(d->domain, PCI_BUS_NUM(d->bdf),
					   d->bdf & 0xff);
}

static void claim_one(struct jailhouse_cell *cell, struct pci_dev *pdev)
{
	int err = driver_set_override(&pdev->dev, &pdev->driver_override,
				      JAILHOUSE_NO_DRIVER,
				      strlen(JAILHOUSE_NO_DRIVER));

	if (err)
		pr_warn("%s: keeping Linux's drivers away failed (%d)\n",
			pci_name(pdev), err);
	if (pdev->dev.driver)
		pr_info("%s: releasing driver %s for cell \"%s\"\n",
			pci_name(pdev), pdev->dev.driver->name, cell->name);
	device_release_driver(&pdev->dev);
}

static void release_one(struct pci_dev *pdev)
{
	driver_set_override(&pdev->dev, &pdev->driver_override, "", 0);
	if (device_attach(&pdev->dev) < 0)
		pr_warn("%s: probing it again failed\n", pci_name(pdev));
}

static bool is_physical(const struct jailhouse_pci_device *d)
{
	return d->type == JAILHOUSE_PCI_TYPE_DEVICE ||
		d->type == JAILHOUSE_PCI_TYPE_BRIDGE;
}

int jailhouse_pci_claim(struct jailhouse_cell *cell,
			const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_pci_device *d =
		jailhouse_cell_pci_devices(config);
	struct pci_dev *pdev;
	unsigned int n;

	cell->num_pci_devices = 0;
	cell->pci_devices = kmemdup(d, config->num_pci_devices * sizeof(*d),
				    GFP_KERNEL);
	if (config->num_pci_devices && !cell->pci_devices)
		return -ENOMEM;
	cell->num_pci_devices = config->num_pci_devices;
	for (n = 0; n < cell->num_pci_devices; n++, d++) {
		pdev = is_physical(d) ? cell_pci_dev(d) : NULL;
		if (!pdev)
			continue;
		claim_one(cell, pdev);
		pci_dev_put(pdev);
	}
	return 0;
}

void jailhouse_pci_release(struct jailhouse_cell *cell)
{
	const struct jailhouse_pci_device *d = cell->pci_devices;
	struct pci_dev *pdev;
	unsigned int n;

	for (n = 0; n < cell->num_pci_devices; n++, d++) {
		pdev = is_physical(d) ? cell_pci_dev(d) : NULL;
		if (!pdev)
			continue;
		release_one(pdev);
		pci_dev_put(pdev);
	}
	kfree(cell->pci_devices);
	cell->pci_devices = NULL;
	cell->num_pci_devices = 0;
}
