// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls (abi.md section 5). Cell management is not there yet: those
 * codes report -ENOSYS like any unknown one.
 */
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/spinlock.h>

struct cell root_cell;

static DEFINE_SPINLOCK(shutdown_lock);
static bool shutdown_announced;

/*
 * The set follows a packed descriptor and is not aligned: read it by
 * bytes (the same bits as its little-endian unsigned longs).
 */
bool cell_owns_cpu(const struct cell *cell, unsigned int cpu)
{
	const u8 *set = (const u8 *)jailhouse_cell_cpu_set(cell->config);

	return cpu < cell->config->cpu_set_size * 8 &&
		(set[cpu / 8] >> (cpu % 8)) & 1;
}

static unsigned int num_cells(void)
{
	return 1;
}

/*
 * The driver issues DISABLE on every CPU; each one leaves on its own call.
 * Only the root cell may ask, and only while it is alone.
 */
static long hypervisor_disable(struct per_cpu *cpu)
{
	if (cpu->cell != &root_cell)
		return -EPERM;
	if (num_cells() > 1)
		return -EBUSY;

	spin_lock(&shutdown_lock);
	if (!shutdown_announced) {
		printk("Shutting down hypervisor\n");
		shutdown_announced = true;
	}
	spin_unlock(&shutdown_lock);

	cpu->shutdown = true;
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

static long cell_get_state(struct per_cpu *cpu, unsigned long id)
{
	if (cpu->cell != &root_cell)
		return -EPERM;
	if (id != root_cell.id)
		return -ENOENT;
	return root_cell.state;
}

static long cpu_get_info(struct per_cpu *cpu, unsigned long cpu_id,
			 unsigned long type)
{
	struct per_cpu *target;
	unsigned long stat;

	if (cpu_id >= hypervisor_header.max_cpus ||
	    !cell_owns_cpu(&root_cell, cpu_id))
		return -EINVAL;
	/* Non-root cells may only look at their own CPUs. */
	if (cpu->cell != &root_cell && !cell_owns_cpu(cpu->cell, cpu_id))
		return -EPERM;

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

static long debug_console_putc(struct per_cpu *cpu, unsigned long c)
{
	if (!JAILHOUSE_CELL_CONSOLE_PERMITTED(cpu->cell->config->flags))
		return -EPERM;
	printk("%c", (char)c);
	return 0;
}

long hypercall(struct per_cpu *cpu, unsigned long code, unsigned long arg1,
	       unsigned long arg2)
{
	switch (code) {
	case JAILHOUSE_HC_DISABLE:
		return hypervisor_disable(cpu);
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
