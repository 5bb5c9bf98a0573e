// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's virtual PCI host (platform_info.pci_is_virtual) made
 * visible to the root cell's Linux on ARM, where PCI hosts are found in
 * the device tree only. Debian's 6.1 kernels have neither OF_DYNAMIC nor
 * OF_OVERLAY, so nothing can be attached to the live tree; what modules
 * may use is of_fdt_unflatten_tree(). The driver writes a small tree of
 * its own (arm_vpci_node.c), unflattens it detached, and creates the
 * host's platform device from its node: pci-host-generic binds to it and
 * scans the bus. The node's interrupt map names the GIC by the phandle
 * the live tree gives it; arm_vpci_sysfs.c shows the node in sysfs. At
 * disable the device goes (the host driver removes the bus) before the
 * hypervisor does, then the tree is freed.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/acpi.h>
#include <linux/device.h>
#include <linux/kref.h>
#include <linux/kobject.h>
#include <linux/of.h>
#include <linux/of_fdt.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "arm_vpci.h"
#include "driver.h"

/* The next enable's host, from its config; valid if host_wanted. */
static struct jailhouse_vpci_host host;
static bool host_wanted;

/* While the host exists: device, node, tree and the blob the tree uses. */
static struct platform_device *host_pdev;
static struct device_node *host_node;
static void *host_tree;
static void *host_blob;

/* BAR space of the root's ivshmem devices: their register and MSI-X BARs. */
static u64 ivshmem_bar_space(const struct jailhouse_cell_desc *root)
{
	const struct jailhouse_pci_device *d =
		jailhouse_cell_pci_devices(root);
	unsigned int n, bar;
	u64 size = 0;

	for (n = 0; n < root->num_pci_devices; n++, d++) {
		if (d->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		for (bar = 0; bar < 2; bar++)
			if (d->bar_mask[bar])
				size += (u64)(u32)~d->bar_mask[bar] + 1;
	}
	return size;
}

/* A root memory region there would be mapped, never reach the device. */
static bool window_in_root_memory(const struct jailhouse_cell_desc *root)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(root);
	u64 end = host.window_base + host.window_size;
	unsigned int n;

	for (n = 0; n < root->num_memory_regions; n++, mem++)
		if (mem->virt_start < end &&
		    host.window_base < mem->virt_start + mem->size)
			return true;
	return false;
}

void jailhouse_arch_vpci_prepare(const struct jailhouse_system *sys)
{
	const struct jailhouse_cell_desc *root = &sys->root_cell;

	host_wanted = false;
	if (!sys->platform_info.pci_is_virtual)
		return;
	host.window_size = ivshmem_bar_space(root);
	if (!host.window_size)
		return;
	host.ecam_base = sys->platform_info.pci_mmconfig_base;
	host.end_bus = sys->platform_info.pci_mmconfig_end_bus;
	host.domain = sys->platform_info.pci_domain;
	host.spi_base = root->vpci_irq_base;
	/* Right after the config space; Jailhouse places it there too. */
	host.window_base = host.ecam_base +
		(host.end_bus + 1) * JAILHOUSE_ECAM_BUS_SIZE;
	if (window_in_root_memory(root)) {
		pr_err("the BAR window of the virtual PCI host, 0x%llx-0x%llx after its ECAM area, overlaps a memory region of the root cell: Linux will not see the host\n",
		       host.window_base,
		       host.window_base + host.window_size - 1);
		return;
	}
	host_wanted = true;
}

/* The GIC the root node names as interrupt parent: INTx goes there. */
static int find_gic(struct jailhouse_vpci_gic *gic)
{
	struct device_node *np = of_irq_find_parent(of_root);
	u32 cells = 0;
	int err = 0;

	if (!np) {
		pr_err("the device tree's root names no interrupt controller: the virtual PCI host stays unseen\n");
		return -ENODEV;
	}
	gic->phandle = np->phandle;
	gic->address_cells = 0;
	of_property_read_u32(np, "#address-cells", &gic->address_cells);
	of_property_read_u32(np, "#interrupt-cells", &cells);
	if (!gic->phandle || cells != 3) {
		pr_err("interrupt controller %pOF: no phandle or not 3 interrupt cells as the GIC binding has: the virtual PCI host stays unseen\n",
		       np);
		err = -ENODEV;
	}
	of_node_put(np);
	return err;
}

static int check_kernel(void)
{
	if (!acpi_disabled || !of_root) {
		pr_err("the root Linux runs without a device tree (ACPI): the virtual PCI host stays unseen\n");
		return -ENODEV;
	}
	if (pci_find_bus(host.domain, 0)) {
		pr_err("PCI domain %u is Linux's already: the virtual PCI host stays unseen (the system config's pci_domain must be a free one)\n",
		       host.domain);
		return -EBUSY;
	}
	return 0;
}

/*
 * Only the unflattener's reference may be left on the node (devices put
 * theirs on release); if another is, the node stays allocated.
 */
static void free_tree(void)
{
	if (host_node && kref_read(&host_node->kobj.kref) != 1) {
		pr_warn("the virtual PCI host's device tree node is still in use: it stays allocated\n");
	} else {
		if (host_node)
			jailhouse_vpci_node_hide(host_node);
		kfree(host_tree);
		kfree(host_blob);
	}
	host_node = NULL;
	host_tree = NULL;
	host_blob = NULL;
}

/* The tree's root and the host node as its child, unflattened. */
static struct device_node *make_tree(void)
{
	struct jailhouse_vpci_gic gic;
	struct device_node *root = NULL;

	if (find_gic(&gic))
		return NULL;
	host_blob = jailhouse_vpci_node_blob(&host, &gic);
	if (host_blob)
		host_tree = of_fdt_unflatten_tree(host_blob, NULL, &root);
	if (!root || !root->child) {
		pr_err("the device tree node of the virtual PCI host could not be made\n");
		free_tree();
		return NULL;
	}
	host_node = root->child;
	jailhouse_vpci_node_show(host_node);
	return host_node;
}

static void destroy_host(void)
{
	of_platform_device_destroy(&host_pdev->dev, NULL);
	host_pdev = NULL;
	free_tree();
}

void jailhouse_arch_vpci_add(void)
{
	struct device_node *np;

	if (!host_wanted || host_pdev || check_kernel())
		return;
	np = make_tree();
	if (!np)
		return;
	host_pdev = of_platform_device_create(np, NULL, NULL);
	if (!host_pdev) {
		pr_err("the virtual PCI host's platform device could not be made\n");
		free_tree();
		return;
	}
	if (!host_pdev->dev.driver) {
		pr_err("no driver took the virtual PCI host %pOF (pci-host-generic missing, or its probe failed: see above)\n",
		       np);
		destroy_host();
		return;
	}
	pr_info("virtual PCI host: domain %04x, ECAM at 0x%llx, INTA-INTD on SPIs %u-%u\n",
		host.domain, host.ecam_base, host.spi_base + 32,
		host.spi_base + 35);
}

void jailhouse_arch_vpci_remove(void)
{
	if (host_pdev)
		destroy_host();
}
