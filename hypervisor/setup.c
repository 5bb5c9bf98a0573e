// SPDX-License-Identifier: GPL-2.0
/*
 * Bring-up of the hypervisor, entered on every CPU at once. The first CPU
 * in does the early, global part (debug console, config validation, page
 * pools, arch address space, root cell); then every CPU takes itself over
 * from Linux and waits for the others; the last one in does the late
 * part. Any failure makes all CPUs undo their part and return the same
 * error.
 */
#include <core/arch.h>
#include <core/bitmap.h>
#include <core/cell.h>
#include <core/config_check.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/unit.h>

enum { EARLY_NOT_STARTED, EARLY_RUNNING, EARLY_DONE };

static u32 early_state = EARLY_NOT_STARTED;
static int early_error;
/* CPUs through arch_cpu_init (failed or not), and the late part's end. */
static u32 cpus_initialized;
static u32 late_done;
/* First error of any CPU or of the late part; 0 while all goes well. */
static int setup_error;
static unsigned long remap_pool_map[BITMAP_WORDS(REMAP_POOL_PAGES)];

/*
 * The memory pool is what the config leaves of the hypervisor memory;
 * its bitmap takes its first pages.
 */
static int init_pools(const struct jailhouse_system *sys,
		      unsigned long config_offset)
{
	u64 pool_offset = ALIGN_UP(config_offset +
				   jailhouse_system_config_size(sys),
				   (u64)PAGE_SIZE);
	u64 size = sys->hypervisor_memory.size;
	int err;

	if (pool_offset >= size)
		return -ENOMEM;
	err = page_pool_init_self_hosted(&mem_pool, "mem",
					 __image_start + pool_offset,
					 sys->hypervisor_memory.phys_start +
					 pool_offset,
					 (size - pool_offset) >> PAGE_SHIFT);
	if (err) {
		printk("Hypervisor memory too small for a page pool\n");
		return err;
	}
	page_pool_init(&remap_pool, "remap", arch_remap_base,
		       REMAP_POOL_PAGES, remap_pool_map);
	return 0;
}

static int early_setup(unsigned int cpu_id)
{
	const struct jailhouse_system *sys = system_config_location();
	unsigned long config_offset = (const char *)sys - __image_start;
	u64 room;
	int err;

	arch_dbg_init(&sys->debug_console);
	/* The ring is filled only if the config asks for it. */
	virt_console_enabled = !!(sys->flags &
				  JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE);
	printk("\nInitializing Jailhouse hypervisor %s on CPU %u\n",
	       HYPERVISOR_VERSION, cpu_id);

	/* The driver checked that the config fits; trust, but bound it. */
	room = sys->hypervisor_memory.size > config_offset ?
		sys->hypervisor_memory.size - config_offset : 0;
	err = config_check_system(sys, room, arch_config_architecture);
	if (err)
		return err;
	err = init_pools(sys, config_offset);
	if (err)
		return err;

	printk("Code location: %p\n", __image_start);

	err = arch_init_early();
	if (err)
		return err;

	root_cell = (struct cell){
		.id = 0,
		.state = JAILHOUSE_CELL_RUNNING,
		.config = &sys->root_cell,
	};
	err = arch_cell_init(&root_cell);
	if (err)
		return err;

	printk("Page pool usage after early setup: mem %lu/%lu, "
	       "remap %lu/%lu\n", mem_pool.used_pages, mem_pool.pages,
	       remap_pool.used_pages, remap_pool.pages);
	printk("Initializing processors:\n");
	return 0;
}

static void record_error(int err)
{
	int none = 0;

	if (err)
		__atomic_compare_exchange_n(&setup_error, &none, err, false,
					    __ATOMIC_RELAXED,
					    __ATOMIC_RELAXED);
}

