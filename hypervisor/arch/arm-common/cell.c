// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 translation of a cell from its config: memory regions map 1:1
 * to their guest-physical address, I/O regions as device memory, and the
 * GIC's registers trap. The root cell additionally sees the virtual
 * console page of the hypervisor, read-only, for the driver to stream.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/printk.h>
#include <core/string.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/paging_formats.h>

static unsigned long region_flags(const struct jailhouse_memory *mem)
{
	unsigned long flags = 0;

	if (mem->flags & JAILHOUSE_MEM_READ)
		flags |= PAGE_FLAG_READ;
	if (mem->flags & JAILHOUSE_MEM_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (mem->flags & JAILHOUSE_MEM_EXECUTE)
		flags |= PAGE_FLAG_EXEC;
	if (mem->flags & JAILHOUSE_MEM_IO)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

static int map_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *cfg = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cfg);
	unsigned int n;
	int err;

	for (n = 0; n < cfg->num_memory_regions; n++, mem++) {
		/* Sub-page regions and comm regions come with cell support. */
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem) ||
		    (mem->flags & JAILHOUSE_MEM_COMM_REGION)) {
			printk("Cell \"%s\": memory region %u is not supported yet\n",
			       cfg->name, n);
			return -EINVAL;
		}
		/* Write-only makes no sense and stage 2 cannot express it. */
		if (!(mem->flags & JAILHOUSE_MEM_READ))
			continue;
		err = paging_map(&cell->arch->stage2, mem->virt_start,
				 mem->phys_start, mem->size,
				 region_flags(mem));
		if (err)
			return err;
	}
	return 0;
}

int arch_cell_init(struct cell *cell)
{
	struct arch_cell *ac;
	int err;

	ac = page_zalloc(&mem_pool, PAGES(sizeof(*ac)));
	if (!ac)
		return -ENOMEM;
	cell->arch = ac;

	err = paging_init(&ac->stage2, &arm_stage2_paging, &mem_pool);
	if (err)
		return err;
	err = map_regions(cell);
	if (err)
		return err;

	if (cell == &root_cell) {
		u64 console = hv_virt2phys(&virt_console);

		err = paging_map(&ac->stage2, console, console, PAGE_SIZE,
				 PAGE_FLAG_READ);
		if (err)
			return err;
	}
	return gic_cell_init(cell);
}
