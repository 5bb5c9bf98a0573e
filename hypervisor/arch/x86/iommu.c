// SPDX-License-Identifier: GPL-2.0
/*
 * Per-cell DMA tables, independent of the IOMMU model (x86/iommu.h).
 * Built like the nested page tables (npt.c) but from the DMA-able
 * regions only, and kept in step with the root cell's memory as cells
 * take it and give it back.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/pci.h>
#include <core/printk.h>
#include <x86/cell.h>
#include <x86/iommu.h>
#include <x86/setup.h>

struct iommu_dma iommu_dma;

static bool has_tables(const struct cell *cell)
{
	return cell->arch && cell->arch->dma.root;
}

static unsigned long dma_flags(u64 mem_flags)
{
	unsigned long flags = PAGE_FLAG_READ;

	if (mem_flags & JAILHOUSE_MEM_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (mem_flags & JAILHOUSE_MEM_NO_HUGEPAGES)
		flags |= PAGE_FLAG_NO_HUGE;
	return flags;
}

static bool dma_region(const struct jailhouse_memory *mem)
{
	return (mem->flags & JAILHOUSE_MEM_DMA) &&
		(mem->flags & JAILHOUSE_MEM_READ) &&
		!JAILHOUSE_MEMORY_IS_SUBPAGE(mem);
}

static int map_regions(struct cell *cell)
{
	const struct jailhouse_cell_desc *config = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	unsigned int n;
	int err;

	for (n = 0; n < config->num_memory_regions; n++, mem++) {
		if (!dma_region(mem))
			continue;
		err = paging_map(&cell->arch->dma, mem->virt_start,
				 mem->phys_start, mem->size,
				 dma_flags(mem->flags));
		if (err)
			return err;
	}
	return 0;
}

int iommu_cell_build(struct cell *cell)
{
	const struct jailhouse_memory *hv =
		&system_config_location()->hypervisor_memory;
	struct paging_structures *pg = &cell->arch->dma;
	int err;

	err = paging_init(pg, iommu_dma.fmt, &mem_pool);
	if (err)
		return err;
	pg->max_page_size = iommu_dma.max_page_size;
	err = map_regions(cell);
	/* Whatever a config says, no device reaches the hypervisor. */
	if (!err && cell == &root_cell)
		err = paging_unmap(pg, hv->phys_start, hv->size);
	return err;
}

void iommu_cell_destroy(struct cell *cell)
{
	if (has_tables(cell))
		paging_destroy(&cell->arch->dma);
	if (cell->arch)
		cell->arch->dma.root = NULL;
}

u64 iommu_cell_root_phys(const struct cell *cell)
{
	return paging_root_phys(&cell->arch->dma);
}

int iommu_map_memory_region(struct cell *cell,
			    const struct jailhouse_memory *mem)
{
	int err;

	if (!has_tables(cell) || !dma_region(mem))
		return 0;
	err = paging_map(&cell->arch->dma, mem->virt_start, mem->phys_start,
			 mem->size, dma_flags(mem->flags));
	iommu_dma.flush(cell);
	return err;
}

int iommu_unmap_memory_region(struct cell *cell,
			      const struct jailhouse_memory *mem)
{
	int err;

	if (!has_tables(cell))
		return 0;
	err = paging_unmap(&cell->arch->dma, mem->virt_start, mem->size);
	iommu_dma.flush(cell);
	return err;
}

void iommu_poll(void)
{
	if (iommu_dma.poll_faults)
		iommu_dma.poll_faults();
}

bool iommu_fault_event(void)
{
	return iommu_dma.poll_fault_event && iommu_dma.poll_fault_event();
}

void iommu_note_device(const char *what, u16 bdf, const char *prep,
		       const struct cell *cell)
{
	printk("%s PCI device %02x:%02x.%x %s cell \"%s\"\n", what,
	       PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf), prep,
	       cell->config->name);
}

int iommu_map_registers(u64 base, unsigned int pages, u8 **regs)
{
	*regs = page_alloc(&remap_pool, pages);
	if (!*regs)
		return -ENOMEM;
	return paging_map(&hv_paging, (unsigned long)*regs, base,
			  pages * PAGE_SIZE, PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			  PAGE_FLAG_DEVICE | PAGE_FLAG_NO_HUGE);
}

void iommu_unmap_registers(u8 **regs, unsigned int pages)
{
	if (!*regs)
		return;
	paging_unmap(&hv_paging, (unsigned long)*regs, pages * PAGE_SIZE);
	page_free(&remap_pool, *regs, pages);
	*regs = NULL;
}