static int cpu_init(struct per_cpu *cpu, unsigned int cpu_id)
{
	int err;

	/* Only CPUs of the root cell can continue its Linux. */
	if (cpu_id >= hypervisor_header.max_cpus || cpu_id >= MAX_CPUS ||
	    !config_has_cpu(root_cell.config, cpu_id)) {
		printk(" CPU %u... not in the root cell\n", cpu_id);
		return -EINVAL;
	}

	cpu->cpu_id = cpu_id;
	cpu->cell = &root_cell;
	cpu->failed = false;
	cpu->shutdown = false;
	cpu->suspend_cpu = false;
	cpu->cpu_suspended = false;
	cpu->requests = 0;
	cpu->parked = false;
	for (unsigned int n = 0; n < PERCPU_NUM_STATS; n++)
		cpu->stats[n] = 0;

	err = arch_cpu_init(cpu);
	printk(" CPU %u... %s\n", cpu_id, err ? "FAILED" : "OK");
	/* The root cell owns the CPUs that actually came in. */
	if (!err)
		__atomic_or_fetch(&root_cell.cpu_set[cpu_id / BITS_PER_LONG],
				  1UL << (cpu_id % BITS_PER_LONG),
				  __ATOMIC_RELAXED);
	return err;
}

/* The root cell's sub-page regions trap like those of other cells. */
static int register_root_subpages(void)
{
	const struct jailhouse_cell_desc *config = root_cell.config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	unsigned int n;
	int err;

	for (n = 0; n < config->num_memory_regions; n++, mem++) {
		if (!mmio_is_subpage(mem))
			continue;
		err = mmio_subpage_register(&root_cell, mem);
		if (err)
			return err;
	}
	return 0;
}

/* Units, then the root cell's MMIO table and its units' part. */
static int root_cell_units_init(void)
{
	int err = units_init();

	if (err)
		return err;
	err = mmio_cell_init(&root_cell);
	if (!err)
		err = register_root_subpages();
	if (!err)
		err = units_cell_init(&root_cell);
	if (err) {
		mmio_cell_exit(&root_cell);
		units_shutdown();
	}
	return err;
}

static void late_setup(void)
{
	int err = arch_init_late();

	if (!err)
		err = root_cell_units_init();
	record_error(err);
	if (err)
		return;
	printk("Page pool usage after late setup: mem %lu/%lu, "
	       "remap %lu/%lu\n", mem_pool.used_pages, mem_pool.pages,
	       remap_pool.used_pages, remap_pool.pages);
	printk("Activating hypervisor\n");
}

int entry(unsigned int cpu_id)
{
	u32 expected = EARLY_NOT_STARTED;
	struct per_cpu *cpu;
	u32 done;

	if (__atomic_compare_exchange_n(&early_state, &expected,
					EARLY_RUNNING, false,
					__ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		early_error = early_setup(cpu_id);
		__atomic_store_n(&early_state, EARLY_DONE, __ATOMIC_RELEASE);
	} else {
		while (__atomic_load_n(&early_state, __ATOMIC_ACQUIRE) !=
		       EARLY_DONE)
			;
	}
	if (early_error)
		return early_error;

	cpu = cpu_id < hypervisor_header.max_cpus ? per_cpu(cpu_id) : NULL;
	record_error(cpu ? cpu_init(cpu, cpu_id) : -EINVAL);

	done = __atomic_add_fetch(&cpus_initialized, 1, __ATOMIC_ACQ_REL);
	if (done == hypervisor_header.online_cpus) {
		if (!__atomic_load_n(&setup_error, __ATOMIC_ACQUIRE))
			late_setup();
		__atomic_store_n(&late_done, 1, __ATOMIC_RELEASE);
	} else {
		while (!__atomic_load_n(&late_done, __ATOMIC_ACQUIRE))
			;
	}

	if (__atomic_load_n(&setup_error, __ATOMIC_ACQUIRE)) {
		if (cpu)
			arch_cpu_restore(cpu);
		return setup_error;
	}
	return 0;
}
