// SPDX-License-Identifier: GPL-2.0
/*
 * The core MMIO dispatcher (core/mmio.h): per-cell tables of trapped
 * guest-physical regions, sorted by start so that a lookup is a binary
 * search, and the handler of sub-page regions of cell configs.
 *
 * Lookups run on the cell's CPUs without a lock. A writer makes the
 * generation odd, moves entries, and makes it even again; a reader that
 * saw an odd generation, or a different one after its search, searches
 * again. What a reader copies out (location and handler) is therefore
 * one consistent entry.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/printk.h>
#include <core/remap.h>
#include <core/string.h>
#include <core/unit.h>

static unsigned long table_pages(unsigned int regions)
{
	return PAGES((unsigned long)regions *
		     (sizeof(struct mmio_region_location) +
		      sizeof(struct mmio_region_handler)));
}

static unsigned int count_subpage_regions(const struct cell *cell)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	unsigned int n, count = 0;

	for (n = 0; n < cell->config->num_memory_regions; n++)
		if (mmio_is_subpage(&mem[n]))
			count++;
	return count;
}

int mmio_cell_init(struct cell *cell)
{
	struct cell_mmio *mmio = &cell->mmio;
	unsigned long regions = (unsigned long)units_mmio_count_regions(cell) +
		count_subpage_regions(cell);

	memset(mmio, 0, sizeof(*mmio));
	if (regions > MMIO_MAX_REGIONS) {
		printk("Cell \"%s\": %lu MMIO regions, at most %u allowed\n",
		       cell->config->name, regions, MMIO_MAX_REGIONS);
		return -E2BIG;
	}
	if (!regions)
		return 0;

	mmio->pages = table_pages(regions);
	mmio->locations = page_alloc(&mem_pool, mmio->pages);
	if (!mmio->locations) {
		mmio->pages = 0;
		return -ENOMEM;
	}
	mmio->handlers = (struct mmio_region_handler *)
		(mmio->locations + regions);
	mmio->max_regions = regions;
	return 0;
}

void mmio_cell_exit(struct cell *cell)
{
	struct cell_mmio *mmio = &cell->mmio;

	page_free(&mem_pool, mmio->locations, mmio->pages);
	memset(mmio, 0, sizeof(*mmio));
}

/* Index of the first region that starts above addr (0..num_regions). */
static unsigned int first_above(const struct cell_mmio *mmio, u64 addr)
{
	unsigned int lo = 0, hi = mmio->num_regions, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (mmio->locations[mid].start > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static bool holds(const struct mmio_region_location *loc, u64 addr,
		  u64 size)
{
	return addr >= loc->start && size <= loc->size &&
		addr - loc->start <= loc->size - size;
}

static void writer_begin(struct cell_mmio *mmio)
{
	__atomic_store_n(&mmio->generation, mmio->generation + 1,
			 __ATOMIC_RELAXED);
	/* Readers must see the odd generation before any moved entry. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static void writer_end(struct cell_mmio *mmio)
{
	__atomic_store_n(&mmio->generation, mmio->generation + 1,
			 __ATOMIC_RELEASE);
}

/* Whether [start, start + size) overlaps the neighbours around index. */
static bool overlaps_neighbours(const struct cell_mmio *mmio,
				unsigned int index, u64 start, u64 size)
{
	const struct mmio_region_location *prev, *next;

	prev = index ? &mmio->locations[index - 1] : NULL;
	next = index < mmio->num_regions ? &mmio->locations[index] : NULL;
	if (prev && start - prev->start < prev->size)
		return true;
	return next && next->start - start < size;
}

static void move_entries(struct cell_mmio *mmio, unsigned int to,
			 unsigned int from, unsigned int count)
{
	memmove(&mmio->locations[to], &mmio->locations[from],
		count * sizeof(mmio->locations[0]));
	memmove(&mmio->handlers[to], &mmio->handlers[from],
		count * sizeof(mmio->handlers[0]));
}

int mmio_region_register(struct cell *cell, u64 start, u64 size,
			 mmio_handler_t handler, void *arg)
{
	struct cell_mmio *mmio = &cell->mmio;
	unsigned int index;

	if (!size || start + size - 1 < start)
		return -EINVAL;
	if (mmio->num_regions >= mmio->max_regions)
		return -ENOSPC;
	index = first_above(mmio, start);
	if (overlaps_neighbours(mmio, index, start, size))
		return -EEXIST;

	writer_begin(mmio);
	move_entries(mmio, index + 1, index, mmio->num_regions - index);
	mmio->locations[index] = (struct mmio_region_location){
		.start = start, .size = size,
	};
	mmio->handlers[index] = (struct mmio_region_handler){
		.function = handler, .arg = arg,
	};
	mmio->num_regions++;
	writer_end(mmio);
	return 0;
}

void mmio_region_unregister(struct cell *cell, u64 start)
{
	struct cell_mmio *mmio = &cell->mmio;
	unsigned int index = first_above(mmio, start);

	if (!index || mmio->locations[index - 1].start != start)
		return;
	index--;
	writer_begin(mmio);
	move_entries(mmio, index, index + 1, mmio->num_regions - index - 1);
	mmio->num_regions--;
	writer_end(mmio);
}

/*
 * One consistent entry holding the access, copied out under the
 * generation protocol; false if none holds it.
 */
static bool lookup(const struct cell_mmio *mmio, u64 addr, u64 size,
		   struct mmio_region_location *loc,
		   struct mmio_region_handler *hnd)
{
	unsigned long gen;
	unsigned int index;
	bool found = false;

	do {
		gen = __atomic_load_n(&mmio->generation, __ATOMIC_ACQUIRE);
		if (gen & 1)
			continue;
		index = first_above(mmio, addr);
		found = index && holds(&mmio->locations[index - 1], addr, size);
		if (found) {
			*loc = mmio->locations[index - 1];
			*hnd = mmio->handlers[index - 1];
		}
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((gen & 1) ||
		 __atomic_load_n(&mmio->generation, __ATOMIC_RELAXED) != gen);
	return found;
}

enum mmio_result mmio_handle_access(struct cell *cell,
				    struct mmio_access *acc)
{
	struct mmio_region_location loc;
	struct mmio_region_handler hnd;

	if (!lookup(&cell->mmio, acc->address, acc->size, &loc, &hnd))
		return MMIO_UNHANDLED;
	acc->address -= loc.start;
	return hnd.function(hnd.arg, acc);
}

void mmio_perform_access(void *base, struct mmio_access *acc)
{
	void *addr = (char *)base + acc->address;

	if (acc->is_write) {
		switch (acc->size) {
		case 1:
			*(volatile u8 *)addr = (u8)acc->value;
			break;
		case 2:
			*(volatile u16 *)addr = (u16)acc->value;
			break;
		case 4:
			*(volatile u32 *)addr = (u32)acc->value;
			break;
		default:
			*(volatile u64 *)addr = acc->value;
			break;
		}
		return;
	}
	switch (acc->size) {
	case 1:
		acc->value = *(volatile u8 *)addr;
		break;
	case 2:
		acc->value = *(volatile u16 *)addr;
		break;
	case 4:
		acc->value = *(volatile u32 *)addr;
		break;
	default:
		acc->value = *(volatile u64 *)addr;
		break;
	}
}

bool mmio_is_subpage(const struct jailhouse_memory *mem)
{
	return (mem->flags & JAILHOUSE_MEM_IO) &&
		JAILHOUSE_MEMORY_IS_SUBPAGE(mem);
}

/* Whether a sub-page access may reach the device. */
static bool subpage_allows(const struct jailhouse_memory *mem,
			   const struct mmio_access *acc)
{
	u64 widths = (mem->flags >> JAILHOUSE_MEM_IO_WIDTH_SHIFT) & 0xf;

	if (acc->size != 1 && acc->size != 2 && acc->size != 4 &&
	    acc->size != 8)
		return false;
	if (widths && !(widths & acc->size))
		return false;
	if (acc->address & (acc->size - 1))
		return false;
	return acc->is_write ? mem->flags & JAILHOUSE_MEM_WRITE :
		mem->flags & JAILHOUSE_MEM_READ;
}

bool mmio_device_access(u64 phys, struct mmio_access *acc)
{
	struct mmio_access dev = *acc;
	void *regs;
	int err;

	regs = remap_device(phys, acc->size, &err);
	/* The window is full: the access cannot be done now. */
	if (!regs)
		return false;
	dev.address = 0;
	mmio_perform_access(regs, &dev);
	remap_release(regs, acc->size);
	acc->value = dev.value;
	return true;
}

static enum mmio_result subpage_access(void *arg, struct mmio_access *acc)
{
	const struct jailhouse_memory *mem = arg;

	if (!subpage_allows(mem, acc) ||
	    !mmio_device_access(mem->phys_start + acc->address, acc))
		return MMIO_ERROR;
	return MMIO_HANDLED;
}

int mmio_subpage_register(struct cell *cell,
			  const struct jailhouse_memory *mem)
{
	return mmio_region_register(cell, mem->virt_start, mem->size,
				    subpage_access, (void *)mem);
}
