// SPDX-License-Identifier: GPL-2.0
/*
 * Cell bookkeeping of the core (cell.c, cell_check.c, comm_region.c)
 * against a fake root cell and the arch stubs: what create takes and
 * destroy gives back, the error codes of refused configs, the lock a
 * running/locked cell holds, and the shutdown handshake.
 *
 * The fake machine: four CPUs, the root owns them all and runs the
 * hypercalls on CPU 1 (CPU 0 stays the root's like Linux's boot CPU).
 * Root memory: 0x100000 (fake_phys, where configs are placed) and a
 * 16 MiB reservation at 0x3a600000 that cells take RAM from.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/config_check.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/ratelimit.h>

#include "arch_stubs.h"
#include "test_pool.h"
#include "test_units.h"
#include "unit.h"

#define NUM_CPUS	4
#define CORE_SIZE	0x4000
#define RESERVATION	0x3a600000ULL
#define CALLER		1

extern struct jailhouse_header hypervisor_header;
/* The fake hypervisor region of test_setup.c: per-CPU areas, config. */
extern char test_region[];

#define IOAPIC_ADDR	0xfec00000ULL

struct cell_cfg {
	struct jailhouse_cell_desc desc;
	__u64 cpus[1];
	struct jailhouse_memory mem[2];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio[1];
} __attribute__((packed));

struct root_cfg {
	struct jailhouse_system sys;
	__u64 cpus[1];
	struct jailhouse_memory mem[2];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio[1];
} __attribute__((packed));

static struct root_cfg *root_cfg;
static unsigned long mem0, remap0;

/* What the tests overwrite of the shared fake region, header and root. */
static char *saved_region;
static size_t saved_size;
static struct jailhouse_header saved_header;
static struct cell saved_root;

/* Where the n-th test config sits in the root's (fake) memory. */
static u64 cfg_addr(unsigned int n)
{
	return FAKE_PHYS_BASE + n * 0x1000;
}

/* A valid cell config named name: CPUs in cpus, 1 MiB RAM at ram. */
static struct cell_cfg *put_cfg(unsigned int n, const char *name,
				u64 cpus, u64 ram)
{
	struct cell_cfg *c = (void *)(fake_phys + n * 0x1000);

	memset(c, 0, sizeof(*c));
	memcpy(c->desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 6);
	c->desc.revision = JAILHOUSE_CONFIG_REVISION;
	c->desc.architecture = JAILHOUSE_X86;
	strcpy(c->desc.name, name);
	c->desc.cpu_set_size = sizeof(c->cpus);
	c->desc.num_memory_regions = 2;
	/* No pins and no ports, unless a test sets some. */
	c->desc.num_irqchips = 1;
	c->desc.num_pio_regions = 1;
	c->irqchips[0].address = IOAPIC_ADDR;
	/* Unanswered shutdown requests end after this many polls. */
	c->desc.msg_reply_timeout = 1000;
	c->cpus[0] = cpus;
	c->mem[0] = (struct jailhouse_memory){
		.phys_start = ram, .virt_start = 0, .size = 0x100000,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			 JAILHOUSE_MEM_LOADABLE,
	};
	c->mem[1] = (struct jailhouse_memory){
		.virt_start = 0x100000, .size = 0x1000,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			 JAILHOUSE_MEM_COMM_REGION,
	};
	return c;
}

static struct per_cpu *caller(void)
{
	return per_cpu(CALLER);
}

static void setup_root(void)
{
	unsigned int cpu;

	saved_header = hypervisor_header;
	saved_root = root_cell;
	saved_size = CORE_SIZE + NUM_CPUS * hypervisor_header.percpu_size +
		sizeof(*root_cfg);
	saved_region = malloc(saved_size);
	memcpy(saved_region, test_region, saved_size);

	hypervisor_header.core_size = CORE_SIZE;
	hypervisor_header.max_cpus = NUM_CPUS;
	root_cfg = (void *)(test_region + CORE_SIZE +
			    NUM_CPUS * hypervisor_header.percpu_size);
	memset(root_cfg, 0, sizeof(*root_cfg));
	root_cfg->sys.hypervisor_memory.phys_start = 0x3a000000;
	root_cfg->sys.hypervisor_memory.size = 0x600000;
	strcpy(root_cfg->sys.root_cell.name, "root");
	root_cfg->sys.root_cell.cpu_set_size = sizeof(root_cfg->cpus);
	root_cfg->sys.root_cell.num_memory_regions = 2;
	root_cfg->sys.root_cell.num_irqchips = 1;
	root_cfg->sys.root_cell.num_pio_regions = 1;
	/* IOAPIC pins 0-23 and COM2's ports are the root's to give. */
	root_cfg->irqchips[0].address = IOAPIC_ADDR;
	root_cfg->irqchips[0].pin_bitmap[0] = 0xffffff;
	root_cfg->pio[0] = (struct jailhouse_pio){ .base = 0x2f8, .length = 8 };
	root_cfg->cpus[0] = 0xf;
	root_cfg->mem[0] = (struct jailhouse_memory){
		.phys_start = FAKE_PHYS_BASE, .virt_start = FAKE_PHYS_BASE,
		.size = FAKE_PHYS_SIZE, .flags = JAILHOUSE_MEM_READ,
	};
	root_cfg->mem[1] = (struct jailhouse_memory){
		.phys_start = RESERVATION, .virt_start = RESERVATION,
		.size = 0x1000000,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
	};

	root_cell = (struct cell){
		.state = JAILHOUSE_CELL_RUNNING,
		.config = &root_cfg->sys.root_cell,
		.cpu_set = { 0xf },
	};
	for (cpu = 0; cpu < NUM_CPUS; cpu++) {
		memset(per_cpu(cpu), 0, sizeof(struct per_cpu));
		per_cpu(cpu)->cpu_id = cpu;
		per_cpu(cpu)->cell = &root_cell;
	}
	test_pool_create(&mem_pool, 64, 0x3a100000);
	test_pool_create(&remap_pool, 16, 0);
	arch_park_mask = arch_reset_mask = 0;
	arch_cell_create_calls = arch_cell_destroy_calls = 0;
	mem0 = mem_pool.used_pages;
	remap0 = remap_pool.used_pages;
}

