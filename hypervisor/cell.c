// SPDX-License-Identifier: GPL-2.0
/*
 * Cell lifecycle: create, set loadable (also "shutdown"), start and
 * destroy (the queries are in cell_query.c). Every operation runs under
 * the management lock with the root cell's other CPUs and the cell's CPUs
 * suspended, since it changes what they may access.
 *
 * Everything a cell takes from the memory pool (its struct, config copy,
 * comm region page, arch state, the root's split page tables) is given
 * back on destroy, so the pool usage returns to its value before create.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/cell_check.h>
#include <core/cell_memory.h>
#include <core/comm_region.h>
#include <core/config_check.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/management.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/pci.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/ratelimit.h>
#include <core/refusal.h>
#include <core/remap.h>
#include <core/string.h>
#include <core/unit.h>

/* Cell configs beyond this are refused; the driver's limit is the same. */
#define CELL_CONFIG_MAX		(1UL << 20)

static unsigned int free_cell_id(void)
{
	unsigned int id = 1;

	while (cell_find(id))
		id++;
	return id;
}

static void print_pool_usage(const char *when)
{
	printk("Page pool usage after %s: mem %lu/%lu, remap %lu/%lu\n", when,
	       mem_pool.used_pages, mem_pool.pages, remap_pool.used_pages,
	       remap_pool.pages);
}

/*
 * A root CPU that disabled the hypervisor has left it and answers no
 * suspend request any more: creating a cell would wait for it forever.
 */
static int check_root_cpus_present(void)
{
	unsigned int cpu;

	for_each_cpu_of(cpu, &root_cell) {
		if (per_cpu(cpu)->shutdown) {
			printk("CPU %u has left the hypervisor: no new cells "
			       "until it is disabled completely\n", cpu);
			return -EBUSY;
		}
	}
	return 0;
}

/* Reconfiguration is refused while a cell holds the system locked. */
static int check_unlocked(const struct cell *except)
{
	const struct cell *cell;

	for (cell = root_cell.next; cell; cell = cell->next) {
		if (cell != except &&
		    comm_region_get_state(cell) ==
		    JAILHOUSE_CELL_RUNNING_LOCKED) {
			printk("Cell \"%s\" is locked: no reconfiguration\n",
			       cell->config->name);
			return -EPERM;
		}
	}
	return 0;
}

/*
 * Map size bytes of the config at config_address, which must lie in
 * memory the root cell still owns: a cell's RAM, though in the root's
 * configured regions, is no longer the root's to hand over.
 */
static const void *map_config(u64 config_address, u64 size, int *err)
{
	const void *desc;

	if (!root_owns_now(config_address, size)) {
		printk("Cell config at 0x%llx is not in memory the root cell "
		       "owns\n", config_address);
		*err = -EINVAL;
		return NULL;
	}
	desc = remap_cell_memory(&root_cell, config_address, size, err);
	if (!desc)
		printk("Cell config at 0x%llx cannot be mapped (%d)\n",
		       config_address, *err);
	return desc;
}

/* A copy of the config at config_address in the root cell's memory. */
static int copy_config(u64 config_address,
		       struct jailhouse_cell_desc **copy,
		       unsigned long *pages)
{
	const struct jailhouse_cell_desc *desc;
	u64 size;
	int err;

	desc = map_config(config_address, sizeof(*desc), &err);
	if (!desc)
		return err;
	size = jailhouse_cell_config_size(desc);
	remap_release((void *)desc, sizeof(*desc));
	if (size > CELL_CONFIG_MAX) {
		printk("Cell config at 0x%llx is too big (%llu bytes)\n",
		       config_address, size);
		return -E2BIG;
	}

	desc = map_config(config_address, size, &err);
	if (!desc)
		return err;
	*pages = PAGES(size);
	*copy = page_alloc(&mem_pool, *pages);
	if (*copy)
		memcpy(*copy, desc, size);
	remap_release((void *)desc, size);
	if (!*copy)
		return -ENOMEM;

	/* Checked on the copy: the root cannot change it any more. */
	err = config_check_cell(*copy, size, arch_config_architecture);
	if (err) {
		page_free(&mem_pool, *copy, *pages);
		*copy = NULL;
	}
	return err;
}

static void free_cell(struct cell *cell)
{
	mmio_cell_exit(cell);
	if (cell->arch)
		arch_cell_destroy(cell);
	page_free(&mem_pool, cell->comm_region, 1);
	page_free(&mem_pool, (void *)cell->config, cell->config_pages);
	page_free(&mem_pool, cell, PAGES(sizeof(*cell)));
}

/*
 * The cell's own view: its memory regions and the comm region page;
 * sub-page regions trap and are forwarded access by access.
 */
