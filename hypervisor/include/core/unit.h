/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Units: subsystems that hang off the core (IOAPIC, PCI, GIC, IOMMU,
 * ivshmem) without growing the arch's init and cell hooks. A unit is one
 * DEFINE_UNIT in its own file; the core runs the hooks of every linked
 * unit in link order, and in reverse order on the way down. Adding a
 * device model is adding a file and its line in the build list.
 */
#ifndef _CORE_UNIT_H
#define _CORE_UNIT_H

#include <core/types.h>

struct cell;

struct unit {
	/* Shown in console lines ("Initializing unit: <name>"). */
	const char *name;
	/*
	 * Global setup on the last CPU, after every CPU's arch setup
	 * (negative errno fails the enable, units already set up are shut
	 * down again); and its undo at DISABLE or after such a failure.
	 */
	int (*init)(void);
	void (*shutdown)(void);
	/* MMIO regions the unit will register for the cell (core/mmio.h). */
	unsigned int (*mmio_count_regions)(struct cell *cell);
	/*
	 * A cell comes (the root cell at enable, after init) or goes. Cell
	 * init may refuse the cell's config with a negative errno and one
	 * console line; cell exit then still runs for this unit, so it must
	 * undo partial work. Cell init runs before the cell's CPUs run it,
	 * cell exit after they left it (at destroy, they may already run
	 * the root cell again).
	 */
	int (*cell_init)(struct cell *cell);
	void (*cell_exit)(struct cell *cell);
};

/*
 * Place a unit in the table the core walks; hooks may be NULL. The
 * section name is a C identifier, so that a host linker (unit tests)
 * provides __start_units and __stop_units as the image's linker script
 * does.
 */
#define DEFINE_UNIT(id, ...)						\
	static const struct unit __unit_##id				\
	__attribute__((section("units"), used, aligned(8))) = {	\
		__VA_ARGS__						\
	}

/* The table, in link order (linker script, or the host linker). */
extern const struct unit __start_units[], __stop_units[];

/* Run every unit's init in order; on failure shut down those done. */
int units_init(void);
/* Every unit's shutdown, in reverse order. */
void units_shutdown(void);
/* Sum of every unit's mmio_count_regions for the cell. */
unsigned int units_mmio_count_regions(struct cell *cell);
/* Every unit's cell_init; on failure units_cell_exit has run. */
int units_cell_init(struct cell *cell);
/* Every unit's cell_exit, in reverse order. */
void units_cell_exit(struct cell *cell);

#endif /* _CORE_UNIT_H */
