// SPDX-License-Identifier: GPL-2.0
/*
 * Weak stand-ins for the cell management hooks of core/arch.h, so that an
 * architecture can link before it supports cells: creating a cell then
 * fails with -ENOSYS and one console line. An architecture's own
 * definitions replace these at link time.
 *
 * The CPU management hooks (management IPI, wait, TLB flush on resume,
 * park, reset) have no stand-in on purpose: doing nothing there would
 * leave CPUs running a cell they no longer belong to, so a port without
 * them must fail to link.
 */
#include <core/arch.h>
#include <core/errno.h>
#include <core/printk.h>

#define __weak	__attribute__((weak))

__weak int arch_map_hv(unsigned long virt, u64 phys, unsigned long size)
{
	(void)virt;
	(void)phys;
	(void)size;
	return -ENOSYS;
}

__weak void arch_unmap_hv(unsigned long virt, unsigned long size)
{
	(void)virt;
	(void)size;
}

__weak int arch_cell_create(struct cell *cell)
{
	(void)cell;
	printk("Cells are not supported on this architecture yet\n");
	return -ENOSYS;
}

__weak void arch_cell_destroy(struct cell *cell)
{
	(void)cell;
}

__weak int arch_map_memory_region(struct cell *cell,
				  const struct jailhouse_memory *mem)
{
	(void)cell;
	(void)mem;
	return -ENOSYS;
}

__weak int arch_unmap_memory_region(struct cell *cell,
				    const struct jailhouse_memory *mem)
{
	(void)cell;
	(void)mem;
	return -ENOSYS;
}

__weak void arch_comm_region_init(struct cell *cell,
				  struct jailhouse_comm_region *comm)
{
	(void)cell;
	(void)comm;
}

/* Without config space access, no PCI device is there. */
__weak u32 arch_pci_read_config(u16 bdf, u16 reg, unsigned int size)
{
	(void)bdf;
	(void)reg;
	(void)size;
	return 0xffffffff;
}

__weak void arch_pci_write_config(u16 bdf, u16 reg, u32 value,
				  unsigned int size)
{
	(void)bdf;
	(void)reg;
	(void)value;
	(void)size;
}