static int map_cell_memory(struct cell *cell)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(cell->config);
	struct jailhouse_memory comm;
	unsigned int n;
	int err;

	for (n = 0; n < cell->config->num_memory_regions; n++, mem++) {
		if (mem->flags & JAILHOUSE_MEM_COMM_REGION) {
			comm = *mem;
			comm.phys_start = page_pool_virt2phys(&mem_pool,
							      cell->comm_region);
			err = arch_map_memory_region(cell, &comm);
		} else if (mmio_is_subpage(mem)) {
			err = mmio_subpage_register(cell, mem);
		} else if (mem->flags & JAILHOUSE_MEM_READ) {
			err = arch_map_memory_region(cell, mem);
		} else {
			err = 0;
		}
		if (err)
			return err;
	}
	return 0;
}

static struct cell *new_cell(struct jailhouse_cell_desc *config,
			     unsigned long config_pages, int *err)
{
	struct cell *cell;
	unsigned int cpu;

	cell = page_zalloc(&mem_pool, PAGES(sizeof(*cell)));
	if (!cell) {
		*err = -ENOMEM;
		return NULL;
	}
	cell->config = config;
	cell->config_pages = config_pages;
	cell->id = free_cell_id();
	cell->state = JAILHOUSE_CELL_SHUT_DOWN;
	for (cpu = 0; cpu < MAX_CPUS; cpu++)
		if (config_has_cpu(config, cpu))
			bitmap_set_bit(cell->cpu_set, cpu);

	cell->comm_region = page_zalloc(&mem_pool, 1);
	*err = cell->comm_region ? arch_cell_create(cell) : -ENOMEM;
	if (!*err)
		*err = mmio_cell_init(cell);
	if (!*err)
		*err = map_cell_memory(cell);
	if (*err) {
		free_cell(cell);
		return NULL;
	}
	/* The root's last DMA and interrupts must not reach the cell. */
	pci_cell_quiesce(cell);
	/* Last: on failure, the units have undone their part already. */
	*err = units_cell_init(cell);
	if (*err) {
		free_cell(cell);
		return NULL;
	}
	comm_region_init(cell, JAILHOUSE_CELL_SHUT_DOWN);
	return cell;
}

/* Move the cell's CPUs from the root cell to it; they park there. */
static void take_cpus(struct cell *cell)
{
	struct per_cpu *target;
	unsigned int cpu;

	for_each_cpu_of(cpu, cell) {
		bitmap_clear_bit(root_cell.cpu_set, cpu);
		target = per_cpu(cpu);
		target->cell = cell;
		target->failed = false;
		cpu_post_request(target, CPU_REQ_PARK);
	}
}

/*
 * Give the cell's CPUs back to the root cell. They wait there as Linux
 * expects of a CPU it took offline: to be started again.
 */
static void return_cpus(struct cell *cell)
{
	struct per_cpu *target;
	unsigned int cpu;

	for_each_cpu_of(cpu, cell) {
		bitmap_set_bit(root_cell.cpu_set, cpu);
		target = per_cpu(cpu);
		target->cell = &root_cell;
		target->failed = false;
		cpu_post_request(target, CPU_REQ_RESET);
	}
}

static long create_locked(struct per_cpu *cpu, unsigned long config_address)
{
	struct jailhouse_cell_desc *config;
	unsigned long config_pages = 0;
	struct cell *cell;
	int err;

	err = check_root_cpus_present();
	if (!err)
		err = check_unlocked(NULL);
	if (err)
		return err;
	err = copy_config(config_address, &config, &config_pages);
	if (err)
		return err;
	err = cell_check_resources(config, cpu);
	if (err) {
		page_free(&mem_pool, config, config_pages);
		return err;
	}
	cell = new_cell(config, config_pages, &err);
	if (!cell)
		return err;

	err = cell_suspend(&root_cell, cpu);
	if (err) {
		free_cell(cell);
		return err;
	}
	cell_link(cell);
	err = root_memory_update(cell, 0);
	if (err) {
		cell_unlink(cell);
		root_memory_update(cell, 0);
		cell_resume(&root_cell, cpu);
		units_cell_exit(cell);
		free_cell(cell);
		return err;
	}
	take_cpus(cell);
	cell_resume(&root_cell, cpu);
	cell_resume(cell, cpu);

	printk("Created cell \"%s\"\n", config->name);
	print_pool_usage("cell creation");
	return cell->id;
}

long cell_create(struct per_cpu *cpu, unsigned long config_address)
{
	long ret;

	if (cpu->cell != &root_cell)
		return -EPERM;
	management_lock(cpu);
	ret = create_locked(cpu, config_address);
	management_unlock();
	return ret;
}

/*
 * Look up the target of a lifecycle call; the root cell is never one.
 * Returns NULL with the error in *err.
 */
static struct cell *target_cell(unsigned long id, int *err)
{
	struct cell *cell = cell_find(id);

	if (!cell) {
		*err = -ENOENT;
		return NULL;
	}
	if (cell == &root_cell) {
		*err = -EINVAL;
		return NULL;
	}
	return cell;
}

static int suspend_both(struct cell *cell, struct per_cpu *cpu)
{
	int err = cell_suspend(&root_cell, cpu);

	if (err)
		return err;
	err = cell_suspend(cell, cpu);
	if (err)
		cell_resume(&root_cell, cpu);
	return err;
}

