// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's own translation tables (EL2 / HYP stage 1), the same
 * for both sub-architectures: its memory at HV_BASE and at its physical
 * address, device registers handed out from HV_DEVICE_BASE on, and the
 * remap window of the core (arch_map_hv/arch_unmap_hv of core/arch.h).
 * The sub-arch picks the table format and switches to the tables.
 */
#include <core/arch.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <arm-common/hv.h>
#include <arm-common/subarch.h>

struct paging_structures hv_paging;

static u64 hv_phys;
/* Filled on the first CPU only, before the others use the tables. */
static unsigned long device_next = HV_DEVICE_BASE;

/* Break-before-make in the hypervisor's tables (page-table library). */
static void hv_invalidate(const struct paging_structures *pg, u64 virt,
			  u64 size)
{
	(void)pg;
	if (size <= 64 * PAGE_SIZE)
		flush_hyp_tlb_range((unsigned long)virt, (unsigned long)size);
	else
		flush_hyp_tlb_all();
}

void hv_paging_set_phys(u64 phys)
{
	hv_phys = phys;
}

int hv_paging_init(const struct paging_format *format, u64 phys, u64 size)
{
	const unsigned long flags =
		PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_EXEC;
	int err;

	hv_phys = phys;
	err = paging_init(&hv_paging, format, &mem_pool);
	if (err)
		return err;
	hv_paging.invalidate = hv_invalidate;
	err = paging_map(&hv_paging, HV_BASE, phys, size, flags);
	if (err)
		return err;
	/* The way on and off the MMU runs at the physical address. */
	return paging_map(&hv_paging, phys, phys, size, flags);
}

u64 hv_virt2phys(const void *addr)
{
	return hv_phys + ((unsigned long)addr - HV_BASE);
}

unsigned long hv_phys_offset(void)
{
	return (unsigned long)(hv_phys - HV_BASE);
}

void *hv_map_device(u64 phys, u64 size)
{
	u64 start = phys & PAGE_MASK;
	u64 len = ALIGN_UP(phys + size, (u64)PAGE_SIZE) - start;
	unsigned long virt = device_next;

	if (len > HV_DEVICE_BASE + HV_DEVICE_SIZE - virt)
		return NULL;
	if (paging_map(&hv_paging, virt, start, len,
		       PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_DEVICE))
		return NULL;
	device_next += len;
	return (void *)(virt + (unsigned long)(phys - start));
}

static int map_hv(unsigned long virt, u64 phys, unsigned long size,
		  unsigned long flags)
{
	int err = paging_map(&hv_paging, virt, phys, size,
			     PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			     PAGE_FLAG_NO_HUGE | flags);

	/* Another CPU may have walked to an old mapping speculatively. */
	flush_hyp_tlb_range(virt, size);
	return err;
}

int arch_map_hv(unsigned long virt, u64 phys, unsigned long size)
{
	return map_hv(virt, phys, size, 0);
}

/* Device-nGnRE: what the registers of a sub-page region need. */
int arch_map_device_hv(unsigned long virt, u64 phys, unsigned long size)
{
	return map_hv(virt, phys, size, PAGE_FLAG_DEVICE);
}

void arch_unmap_hv(unsigned long virt, unsigned long size)
{
	paging_unmap(&hv_paging, virt, size);
	flush_hyp_tlb_range(virt, size);
}
