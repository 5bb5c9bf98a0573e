// SPDX-License-Identifier: GPL-2.0
/*
 * PCI devices a non-root cell takes from Linux. At cell create Linux
 * lets go of each one: its driver is unbound and a driver override that
 * names no driver keeps any other from binding, so that Linux leaves the
 * device alone while the cell owns it (the hypervisor hides it from the
 * root cell's config space and moves its DMA to the cell). At destroy the
 * override goes and Linux probes the device again.
 *
 * The root cell's virtual devices (ivshmem) exist only while the
 * hypervisor runs: Linux scans for them after enable and removes them
 * before disable, so that no driver touches a device that is gone.
 */
#include <linux/device.h>
#include <linux/msi.h>
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

int jailhouse_pci_keep(struct jailhouse_cell *cell,
		       const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_pci_device *d =
		jailhouse_cell_pci_devices(config);

	cell->num_pci_devices = 0;
	cell->pci_devices = kmemdup(d, config->num_pci_devices * sizeof(*d),
				    GFP_KERNEL);
	if (config->num_pci_devices && !cell->pci_devices)
		return -ENOMEM;
	cell->num_pci_devices = config->num_pci_devices;
	return 0;
}

int jailhouse_pci_claim(struct jailhouse_cell *cell,
			const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_pci_device *d;
	struct pci_dev *pdev;
	unsigned int n;
	int err;

	err = jailhouse_pci_keep(cell, config);
	if (err)
		return err;
	d = cell->pci_devices;
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

/* Linux's bus of @d, if it has one (ARM's virtual host bridge it has not). */
static struct pci_bus *virtual_dev_bus(const struct jailhouse_pci_device *d)
{
	struct pci_bus *bus = pci_find_bus(d->domain, PCI_BUS_NUM(d->bdf));

	if (!bus)
		pr_info("%04x:%02x:%02x.%x: Linux has no PCI bus %02x, the virtual device stays unseen\n",
			d->domain, PCI_BUS_NUM(d->bdf), PCI_SLOT(d->bdf & 0xff),
			PCI_FUNC(d->bdf & 0xff), PCI_BUS_NUM(d->bdf));
	return bus;
}

/*
 * Under interrupt remapping Linux hands each PCI device the MSI domain of
 * its remapping unit as the device is added, through the DMAR code's bus
 * notifier; booted with intel_iommu=off (the hypervisor takes DMA
 * remapping) it never registers that notifier, and a device that appears
 * later has no MSI domain: MSI and MSI-X setup fail. A virtual device
 * takes the domain of another device on its bus (the hypervisor looks
 * their messages up in the first remapping unit: QEMU's covers all).
 */
static void give_msi_domain(struct pci_dev *pdev)
{
	struct pci_dev *other;

	if (dev_get_msi_domain(&pdev->dev))
		return;
	list_for_each_entry(other, &pdev->bus->devices, bus_list) {
		if (other == pdev || !dev_get_msi_domain(&other->dev))
			continue;
		dev_set_msi_domain(&pdev->dev, dev_get_msi_domain(&other->dev));
		return;
	}
}

/* pci_rescan_bus, with MSI domains given before any driver probes. */
static void rescan_with_msi_domains(struct pci_bus *bus)
{
	struct pci_dev *pdev;

	pci_lock_rescan_remove();
	pci_scan_child_bus(bus);
	list_for_each_entry(pdev, &bus->devices, bus_list)
		give_msi_domain(pdev);
	pci_assign_unassigned_bus_resources(bus);
	pci_bus_add_devices(bus);
	pci_unlock_rescan_remove();
}

void jailhouse_pci_virtual_add(const struct jailhouse_cell *root)
{
	const struct jailhouse_pci_device *d = root->pci_devices;
	struct pci_dev *pdev;
	struct pci_bus *bus;
	unsigned int n;

	for (n = 0; n < root->num_pci_devices; n++, d++) {
		if (d->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		pdev = cell_pci_dev(d);
		if (pdev) {
			pci_dev_put(pdev);
			continue;
		}
		bus = virtual_dev_bus(d);
		if (bus)
			rescan_with_msi_domains(bus);
	}
}

void jailhouse_pci_virtual_remove(const struct jailhouse_cell *root)
{
	const struct jailhouse_pci_device *d = root->pci_devices;
	struct pci_dev *pdev;
	unsigned int n;

	for (n = 0; n < root->num_pci_devices; n++, d++) {
		if (d->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		pdev = cell_pci_dev(d);
		if (!pdev)
			continue;
		pci_stop_and_remove_bus_device_locked(pdev);
		pci_dev_put(pdev);
	}
}
