// SPDX-License-Identifier: GPL-2.0
/*
 * The MSI-X tables of non-root cells' devices (core/pci_dev.h). The cell
 * writes its entries into a copy; an entry reaches the device when the
 * cell unmasks it and the arch confirms its message stays inside the
 * cell. Until then, and whenever it is masked, the device has it masked.
 * The pending bits and whatever else shares the table's region are read
 * from the device; writes there are dropped. The root cell keeps a view
 * of the table's pages that reads the device and refuses writes: it must
 * not aim the cell's interrupts elsewhere.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/cell_memory.h>
#include <core/errno.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/pci.h>
#include <core/pci_dev.h>
#include <core/printk.h>
#include <core/refusal.h>

#define MSIX_ENTRY_SIZE		sizeof(struct msix_entry)
#define MSIX_CTRL_MASKED	0x1

bool pci_msix_filtered(const struct jailhouse_pci_device *dev)
{
	return dev->msix_address && dev->num_msix_vectors &&
		dev->msix_region_size >=
		dev->num_msix_vectors * MSIX_ENTRY_SIZE;
}

int pci_msix_check(const struct cell *cell,
		   const struct jailhouse_pci_device *dev)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	u64 start = dev->msix_address, end = start + dev->msix_region_size;
	unsigned int n;

	for (n = 0; n < cell->config->num_memory_regions; n++, mem++)
		if (mem->virt_start < end && start < mem->virt_start + mem->size)
			break;
	if (n == cell->config->num_memory_regions)
		return 0;
	printk("Cell \"%s\": memory region %u maps the MSI-X table of PCI "
	       "%02x:%02x.%x at 0x%llx, which must stay the hypervisor's\n",
	       cell->config->name, n, PCI_BDF_BUS(dev->bdf),
	       PCI_BDF_DEV(dev->bdf), PCI_BDF_FN(dev->bdf), start);
	return -EINVAL;
}

/* One 32-bit access to the device's region at offset. */
static bool device_access(const struct pci_dev_state *st, u64 offset,
			  struct mmio_access *acc)
{
	return mmio_device_access(st->dev->msix_address + offset, acc);
}

static void device_write32(const struct pci_dev_state *st, u64 offset,
			   u32 value)
{
	struct mmio_access acc = {
		.size = 4, .is_write = true, .value = value,
	};

	device_access(st, offset, &acc);
}

static void mask_in_device(const struct pci_dev_state *st, unsigned int n)
{
	device_write32(st, n * MSIX_ENTRY_SIZE +
		       offsetof(struct msix_entry, ctrl), MSIX_CTRL_MASKED);
}

static void refuse(const struct pci_dev_state *st, unsigned int n,
		   u64 address, u32 data)
{
	u16 bdf = st->dev->bdf;

	refusal_printk(st->cell, "PCI %02x:%02x.%x: cell \"%s\" may not "
		       "unmask MSI-X vector %u with address 0x%llx, data "
		       "0x%x: it would reach CPUs outside the cell; left "
		       "masked\n", PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf),
		       PCI_BDF_FN(bdf), st->cell->config->name, n, address,
		       data);
}

/*
 * Entry n after a write of the cell: masked first, then the message
 * written (remapped where an interrupt remapping unit is on), then
 * unmasked if the cell has it so and the message is confined, so that
 * the device never sends a half-written one. The cell keeps reading what
 * it wrote.
 */
static void sync_entry(const struct pci_dev_state *st, unsigned int n)
{
	const struct msix_entry *e = &st->msix[n];
	u64 offset = n * MSIX_ENTRY_SIZE;
	u64 address = (u64)e->address_hi << 32 | e->address_lo;
	u32 data = e->data;

	mask_in_device(st, n);
	if (e->ctrl & MSIX_CTRL_MASKED)
		return;
	if (!arch_msi_confined(st->cell, address, data, 1)) {
		refuse(st, n, address, data);
		return;
	}
	if (arch_msi_remap(st->cell, st->dev->bdf, n, &address, &data))
		return;
	device_write32(st, offset, (u32)address);
	device_write32(st, offset + 4, address >> 32);
	device_write32(st, offset + 8, data);
	device_write32(st, offset + 12, e->ctrl);
}

