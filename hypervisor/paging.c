// SPDX-License-Identifier: GPL-2.0
/*
 * Format-independent page-table operations. Walks are recursive: depth is
 * bounded by PAGING_MAX_LEVELS and each frame is small.
 */
#include <core/errno.h>
#include <core/paging.h>
#include <core/string.h>

static unsigned int table_entries(const struct paging_format *fmt,
				  unsigned int level)
{
	return 1U << fmt->level[level].bits;
}

static unsigned long table_pages(const struct paging_format *fmt,
				 unsigned int level)
{
	return PAGES(table_entries(fmt, level) * sizeof(pt_entry_t));
}

static unsigned int entry_index(const struct paging_format *fmt,
				unsigned int level, u64 virt)
{
	return (virt >> fmt->level[level].shift) &
		(table_entries(fmt, level) - 1);
}

static bool is_last(const struct paging_format *fmt, unsigned int level)
{
	return level == fmt->levels - 1;
}

static pt_entry_t *table_of(const struct paging_structures *pg,
			    pt_entry_t pte)
{
	u64 phys = pg->fmt->entry_phys(pte) & PAGE_MASK;

	return page_pool_phys2virt(pg->pool, phys);
}

static bool entry_is_table(const struct paging_format *fmt,
			   unsigned int level, pt_entry_t pte)
{
	return !is_last(fmt, level) && fmt->entry_valid(pte) &&
		fmt->entry_is_table(pte);
}

/* Hardware walkers read the tables: make stores visible before use. */
static void write_entry(pt_entry_t *entry, pt_entry_t pte)
{
	__atomic_store_n(entry, pte, __ATOMIC_RELEASE);
}

/*
 * Clear a valid entry that maps [virt, virt + size), and have no TLB
 * remember it, before the entry gets another value or what it pointed
 * to is freed.
 */
static void break_entry(struct paging_structures *pg, pt_entry_t *entry,
			u64 virt, u64 size)
{
	write_entry(entry, 0);
	if (pg->invalidate)
		pg->invalidate(pg, virt, size);
}

static void free_tables(struct paging_structures *pg, pt_entry_t *table,
			unsigned int level)
{
	const struct paging_format *fmt = pg->fmt;
	unsigned int n;

	for (n = 0; n < table_entries(fmt, level); n++)
		if (entry_is_table(fmt, level, table[n]))
			free_tables(pg, table_of(pg, table[n]), level + 1);
	page_free(pg->pool, table, table_pages(fmt, level));
}

static bool table_empty(const struct paging_format *fmt, unsigned int level,
			const pt_entry_t *table)
{
	unsigned int n;

	for (n = 0; n < table_entries(fmt, level); n++)
		if (fmt->entry_valid(table[n]))
			return false;
	return true;
}

static pt_entry_t table_entry(const struct paging_format *fmt, u64 phys,
			      unsigned int child)
{
	if (fmt->make_table_at)
		return fmt->make_table_at(phys, child);
	return fmt->make_table(phys);
}

/*
 * Return the next-level table behind *entry, creating it if the entry is
 * empty, or splitting the huge page it maps into the same mapping one level
 * down.
 */
static pt_entry_t *child_table(struct paging_structures *pg,
			       pt_entry_t *entry, unsigned int level, u64 virt)
{
	const struct paging_format *fmt = pg->fmt;
	unsigned int child = level + 1;
	u64 child_size = paging_level_size(fmt, child);
	pt_entry_t pte = *entry;
	unsigned long flags;
	pt_entry_t *table;
	unsigned int n;
	u64 phys;

	if (fmt->entry_valid(pte) && fmt->entry_is_table(pte))
		return table_of(pg, pte);

	table = page_zalloc(pg->pool, table_pages(fmt, child));
	if (!table)
		return NULL;

	if (fmt->entry_valid(pte)) {
		phys = fmt->entry_phys(pte) &
			~(paging_level_size(fmt, level) - 1);
		flags = fmt->leaf_flags(pte, false);
		for (n = 0; n < table_entries(fmt, child); n++)
			table[n] = fmt->make_leaf(phys + n * child_size, flags,
						  is_last(fmt, child));
		/* A block becomes a table: a size change of a mapping. */
		break_entry(pg, entry,
			    virt & ~(paging_level_size(fmt, level) - 1),
			    paging_level_size(fmt, level));
	}
	write_entry(entry, table_entry(fmt, page_pool_virt2phys(pg->pool,
								table), child));
	return table;
}

/* Bytes from virt to the end of the entry that maps it, at most size. */
static u64 chunk_size(const struct paging_format *fmt, unsigned int level,
		      u64 virt, u64 size)
{
	u64 entry_size = paging_level_size(fmt, level);
	u64 chunk = entry_size - (virt & (entry_size - 1));

	return chunk < size ? chunk : size;
}

