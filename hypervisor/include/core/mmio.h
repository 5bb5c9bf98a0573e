/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one MMIO dispatcher: every cell has a table of emulated or filtered
 * guest-physical regions, sorted by start address, each with a handler a
 * unit (IOAPIC, PCI, GIC, ...) or the core (sub-page regions) registered.
 *
 * The arch's fault path decodes the instruction once into a struct
 * mmio_access, calls mmio_handle_access, completes a read into the
 * destination register and advances the instruction pointer. Handlers
 * never decode instructions or touch guest registers.
 *
 * A table can change while CPUs of its cell look into it (a region of a
 * running cell is added or removed): lookups retry when a generation
 * counter shows that a writer was at work, writers are serialised by the
 * caller (the management lock, or the cell's CPUs suspended).
 */
#ifndef _CORE_MMIO_H
#define _CORE_MMIO_H

#include <core/mmio_table.h>
#include <core/types.h>

struct cell;
struct jailhouse_memory;

struct mmio_access {
	/*
	 * Guest-physical address for mmio_handle_access; handlers get it
	 * relative to the start of their region.
	 */
	u64 address;
	/* 1, 2, 4 or 8 bytes; the access lies wholly in one region. */
	unsigned int size;
	bool is_write;
	/* The value written, or the value a handler returns for a read. */
	u64 value;
};

/*
 * Size the cell's table for what its units (unit.h, mmio_count_regions)
 * and its sub-page memory regions will register, and allocate it from
 * the memory pool: -ENOMEM, or -E2BIG past MMIO_MAX_REGIONS.
 */
int mmio_cell_init(struct cell *cell);
/* Free the table; the cell's CPUs no longer run. */
void mmio_cell_exit(struct cell *cell);

/* What one cell may register at most; configs asking more are refused. */
#define MMIO_MAX_REGIONS	4096

/*
 * Add [start, start + size) with its handler. -ENOSPC when the table is
 * full, -EEXIST when the range overlaps a registered one, -EINVAL for an
 * empty or wrapping range.
 */
int mmio_region_register(struct cell *cell, u64 start, u64 size,
			 mmio_handler_t handler, void *arg);
/* Remove the region that starts at start; nothing if there is none. */
void mmio_region_unregister(struct cell *cell, u64 start);

/*
 * Find the region holding the whole of acc (address to address + size)
 * in the cell's table, make acc->address relative to it and run its
 * handler. MMIO_UNHANDLED when no region holds all of it (acc untouched).
 */
enum mmio_result mmio_handle_access(struct cell *cell,
				    struct mmio_access *acc);

/*
 * Carry out acc on device registers mapped at base + acc->address, with
 * one access of acc->size bytes (acc->address aligned to it).
 */
void mmio_perform_access(void *base, struct mmio_access *acc);

/*
 * Carry out acc (its address ignored) on the device register at physical
 * phys, through the remap window mapped as device memory for this one
 * access; false when the window is full.
 */
bool mmio_device_access(u64 phys, struct mmio_access *acc);

/*
 * Whether a memory region of a config is a sub-page I/O region (start or
 * size not page aligned), which the core emulates instead of mapping.
 */
bool mmio_is_subpage(const struct jailhouse_memory *mem);

/*
 * Register a handler for a sub-page region of the cell's config: accesses
 * inside it of a width its JAILHOUSE_MEM_IO_* flags allow (any, when none
 * is set), naturally aligned, reach the device; others are refused, and so
 * are reads without JAILHOUSE_MEM_READ and writes without _WRITE.
 * JAILHOUSE_MEM_IO_UNALIGNED is not honoured: device memory faults on
 * unaligned accesses on ARM. mem must stay valid as long as the table
 * (it points into the cell's config).
 *
 * The handler reaches the device page through the remap window, mapped
 * as device memory by the accessing CPU for the one access
 * (remap_device), so no CPU ever keeps a translation to the device that
 * another CPU could have changed.
 */
int mmio_subpage_register(struct cell *cell,
			  const struct jailhouse_memory *mem);

#endif /* _CORE_MMIO_H */
