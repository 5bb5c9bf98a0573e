// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Finding devices and capabilities on top of the architecture's config
 * space access (x86/pci.c: ports 0xcf8/0xcfc, arm64/pci-ecam.c: the
 * ECAM window), which the hypervisor filters for every cell.
 */
#include <inmate.h>

int pci_find_device(__u16 vendor, __u16 device, __u16 start_bdf)
{
	unsigned int bdf, end = (start_bdf | 0xff) + 1;

	/* Every probe traps into the hypervisor: one bus is plenty. */
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