static void teardown_root(void)
{
	test_pool_destroy(&mem_pool);
	test_pool_destroy(&remap_pool);
	memset(&mem_pool, 0, sizeof(mem_pool));
	memset(&remap_pool, 0, sizeof(remap_pool));
	memcpy(test_region, saved_region, saved_size);
	free(saved_region);
	hypervisor_header = saved_header;
	root_cell = saved_root;
}

static long create(unsigned int n)
{
	return cell_create(caller(), cfg_addr(n));
}

TEST(cell_create_destroy_returns_everything)
{
	struct cell *cell;
	long id;

	setup_root();
	put_cfg(0, "two", 0xc, RESERVATION);
	id = create(0);
	ASSERT_EQ(id, 1);
	cell = cell_find(id);
	ASSERT_TRUE(cell);
	EXPECT_EQ(num_cells(), 2);
	EXPECT_EQ(cell->state, JAILHOUSE_CELL_SHUT_DOWN);
	EXPECT_EQ(cell_num_cpus(cell), 2);
	EXPECT_EQ(cell_first_cpu(cell), 2);
	EXPECT_EQ(root_cell.cpu_set[0], 0x3);
	EXPECT_TRUE(per_cpu(2)->cell == cell);
	EXPECT_TRUE(per_cpu(3)->cell == cell);
	/* Taken CPUs park in the cell until it starts. */
	EXPECT_EQ(arch_park_mask, 0xc);
	EXPECT_TRUE(per_cpu(2)->parked && per_cpu(3)->parked);
	EXPECT_LT(mem0, mem_pool.used_pages);
	EXPECT_EQ(remap_pool.used_pages, remap0);
	EXPECT_EQ(hypercall(caller(), JAILHOUSE_HC_CELL_GET_STATE, id, 0),
		  JAILHOUSE_CELL_SHUT_DOWN);

	arch_flush_calls = 0;
	EXPECT_EQ(cell_start(caller(), id), 0);
	EXPECT_EQ(arch_reset_mask, 0xc);
	/* Caches are flushed once, after the comm region was written. */
	EXPECT_EQ(arch_flush_calls, 1);
	EXPECT_EQ(arch_flush_seen_state, JAILHOUSE_CELL_RUNNING);
	EXPECT_EQ(cell_get_state(caller(), id), JAILHOUSE_CELL_RUNNING);
	/* Comm region: signature, state and the arch fields (the stub's). */
	EXPECT_EQ(memcmp(cell->comm_region->signature, "JHCOMM", 6), 0);
	EXPECT_EQ(cell->comm_region->num_cpus, 42);

	EXPECT_EQ(cell_destroy(caller(), id), 0);
	EXPECT_EQ(num_cells(), 1);
	EXPECT_EQ(root_cell.cpu_set[0], 0xf);
	EXPECT_TRUE(per_cpu(2)->cell == &root_cell);
	EXPECT_TRUE(per_cpu(3)->cell == &root_cell);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	EXPECT_EQ(remap_pool.used_pages, remap0);
	EXPECT_EQ(arch_cell_create_calls, arch_cell_destroy_calls);
	EXPECT_EQ(cell_destroy(caller(), id), -ENOENT);
	teardown_root();
}

TEST(cell_ids_and_pool_across_many_cycles)
{
	unsigned int round;

	setup_root();
	put_cfg(0, "a", 0x4, RESERVATION);
	put_cfg(1, "b", 0x8, RESERVATION + 0x100000);
	for (round = 0; round < 50; round++) {
		ASSERT_EQ(create(0), 1);
		ASSERT_EQ(create(1), 2);
		/* Destroying in creation order or not: same usage after. */
		ASSERT_EQ(cell_destroy(caller(), round % 2 ? 1 : 2), 0);
		ASSERT_EQ(cell_destroy(caller(), round % 2 ? 2 : 1), 0);
		ASSERT_EQ(mem_pool.used_pages, mem0);
	}
	EXPECT_EQ(remap_pool.used_pages, remap0);
	teardown_root();
}

/* create(n) must fail with err and leave no trace. */
static void expect_refused(unsigned int n, long err)
{
	unsigned int cells = num_cells();
	unsigned long root_cpus = root_cell.cpu_set[0];
	unsigned long used = mem_pool.used_pages;

	EXPECT_EQ(create(n), err);
	EXPECT_EQ(num_cells(), cells);
	EXPECT_EQ(root_cell.cpu_set[0], root_cpus);
	EXPECT_EQ(mem_pool.used_pages, used);
	EXPECT_EQ(remap_pool.used_pages, remap0);
}

