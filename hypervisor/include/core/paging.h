/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One page-table library for every table the hypervisor builds: its own
 * address space and the cells' second-stage tables (AMD NPT, Intel EPT,
 * ARM stage 2). What differs between those is described by a
 * struct paging_format: the level geometry as data, the entry encoding as
 * a handful of callbacks. All supported formats use 64-bit entries.
 *
 * Tables come from a backed page pool; the pool also translates between
 * the physical addresses stored in entries and pointers the code can use.
 * The library does not flush TLBs and does not order live updates against
 * hardware walkers (ARM break-before-make): callers that change live
 * mappings flush afterwards.
 */
#ifndef _CORE_PAGING_H
#define _CORE_PAGING_H

#include <core/page_pool.h>
#include <core/types.h>

#define PAGING_MAX_LEVELS	4

/* Generic access flags; each format translates them to its own bits. */
#define PAGE_FLAG_READ		0x01
#define PAGE_FLAG_WRITE		0x02
#define PAGE_FLAG_EXEC		0x04
/* Uncached, strongly ordered: device registers. */
#define PAGE_FLAG_DEVICE	0x08
/* Request flag, not stored: map with the smallest pages only. */
#define PAGE_FLAG_NO_HUGE	0x10

#define PAGE_FLAGS_STORED	(PAGE_FLAG_READ | PAGE_FLAG_WRITE | \
				 PAGE_FLAG_EXEC | PAGE_FLAG_DEVICE)
#define PAGE_DEFAULT_FLAGS	(PAGE_FLAG_READ | PAGE_FLAG_WRITE)

typedef u64 pt_entry_t;

struct paging_level {
	/* Lowest address bit this level translates. */
	u8 shift;
	/* Index bits; only the root may use more than 9 (concatenated). */
	u8 bits;
	/* Whether an entry here may map memory directly (huge page). */
	bool leaf;
};

struct paging_format {
	const char *name;
	unsigned int levels;
	/* level[0] is the root. The last level is always a leaf level. */
	struct paging_level level[PAGING_MAX_LEVELS];
	/* Addresses above the root's reach are sign extension (x86-64). */
	bool sign_extended;
	/* Output (physical) address width. */
	u8 pa_bits;

	/*
	 * Entry codecs. "last" tells whether the entry is in the last level,
	 * where the encoding of leaves differs on some formats.
	 */
	bool (*entry_valid)(pt_entry_t pte);
	/* Only asked about valid entries of non-last levels. */
	bool (*entry_is_table)(pt_entry_t pte);
	pt_entry_t (*make_table)(u64 table_phys);
	/*
	 * Set instead of make_table by formats whose table entries name the
	 * level of the table they point to (AMD-Vi's NextLevel); child is
	 * that table's index, 1 for the root's children.
	 */
	pt_entry_t (*make_table_at)(u64 table_phys, unsigned int child);
	pt_entry_t (*make_leaf)(u64 phys, unsigned long flags, bool last);
	/* Output address of a table or leaf; low bits may need masking. */
	u64 (*entry_phys)(pt_entry_t pte);
	unsigned long (*leaf_flags)(pt_entry_t pte, bool last);
};

struct paging_structures {
	const struct paging_format *fmt;
	/* Where tables are taken from; must be backed. */
	struct page_pool *pool;
	pt_entry_t *root;
	/*
	 * Largest page the CPU accepts; lower it when the format allows
	 * more than the hardware (x86 without 1 GiB pages).
	 */
	u64 max_page_size;
	/*
	 * Break-before-make: drop every TLB entry (walk caches included)
	 * that may hold a translation of [virt, virt + size) made with
	 * these tables. Called after a valid entry was cleared and before
	 * a different one takes its place or a table behind it is freed.
	 * NULL where the hardware allows entries to change in place and
	 * callers flush afterwards (x86).
	 */
	void (*invalidate)(const struct paging_structures *pg, u64 virt,
			   u64 size);
};

struct paging_walk {
	u64 phys;
	u64 page_size;
	unsigned long flags;
	unsigned int level;
};

/* Allocate an empty root table. -ENOMEM if the pool is exhausted. */
int paging_init(struct paging_structures *pg, const struct paging_format *fmt,
		struct page_pool *pool);
/* Free every table including the root; the mapped memory is untouched. */
void paging_destroy(struct paging_structures *pg);
u64 paging_root_phys(const struct paging_structures *pg);

/*
 * Map [virt, virt + size) to [phys, phys + size), replacing what was there,
 * with the largest pages that alignment and the format permit. All three
 * must be 4 KiB aligned and flags must include PAGE_FLAG_READ (-EINVAL).
 * -ENOMEM leaves a partial mapping that the caller unmaps.
 */
int paging_map(struct paging_structures *pg, u64 virt, u64 phys, u64 size,
	       unsigned long flags);
/*
 * Remove [virt, virt + size), splitting huge pages that stick out of it and
 * freeing tables that become empty. Holes are fine. -ENOMEM only when a
 * split needs a table that cannot be allocated.
 */
int paging_unmap(struct paging_structures *pg, u64 virt, u64 size);
/* Translate virt; -ENOENT if not mapped. */
int paging_walk(const struct paging_structures *pg, u64 virt,
		struct paging_walk *walk);

/* Bytes one entry of a level covers. */
static inline u64 paging_level_size(const struct paging_format *fmt,
				    unsigned int level)
{
	return 1ULL << fmt->level[level].shift;
}

#endif /* _CORE_PAGING_H */
