// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * PCI config space by configuration mechanism #1 (ports 0xcf8/0xcfc),
 * which the hypervisor traps and filters for every cell: a cell sees the
 * devices of its config, virtual ones (ivshmem) included, and nothing
 * else. One CPU per cell uses it at a time in our demos, so no lock.
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

int pci_find_device(__u16 vendor, __u16 device, __u16 start_bdf)
{
	unsigned int bdf, end = (start_bdf | 0xff) + 1;

	/* Every probe is two trapped port accesses: one bus is plenty. */
	for (bdf = start_bdf; bdf < end; bdf++)
		if (pci_read_config(bdf, PCI_CFG_VENDOR_ID, 4) ==
		    ((__u32)device << 16 | vendor))
			return bdf;
	return -1;
}

int pci_find_cap(__u16 bdf, __u8 cap_id)
{
	unsigned int pos = pci_read_config(bdf, PCI_CFG_CAP_PTR, 1);
	unsigned int hops;

	/* A list longer than config space could hold is a loop. */
	for (hops = 0; pos && hops < 48; hops++) {
		if (pci_read_config(bdf, pos, 1) == cap_id)
			return pos;
		pos = pci_read_config(bdf, pos + 1, 1);
	}
	return -1;
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