TEST(cell_create_error_codes)
{
	struct cell_cfg *c;

	setup_root();
	put_cfg(0, "first", 0x4, RESERVATION);
	ASSERT_EQ(create(0), 1);

	/* Same name. */
	put_cfg(1, "first", 0x8, RESERVATION + 0x100000);
	expect_refused(1, -EEXIST);
	/* CPU 2 belongs to "first" now. */
	put_cfg(1, "cpu-taken", 0x4, RESERVATION + 0x100000);
	expect_refused(1, -EBUSY);
	/* The CPU issuing the hypercall cannot go. */
	put_cfg(1, "caller", 1 << CALLER, RESERVATION + 0x100000);
	expect_refused(1, -EBUSY);
	/* A CPU that does not exist, or none at all. */
	put_cfg(1, "cpu4", 0x10, RESERVATION + 0x100000);
	expect_refused(1, -EINVAL);
	put_cfg(1, "no-cpu", 0, RESERVATION + 0x100000);
	expect_refused(1, -EINVAL);
	/* The hypervisor's memory, in full or in part. */
	put_cfg(1, "hv", 0x8, 0x3a000000);
	expect_refused(1, -EINVAL);
	put_cfg(1, "hv-end", 0x8, 0x3a580000);
	dbg_output_reset();
	expect_refused(1, -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "Cell \"hv-end\": memory region 0 "
			   "(0x3a580000, size 0x100000) overlaps the "
			   "hypervisor"));
	/* Memory of another cell, fully or in part. */
	put_cfg(1, "overlap", 0x8, RESERVATION + 0x80000);
	expect_refused(1, -EBUSY);
	/* A broken config: checked, refused, nothing kept. */
	c = put_cfg(1, "bad-rev", 0x8, RESERVATION + 0x100000);
	c->desc.revision++;
	expect_refused(1, -EINVAL);
	/* The guest-physical side over the IOAPIC the root's config has. */
	c = put_cfg(1, "ioapic", 0x8, RESERVATION + 0x100000);
	c->mem[0].virt_start = IOAPIC_ADDR;
	dbg_output_reset();
	expect_refused(1, -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "covers the IOAPIC"));
	/* Not in the root's memory at all. */
	EXPECT_EQ(cell_create(caller(), 0x200000), -EINVAL);

	/* Only the root cell creates; a non-root CPU gets EPERM. */
	EXPECT_EQ(cell_create(per_cpu(2), cfg_addr(1)), -EPERM);
	EXPECT_EQ(cell_destroy(caller(), 0), -EINVAL);

	/* The refusals left "first" intact and usable. */
	put_cfg(1, "second", 0x8, RESERVATION + 0x100000);
	EXPECT_EQ(create(1), 2);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(cell_destroy(caller(), 2), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

static void set_reported_state(struct cell *cell, u32 state)
{
	__atomic_store_n(&cell->comm_region->cell_state, state,
			 __ATOMIC_RELEASE);
}

TEST(cell_locked_forbids_reconfiguration)
{
	struct cell *locked;

	setup_root();
	put_cfg(0, "locked", 0x4, RESERVATION);
	put_cfg(1, "other", 0x8, RESERVATION + 0x100000);
	ASSERT_EQ(create(0), 1);
	ASSERT_EQ(create(1), 2);
	ASSERT_EQ(cell_start(caller(), 1), 0);
	locked = cell_find(1);
	set_reported_state(locked, JAILHOUSE_CELL_RUNNING_LOCKED);
	EXPECT_EQ(cell_get_state(caller(), 1), JAILHOUSE_CELL_RUNNING_LOCKED);

	EXPECT_EQ(cell_destroy(caller(), 1), -EPERM);
	EXPECT_EQ(cell_destroy(caller(), 2), -EPERM);
	EXPECT_EQ(cell_destroy(caller(), 1), -EPERM);
	EXPECT_EQ(num_cells(), 3);
	put_cfg(2, "third", 0x1, RESERVATION + 0x200000);
	EXPECT_EQ(create(2), -EPERM);
	EXPECT_EQ(num_cells(), 3);

	/* Values other than running/locked do not count as a lock. */
	set_reported_state(locked, JAILHOUSE_CELL_SHUT_DOWN);
	EXPECT_EQ(cell_get_state(caller(), 1), JAILHOUSE_CELL_RUNNING);
	EXPECT_EQ(cell_destroy(caller(), 2), 0);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

/* The inmate's side of the handshake, on a thread of its own. */
static void *answer(void *arg)
{
	struct jailhouse_comm_region *comm = arg;
	u32 reply = comm->flags;

	while (__atomic_load_n(&comm->msg_to_cell, __ATOMIC_ACQUIRE) !=
	       JAILHOUSE_MSG_SHUTDOWN_REQUEST)
		;
	__atomic_store_n(&comm->msg_to_cell, JAILHOUSE_MSG_NONE,
			 __ATOMIC_RELEASE);
	__atomic_store_n(&comm->reply_from_cell, reply, __ATOMIC_RELEASE);
	return NULL;
}

/* Shut the running cell down while a thread answers with reply. */
static long shutdown_answered(struct cell *cell, u32 reply)
{
	pthread_t thread;
	long ret;

	/* flags is free to carry the wanted reply to the thread. */
	cell->comm_region->flags = reply;
	pthread_create(&thread, NULL, answer, cell->comm_region);
	ret = cell_set_loadable(caller(), cell->id);
	pthread_join(thread, NULL);
	return ret;
}

TEST(cell_shutdown_handshake)
{
	struct cell_cfg *c;
	struct cell *cell;

	setup_root();
	c = put_cfg(0, "asked", 0x4, RESERVATION);
	c->desc.msg_reply_timeout = 0;
	ASSERT_EQ(create(0), 1);
	cell = cell_find(1);
	ASSERT_EQ(cell_start(caller(), 1), 0);

	EXPECT_EQ(shutdown_answered(cell, JAILHOUSE_MSG_REQUEST_DENIED),
		  -EPERM);
	EXPECT_EQ(cell_get_state(caller(), 1), JAILHOUSE_CELL_RUNNING);
	EXPECT_FALSE(cell->loadable);

	EXPECT_EQ(shutdown_answered(cell, JAILHOUSE_MSG_REQUEST_APPROVED), 0);
	EXPECT_EQ(cell_get_state(caller(), 1), JAILHOUSE_CELL_SHUT_DOWN);
	EXPECT_TRUE(cell->loadable);
	/* A shut-down cell is not asked again. */
	EXPECT_EQ(cell_set_loadable(caller(), 1), 0);

	/* Started again, a cell that never answers is stopped anyway. */
	put_cfg(0, "asked", 0x4, RESERVATION);
	ASSERT_EQ(cell_start(caller(), 1), 0);
	EXPECT_EQ(cell->loadable, false);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	put_cfg(0, "silent", 0x4, RESERVATION);
	ASSERT_EQ(create(0), 1);
	ASSERT_EQ(cell_start(caller(), 1), 0);
	EXPECT_EQ(cell_set_loadable(caller(), 1), 0);
	EXPECT_EQ(cell_get_state(caller(), 1), JAILHOUSE_CELL_SHUT_DOWN);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	EXPECT_EQ(remap_pool.used_pages, remap0);
	teardown_root();
}

/* An inmate that answers by reporting itself shut down (comm->flags). */
static void *answer_by_state(void *arg)
{
	struct jailhouse_comm_region *comm = arg;

	while (__atomic_load_n(&comm->msg_to_cell, __ATOMIC_ACQUIRE) !=
	       JAILHOUSE_MSG_SHUTDOWN_REQUEST)
		;
	if (comm->flags)
		__atomic_store_n(&comm->reply_from_cell, comm->flags,
				 __ATOMIC_RELEASE);
	__atomic_store_n(&comm->cell_state, JAILHOUSE_CELL_SHUT_DOWN,
			 __ATOMIC_RELEASE);
	return NULL;
}

/*
 * Jailhouse's apic-demo answers the shutdown request it takes by writing
 * "shut down" into its comm region, without a reply: that counts as
 * approval at once (not after the 2 s a mute cell gets, with its line),
 * even next to a denial, as under Jailhouse.
 */
TEST(cell_shutdown_answered_by_state)
{
	static const u32 replies[] = { JAILHOUSE_MSG_NONE,
				       JAILHOUSE_MSG_REQUEST_DENIED };
	struct cell_cfg *c;
	struct cell *cell;
	pthread_t thread;
	unsigned int n;
	u64 start;

	setup_root();
	c = put_cfg(0, "stopper", 0x4, RESERVATION);
	c->desc.msg_reply_timeout = ~0ULL;
	ASSERT_EQ(create(0), 1);
	cell = cell_find(1);
	for (n = 0; n < ARRAY_SIZE(replies); n++) {
		ASSERT_EQ(cell_start(caller(), 1), 0);
		cell->comm_region->flags = replies[n];
		dbg_output_reset();
		start = fake_time_ns;
		pthread_create(&thread, NULL, answer_by_state,
			       cell->comm_region);
		EXPECT_EQ(cell_set_loadable(caller(), 1), 0);
		pthread_join(thread, NULL);
		EXPECT_LT(fake_time_ns - start, 2000000000ULL);
		EXPECT_FALSE(strstr(dbg_output, "did not answer"));
		EXPECT_FALSE(strstr(dbg_output, "denied"));
		EXPECT_EQ(cell_get_state(caller(), 1),
			  JAILHOUSE_CELL_SHUT_DOWN);
	}
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

/*
 * Linux switches a returned CPU on as soon as DESTROY returns, so the
 * CPU must have taken its reset by then, however late it wakes.
 */
/*
 * The units quiet a dying cell's interrupt sources (IOAPIC pins, GIC SPIs,
 * remapping entries) while its CPUs are still its own: once a CPU is back
 * with the root, anything left armed would fire into the root.
 */
TEST(cell_units_exit_before_cpus_return)
{
	setup_root();
	put_cfg(0, "quiet", 0xc, RESERVATION);
	ASSERT_EQ(create(0), 1);
	ASSERT_EQ(cell_start(caller(), 1), 0);
	test_units_arm(true);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(test_unit_exits_after_cpus_left, 0);
	EXPECT_TRUE(per_cpu(2)->cell == &root_cell);
	test_units_arm(false);
	teardown_root();
}

TEST(cell_destroy_waits_for_returned_cpus)
{
	setup_root();
	put_cfg(0, "late", 0x4, RESERVATION);
	ASSERT_EQ(create(0), 1);
	ASSERT_EQ(cell_start(caller(), 1), 0);
	arch_reset_mask = 0;
	arch_slow_mask = 0x4;
	arch_slow_delay = 5;
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(per_cpu(2)->requests, 0);
	EXPECT_EQ(arch_reset_mask & 0x4, 0x4);
	EXPECT_EQ(per_cpu(2)->cell, &root_cell);
	arch_slow_mask = 0;
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

/*
 * A sub-page I/O region: registered in the cell's MMIO table (accesses
 * reach the device), neither refused nor taken from the root (whose
 * mapping is page granular), and its table page is given back.
 */
TEST(cell_subpage_region_trapped_not_mapped)
{
	struct mmio_access acc = { .size = 4, .is_write = true };
	unsigned int plain_unmaps, maps;
	struct cell_cfg *cfg;
	struct cell *cell;

	setup_root();
	put_cfg(0, "plain", 0x4, RESERVATION);
	plain_unmaps = arch_unmap_calls;
	ASSERT_EQ(create(0), 1);
	plain_unmaps = arch_unmap_calls - plain_unmaps;
	EXPECT_EQ(cell_find(1)->mmio.max_regions, 0);
	ASSERT_EQ(cell_destroy(caller(), 1), 0);

	cfg = put_cfg(0, "subpage", 0x4, RESERVATION);
	/*
	 * A third region where put_cfg's irqchip would be: this config
	 * has no pins and no ports.
	 */
	BUILD_BUG_ON(sizeof(cfg->irqchips) < sizeof(struct jailhouse_memory));
	cfg->desc.num_irqchips = 0;
	cfg->desc.num_pio_regions = 0;
	cfg->desc.num_memory_regions = 3;
	*(struct jailhouse_memory *)cfg->irqchips = (struct jailhouse_memory){
		.phys_start = FAKE_PHYS_BASE + 0x8f00,
		.virt_start = 0xfe000f00, .size = 0x100,
		.flags = JAILHOUSE_MEM_IO | JAILHOUSE_MEM_READ |
			 JAILHOUSE_MEM_WRITE,
	};
	maps = arch_map_calls;
	plain_unmaps += arch_unmap_calls;
	ASSERT_EQ(create(0), 1);
	cell = cell_find(1);
	EXPECT_EQ(cell->mmio.num_regions, 1);
	/* Only the RAM and the comm region were mapped for the cell. */
	EXPECT_EQ(arch_unmap_calls, plain_unmaps);
	EXPECT_LT(maps, arch_map_calls);

	memset(fake_phys + 0x8f00, 0, 0x100);
	acc.address = 0xfe000f40;
	acc.value = 0x12345678;
	EXPECT_EQ(mmio_handle_access(cell, &acc), MMIO_HANDLED);
	EXPECT_EQ(fake_phys[0x8f40], 0x78);
	EXPECT_EQ(fake_phys[0x8f43], 0x12);
	acc.address = 0xfe001000;
	EXPECT_EQ(mmio_handle_access(cell, &acc), MMIO_UNHANDLED);

	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	EXPECT_EQ(remap_pool.used_pages, remap0);
	teardown_root();
}

/*
 * Whether the root's map (map 1) or unmap (map 0) calls logged since
 * root_ops_len was reset reach physical [start, start + size).
 */
static bool root_op_in(int map, u64 start, u64 size)
{
	unsigned int n;

	for (n = 0; n < root_ops_len; n++)
		if (root_ops[n].map == map &&
		    root_ops[n].phys < start + size &&
		    start < root_ops[n].phys + root_ops[n].size)
			return true;
	return false;
}

/* Bytes of physical [start, start + size) the logged unmaps took. */
static u64 root_unmapped_bytes(u64 start, u64 size)
{
	u64 lo, hi, sum = 0;
	unsigned int n;

	for (n = 0; n < root_ops_len; n++) {
		if (root_ops[n].map)
			continue;
		lo = MAX(root_ops[n].phys, start);
		hi = MIN(root_ops[n].phys + root_ops[n].size, start + size);
		if (lo < hi)
			sum += hi - lo;
	}
	return sum;
}

/*
 * Memory the root never had is accepted, as in Jailhouse: nothing of it
 * is taken from the root at create, nor handed to the root at destroy
 * (the root must not gain memory it was never given).
 */
TEST(cell_memory_outside_the_root_accepted)
{
	setup_root();
	put_cfg(0, "foreign", 0x4, 0x80000000);
	root_ops_len = 0;
	ASSERT_EQ(create(0), 1);
	EXPECT_FALSE(root_op_in(0, 0x80000000, 0x100000));
	EXPECT_FALSE(root_op_in(1, 0x80000000, 0x100000));
	EXPECT_EQ(cell_set_loadable(caller(), 1), 0);
	EXPECT_EQ(cell_start(caller(), 1), 0);
	root_ops_len = 0;
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_FALSE(root_op_in(1, 0x80000000, 0x100000));
	EXPECT_EQ(num_cells(), 1);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	EXPECT_EQ(remap_pool.used_pages, remap0);
	teardown_root();
}

/*
 * A region half in the root's reservation, half beyond it: the root
 * loses exactly the half it had, at create; destroy gives back that half
 * and maps nothing past the reservation.
 */
TEST(cell_memory_partly_outside_the_root)
{
	const u64 end = RESERVATION + 0x1000000;
	unsigned int n;

	setup_root();
	put_cfg(0, "straddle", 0x4, end - 0x80000);
	root_ops_len = 0;
	ASSERT_EQ(create(0), 1);
	EXPECT_EQ(root_unmapped_bytes(end - 0x80000, 0x80000), 0x80000);
	EXPECT_FALSE(root_op_in(0, end, 0x80000));
	EXPECT_FALSE(root_op_in(1, end, 0x80000));
	root_ops_len = 0;
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_TRUE(root_op_in(1, end - 0x80000, 0x80000));
	EXPECT_FALSE(root_op_in(1, end, 0x80000));
	EXPECT_FALSE(root_op_in(0, end - 0x80000, 0x80000));
	for (n = 0; n < root_ops_len; n++)
		EXPECT_LE(root_ops[n].phys + root_ops[n].size, end);
	teardown_root();
}

/*
 * Memory outside the root is still one cell's: a second cell over the
 * first one's foreign memory is refused, naming the region and the cell,
 * unless both share it with the root.
 */
TEST(cell_foreign_memory_of_another_cell_refused)
{
	struct cell_cfg *c;

	setup_root();
	put_cfg(0, "first", 0x4, 0x80000000);
	ASSERT_EQ(create(0), 1);
	put_cfg(1, "second", 0x8, 0x80080000);
	dbg_output_reset();
	expect_refused(1, -EBUSY);
	EXPECT_TRUE(strstr(dbg_output, "Cell \"second\": memory region 0 "
			   "(0x80080000, size 0x100000) overlaps cell "
			   "\"first\""));
	ASSERT_EQ(cell_destroy(caller(), 1), 0);

	c = put_cfg(0, "shared-a", 0x4, 0x80000000);
	c->mem[0].flags |= JAILHOUSE_MEM_ROOTSHARED;
	c = put_cfg(1, "shared-b", 0x8, 0x80000000);
	c->mem[0].flags |= JAILHOUSE_MEM_ROOTSHARED;
	ASSERT_EQ(create(0), 1);
	EXPECT_EQ(create(1), 2);
	EXPECT_EQ(cell_destroy(caller(), 2), 0);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

/*
 * A sub-page region of the root is trapped, not mapped: a cell cannot
 * take it from the root, so a region over it is refused. Shared with the
 * root, it is fine.
 */
TEST(cell_memory_the_root_keeps_refused)
{
	struct cell_cfg *c;

	setup_root();
	root_cfg->mem[1].size -= 0x800;
	root_cfg->mem[1].flags |= JAILHOUSE_MEM_IO;
	put_cfg(0, "kept", 0x4, RESERVATION);
	dbg_output_reset();
	expect_refused(0, -EBUSY);
	EXPECT_TRUE(strstr(dbg_output, "Cell \"kept\": memory region 0 "
			   "(0x3a600000, size 0x100000) overlaps sub-page "
			   "region 1 of the root cell"));
	c = put_cfg(0, "shared", 0x4, RESERVATION);
	c->mem[0].flags |= JAILHOUSE_MEM_ROOTSHARED;
	EXPECT_EQ(create(0), 1);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	teardown_root();
}

TEST(cell_pins_are_the_roots_and_one_cells)
{
	struct cell_cfg *c;

	setup_root();
	c = put_cfg(0, "pins", 0x4, RESERVATION);
	c->irqchips[0].pin_bitmap[0] = 0x18;
	ASSERT_EQ(create(0), 1);

	/* Pin 4 is "pins"' now; two cells must not share a pin. */
	c = put_cfg(1, "again", 0x8, RESERVATION + 0x100000);
	c->irqchips[0].pin_bitmap[0] = 0x10;
	dbg_output_reset();
	expect_refused(1, -EBUSY);
	EXPECT_TRUE(strstr(dbg_output, "belongs to cell \"pins\""));
	/* Pin 40 and a chip the root has not: nothing to give. */
	c->irqchips[0].pin_bitmap[0] = 0;
	c->irqchips[0].pin_bitmap[1] = 0x100;
	expect_refused(1, -EINVAL);
	c->irqchips[0].pin_bitmap[1] = 0;
	c->irqchips[0].pin_bitmap[0] = 0x20;
	c->irqchips[0].address = IOAPIC_ADDR + 0x1000;
	expect_refused(1, -EINVAL);
	/* A free pin of the root's chip is fine. */
	c->irqchips[0].address = IOAPIC_ADDR;
	EXPECT_EQ(create(1), 2);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(cell_destroy(caller(), 2), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

TEST(cell_ports_are_the_roots)
{
	struct cell_cfg *c;

	setup_root();
	/* The keyboard controller (reset line): the root has not got it. */
	c = put_cfg(0, "kbd", 0x4, RESERVATION);
	c->pio[0] = (struct jailhouse_pio){ .base = 0x64, .length = 1 };
	dbg_output_reset();
	expect_refused(0, -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "I/O port 0x64 is not the root"));
	/* Half in COM2, half beyond. */
	c->pio[0] = (struct jailhouse_pio){ .base = 0x2fc, .length = 8 };
	expect_refused(0, -EINVAL);
	c->pio[0] = (struct jailhouse_pio){ .base = 0x2f8, .length = 8 };
	EXPECT_EQ(create(0), 1);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

TEST(cell_config_only_from_memory_the_root_owns)
{
	struct cell_cfg *c;

	setup_root();
	/* "victim" takes the upper half of the root's config window. */
	c = put_cfg(0, "victim", 0x4, RESERVATION);
	c->mem[0].phys_start = FAKE_PHYS_BASE + 0x8000;
	c->mem[0].size = 0x8000;
	ASSERT_EQ(create(0), 1);
	/* A config in the victim's RAM must not be read any more. */
	put_cfg(8, "thief", 0x8, RESERVATION + 0x100000);
	dbg_output_reset();
	expect_refused(8, -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "not in memory the root cell owns"));
	/* Once the victim is gone, the root owns it again. */
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(create(8), 1);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

TEST(cell_reply_wait_bounded_in_time)
{
	struct cell_cfg *c;
	u64 start, waited;

	setup_root();
	/* 2^64 - 1 polls: the wait must still end, by the clock. */
	c = put_cfg(0, "mute", 0x4, RESERVATION);
	c->desc.msg_reply_timeout = ~0ULL;
	ASSERT_EQ(create(0), 1);
	ASSERT_EQ(cell_start(caller(), 1), 0);
	/* Without a bound this never returns: end the run instead. */
	alarm(60);
	dbg_output_reset();
	start = fake_time_ns;
	EXPECT_EQ(cell_set_loadable(caller(), 1), 0);
	alarm(0);
	waited = fake_time_ns - start;
	printf("  reply wait of a mute cell: %llu ms (clock), limit 2000\n",
	       (unsigned long long)(waited / 1000000));
	EXPECT_LE(2000000000ULL, waited);
	EXPECT_LT(waited, 2100000000ULL);
	EXPECT_TRUE(strstr(dbg_output, "did not answer the shutdown"));
	EXPECT_EQ(cell_get_state(caller(), 1), JAILHOUSE_CELL_SHUT_DOWN);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}

TEST(cell_create_after_one_cpu_disabled)
{
	setup_root();
	put_cfg(0, "late", 0x4, RESERVATION);
	/* CPU 0 alone leaves the hypervisor and stops answering kicks. */
	ASSERT_EQ(hypercall(per_cpu(0), JAILHOUSE_HC_DISABLE, 0, 0), 0);
	ASSERT_TRUE(per_cpu(0)->shutdown);
	arch_gone_mask = 1;
	alarm(60);
	dbg_output_reset();
	expect_refused(0, -EBUSY);
	alarm(0);
	EXPECT_TRUE(strstr(dbg_output, "CPU 0 has left the hypervisor"));
	arch_gone_mask = 0;
	per_cpu(0)->shutdown = false;
	EXPECT_EQ(create(0), 1);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	teardown_root();
}

static unsigned int count_of(const char *text, const char *what)
{
	unsigned int n = 0;

	for (; (text = strstr(text, what)); text += strlen(what))
		n++;
	return n;
}

TEST(cell_console_lines_rate_limited)
{
	struct per_cpu *cell_cpu;
	struct cell_cfg *c;
	char expected[64];
	unsigned int n;

	setup_root();
	cell_cpu = per_cpu(2);
	c = put_cfg(0, "chatty", 0x4, RESERVATION);
	c->desc.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED;
	ASSERT_EQ(create(0), 1);
	/* The clock stands still: only the burst goes out. */
	fake_time_step_ns = 0;
	dbg_output_reset();
	for (n = 0; n < 5 * RATELIMIT_BURST; n++) {
		hypercall(cell_cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 'z', 0);
		hypercall(cell_cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, '\n', 0);
	}
	EXPECT_EQ(count_of(dbg_output, "z\n"), RATELIMIT_BURST);
	/* A second later a few more, and the count of the dropped ones. */
	fake_time_ns += 1000000000ULL;
	hypercall(cell_cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 'y', 0);
	hypercall(cell_cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, '\n', 0);
	snprintf(expected, sizeof(expected),
		 "chatty: %u messages suppressed", 4 * RATELIMIT_BURST);
	EXPECT_TRUE(strstr(dbg_output, expected));
	EXPECT_TRUE(strstr(dbg_output, "y\n"));
	/* Used up again; a start gives the new run its full burst. */
	for (n = 0; n < 2 * RATELIMIT_BURST; n++)
		hypercall(cell_cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, '\n', 0);
	ASSERT_EQ(cell_start(caller(), 1), 0);
	dbg_output_reset();
	hypercall(cell_cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, 'x', 0);
	hypercall(cell_cpu, JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, '\n', 0);
	EXPECT_TRUE(strstr(dbg_output, "x\n"));
	fake_time_step_ns = 1000;
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	teardown_root();
}

TEST(cell_non_root_queries_only_its_own)
{
	long code = JAILHOUSE_HC_CPU_GET_INFO;
	struct per_cpu *cell_cpu;

	setup_root();
	cell_cpu = per_cpu(2);
	put_cfg(0, "asks", 0x4, RESERVATION);
	put_cfg(1, "other", 0x8, RESERVATION + 0x100000);
	ASSERT_EQ(create(0), 1);
	ASSERT_EQ(create(1), 2);
	EXPECT_EQ(hypercall(cell_cpu, JAILHOUSE_HC_CELL_GET_STATE, 1, 0),
		  JAILHOUSE_CELL_SHUT_DOWN);
	EXPECT_EQ(hypercall(cell_cpu, JAILHOUSE_HC_CELL_GET_STATE, 2, 0),
		  -EPERM);
	EXPECT_EQ(hypercall(cell_cpu, JAILHOUSE_HC_CELL_GET_STATE, 0, 0),
		  -EPERM);
	EXPECT_EQ(hypercall(cell_cpu, JAILHOUSE_HC_CELL_GET_STATE, 9, 0),
		  -EPERM);
	EXPECT_EQ(hypercall(cell_cpu, code, 2, JAILHOUSE_CPU_INFO_STATE),
		  JAILHOUSE_CPU_RUNNING);
	EXPECT_EQ(hypercall(cell_cpu, code, 3, JAILHOUSE_CPU_INFO_STATE),
		  -EPERM);
	EXPECT_EQ(hypercall(cell_cpu, code, 1, JAILHOUSE_CPU_INFO_STATE),
		  -EPERM);
	EXPECT_EQ(hypercall(cell_cpu, code, 4, JAILHOUSE_CPU_INFO_STATE),
		  -EINVAL);
	EXPECT_EQ(hypercall(cell_cpu, JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			    JAILHOUSE_INFO_NUM_CELLS, 0), 3);
	/* The root sees every cell and CPU. */
	EXPECT_EQ(hypercall(caller(), code, 3, JAILHOUSE_CPU_INFO_STATE),
		  JAILHOUSE_CPU_RUNNING);
	EXPECT_EQ(cell_get_state(caller(), 2), JAILHOUSE_CELL_SHUT_DOWN);
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(cell_destroy(caller(), 2), 0);
	teardown_root();
}

/* A cell of CONFIG_MAX_MEM_REGIONS regions: one-page RAM regions + comm. */
struct big_cfg {
	struct jailhouse_cell_desc desc;
	__u64 cpus[1];
	struct jailhouse_memory mem[CONFIG_MAX_MEM_REGIONS];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio[1];
} __attribute__((packed));

static struct big_cfg *put_big_cfg(void)
{
	struct big_cfg *c = (void *)fake_phys;
	unsigned int n, last = CONFIG_MAX_MEM_REGIONS - 1;

	_Static_assert(sizeof(*c) <= FAKE_PHYS_SIZE, "big config fits");
	memset(c, 0, sizeof(*c));
	memcpy(c->desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 6);
	c->desc.revision = JAILHOUSE_CONFIG_REVISION;
	c->desc.architecture = JAILHOUSE_X86;
	strcpy(c->desc.name, "many");
	c->desc.cpu_set_size = sizeof(c->cpus);
	c->desc.num_memory_regions = CONFIG_MAX_MEM_REGIONS;
	c->desc.num_irqchips = 1;
	c->desc.num_pio_regions = 1;
	c->irqchips[0].address = IOAPIC_ADDR;
	c->cpus[0] = 0x4;
	/* Every other page, so that no two regions could merge. */
	for (n = 0; n < last; n++)
		c->mem[n] = (struct jailhouse_memory){
			.phys_start = RESERVATION + 2 * n * 0x1000,
			.virt_start = 2 * n * 0x1000, .size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		};
	c->mem[last] = (struct jailhouse_memory){
		.virt_start = 0x10000000, .size = 0x1000,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_COMM_REGION,
	};
	return c;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

TEST(cell_create_scales_with_many_regions)
{
	unsigned int maps, unmaps, n = CONFIG_MAX_MEM_REGIONS;
	struct big_cfg *c;
	double t0, t1, t2;

	setup_root();
	c = put_big_cfg();
	arch_map_calls = arch_unmap_calls = 0;
	t0 = seconds();
	ASSERT_EQ(cell_create(caller(), FAKE_PHYS_BASE), 1);
	t1 = seconds();
	maps = arch_map_calls;
	unmaps = arch_unmap_calls;
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	t2 = seconds();
	printf("  %u regions: create %.1f ms (%u map, %u unmap calls), "
	       "destroy %.1f ms\n", n, (t1 - t0) * 1e3, maps, unmaps,
	       (t2 - t1) * 1e3);
	/*
	 * The cell's own regions, the root's in the granule, and one hole
	 * per region: linear. Recomputing per region was n * n / 2.
	 */
	EXPECT_LE(unmaps, 2 * n);
	EXPECT_LE(maps, 2 * n);
	EXPECT_EQ(mem_pool.used_pages, mem0);

	/* One more than supported: refused with a line that says so. */
	c->desc.num_memory_regions = n + 1;
	dbg_output_reset();
	expect_refused(0, -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "many: 1025 memory regions, at most "
			   "1024 are supported"));
	teardown_root();
}

TEST(cell_suspend_of_a_silent_cpu_is_bounded)
{
	unsigned int cpu;
	u64 start;

	setup_root();
	put_cfg(0, "silent", 0xc, RESERVATION);
	ASSERT_EQ(create(0), 1);
	/* CPU 3 of the cell no longer takes kicks (lost, or gone). */
	arch_gone_mask = 1UL << 3;
	alarm(60);
	dbg_output_reset();
	start = fake_time_ns;
	EXPECT_EQ(cell_destroy(caller(), 1), -ETIMEDOUT);
	alarm(0);
	EXPECT_LE(10000000000ULL, fake_time_ns - start);
	EXPECT_TRUE(strstr(dbg_output, "CPU 3 of cell \"silent\" does not "
			   "answer: operation abandoned"));
	/* Nothing changed, nobody is left suspended, the lock is free. */
	EXPECT_EQ(num_cells(), 2);
	EXPECT_EQ(root_cell.cpu_set[0], 0x3);
	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		EXPECT_FALSE(per_cpu(cpu)->suspend_cpu);
	put_cfg(1, "other", 0x1, RESERVATION + 0x100000);
	EXPECT_EQ(create(1), 2);
	EXPECT_EQ(cell_destroy(caller(), 2), 0);
	arch_gone_mask = 0;
	EXPECT_EQ(cell_destroy(caller(), 1), 0);
	EXPECT_EQ(mem_pool.used_pages, mem0);
	teardown_root();
}
