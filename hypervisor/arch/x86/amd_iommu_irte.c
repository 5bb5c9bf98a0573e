// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-Vi interrupt remapping entries, 32-bit format (x86/amd_iommu.h),
 * and the message that selects one: the unit takes the entry's index
 * from the message data and sends the entry's vector to the entry's
 * destination, whatever else the message said.
 */
#include <x86/amd_iommu.h>

#define IRTE_REMAP_EN		BIT(0)
#define IRTE_INT_TYPE_SHIFT	2
#define IRTE_TYPE_ARBITRATED	1U
#define IRTE_DM_LOGICAL		BIT(6)
#define IRTE_DEST_SHIFT		8
#define IRTE_VECTOR_SHIFT	16

#define MSI_ADDR_BASE		0xfee00000ULL
#define MSI_ADDR_DEST_SHIFT	12
#define MSI_ADDR_LOGICAL	BIT(2)
#define MSI_DATA_DM_SHIFT	8
#define MSI_DATA_DM_MASK	7U
#define MSI_DM_LOWEST		1U
#define MSI_DATA_INDEX_MASK	0x7ffU

u32 amdvi_irte_for_msi(u64 address, u32 data)
{
	u32 e = IRTE_REMAP_EN |
		(u32)((address >> MSI_ADDR_DEST_SHIFT) & 0xff) <<
		IRTE_DEST_SHIFT | (data & 0xff) << IRTE_VECTOR_SHIFT;

	if (address & MSI_ADDR_LOGICAL)
		e |= IRTE_DM_LOGICAL;
	if (((data >> MSI_DATA_DM_SHIFT) & MSI_DATA_DM_MASK) == MSI_DM_LOWEST)
		e |= IRTE_TYPE_ARBITRATED << IRTE_INT_TYPE_SHIFT;
	return e;
}

/* Delivery mode bits 10:8 stay 0 (fixed) for the first 256 indexes. */
void amdvi_msi_select(u16 index, u64 *address, u32 *data)
{
	*address = MSI_ADDR_BASE;
	*data = index & MSI_DATA_INDEX_MASK;
}
