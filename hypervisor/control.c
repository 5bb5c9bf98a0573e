// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls (Documentation/jailhouse-abi.md): decoding and permission
 * checks; the cell lifecycle itself is in cell.c.
 */
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/management.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/ratelimit.h>
#include <core/spinlock.h>
#include <core/unit.h>

static DEFINE_SPINLOCK(shutdown_lock);
static bool shutdown_announced;

/*
 * The driver issues DISABLE on every CPU; each one leaves on its own call.
 * Only the root cell may ask, and only while it is alone. Under the
 * management lock, so that no cell is created meanwhile; once a CPU has
 * left, cell creation is refused (cell.c), since it could no longer
 * suspend that CPU.
 */
static long hypervisor_disable(struct per_cpu *cpu)
{
	unsigned int cells;

	if (cpu->cell != &root_cell)
		return -EPERM;
	management_lock(cpu);
	cells = num_cells();
	if (cells == 1)
		cpu->shutdown = true;
	management_unlock();
	if (cells > 1) {
		printk("Cannot disable the hypervisor: %u cell(s) exist\n",
		       cells - 1);
		return -EBUSY;
	}

	spin_lock(&shutdown_lock);
	if (!shutdown_announced) {
		printk("Shutting down hypervisor\n");
		shutdown_announced = true;
		/* The root cell gets back what the units held for it. */
		units_cell_exit(&root_cell);
		units_shutdown();
	}
	spin_unlock(&shutdown_lock);
	return 0;
}

static long hypervisor_get_info(unsigned long type)
{
	switch (type) {
	case JAILHOUSE_INFO_MEM_POOL_SIZE:
		return mem_pool.pages;
	case JAILHOUSE_INFO_MEM_POOL_USED:
		return mem_pool.used_pages;
	case JAILHOUSE_INFO_REMAP_POOL_SIZE:
		return remap_pool.pages;
	case JAILHOUSE_INFO_REMAP_POOL_USED:
		return remap_pool.used_pages;
	case JAILHOUSE_INFO_NUM_CELLS:
		return num_cells();
	}
	return -EINVAL;
}

static long cpu_get_info(struct per_cpu *cpu, unsigned long cpu_id,
			 unsigned long type)
{
	const struct cell *owner;
	struct per_cpu *target;
	unsigned long stat;

	if (cpu_id >= hypervisor_header.max_cpus)
		return -EINVAL;
	/* Non-root cells may only look at their own CPUs. */
	if (cpu->cell != &root_cell && !cell_owns_cpu(cpu->cell, cpu_id))
		return -EPERM;
	owner = cell_owning_cpu(cpu_id);
	if (!owner)
		return -EINVAL;

	target = per_cpu(cpu_id);
	if (type == JAILHOUSE_CPU_INFO_STATE)
		return target->failed ? JAILHOUSE_CPU_FAILED :
			JAILHOUSE_CPU_RUNNING;
	if (type < JAILHOUSE_CPU_INFO_STAT_BASE)
		return -EINVAL;
	stat = type - JAILHOUSE_CPU_INFO_STAT_BASE;
	if (stat >= JAILHOUSE_NUM_CPU_STATS)
		return -EINVAL;
	/* Counters are u32 and wrap; the ABI returns them as they are. */
	return target->stats[stat];
}

static DEFINE_SPINLOCK(console_lock);

static long debug_console_putc(struct per_cpu *cpu, unsigned long c)
{
	struct cell *cell = cpu->cell;

	if (!JAILHOUSE_CELL_CONSOLE_PERMITTED(cell->config->flags))
		return -EPERM;
	if (cell == &root_cell) {
		printk("%c", (char)c);
		return 0;
	}

	/* A line at a time; CR of CR LF pairs adds nothing to the log. */
	spin_lock(&console_lock);
	if (c != '\r')
		cell->console_line[cell->console_len++] = (char)c;
	if (c == '\n' ||
	    cell->console_len == sizeof(cell->console_line) - 1) {
		cell->console_line[cell->console_len] = '\0';
		if (ratelimit_ok(&cell->print_limit, cell->config->name))
			printk("%s", cell->console_line);
		cell->console_len = 0;
	}
	spin_unlock(&console_lock);
	return 0;
}

long hypercall(struct per_cpu *cpu, unsigned long code, unsigned long arg1,
	       unsigned long arg2)
{
	switch (code) {
	case JAILHOUSE_HC_DISABLE:
		return hypervisor_disable(cpu);
	case JAILHOUSE_HC_CELL_CREATE:
		return cell_create(cpu, arg1);
	case JAILHOUSE_HC_CELL_START:
		return cell_start(cpu, arg1);
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
		return cell_set_loadable(cpu, arg1);
	case JAILHOUSE_HC_CELL_DESTROY:
		return cell_destroy(cpu, arg1);
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case JAILHOUSE_HC_CELL_GET_STATE:
		return cell_get_state(cpu, arg1);
	case JAILHOUSE_HC_CPU_GET_INFO:
		return cpu_get_info(cpu, arg1, arg2);
	case JAILHOUSE_HC_DEBUG_CONSOLE_PUTC:
		return debug_console_putc(cpu, arg1);
	}
	return -ENOSYS;
}