static int map_level(struct paging_structures *pg, pt_entry_t *table,
		     unsigned int level, u64 virt, u64 phys, u64 size,
		     unsigned long flags)
{
	const struct paging_format *fmt = pg->fmt;
	u64 entry_size = paging_level_size(fmt, level);
	bool last = is_last(fmt, level);
	pt_entry_t *entry, *child, pte, old;
	u64 chunk;
	int err;

	while (size) {
		entry = &table[entry_index(fmt, level, virt)];
		chunk = chunk_size(fmt, level, virt, size);
		if (last || (fmt->level[level].leaf &&
			     !(flags & PAGE_FLAG_NO_HUGE) &&
			     entry_size <= pg->max_page_size &&
			     chunk == entry_size &&
			     (phys & (entry_size - 1)) == 0)) {
			pte = fmt->make_leaf(phys, flags & PAGE_FLAGS_STORED,
					     last);
			old = *entry;
			if (fmt->entry_valid(old) && old != pte) {
				break_entry(pg, entry, virt, chunk);
				if (entry_is_table(fmt, level, old))
					free_tables(pg, table_of(pg, old),
						    level + 1);
			}
			write_entry(entry, pte);
		} else {
			child = child_table(pg, entry, level, virt);
			if (!child)
				return -ENOMEM;
			err = map_level(pg, child, level + 1, virt, phys,
					chunk, flags);
			if (err)
				return err;
		}
		virt += chunk;
		phys += chunk;
		size -= chunk;
	}
	return 0;
}

static int unmap_level(struct paging_structures *pg, pt_entry_t *table,
		       unsigned int level, u64 virt, u64 size)
{
	const struct paging_format *fmt = pg->fmt;
	u64 entry_size = paging_level_size(fmt, level);
	pt_entry_t *entry, *child, old;
	u64 chunk;
	int err;

	while (size) {
		entry = &table[entry_index(fmt, level, virt)];
		chunk = chunk_size(fmt, level, virt, size);
		if (!fmt->entry_valid(*entry)) {
			/* nothing mapped here */
		} else if (chunk == entry_size) {
			old = *entry;
			break_entry(pg, entry, virt, chunk);
			if (entry_is_table(fmt, level, old))
				free_tables(pg, table_of(pg, old), level + 1);
		} else {
			child = child_table(pg, entry, level, virt);
			if (!child)
				return -ENOMEM;
			err = unmap_level(pg, child, level + 1, virt, chunk);
			if (err)
				return err;
			if (table_empty(fmt, level + 1, child)) {
				break_entry(pg, entry, virt & ~(entry_size - 1),
					    entry_size);
				page_free(pg->pool, child,
					  table_pages(fmt, level + 1));
			}
		}
		virt += chunk;
		size -= chunk;
	}
	return 0;
}

static u64 reach(const struct paging_format *fmt)
{
	return 1ULL << (fmt->level[0].shift + fmt->level[0].bits);
}

/* Whether [virt, virt + size) lies in the address space of the format. */
static bool virt_range_ok(const struct paging_format *fmt, u64 virt,
			  u64 size)
{
	u64 top = reach(fmt);
	u64 offset = virt & (top - 1);
	u64 high = virt & ~(top - 1);

	if (fmt->sign_extended) {
		/*
		 * Canonical addresses: the bits above the reach repeat its top
		 * bit. Each half is contiguous on its own.
		 */
		top >>= 1;
		if (high == 0 && offset < top)
			return size <= top - offset;
		if (high == ~(top * 2 - 1) && offset >= top)
			return size <= 2 * top - offset;
		return false;
	} else if (high) {
		return false;
	}
	return size <= top - offset;
}

int paging_map(struct paging_structures *pg, u64 virt, u64 phys, u64 size,
	       unsigned long flags)
{
	const struct paging_format *fmt = pg->fmt;

	if ((virt | phys | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!(flags & PAGE_FLAG_READ))
		return -EINVAL;
	if (!virt_range_ok(fmt, virt, size))
		return -EINVAL;
	if (fmt->pa_bits < 64 && (phys >> fmt->pa_bits ||
				  size > (1ULL << fmt->pa_bits) - phys))
		return -EINVAL;
	return map_level(pg, pg->root, 0, virt, phys, size, flags);
}

int paging_unmap(struct paging_structures *pg, u64 virt, u64 size)
{
	if ((virt | size) & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!virt_range_ok(pg->fmt, virt, size))
		return -EINVAL;
	return unmap_level(pg, pg->root, 0, virt, size);
}

int paging_walk(const struct paging_structures *pg, u64 virt,
		struct paging_walk *walk)
{
	const struct paging_format *fmt = pg->fmt;
	const pt_entry_t *table = pg->root;
	unsigned int level;
	pt_entry_t pte;
	u64 size;

	for (level = 0; level < fmt->levels; level++) {
		pte = table[entry_index(fmt, level, virt)];
		if (!fmt->entry_valid(pte))
			return -ENOENT;
		if (entry_is_table(fmt, level, pte)) {
			table = table_of(pg, pte);
			continue;
		}
		size = paging_level_size(fmt, level);
		walk->phys = (fmt->entry_phys(pte) & ~(size - 1)) |
			(virt & (size - 1));
		walk->page_size = size;
		walk->flags = fmt->leaf_flags(pte, is_last(fmt, level));
		walk->level = level;
		return 0;
	}
	return -ENOENT;
}

int paging_init(struct paging_structures *pg, const struct paging_format *fmt,
		struct page_pool *pool)
{
	unsigned long pages = table_pages(fmt, 0);

	pg->fmt = fmt;
	pg->pool = pool;
	pg->max_page_size = ~0ULL;
	pg->invalidate = NULL;
	/* Concatenated roots must be aligned to their whole size. */
	pg->root = page_alloc_aligned(pool, pages, pages);
	if (!pg->root)
		return -ENOMEM;
	memset(pg->root, 0, pages * PAGE_SIZE);
	return 0;
}

void paging_destroy(struct paging_structures *pg)
{
	if (pg->root)
		free_tables(pg, pg->root, 0);
	pg->root = NULL;
}

u64 paging_root_phys(const struct paging_structures *pg)
{
	return page_pool_virt2phys(pg->pool, pg->root);
}
