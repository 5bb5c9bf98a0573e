// SPDX-License-Identifier: GPL-2.0
/*
 * Config space filtering (rules in core/pci.h). The hardware access is the
 * arch's (arch_pci_read_config, arch_pci_write_config); everything here
 * works on cell configs and bdf numbers only.
 *
 * Cell lists change only while the root cell's CPUs are suspended, and a
 * non-root cell's devices are those of its own config, so lookups need no
 * lock.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/bitmap.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/ivshmem.h>
#include <core/pci.h>
#include <core/pci_dev.h>
#include <core/pci_msi.h>
#include <core/printk.h>

#define PCI_REG_VENDOR_ID	0x00
#define PCI_NO_DEVICE		0xffff
#define PCI_REG_COMMAND		0x04
#define  PCI_CMD_MASTER		0x0004
#define PCI_REG_STATUS		0x06
#define  PCI_STATUS_CAPS	0x0010
#define PCI_REG_CAP_PTR		0x34
#define PCI_CAP_CTRL		2
#define  MSI_CTRL_ENABLE	0x0001
#define  MSIX_CTRL_ENABLE	0x8000
/* A capability list longer than this loops. */
#define PCI_MAX_CAPS		48

/* Devices that already got their console line, by bdf. */
static unsigned long noted[BITMAP_WORDS(0x10000)];

const struct jailhouse_pci_device *
pci_cell_device(const struct cell *cell, u16 bdf)
{
	const struct jailhouse_cell_desc *config = cell->config;
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(config);
	unsigned int n;

	/* One PCI segment: the domain of the platform. */
	for (n = 0; n < config->num_pci_devices; n++, dev++)
		if (dev->bdf == bdf && dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			return dev;
	return NULL;
}

struct cell *pci_owner(u16 bdf)
{
	struct cell *cell;

	for (cell = root_cell.next; cell; cell = cell->next)
		if (pci_cell_device(cell, bdf))
			return cell;
	return pci_cell_device(&root_cell, bdf) ? &root_cell : NULL;
}

static const struct jailhouse_pci_device *
owned_device(const struct cell *cell, u16 bdf)
{
	const struct jailhouse_pci_device *dev = pci_cell_device(cell, bdf);

	/* The root cell's devices may be lent to another cell. */
	if (dev && cell == &root_cell && pci_owner(bdf) != &root_cell)
		return NULL;
	return dev;
}

static bool first_note(u16 bdf)
{
	unsigned long bit = BIT(bdf % BITS_PER_LONG);

	return !(__atomic_fetch_or(&noted[bdf / BITS_PER_LONG], bit,
				   __ATOMIC_RELAXED) & bit);
}

static void note_hidden(const struct cell *cell, u16 bdf)
{
	/* Bus scans probe many empty slots: speak only of real devices. */
	if ((u16)arch_pci_read_config(bdf, PCI_REG_VENDOR_ID, 2) ==
	    PCI_NO_DEVICE ||
	    !first_note(bdf))
		return;
	printk("PCI %02x:%02x.%x is not in the config of cell \"%s\": "
	       "hidden\n", PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf),
	       PCI_BDF_FN(bdf), cell->config->name);
}

static bool valid_access(u16 reg, unsigned int size)
{
	return (size == 1 || size == 2 || size == 4) && !(reg & (size - 1)) &&
		reg < PCI_CONFIG_SIZE;
}

u32 pci_cfg_read(struct cell *cell, u16 bdf, u16 reg, unsigned int size)
{
	const struct jailhouse_pci_device *dev;
	u32 value;

	if (!valid_access(reg, size))
		return 0xffffffff;
	if (ivshmem_pci_cfg_read(cell, bdf, reg, size, &value))
		return value;
	dev = owned_device(cell, bdf);
	if (!dev) {
		note_hidden(cell, bdf);
		return size == 4 ? 0xffffffff : (1U << (8 * size)) - 1;
	}
	if (pci_bar_read(pci_dev_state(cell, dev), reg, size, &value))
		return value;
	return arch_pci_read_config(bdf, reg, size);
}

