// SPDX-License-Identifier: GPL-2.0
/*
 * PCI on ARM: a virtual host controller. Where the system config sets
 * platform_info.pci_is_virtual, every cell finds a generic ECAM window at
 * pci_mmconfig_base (buses 0 to pci_mmconfig_end_bus) that no one has
 * mapped; each access traps here, is decoded to device and register and
 * goes to the core's config filter (core/pci.c), which answers for the
 * virtual devices (ivshmem) and hides what the cell does not own.
 *
 * The hypervisor reaches no physical config space on ARM: a platform's
 * own PCI host, if any, stays the root cell's, mapped directly. For the
 * core a physical device therefore reads as absent.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/pci.h>
#include <core/percpu.h>
#include <core/unit.h>
#include <arm-common/subarch.h>

u32 arch_pci_read_config(u16 bdf, u16 reg, unsigned int size)
{
	(void)bdf;
	(void)reg;
	return size == 4 ? 0xffffffff : (1U << (8 * size)) - 1;
}

void arch_pci_write_config(u16 bdf, u16 reg, u32 value, unsigned int size)
{
	(void)bdf;
	(void)reg;
	(void)value;
	(void)size;
}

/* The base of the virtual ECAM window, 0 when the platform has none. */
static u64 vpci_base(void)
{
	const struct jailhouse_system *sys = system_config_location();

	return sys->platform_info.pci_is_virtual ?
		sys->platform_info.pci_mmconfig_base : 0;
}

static u64 vpci_size(void)
{
	const struct jailhouse_system *sys = system_config_location();

	return ((u64)sys->platform_info.pci_mmconfig_end_bus + 1) << 20;
}

/* One dword or smaller piece of an access at reg. */
static u32 vpci_piece(struct cell *cell, u16 bdf, u16 reg, u32 value,
		      unsigned int size, bool is_write)
{
	if (!is_write)
		return pci_cfg_read(cell, bdf, reg, size);
	pci_cfg_write(cell, bdf, reg, value, size);
	return 0;
}

/*
 * A trapped access to the window, naturally aligned. A 64-bit one (a
 * 64-bit BAR written at once) is two dword accesses, low one first.
 */
static enum mmio_result vpci_access(void *arg, struct mmio_access *acc)
{
	const struct jailhouse_system *sys = system_config_location();
	struct cell *cell = this_cpu()->cell;
	u64 base = vpci_base(), value = 0;
	unsigned int n, step;
	u16 bdf, reg;

	(void)arg;
	if (acc->address & (acc->size - 1) ||
	    !pci_mmconfig_decode(base, sys->platform_info.pci_mmconfig_end_bus,
				 base + acc->address, &bdf, &reg))
		return MMIO_ERROR;
	step = acc->size == 8 ? 4 : acc->size;
	for (n = 0; n < acc->size; n += step)
		value |= (u64)vpci_piece(cell, bdf, reg + n,
					 acc->value >> (8 * n), step,
					 acc->is_write) << (8 * n);
	if (!acc->is_write)
		acc->value = value;
	return MMIO_HANDLED;
}

static unsigned int vpci_count_regions(struct cell *cell)
{
	(void)cell;
	return vpci_base() ? 1 : 0;
}

static int vpci_cell_init(struct cell *cell)
{
	u64 base = vpci_base();

	if (!base)
		return 0;
	return mmio_region_register(cell, base, vpci_size(), vpci_access,
				    NULL);
}

static void vpci_cell_exit(struct cell *cell)
{
	/*
	 * At DISABLE the root cell's CPUs leave one by one and may still
	 * touch the window until they do: its region stays.
	 */
	if (cell != &root_cell && vpci_base())
		mmio_region_unregister(cell, vpci_base());
}

DEFINE_UNIT(vpci,
	.name = "virtual PCI host",
	.mmio_count_regions = vpci_count_regions,
	.cell_init = vpci_cell_init,
	.cell_exit = vpci_cell_exit,
);
