// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * PCI config space on ARM: the generic ECAM window of the hypervisor's
 * virtual PCI host (4 KiB per function, bus 0 first). Its base is the
 * platform's pci_mmconfig_base, which the comm region passes on; the
 * command line's "pci-base=" overrides it (images run outside a cell).
 * Every access traps, and the hypervisor answers only for the devices of
 * the cell; without a window config space reads as absent. Built for
 * arm64 and ARMv7 alike.
 */
#include <inmate.h>

static unsigned long ecam_base(void)
{
	static unsigned long base;
	static bool known;

	if (!known) {
		if (comm_region_valid())
			base = comm_region->pci_mmconfig_base;
		base = cmdline_parse_int("pci-base", base);
		known = true;
	}
	return base;
}

/* Accesses stay naturally aligned, as the trap handler wants them. */
static volatile void *cfg_addr(__u16 bdf, unsigned int reg,
			       unsigned int size)
{
	return (volatile void *)(ecam_base() + ((unsigned long)bdf << 12) +
				 (reg & 0xfff & ~(size - 1)));
}

__u32 pci_read_config(__u16 bdf, unsigned int reg, unsigned int size)
{
	if (!ecam_base())
		return size == 4 ? 0xffffffff : (1U << (8 * size)) - 1;
	if (size == 1)
		return *(volatile __u8 *)cfg_addr(bdf, reg, 1);
	if (size == 2)
		return *(volatile __u16 *)cfg_addr(bdf, reg, 2);
	return *(volatile __u32 *)cfg_addr(bdf, reg, 4);
}

void pci_write_config(__u16 bdf, unsigned int reg, __u32 value,
		      unsigned int size)
{
	if (!ecam_base())
		return;
	if (size == 1)
		*(volatile __u8 *)cfg_addr(bdf, reg, 1) = value;
	else if (size == 2)
		*(volatile __u16 *)cfg_addr(bdf, reg, 2) = value;
	else
		*(volatile __u32 *)cfg_addr(bdf, reg, 4) = value;
}
