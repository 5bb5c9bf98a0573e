/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Cells as the core keeps them: the root cell, made from the system
 * config, and the cells CELL_CREATE adds. The arch hangs its per-cell
 * state (second-stage page tables, I/O permission maps) on cell->arch.
 *
 * A cell's CPU set is the one it owns now; for the root cell it starts as
 * the CPUs that came into the hypervisor and shrinks and grows as cells
 * come and go. Cells other than the root live in pages of the memory
 * pool, together with their config copy and comm region page.
 */
#ifndef _CORE_CELL_H
#define _CORE_CELL_H

#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/bitmap.h>
#include <core/mmio_table.h>
#include <core/ratelimit.h>
#include <core/types.h>

/* CPU ids the hypervisor can manage; configs naming more are refused. */
#define MAX_CPUS		256

struct arch_cell;
struct pci_dev_state;
struct per_cpu;

struct cell {
	unsigned int id;
	/* JAILHOUSE_CELL_*; the comm region mirrors it for non-root cells. */
	u32 state;
	const struct jailhouse_cell_desc *config;
	struct arch_cell *arch;
	unsigned long cpu_set[BITMAP_WORDS(MAX_CPUS)];
	/* Trapped regions and their handlers (core/mmio.h). */
	struct cell_mmio mmio;
	/* Loadable regions are mapped into the root cell. */
	bool loadable;
	/* Pages of the config copy (memory pool), 0 for the root cell. */
	unsigned long config_pages;
	/* The cell's comm region page; NULL for the root cell. */
	struct jailhouse_comm_region *comm_region;
	/*
	 * Debug console output of a non-root cell, collected up to the end
	 * of a line so that lines of different sources do not interleave.
	 */
	char console_line[120];
	unsigned int console_len;
	/* Paces the lines above and other messages the cell can trigger. */
	struct ratelimit print_limit;
	/* Refusals of the cell's run, reported or not (refusal.c). */
	u32 refusals;
	/*
	 * Per PCI device of the config, in its order (core/pci_dev.h), and
	 * the pool pages that holds; NULL for the root cell.
	 */
	struct pci_dev_state *pci_devs;
	unsigned long pci_dev_pages;
	/* Next cell in creation order; the root cell is the list head. */
	struct cell *next;
};

extern struct cell root_cell;

/* Whether cpu is in the cell's current CPU set. */
bool cell_owns_cpu(const struct cell *cell, unsigned int cpu);
/* Number of CPUs in the cell's current CPU set. */
unsigned int cell_num_cpus(const struct cell *cell);
/* Lowest CPU of the cell (the one that starts it); MAX_CPUS if none. */
unsigned int cell_first_cpu(const struct cell *cell);
/* Whether cpu is in the CPU set of a config (packed, unaligned). */
bool config_has_cpu(const struct jailhouse_cell_desc *config,
		    unsigned int cpu);

#define for_each_cell(c)	for ((c) = &root_cell; (c); (c) = (c)->next)
#define for_each_cpu_of(cpu, cell)					\
	for ((cpu) = 0; (cpu) < MAX_CPUS; (cpu)++)			\
		if (cell_owns_cpu(cell, cpu))

/*
 * Cells in the list, the root cell included (cell_query.c). The list
 * changes only under the management lock, and only under the list lock
 * too: CPUs of other cells may ask while a cell is created or destroyed,
 * so the queries walk it under the list lock. cell_find's result is safe
 * to use under the management lock only.
 */
unsigned int num_cells(void);
struct cell *cell_find(unsigned long id);
/* The cell that owns cpu now, or NULL; for comparison only. */
const struct cell *cell_owning_cpu(unsigned int cpu);
/* Append a new cell to the list, or take one out (cell.c). */
void cell_link(struct cell *cell);
void cell_unlink(struct cell *cell);

/*
 * Lifecycle hypercalls (cell.c), issued by CPU cpu of the root cell, and
 * the state query (cell_query.c, any cell about itself, the root about
 * all). Results as the hypercall returns them: >= 0 or a negative errno.
 */
long cell_create(struct per_cpu *cpu, unsigned long config_address);
long cell_set_loadable(struct per_cpu *cpu, unsigned long id);
long cell_start(struct per_cpu *cpu, unsigned long id);
long cell_destroy(struct per_cpu *cpu, unsigned long id);
long cell_get_state(struct per_cpu *cpu, unsigned long id);

/*
 * A CPU of a non-root cell hit something fatal (arch exit handler): the
 * cell is marked failed. The CPU itself parks.
 */
void cell_cpu_failed(struct per_cpu *cpu);

#endif /* _CORE_CELL_H */
