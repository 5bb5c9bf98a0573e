// SPDX-License-Identifier: GPL-2.0
/*
 * Structural checks of configs: identity (signature, revision,
 * architecture), that the arrays fit the bytes given, and that memory
 * regions are aligned, do not wrap and do not overlap. Whether a cell's
 * resources are free in the root cell is decided when the cell is
 * created, not here.
 */
#include <core/config_check.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/printk.h>
#include <core/string.h>

#define REJECT(fmt, ...)						\
	({								\
		printk("config: " fmt "\n", ##__VA_ARGS__);		\
		-EINVAL;						\
	})

static bool ranges_overlap(u64 a, u64 a_size, u64 b, u64 b_size)
{
	return a_size && b_size && a < b + b_size && b < a + a_size;
}

static int check_identity(const char *signature, const char *expected,
			  u8 architecture, u16 revision, u8 arch)
{
	if (memcmp(signature, expected, JAILHOUSE_SIGNATURE_LEN) != 0)
		return REJECT("bad signature, expected %s", expected);
	if (revision != JAILHOUSE_CONFIG_REVISION)
		return REJECT("revision %u, expected %u", revision,
			      JAILHOUSE_CONFIG_REVISION);
	if (architecture != arch)
		return REJECT("made for architecture %u, this is %u",
			      architecture, arch);
	return 0;
}

static int check_memory_region(const struct jailhouse_cell_desc *cell,
			       unsigned int n,
			       const struct jailhouse_memory *mem)
{
	if (mem->flags & ~(u64)JAILHOUSE_MEM_KNOWN_FLAGS)
		return REJECT("%s: memory region %u: unknown flags 0x%llx",
			      cell->name, n,
			      mem->flags & ~(u64)JAILHOUSE_MEM_KNOWN_FLAGS);
	if (mem->phys_start + mem->size < mem->phys_start ||
	    mem->virt_start + mem->size < mem->virt_start)
		return REJECT("%s: memory region %u wraps around", cell->name,
			      n);
	/* Sub-page regions are trapped, not mapped: only MMIO may be. */
	if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem) &&
	    !(mem->flags & JAILHOUSE_MEM_IO))
		return REJECT("%s: memory region %u is not page aligned",
			      cell->name, n);
	if (!JAILHOUSE_MEMORY_IS_SUBPAGE(mem) &&
	    (mem->phys_start & (PAGE_SIZE - 1)))
		return REJECT("%s: memory region %u: physical start not page "
			      "aligned", cell->name, n);
	return 0;
}

static int check_memory(const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int n, m;
	int err;

	/* Empty regions are legal (ivshmem sections of size 0). */
	for (n = 0; n < cell->num_memory_regions; n++) {
		err = check_memory_region(cell, n, &mem[n]);
		if (err)
			return err;
		for (m = 0; m < n; m++)
			if (ranges_overlap(mem[m].virt_start, mem[m].size,
					   mem[n].virt_start, mem[n].size))
				return REJECT("%s: memory regions %u and %u "
					      "overlap", cell->name, m, n);
	}
	return 0;
}

static int check_pci(const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell);
	unsigned int n;

	for (n = 0; n < cell->num_pci_devices; n++, dev++) {
		if ((u32)dev->caps_start + dev->num_caps > cell->num_pci_caps)
			return REJECT("%s: PCI device %u: capabilities out of "
				      "range", cell->name, n);
		/* State table, r/w section, one output section per peer. */
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		    (u64)dev->shmem_regions_start + 2 + dev->shmem_peers >
		    cell->num_memory_regions)
			return REJECT("%s: PCI device %u: shared memory "
				      "regions out of range", cell->name, n);
	}
	return 0;
}

/* Checks common to the root cell and created cells; size already fits. */
static int check_cell_body(const struct jailhouse_cell_desc *cell)
{
	/* Byte access: the set follows a 132-byte struct, unaligned. */
	const u8 *cpus = (const u8 *)jailhouse_cell_cpu_set(cell);
	unsigned int n;
	int err;

	if (cell->flags & ~(u32)JAILHOUSE_CELL_KNOWN_FLAGS)
		return REJECT("%s: unknown cell flags 0x%x", cell->name,
			      cell->flags & ~(u32)JAILHOUSE_CELL_KNOWN_FLAGS);
	if (cell->cpu_set_size == 0 ||
	    cell->cpu_set_size % sizeof(unsigned long))
		return REJECT("%s: CPU set size %u is not a multiple of %u",
			      cell->name, cell->cpu_set_size,
			      (unsigned int)sizeof(unsigned long));
	for (n = 0; n < cell->cpu_set_size; n++)
		if (cpus[n])
			break;
	if (n == cell->cpu_set_size)
		return REJECT("%s: no CPU assigned", cell->name);

	err = check_memory(cell);
	if (err)
		return err;
	return check_pci(cell);
}

static int check_name(const struct jailhouse_cell_desc *cell)
{
	unsigned int n;

	for (n = 0; n < sizeof(cell->name); n++)
		if (cell->name[n] == '\0')
			return 0;
	return REJECT("cell name not terminated");
}

static int check_size(const struct jailhouse_cell_desc *cell, u64 need,
		      u64 len)
{
	if (need > len)
		return REJECT("%s: arrays need %llu bytes, only %llu given",
			      cell->name, need, len);
	return 0;
}

int config_check_cell(const struct jailhouse_cell_desc *cell, u64 len,
		      u8 arch)
{
	int err;

	if (len < sizeof(*cell))
		return REJECT("cell config too short (%llu bytes)", len);
	err = check_identity(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
			     cell->architecture, cell->revision, arch);
	if (!err)
		err = check_name(cell);
	if (!err)
		err = check_size(cell, jailhouse_cell_config_size(cell), len);
	if (!err)
		err = check_cell_body(cell);
	return err;
}

static int check_hypervisor_memory(const struct jailhouse_system *sys)
{
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	const struct jailhouse_cell_desc *root = &sys->root_cell;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(root);
	unsigned int n;

	if (hv->size == 0 || ((hv->phys_start | hv->size) & (PAGE_SIZE - 1)))
		return REJECT("hypervisor memory 0x%llx+0x%llx not page "
			      "aligned or empty", hv->phys_start, hv->size);
	if (hv->phys_start + hv->size < hv->phys_start)
		return REJECT("hypervisor memory wraps around");
	for (n = 0; n < root->num_memory_regions; n++)
		if (ranges_overlap(mem[n].phys_start, mem[n].size,
				   hv->phys_start, hv->size))
			return REJECT("root cell memory region %u overlaps "
				      "hypervisor memory", n);
	return 0;
}

int config_check_system(const struct jailhouse_system *sys, u64 len,
			u8 arch)
{
	int err;

	if (len < sizeof(*sys))
		return REJECT("system config too short (%llu bytes)", len);
	err = check_identity(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
			     sys->architecture, sys->revision, arch);
	if (err)
		return err;
	if (sys->flags & ~(u32)JAILHOUSE_SYS_KNOWN_FLAGS)
		return REJECT("unknown system flags 0x%x",
			      sys->flags & ~(u32)JAILHOUSE_SYS_KNOWN_FLAGS);
	err = check_name(&sys->root_cell);
	if (!err)
		err = check_size(&sys->root_cell,
				 jailhouse_system_config_size(sys), len);
	if (!err)
		err = check_cell_body(&sys->root_cell);
	if (!err)
		err = check_hypervisor_memory(sys);
	return err;
}
