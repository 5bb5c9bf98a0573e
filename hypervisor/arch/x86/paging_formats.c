// SPDX-License-Identifier: GPL-2.0
/*
 * Entry encodings of the x86-64 page-table formats (Intel SDM vol. 3
 * ch. 4.5 and 29.3, AMD APM vol. 2 ch. 5.3 and 15.25, VT-d spec ch. 9.8).
 * Geometry is the same for all: 4 levels of 512 entries, 1 GiB leaves in
 * the PDPT, 2 MiB leaves in the PD; VT-d also has a 3-level variant for
 * units that only walk 39-bit addresses.
 */
#include <x86/paging_formats.h>

#define X86_PRESENT	BIT_ULL(0)
#define X86_RW		BIT_ULL(1)
#define X86_USER	BIT_ULL(2)
#define X86_PWT		BIT_ULL(3)
#define X86_PCD		BIT_ULL(4)
#define X86_PS		BIT_ULL(7)
#define X86_NX		BIT_ULL(63)
#define X86_ADDR	GENMASK_ULL(51, 12)

#define EPT_READ	BIT_ULL(0)
#define EPT_WRITE	BIT_ULL(1)
#define EPT_EXEC	BIT_ULL(2)
#define EPT_RWX		(EPT_READ | EPT_WRITE | EPT_EXEC)
#define EPT_TYPE_SHIFT	3
#define EPT_TYPE_MASK	(7ULL << EPT_TYPE_SHIFT)
#define EPT_TYPE_UC	(0ULL << EPT_TYPE_SHIFT)
#define EPT_TYPE_WB	(6ULL << EPT_TYPE_SHIFT)
#define EPT_IGNORE_PAT	BIT_ULL(6)
#define EPT_LEAF	BIT_ULL(7)

#define X86_64_GEOMETRY						\
	.levels = 4,						\
	.level = {						\
		{ .shift = 39, .bits = 9, .leaf = false },	\
		{ .shift = 30, .bits = 9, .leaf = true },	\
		{ .shift = 21, .bits = 9, .leaf = true },	\
		{ .shift = 12, .bits = 9, .leaf = true },	\
	},							\
	.pa_bits = 52

static bool x86_valid(pt_entry_t pte)
{
	return pte & X86_PRESENT;
}

/* Bit 7 is PS above the last level (in the last level it would be PAT). */
static bool x86_is_table(pt_entry_t pte)
{
	return !(pte & X86_PS);
}

static u64 x86_phys(pt_entry_t pte)
{
	return pte & X86_ADDR;
}

static pt_entry_t x86_leaf_bits(u64 phys, unsigned long flags, bool last)
{
	pt_entry_t pte = (phys & X86_ADDR) | X86_PRESENT;

	if (flags & PAGE_FLAG_WRITE)
		pte |= X86_RW;
	if (!(flags & PAGE_FLAG_EXEC))
		pte |= X86_NX;
	if (flags & PAGE_FLAG_DEVICE)
		pte |= X86_PCD | X86_PWT;
	if (!last)
		pte |= X86_PS;
	return pte;
}

