// SPDX-License-Identifier: GPL-2.0
/*
 * Walking the units (core/unit.h): forward on the way up, backward on the
 * way down, so that a unit can rely on those linked before it.
 */
#include <core/printk.h>
#include <core/unit.h>

#define for_each_unit(u)						\
	for ((u) = __start_units; (u) < __stop_units; (u)++)

/* Shut down the units in front of end, last first. */
static void shutdown_before(const struct unit *end)
{
	const struct unit *u;

	for (u = end; u-- > __start_units;)
		if (u->shutdown)
			u->shutdown();
}

int units_init(void)
{
	const struct unit *u;
	int err;

	for_each_unit(u) {
		if (!u->init)
			continue;
		printk("Initializing unit: %s\n", u->name);
		err = u->init();
		if (err) {
			printk("Unit %s failed (%d)\n", u->name, err);
			shutdown_before(u);
			return err;
		}
	}
	return 0;
}

void units_shutdown(void)
{
	shutdown_before(__stop_units);
}

unsigned int units_mmio_count_regions(struct cell *cell)
{
	const struct unit *u;
	unsigned int count = 0;

	for_each_unit(u)
		if (u->mmio_count_regions)
			count += u->mmio_count_regions(cell);
	return count;
}

/* Cell exit of the units up to and including last, last first. */
static void cell_exit_through(const struct unit *last, struct cell *cell)
{
	const struct unit *u;

	for (u = last + 1; u-- > __start_units;)
		if (u->cell_exit)
			u->cell_exit(cell);
}

int units_cell_init(struct cell *cell)
{
	const struct unit *u;
	int err;

	for_each_unit(u) {
		if (!u->cell_init)
			continue;
		err = u->cell_init(cell);
		if (err) {
			/* The failing unit undoes its partial work, too. */
			cell_exit_through(u, cell);
			return err;
		}
	}
	return 0;
}

void units_cell_exit(struct cell *cell)
{
	cell_exit_through(__stop_units - 1, cell);
}
