// SPDX-License-Identifier: GPL-2.0
/*
 * The cell list and what can be asked of it: which cell owns a CPU, how
 * many cells exist, a cell by id, its state. The root cell heads the
 * list; cell.c adds and removes the others.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/comm_region.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <core/spinlock.h>

struct cell root_cell;

static DEFINE_SPINLOCK(cell_list_lock);

bool config_has_cpu(const struct jailhouse_cell_desc *config,
		    unsigned int cpu)
{
	/* The set follows a packed descriptor: read it by bytes. */
	const u8 *set = (const u8 *)jailhouse_cell_cpu_set(config);

	return cpu < config->cpu_set_size * 8 && (set[cpu / 8] >> (cpu % 8)) & 1;
}

bool cell_owns_cpu(const struct cell *cell, unsigned int cpu)
{
	return cpu < MAX_CPUS && bitmap_test(cell->cpu_set, cpu);
}

unsigned int cell_num_cpus(const struct cell *cell)
{
	unsigned int cpu, count = 0;

	for_each_cpu_of(cpu, cell)
		count++;
	return count;
}

unsigned int cell_first_cpu(const struct cell *cell)
{
	unsigned int cpu;

	for_each_cpu_of(cpu, cell)
		return cpu;
	return MAX_CPUS;
}

unsigned int num_cells(void)
{
	const struct cell *cell;
	unsigned int count = 0;

	spin_lock(&cell_list_lock);
	for_each_cell(cell)
		count++;
	spin_unlock(&cell_list_lock);
	return count;
}

static struct cell *find_locked(unsigned long id)
{
	struct cell *cell;

	for_each_cell(cell)
		if (cell->id == id)
			return cell;
	return NULL;
}

struct cell *cell_find(unsigned long id)
{
	struct cell *cell;

	spin_lock(&cell_list_lock);
	cell = find_locked(id);
	spin_unlock(&cell_list_lock);
	return cell;
}

const struct cell *cell_owning_cpu(unsigned int cpu)
{
	const struct cell *cell, *owner = NULL;

	spin_lock(&cell_list_lock);
	for_each_cell(cell)
		if (cell_owns_cpu(cell, cpu))
			owner = cell;
	spin_unlock(&cell_list_lock);
	return owner;
}

void cell_link(struct cell *cell)
{
	struct cell *last = &root_cell;

	spin_lock(&cell_list_lock);
	while (last->next)
		last = last->next;
	last->next = cell;
	spin_unlock(&cell_list_lock);
}

void cell_unlink(struct cell *cell)
{
	struct cell *prev = &root_cell;

	spin_lock(&cell_list_lock);
	while (prev->next != cell)
		prev = prev->next;
	prev->next = cell->next;
	cell->next = NULL;
	spin_unlock(&cell_list_lock);
}

/*
 * A non-root cell may ask about itself only, and needs no walk for it;
 * the root cell's CPUs ask under the list lock, so that the cell they
 * found cannot be freed while its comm region is read.
 */
long cell_get_state(struct per_cpu *cpu, unsigned long id)
{
	struct cell *cell;
	long state;

	if (cpu->cell != &root_cell) {
		if (id != cpu->cell->id)
			return -EPERM;
		return comm_region_get_state(cpu->cell);
	}
	spin_lock(&cell_list_lock);
	cell = find_locked(id);
	state = -ENOENT;
	if (cell)
		state = comm_region_get_state(cell);
	spin_unlock(&cell_list_lock);
	return state;
}
