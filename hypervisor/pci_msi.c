// SPDX-License-Identifier: GPL-2.0
/*
 * MSI and MSI-X of the PCI devices a cell owns (core/pci_msi.h).
 *
 * A device's MSI is a memory write that names CPUs by APIC ID: without
 * interrupt remapping, a cell that programs it could interrupt any CPU of
 * the system. So the capability's registers are seen before they reach
 * the device: a message may be enabled only while the arch confirms that
 * it names CPUs of the owning cell alone (arch_msi_confined). Otherwise
 * the device keeps MSI disabled, and the cell gets one refusal line.
 *
 * The root cell's own devices are checked the same way where the arch says
 * their messages name CPUs (no remapping unit checks them): a message
 * that would reach another cell's CPU is refused and MSI disabled; any
 * other write goes straight through, as Linux moves an interrupt between
 * its CPUs with MSI enabled. (Their MSI-X tables are not checked yet.)
 *
 * MSI-X keeps its messages in a table inside a BAR. Where the config
 * gives its address, the table is the hypervisor's (pci_msix.c) and MSI-X
 * may be enabled; elsewhere enabling it is refused, so such a device
 * interrupts by MSI, INTx or not at all.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/pci.h>
#include <core/pci_dev.h>
#include <core/pci_msi.h>
#include <core/refusal.h>
#include <core/string.h>

#define MSI_CTRL		2
#define MSI_CTRL_ENABLE		0x0001
#define MSI_CTRL_MME_SHIFT	4
#define MSI_CTRL_MME_MASK	0x7
#define MSI_CTRL_64BIT		0x0080
#define MSI_ADDR_LO		4
#define MSI_ADDR_HI		8
#define MSI_DATA_32		8
#define MSI_DATA_64		12
/* The capability as far as the message goes (64-bit, before mask bits). */
#define MSI_REGS		16

#define MSIX_CTRL		2

/* The config's entry for capability id of dev, NULL if it lists none. */
static const struct jailhouse_pci_capability *
find_cap(const struct cell *cell, const struct jailhouse_pci_device *dev,
	 u16 id)
{
	const struct jailhouse_pci_capability *cap =
		jailhouse_cell_pci_caps(cell->config) + dev->caps_start;
	unsigned int n;

	for (n = 0; n < dev->num_caps; n++, cap++)
		if (cap->id == id)
			return cap;
	return NULL;
}

static bool overlaps(u16 reg, unsigned int size, u16 start, unsigned int len)
{
	return reg < start + len && start < reg + size;
}

/* The capability's first bytes as they will be after the write. */
static void msi_after_write(u16 bdf, u16 start, u16 reg, u32 value,
			    unsigned int size, u8 regs[MSI_REGS])
{
	unsigned int n;
	u32 word;

	for (n = 0; n < MSI_REGS; n += 4) {
		word = arch_pci_read_config(bdf, start + n, 4);
		memcpy(regs + n, &word, 4);
	}
	for (n = 0; n < size; n++)
		if (reg + n >= (unsigned int)start &&
		    reg + n < (unsigned int)start + MSI_REGS)
			regs[reg + n - start] = value >> (8 * n);
}

static u16 get16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

static u32 get32(const u8 *p)
{
	return get16(p) | (u32)get16(p + 2) << 16;
}

/* Whether the message the registers describe may be enabled. */
static bool msi_allowed(const struct cell *cell, const u8 regs[MSI_REGS],
			u64 *address, u32 *data)
{
	u16 ctrl = get16(regs + MSI_CTRL);
	bool is64 = ctrl & MSI_CTRL_64BIT;
	unsigned int vectors =
		1U << ((ctrl >> MSI_CTRL_MME_SHIFT) & MSI_CTRL_MME_MASK);

	*address = get32(regs + MSI_ADDR_LO);
	if (is64)
		*address |= (u64)get32(regs + MSI_ADDR_HI) << 32;
	*data = get16(regs + (is64 ? MSI_DATA_64 : MSI_DATA_32));
	return arch_msi_confined(cell, *address, *data, vectors);
}

/*
 * A remapped message selects one entry, which the vectors Multiple
 * Message Enable adds would share: one vector only, then.
 */
static void one_vector(struct cell *cell, u16 bdf, u16 *ctrl)
{
	unsigned int log2 = (*ctrl >> MSI_CTRL_MME_SHIFT) & MSI_CTRL_MME_MASK;

	if (!log2)
		return;
	*ctrl &= ~(MSI_CTRL_MME_MASK << MSI_CTRL_MME_SHIFT);
	refusal_printk(cell, "PCI %02x:%02x.%x: cell \"%s\" may not enable "
		       "%u MSI vectors under interrupt remapping: 1\n",
		       PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
		       cell->config->name, 1U << log2);
}

/*
 * Under interrupt remapping the device sends a message that selects the
 * hypervisor's entry for it; the cell's own message would be blocked.
 * The cell's write went to the device first, so its message bytes are
 * replaced here (and *ctrl's vector count cut to one). false when no
 * entry is left.
 */