static enum mmio_result table_access(struct pci_dev_state *st,
				     struct mmio_access *acc)
{
	unsigned int n = acc->address / MSIX_ENTRY_SIZE;
	u32 *words = (u32 *)&st->msix[n];
	unsigned int word = (acc->address % MSIX_ENTRY_SIZE) / 4;

	if (acc->address % acc->size || (acc->size != 4 && acc->size != 8))
		return MMIO_ERROR;
	if (!acc->is_write) {
		acc->value = words[word];
		if (acc->size == 8)
			acc->value |= (u64)words[word + 1] << 32;
		return MMIO_HANDLED;
	}
	words[word] = acc->value;
	if (acc->size == 8)
		words[word + 1] = acc->value >> 32;
	sync_entry(st, n);
	return MMIO_HANDLED;
}

static enum mmio_result msix_access(void *arg, struct mmio_access *acc)
{
	struct pci_dev_state *st = arg;
	u16 bdf = st->dev->bdf;

	if (acc->address < st->dev->num_msix_vectors * MSIX_ENTRY_SIZE)
		return table_access(st, acc);
	if (!acc->is_write)
		return device_access(st, acc->address, acc) ? MMIO_HANDLED :
			MMIO_ERROR;
	refusal_printk(st->cell, "PCI %02x:%02x.%x: cell \"%s\" wrote 0x%llx "
		       "beyond the MSI-X table (offset 0x%llx): dropped\n",
		       PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
		       st->cell->config->name, acc->value, acc->address);
	return MMIO_HANDLED;
}

/* The whole pages of dev's table region, as the root maps devices. */
static struct jailhouse_memory table_pages(const struct jailhouse_pci_device
					   *dev)
{
	u64 start = dev->msix_address & PAGE_MASK;

	return (struct jailhouse_memory){
		.phys_start = start,
		.virt_start = start,
		.size = ALIGN_UP(dev->msix_address + dev->msix_region_size,
				 PAGE_SIZE) - start,
	};
}

int pci_msix_withhold(const struct cell *cell, u64 start, u64 end)
{
	struct jailhouse_memory pages;
	unsigned int n;
	int err;

	if (!cell->pci_devs)
		return 0;
	for (n = 0; n < cell->config->num_pci_devices; n++) {
		if (!cell->pci_devs[n].msix)
			continue;
		pages = table_pages(cell->pci_devs[n].dev);
		err = root_memory_withhold(&pages, start, end);
		if (err)
			return err;
	}
	return 0;
}

/* The root cell's view of a cell's table: the device's, read-only. */
static enum mmio_result root_access(void *arg, struct mmio_access *acc)
{
	struct pci_dev_state *st = arg;
	u64 offset = acc->address -
		(st->dev->msix_address - table_pages(st->dev).phys_start);
	u16 bdf = st->dev->bdf;

	if (!acc->is_write)
		return device_access(st, offset, acc) ? MMIO_HANDLED :
			MMIO_ERROR;
	refusal_printk(&root_cell, "PCI %02x:%02x.%x: the root cell may not "
		       "write the MSI-X table of cell \"%s\" (offset "
		       "0x%llx): dropped\n", PCI_BDF_BUS(bdf),
		       PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
		       st->cell->config->name, offset);
	return MMIO_HANDLED;
}

int pci_msix_init(struct pci_dev_state *st)
{
	struct jailhouse_memory pages = table_pages(st->dev);
	unsigned int n;
	int err;

	for (n = 0; n < st->dev->num_msix_vectors; n++) {
		st->msix[n].ctrl = MSIX_CTRL_MASKED;
		mask_in_device(st, n);
	}
	err = mmio_region_register(st->cell, st->dev->msix_address,
				   st->dev->msix_region_size, msix_access,
				   st);
	if (!err)
		err = mmio_region_register(&root_cell, pages.phys_start,
					   pages.size, root_access, st);
	if (!err)
		err = root_memory_withhold(&pages, pages.phys_start,
					   pages.phys_start + pages.size);
	return err;
}

void pci_msix_exit(struct pci_dev_state *st)
{
	struct jailhouse_memory pages = table_pages(st->dev);
	unsigned int n;

	for (n = 0; n < st->dev->num_msix_vectors; n++)
		mask_in_device(st, n);
	mmio_region_unregister(st->cell, st->dev->msix_address);
	mmio_region_unregister(&root_cell, pages.phys_start);
	root_memory_give_back(&pages);
}
