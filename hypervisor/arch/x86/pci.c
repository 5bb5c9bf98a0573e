// SPDX-License-Identifier: GPL-2.0
/*
 * The x86 ways into PCI config space, for all cells: configuration
 * mechanism #1 (address port 0xcf8, data ports 0xcfc-0xcff) and the
 * MMCONFIG window, which no cell has mapped. Both are trapped, decoded to
 * device and register here and filtered by the core (core/pci.c).
 *
 * Each CPU has its own address latch: Linux writes the address and
 * accesses the data port on one CPU under a lock, and CPUs of different
 * cells must not see each other's addresses. The hypervisor itself reaches
 * the hardware by mechanism #1 (one lock, as the latch is global) for the
 * first 256 bytes and by its own mapping of MMCONFIG for the rest.
 *
 * The MMCONFIG window is a unit: every cell gets it as a trapped region.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/paging.h>
#include <core/pci.h>
#include <core/percpu.h>
#include <core/spinlock.h>
#include <core/unit.h>
#include <x86/io.h>
#include <x86/pci.h>
#include <x86/setup.h>

#define CONF1_ADDRESS		0xcf8
#define CONF1_DATA		0xcfc
#define CONF1_ENABLE		BIT(31)
/* Bus, device, function in bits 23-8; dword register in bits 7-2. */
#define CONF1_BDF_SHIFT		8
#define CONF1_REG_MASK		0xfc
#define CONF1_REGS		0x100

/* Where the hypervisor sees the MMCONFIG window (a PML4 slot of its own). */
#define MMCONFIG_VIRT		0xfffffe8000000000UL

static DEFINE_SPINLOCK(conf1_lock);
static volatile u8 *mmconfig;

static u64 mmconfig_size(const struct jailhouse_system *sys)
{
	return ((u64)sys->platform_info.pci_mmconfig_end_bus + 1) << 20;
}

int pci_init(void)
{
	const struct jailhouse_system *sys = system_config_location();
	u64 base = sys->platform_info.pci_mmconfig_base;
	int err;

	if (!base)
		return 0;
	err = paging_map(&hv_paging, MMCONFIG_VIRT, base, mmconfig_size(sys),
			 PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_DEVICE);
	if (err)
		return err;
	mmconfig = (volatile u8 *)MMCONFIG_VIRT;
	return 0;
}

static volatile void *mmconfig_reg(u16 bdf, u16 reg)
{
	return mmconfig + ((unsigned long)bdf << 12) + reg;
}

u32 arch_pci_read_config(u16 bdf, u16 reg, unsigned int size)
{
	u32 value;

	if (reg >= CONF1_REGS) {
		if (!mmconfig)
			return 0xffffffff;
		if (size == 1)
			return *(volatile u8 *)mmconfig_reg(bdf, reg);
		if (size == 2)
			return *(volatile u16 *)mmconfig_reg(bdf, reg);
		return *(volatile u32 *)mmconfig_reg(bdf, reg);
	}
	spin_lock(&conf1_lock);
	port_out(CONF1_ADDRESS, 4, CONF1_ENABLE |
		 ((u32)bdf << CONF1_BDF_SHIFT) | (reg & CONF1_REG_MASK));
	value = port_in(CONF1_DATA + (reg & 3), size);
	spin_unlock(&conf1_lock);
	return value;
}

void arch_pci_write_config(u16 bdf, u16 reg, u32 value, unsigned int size)
{
	if (reg >= CONF1_REGS) {
		if (!mmconfig)
			return;
		if (size == 1)
			*(volatile u8 *)mmconfig_reg(bdf, reg) = value;
		else if (size == 2)
			*(volatile u16 *)mmconfig_reg(bdf, reg) = value;
		else
			*(volatile u32 *)mmconfig_reg(bdf, reg) = value;
		return;
	}
	spin_lock(&conf1_lock);
	port_out(CONF1_ADDRESS, 4, CONF1_ENABLE |
		 ((u32)bdf << CONF1_BDF_SHIFT) | (reg & CONF1_REG_MASK));
	port_out(CONF1_DATA + (reg & 3), size, value);
	spin_unlock(&conf1_lock);
}

