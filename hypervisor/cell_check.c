// SPDX-License-Identifier: GPL-2.0
/*
 * Checks of a new cell's config against the running system (the config
 * itself already passed config_check_cell): its name is free, its CPUs
 * are in the root cell, its memory and PCI devices are the root cell's
 * and no other cell's. Each refusal prints one line naming the cause.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/cell_check.h>
#include <core/cell_memory.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/pci.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>

static bool overlap(u64 a_start, u64 a_size, u64 b_start, u64 b_size)
{
	return a_start < b_start + b_size && b_start < a_start + a_size;
}

static int check_cpus(const struct jailhouse_cell_desc *config,
		      const struct per_cpu *caller)
{
	unsigned int cpu, count = 0;

	for (cpu = 0; cpu < config->cpu_set_size * 8; cpu++) {
		if (!config_has_cpu(config, cpu))
			continue;
		count++;
		if (cpu >= MAX_CPUS || cpu >= hypervisor_header.max_cpus) {
			printk("Cell \"%s\": CPU %u does not exist\n",
			       config->name, cpu);
			return -EINVAL;
		}
		if (!cell_owns_cpu(&root_cell, cpu)) {
			printk("Cell \"%s\": CPU %u is not in the root cell\n",
			       config->name, cpu);
			return -EBUSY;
		}
		if (cpu == caller->cpu_id) {
			printk("Cell \"%s\": CPU %u is the one creating it\n",
			       config->name, cpu);
			return -EBUSY;
		}
	}
	if (!count) {
		printk("Cell \"%s\" has no CPUs\n", config->name);
		return -EINVAL;
	}
	if (count == cell_num_cpus(&root_cell)) {
		printk("Cell \"%s\" would take all CPUs of the root cell\n",
		       config->name);
		return -EINVAL;
	}
	return 0;
}

/* Another cell's region that mem collides with, or NULL. */
static const struct cell *
owner_of(const struct jailhouse_memory *mem)
{
	const struct jailhouse_memory *other;
	const struct cell *cell;
	unsigned int n;

	for (cell = root_cell.next; cell; cell = cell->next) {
		other = jailhouse_cell_mem_regions(cell->config);
		for (n = 0; n < cell->config->num_memory_regions;
		     n++, other++) {
			if (other->flags & JAILHOUSE_MEM_COMM_REGION)
				continue;
			/* Shared memory may be shared, nothing else. */
			if ((other->flags & mem->flags &
			     JAILHOUSE_MEM_ROOTSHARED))
				continue;
			if (overlap(mem->phys_start, mem->size,
				    other->phys_start, other->size))
				return cell;
		}
	}
	return NULL;
}

static int check_memory(const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_memory *hv =
		&system_config_location()->hypervisor_memory;
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(config);
	const struct cell *owner;
	unsigned int n;

	for (n = 0; n < config->num_memory_regions; n++, mem++) {
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION) {
			if (mem->size != PAGE_SIZE) {
				printk("Cell \"%s\": comm region must be one "
				       "page\n", config->name);
				return -EINVAL;
			}
			continue;
		}
		if (overlap(mem->phys_start, mem->size, hv->phys_start,
			    hv->size)) {
			printk("Cell \"%s\": memory region %u overlaps the "
			       "hypervisor\n", config->name, n);
			return -EINVAL;
		}
		if (!root_region_of(mem)) {
			printk("Cell \"%s\": memory region %u (0x%llx, size "
			       "0x%llx) is not in the root cell\n",
			       config->name, n, mem->phys_start, mem->size);
			return -EINVAL;
		}
		owner = owner_of(mem);
		if (owner) {
			printk("Cell \"%s\": memory region %u (0x%llx, size "
			       "0x%llx) overlaps cell \"%s\"\n", config->name,
			       n, mem->phys_start, mem->size,
			       owner->config->name);
			return -EBUSY;
		}
	}
	return 0;
}

int cell_check_resources(const struct jailhouse_cell_desc *config,
			 const struct per_cpu *caller)
{
	const struct cell *cell;
	int err;

	for_each_cell(cell) {
		if (!strncmp(cell->config->name, config->name,
			     JAILHOUSE_CELL_NAME_MAXLEN + 1)) {
			printk("Cell \"%s\" exists already\n", config->name);
			return -EEXIST;
		}
	}
	err = check_cpus(config, caller);
	if (err)
		return err;
	err = check_memory(config);
	if (err)
		return err;
	return pci_check_cell(config);
}
