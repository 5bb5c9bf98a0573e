// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * PCI config space by configuration mechanism #1 (ports 0xcf8/0xcfc),
 * which the hypervisor traps and filters for every cell: a cell sees the
 * devices of its config, virtual ones (ivshmem) included, and nothing
 * else. One CPU per cell uses it at a time in our demos, so no lock.
 * Device and capability search: ../pci-scan.c.
 */
#include <inmate.h>

#define PCI_CONF1_ADDRESS	0xcf8
#define PCI_CONF1_DATA		0xcfc
#define PCI_CONF1_ENABLE	0x80000000U

static void select_reg(__u16 bdf, unsigned int reg)
{
	outl(PCI_CONF1_ENABLE | (__u32)bdf << 8 | (reg & 0xfc),
	     PCI_CONF1_ADDRESS);
}

__u32 pci_read_config(__u16 bdf, unsigned int reg, unsigned int size)
{
	select_reg(bdf, reg);
	if (size == 1)
		return inb(PCI_CONF1_DATA + (reg & 3));
	if (size == 2)
		return inw(PCI_CONF1_DATA + (reg & 2));
	return inl(PCI_CONF1_DATA);
}

void pci_write_config(__u16 bdf, unsigned int reg, __u32 value,
		      unsigned int size)
{
	select_reg(bdf, reg);
	if (size == 1)
		outb(value, PCI_CONF1_DATA + (reg & 3));
	else if (size == 2)
		outw(value, PCI_CONF1_DATA + (reg & 2));
	else
		outl(value, PCI_CONF1_DATA);
}

#define PCI_BAR_MEM_64		0x4
#define PCI_BAR_TYPE_MASK	0x6
#define PCI_BAR_FLAGS		0xfULL

__u64 pci_bar_address(__u16 bdf, unsigned int n)
{
	unsigned int reg = PCI_CFG_BAR + 4 * n;
	__u64 bar = pci_read_config(bdf, reg, 4);

	if ((bar & PCI_BAR_TYPE_MASK) == PCI_BAR_MEM_64)
		bar |= (__u64)pci_read_config(bdf, reg + 4, 4) << 32;
	return bar & ~PCI_BAR_FLAGS;
}
