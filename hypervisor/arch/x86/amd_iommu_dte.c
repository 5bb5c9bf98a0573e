// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-Vi device table entries (x86/amd_iommu.h): the DMA half, and for
 * the devices of non-root cells the interrupt half (remapping through
 * the hypervisor's table). Elsewhere the interrupt half stays zero: the
 * root cell's devices and the IOAPIC send their messages untranslated.
 */
#include <x86/amd_iommu.h>

/* The format of amdvi_4level_paging: the walk starts at level 4. */
#define AMDVI_MODE_4LEVEL	4ULL

static void dte_clear(u64 dte[AMDVI_DTE_QWORDS])
{
	unsigned int n;

	for (n = 0; n < AMDVI_DTE_QWORDS; n++)
		dte[n] = 0;
}

void amdvi_dte_translate(u64 dte[AMDVI_DTE_QWORDS], u64 root_phys,
			 u16 domain)
{
	dte_clear(dte);
	dte[1] = domain & AMDVI_DTE_DOMAIN_MASK;
	dte[0] = AMDVI_DTE_V | AMDVI_DTE_TV | AMDVI_DTE_IR | AMDVI_DTE_IW |
		(root_phys & AMDVI_DTE_ROOT_MASK) |
		(AMDVI_MODE_4LEVEL << AMDVI_DTE_MODE_SHIFT);
}

void amdvi_dte_block(u64 dte[AMDVI_DTE_QWORDS])
{
	dte_clear(dte);
	dte[0] = AMDVI_DTE_V | AMDVI_DTE_TV;
}

void amdvi_dte_remap_interrupts(u64 dte[AMDVI_DTE_QWORDS], u64 table_phys)
{
	dte[2] = AMDVI_DTE_IV |
		(u64)AMDVI_IRT_LEN_LOG2 << AMDVI_DTE_INTTABLEN_SHIFT |
		(table_phys & AMDVI_DTE_INTTAB_MASK) |
		AMDVI_DTE_INTCTL_REMAP << AMDVI_DTE_INTCTL_SHIFT;
}
