// SPDX-License-Identifier: GPL-2.0
/*
 * The ARM fields of a cell's comm region (core comm_region.c's hook):
 * where the cell finds its interrupt controller, as the system config
 * says, and the base of its virtual PCI interrupts.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/hypervisor.h>

void arch_comm_region_init(struct cell *cell,
			   struct jailhouse_comm_region *comm)
{
	const struct jailhouse_system *sys = system_config_location();

	comm->gic_version = sys->platform_info.arm.gic_version;
	comm->gicd_base = sys->platform_info.arm.gicd_base;
	comm->gicc_base = sys->platform_info.arm.gicc_base;
	comm->gicr_base = sys->platform_info.arm.gicr_base;
	comm->vpci_irq_base = cell->config->vpci_irq_base;
}
