// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: the input is a script of cell operations a root
 * cell could issue (create from a config it builds, start, set loadable,
 * destroy), run against the real core (cell.c, cell_check.c,
 * cell_memory.c, config_check.c ...) on a fake machine of four CPUs.
 * After every step:
 *  - no table maps hypervisor memory (but a cell's own comm region page)
 *    or, at either address, the xAPIC or IOAPIC page,
 *  - the root cell maps exactly what it owns: its regions minus what
 *    cells hold (page by page, against the shadow the arch hooks keep),
 *  - every CPU has one owner, and the per-CPU data agrees,
 *  - an interrupt pin belongs to one cell at most and was the root's,
 *    a cell's I/O ports are the root's;
 * and at the end, with every cell destroyed, the memory pool is back at
 * its baseline and the root has all CPUs again.
 */
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <core/cell.h>
#include <core/page_pool.h>
#include <core/percpu.h>

#include "fuzz_arch.h"

#define MAX_REGIONS	8
#define CALLER		1

extern struct jailhouse_header hypervisor_header;

struct root_cfg {
	struct jailhouse_system sys;
	__u64 cpus[1];
	struct jailhouse_memory mem[2];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio[1];
} __attribute__((packed));

struct cell_cfg {
	struct jailhouse_cell_desc desc;
	__u64 cpus[1];
	struct jailhouse_memory mem[MAX_REGIONS];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio[1];
} __attribute__((packed));

struct input {
	const u8 *data;
	size_t left;
};

static u64 take(struct input *in, unsigned int bytes)
{
	u64 value = 0;

	while (bytes--) {
		value = value << 8 | (in->left ? *in->data : 0);
		if (in->left) {
			in->data++;
			in->left--;
		}
	}
	return value;
}

static void require(bool ok)
{
	if (!ok)
		__builtin_trap();
}

static void *pool_mem, *remap_mem;
static unsigned long pool_map[BITMAP_WORDS(256)];
static unsigned long remap_map[BITMAP_WORDS(64)];
static unsigned long mem_baseline;

static void setup_root(void)
{
	struct root_cfg *root;
	unsigned int cpu;

	hypervisor_header.core_size = FUZZ_CORE_SIZE;
	hypervisor_header.max_cpus = FUZZ_CPUS;
	root = (void *)(fuzz_region + FUZZ_CORE_SIZE +
			FUZZ_CPUS * hypervisor_header.percpu_size);
	memset(root, 0, sizeof(*root));
	root->sys.architecture = JAILHOUSE_X86;
	root->sys.hypervisor_memory.phys_start = FUZZ_HV_BASE;
	root->sys.hypervisor_memory.size = FUZZ_HV_SIZE;
	strcpy(root->sys.root_cell.name, "root");
	root->sys.root_cell.cpu_set_size = sizeof(root->cpus);
	root->sys.root_cell.num_memory_regions = 2;
	root->sys.root_cell.num_irqchips = 1;
	root->sys.root_cell.num_pio_regions = 1;
	root->cpus[0] = 0xf;
	root->mem[0] = (struct jailhouse_memory){
		.phys_start = FUZZ_LOW_BASE, .virt_start = FUZZ_LOW_BASE,
		.size = FUZZ_LOW_SIZE, .flags = JAILHOUSE_MEM_READ,
	};
	root->mem[1] = (struct jailhouse_memory){
		.phys_start = FUZZ_RES_BASE, .virt_start = FUZZ_RES_BASE,
		.size = FUZZ_RES_SIZE,
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
	};
	root->irqchips[0].address = FUZZ_IOAPIC;
	root->irqchips[0].pin_bitmap[0] = 0xffffff;
	root->pio[0] = (struct jailhouse_pio){ .base = 0x2f8, .length = 8 };

	root_cell = (struct cell){
		.state = JAILHOUSE_CELL_RUNNING,
		.config = &root->sys.root_cell,
		.cpu_set = { 0xf },
	};
	for (cpu = 0; cpu < FUZZ_CPUS; cpu++) {
		memset(per_cpu(cpu), 0, sizeof(struct per_cpu));
		per_cpu(cpu)->cpu_id = cpu;
		per_cpu(cpu)->cell = &root_cell;
	}
	if (!pool_mem)
		pool_mem = aligned_alloc(PAGE_SIZE, 256 * PAGE_SIZE);
	memset(pool_map, 0, sizeof(pool_map));
	page_pool_init(&mem_pool, "fuzz", (unsigned long)pool_mem, 256,
		       pool_map);
	/* Inside the hypervisor's memory, as on the machine. */
	page_pool_set_phys(&mem_pool, FUZZ_HV_BASE + 0x100000);
	/* Windows onto configs: copies in host memory (fuzz_arch.c). */
	if (!remap_mem)
		remap_mem = aligned_alloc(PAGE_SIZE, 64 * PAGE_SIZE);
	memset(remap_map, 0, sizeof(remap_map));
	page_pool_init(&remap_pool, "remap", (unsigned long)remap_mem, 64,
		       remap_map);
	mem_baseline = mem_pool.used_pages;
	fuzz_shadow_reset();
	fuzz_violation = NULL;
}

static const u64 flag_choice[] = {
	JAILHOUSE_MEM_READ, JAILHOUSE_MEM_WRITE, JAILHOUSE_MEM_EXECUTE,
	JAILHOUSE_MEM_LOADABLE, JAILHOUSE_MEM_ROOTSHARED,
	JAILHOUSE_MEM_COMM_REGION, JAILHOUSE_MEM_IO, JAILHOUSE_MEM_DMA,
};

static void build_region(struct input *in, struct jailhouse_memory *mem)
{
	u8 flags = take(in, 1);
	u64 where = take(in, 2);
	unsigned int bit;

	/*
	 * Around the root's reservation, or (top bit) in the low region
	 * where the root keeps the configs it hands over.
	 */
	if (where & 0x8000)
		mem->phys_start = FUZZ_LOW_BASE + (where & 0xf) * PAGE_SIZE;
	else
		mem->phys_start = FUZZ_RES_BASE - 0x100000 + where * PAGE_SIZE;
	where = take(in, 2);
	/* Low guest memory, or (top bit) around the IOAPIC and xAPIC. */
	if (where & 0x8000)
		mem->virt_start = FUZZ_IOAPIC + (where & 0x3ff) * PAGE_SIZE;
	else
		mem->virt_start = where * PAGE_SIZE;
	mem->size = (take(in, 1) % 16 + 1) * PAGE_SIZE;
	mem->flags = 0;
	for (bit = 0; bit < 8; bit++)
		if (flags & (1 << bit))
			mem->flags |= flag_choice[bit];
}

/* One irqchip and one port range, right after the regions. */
static void build_tail(struct input *in, char *tail)
{
	struct jailhouse_irqchip chip = { 0 };
	struct jailhouse_pio pio;

	chip.address = take(in, 1) & 1 ? FUZZ_IOAPIC : FUZZ_IOAPIC + 0x1000;
	chip.pin_bitmap[0] = take(in, 4);
	pio.base = take(in, 2);
	pio.length = take(in, 1);
	memcpy(tail, &chip, sizeof(chip));
	memcpy(tail + sizeof(chip), &pio, sizeof(pio));
}

/* A config built from the input, placed where the input says. */
static u64 build_config(struct input *in)
{
	u64 offset = (take(in, 1) % 8) * 0x1000;
	struct cell_cfg *c = (void *)(fuzz_low + offset);
	unsigned int n, count = take(in, 1) % (MAX_REGIONS + 1);

	memset(c, 0, sizeof(*c));
	memcpy(c->desc.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 6);
	c->desc.revision = JAILHOUSE_CONFIG_REVISION;
	c->desc.architecture = JAILHOUSE_X86;
	c->desc.name[0] = 'a' + take(in, 1) % 4;
	c->desc.flags = take(in, 1) & JAILHOUSE_CELL_PASSIVE_COMMREG;
	c->desc.cpu_set_size = sizeof(c->cpus);
	c->cpus[0] = take(in, 1) & 0xf;
	c->desc.num_memory_regions = count;
	c->desc.num_irqchips = 1;
	c->desc.num_pio_regions = 1;
	c->desc.msg_reply_timeout = 10;
	for (n = 0; n < count; n++)
		build_region(in, &c->mem[n]);
	/* The arrays after the regions move up to meet them. */
	build_tail(in, (char *)&c->mem[count]);
	return FUZZ_LOW_BASE + offset;
}

/* Whether the root cell should map the page at phys now. */
static bool root_should_map(u64 phys)
{
	const struct jailhouse_memory *mem;
	const struct cell *cell;
	unsigned int n;

	for (cell = root_cell.next; cell; cell = cell->next) {
		mem = jailhouse_cell_mem_regions(cell->config);
		for (n = 0; n < cell->config->num_memory_regions; n++, mem++) {
			if (mem->flags & (JAILHOUSE_MEM_COMM_REGION |
					  JAILHOUSE_MEM_ROOTSHARED))
				continue;
			if (cell->loadable &&
			    (mem->flags & JAILHOUSE_MEM_LOADABLE))
				continue;
			if (phys >= mem->phys_start &&
			    phys < mem->phys_start + mem->size)
				return false;
		}
	}
	return true;
}

static bool has_pin(const struct jailhouse_cell_desc *config, u64 address,
		    u32 pin)
{
	const struct jailhouse_irqchip *ic = jailhouse_cell_irqchips(config);
	unsigned int n;

	for (n = 0; n < config->num_irqchips; n++, ic++)
		if (ic->address == address && pin >= ic->pin_base &&
		    pin - ic->pin_base < 128 &&
		    (ic->pin_bitmap[(pin - ic->pin_base) / 32] >>
		     ((pin - ic->pin_base) % 32)) & 1)
			return true;
	return false;
}

/* Pins of the first 32 of each chip and the ports of each cell. */
static void check_resources(const struct cell *cell)
{
	const struct jailhouse_irqchip *ic =
		jailhouse_cell_irqchips(cell->config);
	const struct jailhouse_pio *pio = jailhouse_cell_pio(cell->config);
	const struct cell *other;
	unsigned int n, bit;

	for (n = 0; n < cell->config->num_irqchips; n++, ic++)
		for (bit = 0; bit < 32; bit++) {
			if (!((ic->pin_bitmap[0] >> bit) & 1))
				continue;
			require(has_pin(root_cell.config, ic->address,
					ic->pin_base + bit));
			for (other = cell->next; other; other = other->next)
				require(!has_pin(other->config, ic->address,
						 ic->pin_base + bit));
		}
	/* The root's one range here is COM2. */
	for (n = 0; n < cell->config->num_pio_regions; n++, pio++)
		require(!pio->length ||
			(pio->base >= 0x2f8 && pio->base + pio->length <= 0x300));
}

static void check_invariants(void)
{
	const struct cell *cell;
	unsigned int cpu, owners;
	u64 phys;

	require(!fuzz_violation);
	for (cell = root_cell.next; cell; cell = cell->next)
		check_resources(cell);
	for (cpu = 0; cpu < FUZZ_CPUS; cpu++) {
		owners = 0;
		for (cell = &root_cell; cell; cell = cell->next)
			if (cell_owns_cpu(cell, cpu)) {
				owners++;
				require(per_cpu(cpu)->cell == cell);
			}
		require(owners == 1);
	}
	for (phys = FUZZ_LOW_BASE; phys < FUZZ_LOW_BASE + FUZZ_LOW_SIZE;
	     phys += PAGE_SIZE)
		require(fuzz_root_maps(phys) == root_should_map(phys));
	for (phys = FUZZ_RES_BASE; phys < FUZZ_RES_BASE + FUZZ_RES_SIZE;
	     phys += PAGE_SIZE)
		require(fuzz_root_maps(phys) == root_should_map(phys));
}

static void step(struct input *in)
{
	u8 op = take(in, 1);
	unsigned long id = op >> 4;

	switch (op % 4) {
	case 0:
		cell_create(per_cpu(CALLER), build_config(in));
		break;
	case 1:
		cell_destroy(per_cpu(CALLER), id);
		break;
	case 2:
		cell_set_loadable(per_cpu(CALLER), id);
		break;
	case 3:
		cell_start(per_cpu(CALLER), id);
		break;
	}
	check_invariants();
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct input in = { data, size };
	unsigned int steps = 0;

	setup_root();
	while (in.left && steps++ < 32)
		step(&in);
	while (root_cell.next)
		require(cell_destroy(per_cpu(CALLER), root_cell.next->id) == 0);
	check_invariants();
	require(mem_pool.used_pages == mem_baseline);
	require(remap_pool.used_pages == 0);
	require(root_cell.cpu_set[0] == 0xf);
	return 0;
}
