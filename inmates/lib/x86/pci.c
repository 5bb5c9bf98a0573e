// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * PCI config space for x86 inmates (inmate_arch.h). One CPU at a time
 * per cell is assumed, as the address latch is per CPU in the
 * hypervisor but shared by this code's callers.
 */
#include <inmate.h>

#define PCI_CONF_ADDR		0xcf8
#define PCI_CONF_DATA		0xcfc
#define PCI_CONF_ENABLE		0x80000000U
#define PCI_BAR_MEM_64		0x4
#define PCI_BAR_TYPE_MASK	0x6
#define PCI_BAR_FLAGS		0xfULL

static void select_reg(__u16 bdf, unsigned int reg)
{
	outl(PCI_CONF_ENABLE | ((__u32)bdf << 8) | (reg & 0xfc),
	     PCI_CONF_ADDR);
}

__u32 pci_read_config(__u16 bdf, unsigned int reg, unsigned int size)
{
	__u16 port = PCI_CONF_DATA + (reg & 3);

	select_reg(bdf, reg);
	if (size == 1)
		return inb(port);
	if (size == 2)
		return inw(port);
	return inl(port);
}

void pci_write_config(__u16 bdf, unsigned int reg, __u32 value,
		      unsigned int size)
{
	__u16 port = PCI_CONF_DATA + (reg & 3);

	select_reg(bdf, reg);
	if (size == 1)
		outb(value, port);
	else if (size == 2)
		outw(value, port);
	else
		outl(value, port);
}

int pci_find_device(__u16 vendor, __u16 device, __u16 start)
{
	unsigned int bdf;
	__u32 id = ((__u32)device << 16) | vendor;

	/* Every probe traps: one bus is what the demos need. */
	for (bdf = start; bdf < ((start | 0xffU) + 1); bdf++)
		if (pci_read_config(bdf, 0, 4) == id)
			return bdf;
	return -1;
}

__u64 pci_bar_address(__u16 bdf, unsigned int n)
{
	unsigned int reg = PCI_CFG_BAR0 + 4 * n;
	__u64 bar = pci_read_config(bdf, reg, 4);

	if ((bar & PCI_BAR_TYPE_MASK) == PCI_BAR_MEM_64)
		bar |= (__u64)pci_read_config(bdf, reg + 4, 4) << 32;
	return bar & ~PCI_BAR_FLAGS;
}