static bool msi_program(struct cell *cell, u16 bdf, u16 start,
			const u8 regs[MSI_REGS], u64 address, u32 data,
			u16 *ctrl)
{
	bool is64 = get16(regs + MSI_CTRL) & MSI_CTRL_64BIT;
	u64 remapped = address;
	u32 rdata = data;

	if (arch_msi_remap(cell, bdf, 0, &remapped, &rdata))
		return false;
	if (remapped == address && rdata == data)
		return true;
	one_vector(cell, bdf, ctrl);
	arch_pci_write_config(bdf, start + MSI_ADDR_LO, (u32)remapped, 4);
	if (is64)
		arch_pci_write_config(bdf, start + MSI_ADDR_HI,
				      remapped >> 32, 4);
	arch_pci_write_config(bdf, start + (is64 ? MSI_DATA_64 : MSI_DATA_32),
			      rdata, 2);
	return true;
}

static void refuse(struct cell *cell, u16 bdf, const char *what, u64 address,
		   u32 data)
{
	refusal_printk(cell, "PCI %02x:%02x.%x: cell \"%s\" may not enable "
		       "%s with address 0x%llx, data 0x%x: it would reach "
		       "CPUs outside the cell; left disabled\n",
		       PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
		       cell->config->name, what, address, data);
}

/* value without the enable bit of the control word, where it has it. */
static u32 without_enable(u16 start, u16 reg, u32 value, unsigned int size)
{
	if (overlaps(reg, size, start + MSI_CTRL, 1))
		value &= ~((u32)MSI_CTRL_ENABLE << (8 * (start + MSI_CTRL -
							 reg)));
	return value;
}

/*
 * A write into the MSI capability. Nothing reaches the device that would
 * leave MSI enabled with a message outside the cell: the enable bit is
 * cleared in the device first, and in the written value. An allowed
 * message is enabled last, once the device holds the message it is to
 * send (msi_program).
 */
static void msi_write(struct cell *cell, u16 bdf, u16 start, u16 reg,
		      u32 value, unsigned int size)
{
	u8 regs[MSI_REGS];
	u64 address;
	u32 data;
	u16 ctrl;

	msi_after_write(bdf, start, reg, value, size, regs);
	ctrl = get16(regs + MSI_CTRL);
	if (!(ctrl & MSI_CTRL_ENABLE)) {
		arch_pci_write_config(bdf, reg, value, size);
		return;
	}
	arch_pci_write_config(bdf, start + MSI_CTRL,
			      ctrl & ~MSI_CTRL_ENABLE, 2);
	arch_pci_write_config(bdf, reg, without_enable(start, reg, value, size),
			      size);
	if (msi_allowed(cell, regs, &address, &data) &&
	    msi_program(cell, bdf, start, regs, address, data, &ctrl)) {
		arch_pci_write_config(bdf, start + MSI_CTRL, ctrl, 2);
		return;
	}
	refuse(cell, bdf, "MSI", address, data);
}

/* A write into the MSI capability of a root cell device (see the top). */
static void root_msi_write(u16 bdf, u16 start, u16 reg, u32 value,
			   unsigned int size)
{
	u8 regs[MSI_REGS];
	u64 address;
	u32 data;
	u16 ctrl;

	msi_after_write(bdf, start, reg, value, size, regs);
	ctrl = get16(regs + MSI_CTRL);
	if (!(ctrl & MSI_CTRL_ENABLE) ||
	    msi_allowed(&root_cell, regs, &address, &data)) {
		arch_pci_write_config(bdf, reg, value, size);
		return;
	}
	arch_pci_write_config(bdf, start + MSI_CTRL, ctrl & ~MSI_CTRL_ENABLE,
			      2);
	arch_pci_write_config(bdf, reg, without_enable(start, reg, value, size),
			      size);
	refuse(&root_cell, bdf, "MSI", address, data);
}

/*
 * A write into the MSI-X capability: the enable bit only where the
 * hypervisor has the table (pci_msix.c), the rest as written.
 */
static void msix_write(struct cell *cell,
		       const struct jailhouse_pci_device *dev, u16 start,
		       u16 reg, u32 value, unsigned int size)
{
	u16 bdf = dev->bdf;
	/* The enable bit is the top bit of the control word's high byte. */
	u16 high = start + MSIX_CTRL + 1;
	u32 enable;

	if (!pci_msix_filtered(dev) && overlaps(reg, size, high, 1)) {
		enable = BIT(8 * (high - reg) + 7);
		if (value & enable) {
			value &= ~enable;
			refusal_printk(cell, "PCI %02x:%02x.%x: cell \"%s\" "
				       "may not enable MSI-X (the config "
				       "gives no MSI-X table address); use "
				       "MSI\n",
				       PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf),
				       PCI_BDF_FN(bdf), cell->config->name);
		}
	}
	arch_pci_write_config(bdf, reg, value, size);
}

bool pci_msi_write(struct cell *cell, const struct jailhouse_pci_device *dev,
		   u16 reg, u32 value, unsigned int size)
{
	const struct jailhouse_pci_capability *cap;

	if (cell == &root_cell) {
		cap = find_cap(cell, dev, PCI_CAP_ID_MSI);
		if (!arch_msi_root_checked() || !cap ||
		    !overlaps(reg, size, cap->start, MSI_REGS))
			return false;
		root_msi_write(dev->bdf, cap->start, reg, value, size);
		return true;
	}
	cap = find_cap(cell, dev, PCI_CAP_ID_MSI);
	if (cap && overlaps(reg, size, cap->start, MSI_REGS)) {
		msi_write(cell, dev->bdf, cap->start, reg, value, size);
		return true;
	}
	cap = find_cap(cell, dev, PCI_CAP_ID_MSIX);
	if (cap && overlaps(reg, size, cap->start, MSIX_CTRL + 2)) {
		msix_write(cell, dev, cap->start, reg, value, size);
		return true;
	}
	return false;
}
