// SPDX-License-Identifier: GPL-2.0
/*
 * Checks of a new cell's config against the running system (the config
 * itself already passed config_check_cell): its name is free, its CPUs
 * are in the root cell, its interrupt pins and PCI devices are the root
 * cell's and no other cell's, its I/O ports are the root cell's. Its
 * memory is no other cell's and not the hypervisor's; as in Jailhouse it
 * need not be the root cell's, but what the root cannot give up (its
 * trapped sub-page regions) it keeps.
 * Each refusal prints one line naming the cause.
 *
 * I/O ports may be shared between cells (the demos share COM2 and the
 * ACPI PM timer; the root keeps its ports too), but a cell only gets
 * ports the root cell's config grants: a root limited to a UART must not
 * create a cell that reaches the keyboard controller's reset line.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/cell_check.h>
#include <core/cell_memory.h>
#include <core/config_check.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/pci.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/sort.h>
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

/*
 * The new cell's regions by physical start, with the furthest end reached
 * up to each: whether a region of another cell hits any of them is then
 * a binary search, and checking n new regions against m others costs
 * O((n + m) log n) instead of n * m. Used under the management lock.
 */
struct region_set {
	const struct jailhouse_memory *mem;
	unsigned int count;
	u16 idx[CONFIG_MAX_MEM_REGIONS];
	u64 reach[CONFIG_MAX_MEM_REGIONS];
};

/* All regions of the new cell, and those that are not ROOTSHARED. */
static struct region_set all_regions, own_regions;

static bool phys_less(const void *ctx, u16 a, u16 b)
{
	const struct jailhouse_memory *mem = ctx;

	return mem[a].phys_start < mem[b].phys_start;
}

static void build_set(struct region_set *set,
		      const struct jailhouse_cell_desc *config, u64 skip)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	unsigned int n;
	u64 end;

	set->mem = mem;
	set->count = 0;
	for (n = 0; n < config->num_memory_regions; n++)
		if (mem[n].size && !(mem[n].flags & skip))
			set->idx[set->count++] = n;
	sort_indices(set->idx, set->count, phys_less, mem);
	for (n = 0; n < set->count; n++) {
		end = mem[set->idx[n]].phys_start + mem[set->idx[n]].size;
		set->reach[n] = n && set->reach[n - 1] > end ?
			set->reach[n - 1] : end;
	}
}

/* A region of set overlapping [start, start + size), or -1. */
static int set_hit(const struct region_set *set, u64 start, u64 size)
{
	unsigned int lo = 0, hi = set->count, mid;
	const struct jailhouse_memory *m;

	/* The first entry starting at or beyond the end of the range. */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (set->mem[set->idx[mid]].phys_start < start + size)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!lo || set->reach[lo - 1] <= start)
		return -1;
	/* Some entry before it reaches in; only refusals walk back. */
	while (lo--) {
		m = &set->mem[set->idx[lo]];
		if (m->phys_start + m->size > start)
			return set->idx[lo];
	}
	return -1;
}

/*
 * The first region of another cell that collides with one of the new
 * cell's: *hit is the index of the new cell's region.
 */
static const struct cell *owner_of(int *hit)
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
			*hit = set_hit(other->flags & JAILHOUSE_MEM_ROOTSHARED ?
				       &own_regions : &all_regions,
				       other->phys_start, other->size);
			if (*hit >= 0)
				return cell;
		}
	}
	return NULL;
}

static int check_owners(const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(config);
	const struct cell *owner;
	int n;

	build_set(&all_regions, config, JAILHOUSE_MEM_COMM_REGION);
	build_set(&own_regions, config,
		  JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_ROOTSHARED);
	owner = owner_of(&n);
	if (!owner)
		return 0;
	printk("Cell \"%s\": memory region %d (0x%llx, size 0x%llx) overlaps "
	       "cell \"%s\"\n", config->name, n, mem[n].phys_start,
	       mem[n].size, owner->config->name);
	return -EBUSY;
}

/*
 * The root's sub-page regions are trapped, not mapped: the root keeps
 * reaching them whatever a cell holds, so they cannot be given away. A
 * cell's own sub-page region or one it shares with the root is never
 * taken from the root and may lie there.
 */
