// SPDX-License-Identifier: GPL-2.0
/*
 * Long-descriptor encodings (ARM ARM D8.3, and B3.6 for ARMv7 LPAE).
 * Descriptor type is in bits [1:0]: 0b11 is a table above the last level
 * and a page in it, 0b01 a block; bit 0 clear is invalid.
 */
#include <arm-common/paging_formats.h>

#define DESC_VALID		BIT_ULL(0)
#define DESC_TYPE_MASK		3ULL
#define DESC_TABLE		3ULL
#define DESC_PAGE		3ULL
#define DESC_BLOCK		1ULL
#define DESC_ADDR		GENMASK_ULL(47, 12)

#define S1_ATTR_IDX(n)		((u64)(n) << 2)
#define S1_ATTR_IDX_MASK	(7ULL << 2)
/* AP[1] is RES1 in the single-privilege EL2 / HYP regime. */
#define S1_AP1			BIT_ULL(6)
#define S1_AP2_RO		BIT_ULL(7)

#define S2_MEMATTR_MASK		(0xfULL << 2)
#define S2_MEMATTR_DEVICE	(0x1ULL << 2)
#define S2_MEMATTR_NORMAL_WB	(0xfULL << 2)
#define S2_READ			BIT_ULL(6)
#define S2_WRITE		BIT_ULL(7)

#define SH_INNER		(3ULL << 8)
#define ACCESS_FLAG		BIT_ULL(10)
#define XN			BIT_ULL(54)

static bool desc_valid(pt_entry_t pte)
{
	return pte & DESC_VALID;
}

static bool desc_is_table(pt_entry_t pte)
{
	return (pte & DESC_TYPE_MASK) == DESC_TABLE;
}

static pt_entry_t desc_make_table(u64 phys)
{
	return (phys & DESC_ADDR) | DESC_TABLE;
}

static u64 desc_phys(pt_entry_t pte)
{
	return pte & DESC_ADDR;
}

static pt_entry_t desc_leaf(u64 phys, bool last)
{
	return (phys & DESC_ADDR) | ACCESS_FLAG |
		(last ? DESC_PAGE : DESC_BLOCK);
}

static pt_entry_t s1_make_leaf(u64 phys, unsigned long flags, bool last)
{
	pt_entry_t pte = desc_leaf(phys, last) | S1_AP1;

	if (!(flags & PAGE_FLAG_WRITE))
		pte |= S1_AP2_RO;
	if (!(flags & PAGE_FLAG_EXEC))
		pte |= XN;
	if (flags & PAGE_FLAG_DEVICE)
		pte |= S1_ATTR_IDX(ARM_MAIR_IDX_DEVICE);
	else
		pte |= S1_ATTR_IDX(ARM_MAIR_IDX_NORMAL) | SH_INNER;
	return pte;
}

static unsigned long s1_leaf_flags(pt_entry_t pte, bool last)
{
	unsigned long flags = PAGE_FLAG_READ;

	(void)last;
	if (!(pte & S1_AP2_RO))
		flags |= PAGE_FLAG_WRITE;
	if (!(pte & XN))
		flags |= PAGE_FLAG_EXEC;
	if ((pte & S1_ATTR_IDX_MASK) == S1_ATTR_IDX(ARM_MAIR_IDX_DEVICE))
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

static pt_entry_t s2_make_leaf(u64 phys, unsigned long flags, bool last)
{
	pt_entry_t pte = desc_leaf(phys, last);

	if (flags & PAGE_FLAG_READ)
		pte |= S2_READ;
	if (flags & PAGE_FLAG_WRITE)
		pte |= S2_WRITE;
	if (!(flags & PAGE_FLAG_EXEC))
		pte |= XN;
	if (flags & PAGE_FLAG_DEVICE)
		pte |= S2_MEMATTR_DEVICE;
	else
		pte |= S2_MEMATTR_NORMAL_WB | SH_INNER;
	return pte;
}

static unsigned long s2_leaf_flags(pt_entry_t pte, bool last)
{
	unsigned long flags = 0;

	(void)last;
	if (pte & S2_READ)
		flags |= PAGE_FLAG_READ;
	if (pte & S2_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (!(pte & XN))
		flags |= PAGE_FLAG_EXEC;
	if ((pte & S2_MEMATTR_MASK) == S2_MEMATTR_DEVICE)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

#define DESC_CODECS				\
	.entry_valid = desc_valid,		\
	.entry_is_table = desc_is_table,	\
	.make_table = desc_make_table,		\
	.entry_phys = desc_phys

/* Level 0 of the 4 KiB granule cannot hold blocks. */
const struct paging_format arm64_hyp_paging = {
	.name = "arm64-hyp",
	.levels = 4,
	.level = {
		{ .shift = 39, .bits = 9, .leaf = false },
		{ .shift = 30, .bits = 9, .leaf = true },
		{ .shift = 21, .bits = 9, .leaf = true },
		{ .shift = 12, .bits = 9, .leaf = true },
	},
	.pa_bits = 48,
	DESC_CODECS,
	.make_leaf = s1_make_leaf,
	.leaf_flags = s1_leaf_flags,
};

const struct paging_format arm_lpae_hyp_paging = {
	.name = "arm-lpae-hyp",
	.levels = 3,
	.level = {
		{ .shift = 30, .bits = 2, .leaf = true },
		{ .shift = 21, .bits = 9, .leaf = true },
		{ .shift = 12, .bits = 9, .leaf = true },
	},
	.pa_bits = 40,
	DESC_CODECS,
	.make_leaf = s1_make_leaf,
	.leaf_flags = s1_leaf_flags,
};

const struct paging_format arm_stage2_paging = {
	.name = "arm-stage2",
	.levels = 3,
	.level = {
		{ .shift = 30, .bits = 10, .leaf = true },
		{ .shift = 21, .bits = 9, .leaf = true },
		{ .shift = 12, .bits = 9, .leaf = true },
	},
	.pa_bits = 40,
	DESC_CODECS,
	.make_leaf = s2_make_leaf,
	.leaf_flags = s2_leaf_flags,
};
