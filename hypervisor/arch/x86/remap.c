// SPDX-License-Identifier: GPL-2.0
/*
 * The remap window hooks of core/remap.c: pages of cells and devices the
 * hypervisor maps for a moment into its own tables, which every CPU
 * shares, with the stale translations of this CPU dropped.
 */
#include <core/arch.h>
#include <core/paging.h>
#include <x86/setup.h>

static int map_hv(unsigned long virt, u64 phys, unsigned long size,
		  unsigned long flags)
{
	unsigned long offset;
	int err;

	err = paging_map(&hv_paging, virt, phys, size,
			 PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_NO_HUGE |
			 flags);
	for (offset = 0; offset < size; offset += PAGE_SIZE)
		asm volatile("invlpg (%0)" : : "r" (virt + offset) : "memory");
	return err;
}

int arch_map_hv(unsigned long virt, u64 phys, unsigned long size)
{
	return map_hv(virt, phys, size, 0);
}

/* PCD and PWT: uncached whatever the MTRRs say. */
int arch_map_device_hv(unsigned long virt, u64 phys, unsigned long size)
{
	return map_hv(virt, phys, size, PAGE_FLAG_DEVICE);
}

void arch_unmap_hv(unsigned long virt, unsigned long size)
{
	unsigned long offset;

	paging_unmap(&hv_paging, virt, size);
	for (offset = 0; offset < size; offset += PAGE_SIZE)
		asm volatile("invlpg (%0)" : : "r" (virt + offset) : "memory");
}
