// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Stage-1 tables of the arm64 inmate library (see mmu.h): identity map,
 * 4 KiB granule, 39-bit VA, TTBR0_EL1 only. With 39 bits the walk starts
 * at level 1, where one entry spans 1 GiB, so the low 4 GiB are level-1
 * entries 0..3; the other 508 stay invalid and fault, which catches wild
 * pointers instead of sending them somewhere.
 *
 * Everything starts out as 1 GiB Device blocks. Normal memory is then
 * carved out of them: 2 MiB blocks where a range covers one whole, 4 KiB
 * pages (a level-3 table) where it covers only part, which is the case
 * around every image (a cell may own only 64 KiB) and for the one-page
 * comm region.
 *
 * Why so tight: Normal memory may be read speculatively at any time,
 * Device memory never. An IPA that stage 2 does not map would not fault
 * on a speculative access, but a cell may have a device, or memory that
 * is emulated by the hypervisor, next to its RAM, and speculative reads
 * there can have side effects or make the hypervisor see accesses the
 * program never made. Mapping as Normal only what the inmate itself uses
 * rules that out without knowing the cell's configuration. The same goes
 * for everything else: the GIC, the UART and any other device come from
 * the command line or the comm region at run time, so all of the low
 * 4 GiB that is not ours is Device-nGnRE, never executable.
 */
#include <inmate.h>
#include <mmu.h>

#define PAGE_SIZE		0x1000UL
#define BLOCK_SIZE		0x200000UL	/* one level-2 entry */
#define GIB			0x40000000UL	/* one level-1 entry */
#define MAPPED_END		(4 * GIB)
#define ENTRIES			512

/* Descriptor fields (Arm ARM, VMSAv8-64 translation table formats). */
#define DESC_BLOCK		0x1UL		/* levels 1 and 2 */
#define DESC_TABLE		0x3UL		/* levels 1 and 2 */
#define DESC_PAGE		0x3UL		/* level 3 */
#define DESC_TYPE_MASK		0x3UL
#define DESC_ATTR_IDX(n)	((__u64)(n) << 2)
#define DESC_SH_INNER		(3UL << 8)
#define DESC_AF			(1UL << 10)
#define DESC_PXN		(1UL << 53)
#define DESC_UXN		(1UL << 54)
#define DESC_ADDR_MASK		0x0000fffffffff000UL

/* MAIR_EL1 slots. */
#define ATTR_DEVICE		0
#define ATTR_NORMAL		1
#define MAIR_DEVICE_nGnRE	0x04UL
#define MAIR_NORMAL_WB		0xffUL	/* inner and outer WB, RW-allocate */
#define MAIR(idx, attr)		((attr) << (8 * (idx)))

/*
 * Nothing runs at EL0, hence UXN everywhere. The access flag is set up
 * front: hardware management of it is optional. Device memory gets PXN
 * too, so that instruction fetches never touch a device, not even
 * speculatively.
 */
#define DEVICE_ATTRS		(DESC_ATTR_IDX(ATTR_DEVICE) | DESC_AF | \
				 DESC_PXN | DESC_UXN)
#define NORMAL_ATTRS		(DESC_ATTR_IDX(ATTR_NORMAL) | DESC_AF | \
				 DESC_SH_INNER | DESC_UXN)

/* TCR_EL1: walks of TTBR0 as cacheable as the tables' own mapping. */
#define VA_BITS			39
#define TCR_T0SZ		(64UL - VA_BITS)
#define TCR_IRGN0_WBWA		(1UL << 8)
#define TCR_ORGN0_WBWA		(1UL << 10)
#define TCR_SH0_INNER		(3UL << 12)
#define TCR_TG0_4K		(0UL << 14)
#define TCR_T1SZ		((64UL - VA_BITS) << 16)
#define TCR_EPD1		(1UL << 23)
#define TCR_TG1_4K		(2UL << 30)
#define TCR_IPS_SHIFT		32
/* PARange values beyond 48 bits need 52-bit descriptors: not used. */
#define PARANGE_48		5

/* From inmate.lds: the table pool and what the image occupies. */
extern __u64 __pgtables_start[], __pgtables_end[];
extern char __image_start[], __image_end[];

struct mmu_regs mmu_regs;

static __u64 *next_table;
static const char *off_reason;

/*
 * A table from the pool, its first `count` entries mapping base + n *
 * span with the descriptor bits `bits`, the rest invalid. Every entry is
 * written: the pool is not part of .bss and is never cleared.
 */
static __u64 *new_table(unsigned long base, unsigned long span, __u64 bits,
			unsigned int count)
{
	__u64 *table = next_table;
	unsigned int n;

	if (__pgtables_end - table < ENTRIES)
		return NULL;
	next_table += ENTRIES;
	for (n = 0; n < ENTRIES; n++)
		table[n] = n < count ? (base + n * span) | bits : 0;
	return table;
}

/*
 * The next-level table under a level-1 or level-2 entry; a block there
 * is replaced by a table that maps the same with the same attributes
 * (block_size / 512 per entry).
 */
