// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2: the root cell keeps the physical CPU interface, mapped at its
 * own address, and takes its interrupts directly; its distributor
 * accesses trap (gic.c). Interrupts are not virtualized yet, so no other
 * cells can run next to it (arch_cell_create refuses them).
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/paging.h>
#include <arm-common/cell.h>
#include <arm-common/gic_regs.h>

/* GICv2 CPU interface (with the GICC_DIR page). */
#define GICC_SIZE		0x2000

int gic_v2_cell_init(struct cell *cell)
{
	const struct jailhouse_system *sys = system_config_location();
	u64 gicc = sys->platform_info.arm.gicc_base;

	return paging_map(&cell->arch->stage2, gicc, gicc, GICC_SIZE,
			  PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_DEVICE);
}