/* Whether the owner may write [reg, reg + size) of dev. */
static bool write_allowed(const struct cell *cell,
			  const struct jailhouse_pci_device *dev, u16 reg,
			  unsigned int size)
{
	const struct jailhouse_pci_capability *cap =
		jailhouse_cell_pci_caps(cell->config) + dev->caps_start;
	unsigned int n;

	if (reg + size <= PCI_HEADER_SIZE)
		return true;
	for (n = 0; n < dev->num_caps; n++, cap++)
		if (reg >= cap->start && reg + size <= cap->start + cap->len)
			return cap->flags & JAILHOUSE_PCICAPS_WRITE;
	return false;
}

void pci_cfg_write(struct cell *cell, u16 bdf, u16 reg, u32 value,
		   unsigned int size)
{
	const struct jailhouse_pci_device *dev;

	if (!valid_access(reg, size) ||
	    ivshmem_pci_cfg_write(cell, bdf, reg, value, size))
		return;
	dev = owned_device(cell, bdf);
	if (!dev) {
		note_hidden(cell, bdf);
		return;
	}
	if (!write_allowed(cell, dev, reg, size)) {
		if (first_note(bdf))
			printk("PCI %02x:%02x.%x: cell \"%s\" may not write "
			       "register 0x%x: ignored\n", PCI_BDF_BUS(bdf),
			       PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
			       cell->config->name, reg);
		return;
	}
	if (!pci_bar_write(pci_dev_state(cell, dev), reg, value, size) &&
	    !pci_msi_write(cell, dev, reg, value, size))
		arch_pci_write_config(bdf, reg, value, size);
}

bool pci_mmconfig_decode(u64 base, u8 end_bus, u64 addr, u16 *bdf,
			 u16 *reg)
{
	u64 offset = addr - base;

	if (!base || addr < base || offset >= ((u64)end_bus + 1) << 20)
		return false;
	*bdf = offset >> 12;
	*reg = offset & (PCI_CONFIG_SIZE - 1);
	return true;
}

int pci_check_cell(const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(config);
	const struct cell *other;
	unsigned int n;

	for (n = 0; n < config->num_pci_devices; n++, dev++) {
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		other = pci_owner(dev->bdf);
		if (!other) {
			printk("Cell \"%s\": PCI device %02x:%02x.%x is not "
			       "in the root cell\n", config->name,
			       PCI_BDF_BUS(dev->bdf), PCI_BDF_DEV(dev->bdf),
			       PCI_BDF_FN(dev->bdf));
			return -EINVAL;
		}
		if (other != &root_cell) {
			printk("Cell \"%s\": PCI device %02x:%02x.%x belongs "
			       "to cell \"%s\"\n", config->name,
			       PCI_BDF_BUS(dev->bdf), PCI_BDF_DEV(dev->bdf),
			       PCI_BDF_FN(dev->bdf), other->config->name);
			return -EBUSY;
		}
	}
	return 0;
}

static void clear_bits(u16 bdf, u16 reg, u16 bits)
{
	u16 value = arch_pci_read_config(bdf, reg, 2);

	if (value & bits)
		arch_pci_write_config(bdf, reg, value & ~bits, 2);
}

/* The enable bits of MSI and MSI-X, wherever the device has them. */
static void disable_msi(u16 bdf)
{
	unsigned int pos, hops;
	u8 id;

	if (!(arch_pci_read_config(bdf, PCI_REG_STATUS, 2) & PCI_STATUS_CAPS))
		return;
	pos = arch_pci_read_config(bdf, PCI_REG_CAP_PTR, 1) & 0xfc;
	for (hops = 0; pos && hops < PCI_MAX_CAPS; hops++) {
		id = arch_pci_read_config(bdf, pos, 1);
		if (id == PCI_CAP_ID_MSI)
			clear_bits(bdf, pos + PCI_CAP_CTRL, MSI_CTRL_ENABLE);
		else if (id == PCI_CAP_ID_MSIX)
			clear_bits(bdf, pos + PCI_CAP_CTRL, MSIX_CTRL_ENABLE);
		pos = arch_pci_read_config(bdf, pos + 1, 1) & 0xfc;
	}
}

void pci_cell_quiesce(const struct cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_pci_devices; n++, dev++) {
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM ||
		    (u16)arch_pci_read_config(dev->bdf, PCI_REG_VENDOR_ID, 2) ==
		    PCI_NO_DEVICE)
			continue;
		clear_bits(dev->bdf, PCI_REG_COMMAND, PCI_CMD_MASTER);
		disable_msi(dev->bdf);
	}
}