static u32 all_ones(unsigned int size)
{
	return size == 4 ? 0xffffffff : (1U << (8 * size)) - 1;
}

int pci_conf1_access(struct per_cpu *cpu, u16 port, unsigned int size,
		     bool in, u32 *value)
{
	u32 latch = cpu->arch.pci_conf1_addr;
	u16 bdf = (latch >> CONF1_BDF_SHIFT) & 0xffff;
	u16 reg = (latch & CONF1_REG_MASK) | (port & 3);

	if (port < CONF1_ADDRESS || port + size > CONF1_DATA + 4)
		return -EPERM;

	if (port < CONF1_DATA) {
		/* Only dword accesses reach the address register. */
		if (port == CONF1_ADDRESS && size == 4) {
			if (in)
				*value = latch;
			else
				cpu->arch.pci_conf1_addr = *value;
		} else if (in) {
			*value = all_ones(size);
		}
		return 0;
	}

	/* With the enable bit clear the data port is no config access. */
	if (!(latch & CONF1_ENABLE) || (port & 3) + size > 4) {
		if (in)
			*value = all_ones(size);
		return 0;
	}
	if (in)
		*value = pci_cfg_read(cpu->cell, bdf, reg, size);
	else
		pci_cfg_write(cpu->cell, bdf, reg, *value, size);
	return 0;
}

/*
 * An access to the MMCONFIG window, naturally aligned; a 64-bit one is two
 * dword accesses, low one first.
 */
static enum mmio_result mmconfig_access(void *arg, struct mmio_access *acc)
{
	const struct jailhouse_system *sys = system_config_location();
	u64 base = sys->platform_info.pci_mmconfig_base;
	struct cell *cell = this_cpu()->cell;
	unsigned int n, step;
	u64 value = 0;
	u16 bdf, reg;

	(void)arg;
	if (acc->address & (acc->size - 1) ||
	    !pci_mmconfig_decode(base, sys->platform_info.pci_mmconfig_end_bus,
				 base + acc->address, &bdf, &reg))
		return MMIO_ERROR;
	step = acc->size == 8 ? 4 : acc->size;
	for (n = 0; n < acc->size; n += step) {
		if (acc->is_write)
			pci_cfg_write(cell, bdf, reg + n,
				      acc->value >> (8 * n), step);
		else
			value |= (u64)pci_cfg_read(cell, bdf, reg + n, step)
				<< (8 * n);
	}
	if (!acc->is_write)
		acc->value = value;
	return MMIO_HANDLED;
}

static unsigned int mmconfig_count_regions(struct cell *cell)
{
	(void)cell;
	return system_config_location()->platform_info.pci_mmconfig_base ?
		1 : 0;
}

static int mmconfig_cell_init(struct cell *cell)
{
	const struct jailhouse_system *sys = system_config_location();
	u64 base = sys->platform_info.pci_mmconfig_base;

	if (!base)
		return 0;
	return mmio_region_register(cell, base, mmconfig_size(sys),
				    mmconfig_access, NULL);
}

static void mmconfig_cell_exit(struct cell *cell)
{
	u64 base = system_config_location()->platform_info.pci_mmconfig_base;

	/*
	 * At DISABLE the root cell's CPUs leave one by one and trap until
	 * they do: its regions stay for as long as the hypervisor runs.
	 */
	if (cell == &root_cell)
		return;
	if (base)
		mmio_region_unregister(cell, base);
}

DEFINE_UNIT(pci,
	.name = "PCI",
	.mmio_count_regions = mmconfig_count_regions,
	.cell_init = mmconfig_cell_init,
	.cell_exit = mmconfig_cell_exit,
);