static unsigned long x86_leaf_flags(pt_entry_t pte, bool last)
{
	unsigned long flags = PAGE_FLAG_READ;

	(void)last;
	if (pte & X86_RW)
		flags |= PAGE_FLAG_WRITE;
	if (!(pte & X86_NX))
		flags |= PAGE_FLAG_EXEC;
	if (pte & X86_PCD)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

/* Intermediate entries grant everything; leaves decide. */
static pt_entry_t hv_make_table(u64 phys)
{
	return (phys & X86_ADDR) | X86_PRESENT | X86_RW;
}

static pt_entry_t hv_make_leaf(u64 phys, unsigned long flags, bool last)
{
	return x86_leaf_bits(phys, flags, last);
}

const struct paging_format x86_64_paging = {
	.name = "x86-64",
	X86_64_GEOMETRY,
	.sign_extended = true,
	.entry_valid = x86_valid,
	.entry_is_table = x86_is_table,
	.make_table = hv_make_table,
	.make_leaf = hv_make_leaf,
	.entry_phys = x86_phys,
	.leaf_flags = x86_leaf_flags,
};

/* Nested walks are user accesses: every level needs the U bit. */
static pt_entry_t npt_make_table(u64 phys)
{
	return hv_make_table(phys) | X86_USER;
}

static pt_entry_t npt_make_leaf(u64 phys, unsigned long flags, bool last)
{
	return x86_leaf_bits(phys, flags, last) | X86_USER;
}

const struct paging_format amd_npt_paging = {
	.name = "amd-npt",
	X86_64_GEOMETRY,
	.entry_valid = x86_valid,
	.entry_is_table = x86_is_table,
	.make_table = npt_make_table,
	.make_leaf = npt_make_leaf,
	.entry_phys = x86_phys,
	.leaf_flags = x86_leaf_flags,
};

static bool ept_valid(pt_entry_t pte)
{
	return pte & EPT_RWX;
}

static bool ept_is_table(pt_entry_t pte)
{
	return !(pte & EPT_LEAF);
}

static pt_entry_t ept_make_table(u64 phys)
{
	return (phys & X86_ADDR) | EPT_RWX;
}

/* The guest's PAT is ignored so that device pages stay uncached. */
static pt_entry_t ept_make_leaf(u64 phys, unsigned long flags, bool last)
{
	pt_entry_t pte = (phys & X86_ADDR) | EPT_READ | EPT_IGNORE_PAT;

	if (flags & PAGE_FLAG_WRITE)
		pte |= EPT_WRITE;
	if (flags & PAGE_FLAG_EXEC)
		pte |= EPT_EXEC;
	pte |= (flags & PAGE_FLAG_DEVICE) ? EPT_TYPE_UC : EPT_TYPE_WB;
	if (!last)
		pte |= EPT_LEAF;
	return pte;
}

static unsigned long ept_leaf_flags(pt_entry_t pte, bool last)
{
	unsigned long flags = 0;

	(void)last;
	if (pte & EPT_READ)
		flags |= PAGE_FLAG_READ;
	if (pte & EPT_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (pte & EPT_EXEC)
		flags |= PAGE_FLAG_EXEC;
	if ((pte & EPT_TYPE_MASK) == EPT_TYPE_UC)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

const struct paging_format intel_ept_paging = {
	.name = "intel-ept",
	X86_64_GEOMETRY,
	.entry_valid = ept_valid,
	.entry_is_table = ept_is_table,
	.make_table = ept_make_table,
	.make_leaf = ept_make_leaf,
	.entry_phys = x86_phys,
	.leaf_flags = ept_leaf_flags,
};

#define VTD_READ	BIT_ULL(0)
#define VTD_WRITE	BIT_ULL(1)
#define VTD_RW		(VTD_READ | VTD_WRITE)
#define VTD_SUPERPAGE	BIT_ULL(7)

static bool vtd_valid(pt_entry_t pte)
{
	return pte & VTD_RW;
}

static bool vtd_is_table(pt_entry_t pte)
{
	return !(pte & VTD_SUPERPAGE);
}

static pt_entry_t vtd_make_table(u64 phys)
{
	return (phys & X86_ADDR) | VTD_RW;
}

/*
 * Devices only read and write; the unit snoops or not by its own rules
 * (no memory type bits without snoop control).
 */
static pt_entry_t vtd_make_leaf(u64 phys, unsigned long flags, bool last)
{
	pt_entry_t pte = (phys & X86_ADDR) | VTD_READ;

	if (flags & PAGE_FLAG_WRITE)
		pte |= VTD_WRITE;
	if (!last)
		pte |= VTD_SUPERPAGE;
	return pte;
}

static unsigned long vtd_leaf_flags(pt_entry_t pte, bool last)
{
	unsigned long flags = 0;

	(void)last;
	if (pte & VTD_READ)
		flags |= PAGE_FLAG_READ;
	if (pte & VTD_WRITE)
		flags |= PAGE_FLAG_WRITE;
	return flags;
}

#define VTD_CODECS				\
	.entry_valid = vtd_valid,		\
	.entry_is_table = vtd_is_table,		\
	.make_table = vtd_make_table,		\
	.make_leaf = vtd_make_leaf,		\
	.entry_phys = x86_phys,			\
	.leaf_flags = vtd_leaf_flags

const struct paging_format vtd_sl_4level_paging = {
	.name = "vtd-sl-48",
	X86_64_GEOMETRY,
	VTD_CODECS,
};

const struct paging_format vtd_sl_3level_paging = {
	.name = "vtd-sl-39",
	.levels = 3,
	.level = {
		{ .shift = 30, .bits = 9, .leaf = true },
		{ .shift = 21, .bits = 9, .leaf = true },
		{ .shift = 12, .bits = 9, .leaf = true },
	},
	.pa_bits = 52,
	VTD_CODECS,
};

/*
 * AMD-Vi host page tables (AMD IOMMU spec ch. 2.2.3): read and write
 * permission bits in every entry, ANDed along the walk, so tables grant
 * both. NextLevel (bits 11:9) names the level of the table an entry
 * points to, counted from 1 for the 4 KiB level; 0 marks a leaf of the
 * size of the level it sits in, so no level is ever skipped.
 */
#define AMDVI_PRESENT		BIT_ULL(0)
#define AMDVI_NEXT_SHIFT	9
#define AMDVI_NEXT_MASK		(7ULL << AMDVI_NEXT_SHIFT)
#define AMDVI_READ		BIT_ULL(61)
#define AMDVI_WRITE		BIT_ULL(62)
#define AMDVI_LEVELS		4

static bool amdvi_is_table(pt_entry_t pte)
{
	return pte & AMDVI_NEXT_MASK;
}

/* child counts from the root (0), the unit's levels from the bottom. */
static pt_entry_t amdvi_make_table(u64 phys, unsigned int child)
{
	u64 next = AMDVI_LEVELS - child;

	return (phys & X86_ADDR) | AMDVI_PRESENT | AMDVI_READ | AMDVI_WRITE |
		(next << AMDVI_NEXT_SHIFT);
}

static pt_entry_t amdvi_make_leaf(u64 phys, unsigned long flags, bool last)
{
	pt_entry_t pte = (phys & X86_ADDR) | AMDVI_PRESENT | AMDVI_READ;

	(void)last;
	if (flags & PAGE_FLAG_WRITE)
		pte |= AMDVI_WRITE;
	return pte;
}

static unsigned long amdvi_leaf_flags(pt_entry_t pte, bool last)
{
	unsigned long flags = 0;

	(void)last;
	if (pte & AMDVI_READ)
		flags |= PAGE_FLAG_READ;
	if (pte & AMDVI_WRITE)
		flags |= PAGE_FLAG_WRITE;
	return flags;
}

const struct paging_format amdvi_4level_paging = {
	.name = "amdvi-48",
	X86_64_GEOMETRY,
	.entry_valid = x86_valid,
	.entry_is_table = amdvi_is_table,
	.make_table_at = amdvi_make_table,
	.make_leaf = amdvi_make_leaf,
	.entry_phys = x86_phys,
	.leaf_flags = amdvi_leaf_flags,
};
