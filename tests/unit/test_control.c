// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercalls of the root cell as the arch exit handlers pass them in:
 * results, error codes and the DISABLE flag. The per-CPU areas are those
 * of the fake region of test_setup.c.
 */
#include <string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/percpu.h>

#include "arch_stubs.h"
#include "unit.h"

extern struct jailhouse_header hypervisor_header;

/* A root cell owning CPUs 0, 1 and 3. */
static struct {
	struct jailhouse_cell_desc desc;
	unsigned long cpus[1];
} __attribute__((packed)) root_config = {
	.desc = { .cpu_set_size = sizeof(unsigned long) },
	.cpus = { 0xb },
};

/* Run fn with the fake root cell, pools and header, then put them back. */
static void with_root(void (*fn)(struct per_cpu *cpu))
{
	struct jailhouse_header saved_header = hypervisor_header;
	struct page_pool saved_mem = mem_pool, saved_remap = remap_pool;
	struct cell saved_root = root_cell;
	struct per_cpu *cpu;

	/* The same layout as the region of test_setup.c. */
	hypervisor_header.core_size = 0x4000;
	hypervisor_header.max_cpus = 4;
	root_cell = (struct cell){
		.id = 0,
		.state = JAILHOUSE_CELL_RUNNING,
		.config = &root_config.desc,
		.cpu_set = { 0xb },
	};
	mem_pool.pages = 1000;
	mem_pool.used_pages = 42;
	remap_pool.pages = 2048;
	remap_pool.used_pages = 7;

	cpu = per_cpu(1);
	memset(cpu->stats, 0, sizeof(cpu->stats));
	cpu->cpu_id = 1;
	cpu->cell = &root_cell;
	cpu->failed = false;
	cpu->shutdown = false;
	fn(cpu);

	hypervisor_header = saved_header;
	mem_pool = saved_mem;
	remap_pool = saved_remap;
	root_cell = saved_root;
}

static void get_info(struct per_cpu *cpu)
{
	long code = JAILHOUSE_HC_HYPERVISOR_GET_INFO;

	EXPECT_EQ(hypercall(cpu, code, JAILHOUSE_INFO_MEM_POOL_SIZE, 0), 1000);
	EXPECT_EQ(hypercall(cpu, code, JAILHOUSE_INFO_MEM_POOL_USED, 0), 42);
	EXPECT_EQ(hypercall(cpu, code, JAILHOUSE_INFO_REMAP_POOL_SIZE, 0),
		  2048);
	EXPECT_EQ(hypercall(cpu, code, JAILHOUSE_INFO_REMAP_POOL_USED, 0), 7);
	EXPECT_EQ(hypercall(cpu, code, JAILHOUSE_INFO_NUM_CELLS, 0), 1);
	EXPECT_EQ(hypercall(cpu, code, 5, 0), -EINVAL);
}

TEST(hypercall_hypervisor_get_info)
{
	with_root(get_info);
}

static void cpu_info(struct per_cpu *cpu)
{
	long code = JAILHOUSE_HC_CPU_GET_INFO;
	long stat_base = JAILHOUSE_CPU_INFO_STAT_BASE;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL] = 123;
	cpu->stats[JAILHOUSE_NUM_CPU_STATS - 1] = 9;
	EXPECT_EQ(hypercall(cpu, code, 1, JAILHOUSE_CPU_INFO_STATE),
		  JAILHOUSE_CPU_RUNNING);
	EXPECT_EQ(hypercall(cpu, code, 1, stat_base), 123);
	EXPECT_EQ(hypercall(cpu, code, 1,
			    stat_base + JAILHOUSE_NUM_CPU_STATS - 1), 9);
	EXPECT_EQ(hypercall(cpu, code, 1, stat_base + JAILHOUSE_NUM_CPU_STATS),
		  -EINVAL);
	EXPECT_EQ(hypercall(cpu, code, 1, 1), -EINVAL);
	/* CPU 2 is not the root cell's, CPU 4 does not exist. */
	EXPECT_EQ(hypercall(cpu, code, 2, JAILHOUSE_CPU_INFO_STATE), -EINVAL);
	EXPECT_EQ(hypercall(cpu, code, 4, JAILHOUSE_CPU_INFO_STATE), -EINVAL);
	cpu->failed = true;
	EXPECT_EQ(hypercall(cpu, code, 1, JAILHOUSE_CPU_INFO_STATE),
		  JAILHOUSE_CPU_FAILED);
}

TEST(hypercall_cpu_get_info)
{
	with_root(cpu_info);
}

static void misc_calls(struct per_cpu *cpu)
{
	EXPECT_EQ(hypercall(cpu, JAILHOUSE_HC_CELL_GET_STATE, 0, 0),
		  JAILHOUSE_CELL_RUNNING);
	EXPECT_EQ(hypercall(cpu, JAILHOUSE_HC_CELL_GET_STATE, 1, 0), -ENOENT);
	/* Not in the root cell's memory (it has none here). */
	EXPECT_EQ(hypercall(cpu, JAILHOUSE_HC_CELL_CREATE, 0x1000, 0),
		  -EINVAL);
	EXPECT_EQ(hypercall(cpu, 9, 0, 0), -ENOSYS);

	/* The console needs the cell's permission. */
	dbg_output_reset();
	EXPECT_EQ(hypercall(cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 'x', 0),
		  -EPERM);
	EXPECT_EQ(dbg_output_len, 0);
	root_config.desc.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED;
	EXPECT_EQ(hypercall(cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 'x', 0), 0);
	root_config.desc.flags = 0;
	EXPECT_STREQ(dbg_output, "x");

	EXPECT_FALSE(cpu->shutdown);
	EXPECT_EQ(hypercall(cpu, JAILHOUSE_HC_DISABLE, 0, 0), 0);
	EXPECT_TRUE(cpu->shutdown);
}

TEST(hypercall_cell_state_console_disable)
{
	with_root(misc_calls);
}
