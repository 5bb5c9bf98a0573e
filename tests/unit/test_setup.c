// SPDX-License-Identifier: GPL-2.0
/*
 * The per-CPU entry as the driver drives it: a fake hypervisor region
 * laid out as in hypervisor-interface.md, and four CPUs entering at once.
 * Early setup must run exactly once and every CPU must return its result.
 */
#include <pthread.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/console.h>
#include <jailhouse/header.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>

#include "arch_stubs.h"
#include "unit.h"

#define NUM_CPUS	4
#define CORE_SIZE	0x4000

int entry(unsigned int cpu_id);
extern struct jailhouse_header hypervisor_header;

/* The region; the linker-script symbols of the image point into it. */
char test_region[CORE_SIZE + NUM_CPUS * sizeof(struct per_cpu) + 0x10000]
	__attribute__((aligned(4096)));
asm(".globl __image_start\n.set __image_start, test_region\n"
    ".globl __core_size\n.set __core_size, test_region\n"
    ".globl __entry_offset\n.set __entry_offset, test_region\n"
    ".globl __console_offset\n.set __console_offset, test_region\n");

static struct jailhouse_system *place_config(void)
{
	struct jailhouse_system *sys;
	struct jailhouse_memory *mem;
	unsigned long *cpus;

	hypervisor_header.core_size = CORE_SIZE;
	hypervisor_header.max_cpus = NUM_CPUS;
	hypervisor_header.online_cpus = NUM_CPUS;
	sys = (void *)(test_region + CORE_SIZE +
		       NUM_CPUS * hypervisor_header.percpu_size);
	memcpy(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE, 5);
	sys->revision = JAILHOUSE_CONFIG_REVISION;
	sys->architecture = JAILHOUSE_X86;
	sys->flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE;
	sys->hypervisor_memory.phys_start = 0x3a000000;
	sys->hypervisor_memory.size = sizeof(test_region);
	sys->debug_console.type = JAILHOUSE_CON_TYPE_8250;
	sys->debug_console.address = 0x3f8;
	strcpy(sys->root_cell.name, "root");
	sys->root_cell.cpu_set_size = sizeof(unsigned long);
	sys->root_cell.num_memory_regions = 1;
	cpus = (void *)(sys + 1);
	*cpus = 0xf;
	mem = (void *)(cpus + 1);
	mem->size = 0x3a000000;
	mem->flags = JAILHOUSE_MEM_READ;
	return sys;
}

static int results[NUM_CPUS];

static void *cpu_thread(void *arg)
{
	unsigned int cpu = (unsigned long)arg;

	results[cpu] = entry(cpu);
	return NULL;
}

TEST(setup_all_cpus_enter_at_once)
{
	struct jailhouse_system *sys = place_config();
	pthread_t threads[NUM_CPUS];
	unsigned long cpu;
	unsigned long pool_start;
	const char *banner;

	EXPECT_EQ(memcmp(hypervisor_header.signature, "JAILHOUS", 8), 0);
	EXPECT_EQ(hypervisor_header.percpu_size % 4096, 0);
	dbg_output_reset();
	memset(&virt_console, 0, sizeof(virt_console));
	/* One CPU fails its arch part: all of them must give up. */
	arch_cpu_init_fail_cpu = 2;
	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		ASSERT_EQ(pthread_create(&threads[cpu], NULL, cpu_thread,
					 (void *)cpu), 0);
	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		pthread_join(threads[cpu], NULL);

	/* The failure of CPU 2 is everybody's result. */
	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		EXPECT_EQ(results[cpu], -EIO);
	EXPECT_EQ(arch_init_early_calls, 1);
	EXPECT_EQ(arch_cell_init_calls, 1);
	EXPECT_EQ(arch_cpu_init_mask, 0xf);
	/* Every CPU undid its part, and nobody went on to the late part. */
	EXPECT_EQ(arch_cpu_restore_mask, 0xf);
	EXPECT_EQ(arch_init_late_calls, 0);
	EXPECT_TRUE(strstr(dbg_output, "Initializing processors:\n"));
	EXPECT_TRUE(strstr(dbg_output, " CPU 2... FAILED\n"));
	EXPECT_TRUE(strstr(dbg_output, " CPU 0... OK\n"));
	EXPECT_TRUE(strstr(dbg_output, " CPU 3... OK\n"));
	EXPECT_FALSE(strstr(dbg_output, "Activating hypervisor"));
	EXPECT_EQ(dbg_console, &sys->debug_console);
	banner = strstr(dbg_output, "Initializing Jailhouse hypervisor v");
	ASSERT_TRUE(banner);
	EXPECT_FALSE(strstr(banner + 1, "Initializing Jailhouse"));
	EXPECT_TRUE(strstr(banner, " on CPU "));
	EXPECT_FALSE(strstr(dbg_output, "config:"));
	/* The pool is what the config leaves of the region. */
	pool_start = ALIGN_UP((char *)sys + sizeof(*sys) +
			      sizeof(unsigned long) +
			      sizeof(struct jailhouse_memory) - test_region,
			      4096);
	EXPECT_EQ(mem_pool.base, (unsigned long)test_region + pool_start);
	EXPECT_EQ(mem_pool.pages, (sizeof(test_region) - pool_start) / 4096);
	EXPECT_LT(10, mem_pool.pages);
	EXPECT_EQ(mem_pool.phys_base, 0x3a000000 + pool_start);
	EXPECT_EQ(mem_pool.used_pages, 1);
	EXPECT_EQ(remap_pool.pages, REMAP_POOL_PAGES);
	EXPECT_EQ(remap_pool.used_pages, 0);
	EXPECT_TRUE(strstr(dbg_output,
			   "Page pool usage after early setup: mem 1/"));

	/* The same text went to the virtual console ring. */
	EXPECT_EQ(virt_console.tail, dbg_output_len);
	EXPECT_EQ(memcmp(virt_console.content, dbg_output,
			 dbg_output_len), 0);
}