static void resume_both(struct cell *cell, struct per_cpu *cpu)
{
	cell_resume(cell, cpu);
	cell_resume(&root_cell, cpu);
}

static void park_cpus(struct cell *cell)
{
	unsigned int cpu;

	for_each_cpu_of(cpu, cell)
		cpu_post_request(per_cpu(cpu), CPU_REQ_PARK);
}

static long set_loadable_locked(struct per_cpu *cpu, unsigned long id)
{
	struct cell *cell;
	int err;

	cell = target_cell(id, &err);
	if (!cell)
		return err;
	err = comm_region_request_shutdown(cell);
	if (err)
		return err;

	err = suspend_both(cell, cpu);
	if (err)
		return err;
	park_cpus(cell);
	if (cell->state != JAILHOUSE_CELL_FAILED)
		comm_region_set_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	if (!cell->loadable) {
		cell->loadable = true;
		err = root_memory_update(cell, JAILHOUSE_MEM_LOADABLE);
	}
	resume_both(cell, cpu);
	if (err)
		return err;

	printk("Cell \"%s\" can be loaded\n", cell->config->name);
	return 0;
}

long cell_set_loadable(struct per_cpu *cpu, unsigned long id)
{
	long ret;

	if (cpu->cell != &root_cell)
		return -EPERM;
	management_lock(cpu);
	ret = set_loadable_locked(cpu, id);
	management_unlock();
	return ret;
}

static long start_locked(struct per_cpu *cpu, unsigned long id)
{
	struct cell *cell;
	unsigned int n;
	u32 state;
	int err = 0;

	cell = target_cell(id, &err);
	if (!cell)
		return err;
	state = comm_region_get_state(cell);
	if (state == JAILHOUSE_CELL_RUNNING ||
	    state == JAILHOUSE_CELL_RUNNING_LOCKED) {
		printk("Cell \"%s\" is already running\n", cell->config->name);
		return -EBUSY;
	}

	err = suspend_both(cell, cpu);
	if (err)
		return err;
	if (cell->loadable) {
		cell->loadable = false;
		err = root_memory_update(cell, JAILHOUSE_MEM_LOADABLE);
	}
	if (!err) {
		comm_region_init(cell, JAILHOUSE_CELL_RUNNING);
		/* A new run may say hello at once, whatever the last said. */
		ratelimit_reset(&cell->print_limit);
		refusal_reset(cell);
		arch_flush_cell_memory(cell);
		for_each_cpu_of(n, cell) {
			per_cpu(n)->failed = false;
			cpu_post_request(per_cpu(n), CPU_REQ_RESET);
		}
	}
	resume_both(cell, cpu);
	if (err)
		return err;

	printk("Started cell \"%s\"\n", cell->config->name);
	return 0;
}

long cell_start(struct per_cpu *cpu, unsigned long id)
{
	long ret;

	if (cpu->cell != &root_cell)
		return -EPERM;
	management_lock(cpu);
	ret = start_locked(cpu, id);
	management_unlock();
	return ret;
}

static long destroy_locked(struct per_cpu *cpu, unsigned long id)
{
	struct cell *cell;
	int err;

	cell = target_cell(id, &err);
	if (!cell)
		return err;
	if (comm_region_get_state(cell) == JAILHOUSE_CELL_RUNNING_LOCKED) {
		printk("Cell \"%s\" is locked and cannot be destroyed\n",
		       cell->config->name);
		return -EPERM;
	}
	err = check_unlocked(cell);
	if (err)
		return err;

	err = suspend_both(cell, cpu);
	if (err)
		return err;
	printk("Closing cell \"%s\"\n", cell->config->name);
	refusal_reset(cell);
	cell_unlink(cell);
	err = root_memory_update(cell, 0);
	/*
	 * The cell's devices, pins and remapping entries fall quiet while
	 * its CPUs are still its own (and suspended): anything left armed
	 * would fire into the root cell once they are back there.
	 */
	pci_cell_quiesce(cell);
	units_cell_exit(cell);
	return_cpus(cell);
	/* The returned CPUs are root CPUs now: one resume wakes all. */
	cell_resume(&root_cell, cpu);
	/*
	 * Linux switches the returned CPUs on again as soon as the hypercall
	 * returns, which the ARM PSCI code refuses while one is still on:
	 * they must have taken their reset by then.
	 */
	cell_wait_requests_taken(cell);
	free_cell(cell);
	print_pool_usage("cell destruction");
	return err;
}

long cell_destroy(struct per_cpu *cpu, unsigned long id)
{
	long ret;

	if (cpu->cell != &root_cell)
		return -EPERM;
	management_lock(cpu);
	ret = destroy_locked(cpu, id);
	management_unlock();
	return ret;
}

void cell_cpu_failed(struct per_cpu *cpu)
{
	cpu->failed = true;
	if (cpu->cell != &root_cell)
		comm_region_set_state(cpu->cell, JAILHOUSE_CELL_FAILED);
}