static int check_root_keeps(const struct jailhouse_cell_desc *config,
			    unsigned int n, const struct jailhouse_memory *mem)
{
	const struct jailhouse_cell_desc *root = root_cell.config;
	const struct jailhouse_memory *r = jailhouse_cell_mem_regions(root);
	unsigned int k;

	if ((mem->flags & JAILHOUSE_MEM_ROOTSHARED) ||
	    JAILHOUSE_MEMORY_IS_SUBPAGE(mem))
		return 0;
	for (k = 0; k < root->num_memory_regions; k++, r++) {
		if (!JAILHOUSE_MEMORY_IS_SUBPAGE(r) ||
		    !overlap(mem->phys_start, mem->size, r->phys_start,
			     r->size))
			continue;
		printk("Cell \"%s\": memory region %u (0x%llx, size 0x%llx) "
		       "overlaps sub-page region %u of the root cell, which "
		       "it keeps\n", config->name, n, mem->phys_start,
		       mem->size, k);
		return -EBUSY;
	}
	return 0;
}

static int check_memory(const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_memory *hv =
		&system_config_location()->hypervisor_memory;
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(config);
	unsigned int n;
	int err;

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
			printk("Cell \"%s\": memory region %u (0x%llx, size "
			       "0x%llx) overlaps the hypervisor\n",
			       config->name, n, mem->phys_start, mem->size);
			return -EINVAL;
		}
		err = check_root_keeps(config, n, mem);
		if (err)
			return err;
	}
	return check_owners(config);
}

/* Whether irqchip entries of config name pin of the chip at address. */
static bool chips_have(const struct jailhouse_cell_desc *config,
		       u64 address, u32 pin)
{
	const struct jailhouse_irqchip *ic = jailhouse_cell_irqchips(config);
	unsigned int n;
	u32 bit;

	for (n = 0; n < config->num_irqchips; n++, ic++) {
		bit = pin - ic->pin_base;
		if (ic->address == address && pin >= ic->pin_base &&
		    bit < 128 && (ic->pin_bitmap[bit / 32] >> (bit % 32)) & 1)
			return true;
	}
	return false;
}

/* Another cell naming pin of the chip at address, or NULL. */
static const struct cell *pin_owner(u64 address, u32 pin)
{
	const struct cell *cell;

	for (cell = root_cell.next; cell; cell = cell->next)
		if (chips_have(cell->config, address, pin))
			return cell;
	return NULL;
}

static int check_pin(const struct jailhouse_cell_desc *config, u64 address,
		     u32 pin)
{
	const struct cell *owner;

	if (!chips_have(root_cell.config, address, pin)) {
		printk("Cell \"%s\": interrupt pin %u of chip 0x%llx is not "
		       "the root cell's\n", config->name, pin, address);
		return -EINVAL;
	}
	owner = pin_owner(address, pin);
	if (owner) {
		printk("Cell \"%s\": interrupt pin %u of chip 0x%llx belongs "
		       "to cell \"%s\"\n", config->name, pin, address,
		       owner->config->name);
		return -EBUSY;
	}
	return 0;
}

/* IOAPIC pins (x86) and GIC interrupts (ARM) alike: irqchip entries. */
static int check_irqchips(const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_irqchip *ic = jailhouse_cell_irqchips(config);
	unsigned int n, bit;
	int err;

	for (n = 0; n < config->num_irqchips; n++, ic++) {
		for (bit = 0; bit < 128; bit++) {
			if (!((ic->pin_bitmap[bit / 32] >> (bit % 32)) & 1))
				continue;
			err = check_pin(config, ic->address, ic->pin_base + bit);
			if (err)
				return err;
		}
	}
	return 0;
}

/* End of the root's port range holding port, or port if none does. */
static u32 root_ports_from(u32 port)
{
	const struct jailhouse_cell_desc *root = root_cell.config;
	const struct jailhouse_pio *pio = jailhouse_cell_pio(root);
	unsigned int n;

	for (n = 0; n < root->num_pio_regions; n++, pio++)
		if (port >= pio->base && port < (u32)pio->base + pio->length)
			return (u32)pio->base + pio->length;
	return port;
}

static int check_pio(const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_pio *pio = jailhouse_cell_pio(config);
	unsigned int n;
	u32 port, end, next;

	for (n = 0; n < config->num_pio_regions; n++, pio++) {
		end = (u32)pio->base + pio->length;
		/* Each step jumps over one root range: the walk is short. */
		for (port = pio->base; port < end; port = next) {
			next = root_ports_from(port);
			if (next != port)
				continue;
			printk("Cell \"%s\": I/O port 0x%x is not the root "
			       "cell's; a cell gets only ports the root cell's "
			       "config grants\n", config->name, port);
			return -EINVAL;
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
	err = config_check_platform(system_config_location(), config);
	if (err)
		return err;
	err = check_memory(config);
	if (!err)
		err = check_irqchips(config);
	if (!err)
		err = check_pio(config);
	if (!err)
		err = pci_check_cell(config);
	return err;
}