static __u64 *table_under(__u64 *entry, unsigned long block_size,
			  __u64 next_type)
{
	__u64 attrs = *entry & ~(DESC_ADDR_MASK | DESC_TYPE_MASK);
	__u64 *table;

	if ((*entry & DESC_TYPE_MASK) == DESC_TABLE)
		return (__u64 *)(unsigned long)(*entry & DESC_ADDR_MASK);
	table = new_table(*entry & DESC_ADDR_MASK, block_size / ENTRIES,
			  attrs | next_type, ENTRIES);
	if (table)
		*entry = (unsigned long)table | DESC_TABLE;
	return table;
}

/* [start, end) rounded out to pages becomes Normal memory. */
static bool map_normal(__u64 *l1, unsigned long start, unsigned long end)
{
	__u64 *l2, *l3, *entry;

	start &= ~(PAGE_SIZE - 1);
	end = (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (end > MAPPED_END || start >= end)
		return false;

	while (start < end) {
		l2 = table_under(&l1[start / GIB], GIB, DESC_BLOCK);
		if (!l2)
			return false;
		entry = &l2[(start % GIB) / BLOCK_SIZE];
		if (!(start % BLOCK_SIZE) && end - start >= BLOCK_SIZE) {
			*entry = start | NORMAL_ATTRS | DESC_BLOCK;
			start += BLOCK_SIZE;
			continue;
		}
		l3 = table_under(entry, BLOCK_SIZE, DESC_PAGE);
		if (!l3)
			return false;
		l3[(start % BLOCK_SIZE) / PAGE_SIZE] =
			start | NORMAL_ATTRS | DESC_PAGE;
		start += PAGE_SIZE;
	}
	return true;
}

/*
 * Runs with the MMU off, so the tables and mmu_regs go straight to
 * memory. No cache maintenance: the hypervisor cleaned and invalidated
 * the cell's RAM to the point of coherency before the first CPU started
 * (Documentation/inmate-interface.md), and with the MMU off this CPU
 * allocates no lines, so none can hide what is written here once the
 * caches are on.
 */
void mmu_setup(void)
{
	char val[8];
	__u64 *l1, parange;

	/* "mmu=off" (also 0, no, false); a bare "mmu" means on. */
	if (cmdline_parse_str("mmu", val, sizeof(val)) &&
	    !cmdline_parse_bool("mmu")) {
		off_reason = "mmu=off";
		return;
	}

	next_table = __pgtables_start;
	l1 = new_table(0, GIB, DEVICE_ATTRS | DESC_BLOCK, MAPPED_END / GIB);
	if (!l1 ||
	    !map_normal(l1, (unsigned long)__image_start,
			(unsigned long)__image_end) ||
	    !map_normal(l1, COMM_REGION_BASE, COMM_REGION_BASE + PAGE_SIZE)) {
		off_reason = "no room for the page tables";
		return;
	}

	parange = read_sysreg(id_aa64mmfr0_el1) & 0xf;
	mmu_regs.mair = MAIR(ATTR_DEVICE, MAIR_DEVICE_nGnRE) |
			MAIR(ATTR_NORMAL, MAIR_NORMAL_WB);
	mmu_regs.tcr = TCR_T0SZ | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA |
		       TCR_SH0_INNER | TCR_TG0_4K | TCR_T1SZ | TCR_EPD1 |
		       TCR_TG1_4K |
		       (MIN(parange, PARANGE_48) << TCR_IPS_SHIFT);
	mmu_regs.ttbr0 = (unsigned long)l1;
	mmu_regs.on = 1;
}

/*
 * For tests that need an access to pass stage 1 and reach the hypervisor
 * where Device memory would fault in the cell already (unaligned ones).
 * A block the range only partly covers takes a table from the pool, which
 * has little room: whole 2 MiB blocks need none.
 */
bool mmu_map_normal(unsigned long start, unsigned long end)
{
	__u64 *l1 = (__u64 *)(unsigned long)mmu_regs.ttbr0;

	if (!mmu_enabled() || !map_normal(l1, start, end))
		return false;
	/* The old Device translation may sit in the TLB. */
	asm volatile("dsb ishst\n\ttlbi vmalle1\n\tdsb ish\n\tisb"
		     : : : "memory");
	return true;
}

bool mmu_enabled(void)
{
	return read_sysreg(sctlr_el1) & SCTLR_M;
}

const char *mmu_off_reason(void)
{
	if (mmu_enabled())
		return NULL;
	return off_reason ? off_reason : "not set up";
}

_Static_assert(offsetof(struct mmu_regs, on) == MMU_REGS_ON &&
	       offsetof(struct mmu_regs, mair) == MMU_REGS_MAIR &&
	       offsetof(struct mmu_regs, tcr) == MMU_REGS_TCR &&
	       offsetof(struct mmu_regs, ttbr0) == MMU_REGS_TTBR0,
	       "start.S reads struct mmu_regs at these offsets");
