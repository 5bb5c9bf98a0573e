// SPDX-License-Identifier: GPL-2.0
/*
 * Bring-up of the hypervisor, entered on every CPU at once. The first CPU
 * in does the early, global part (debug console, config validation, page
 * pools); the others wait for its verdict so that all of them return the
 * same value.
 *
 * For now setup stops after the pools and reports -ENOSYS: the rest of
 * the hypervisor (page tables, cells, CPU virtualization) is not there yet.
 */
#include <core/arch.h>
#include <core/bitmap.h>
#include <core/config_check.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>

enum { EARLY_NOT_STARTED, EARLY_RUNNING, EARLY_DONE };

static u32 early_state = EARLY_NOT_STARTED;
static int early_error;
static unsigned long remap_pool_map[BITMAP_WORDS(REMAP_POOL_PAGES)];

const struct jailhouse_system *system_config_location(void)
{
	unsigned long offset = hypervisor_header.core_size +
		(unsigned long)hypervisor_header.max_cpus *
		hypervisor_header.percpu_size;

	return (const struct jailhouse_system *)(__image_start + offset);
}

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
	printk("Page pool usage: mem %lu/%lu, remap %lu/%lu\n",
	       mem_pool.used_pages, mem_pool.pages,
	       remap_pool.used_pages, remap_pool.pages);
	printk("Hypervisor core not complete yet, giving up\n");
	return -ENOSYS;
}

int entry(unsigned int cpu_id)
{
	u32 expected = EARLY_NOT_STARTED;

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
	return early_error;
}
