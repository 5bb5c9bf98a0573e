// SPDX-License-Identifier: GPL-2.0
/*
 * GIC distributor and redistributors for the cells. Only the root cell
 * exists so far and it owns every interrupt, so its accesses are carried
 * out unchanged. The handlers see every access with its offset, which is
 * where a cell's view gets restricted to its own interrupts once there
 * are others (per-interrupt registers by the config's irqchip pins,
 * redistributors by the cell's CPUs).
 */
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/paging.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/mmio.h>

#define GICD_SIZE		0x10000
/* GICv3 redistributor: RD_base and SGI_base frames of 64 KiB each. */
#define GICR_STRIDE		0x20000
/* GICv2 CPU interface (with the GICC_DIR page). */
#define GICC_SIZE		0x2000

static const struct jailhouse_system *sys;
static void *gicd;
static void *gicr;
static u64 gicr_size;

int gic_init(void)
{
	sys = system_config_location();

	switch (sys->platform_info.arm.gic_version) {
	case 2:
		break;
	case 3:
		gicr_size = (u64)hypervisor_header.max_cpus * GICR_STRIDE;
		gicr = hv_map_device(sys->platform_info.arm.gicr_base,
				     gicr_size);
		if (!gicr)
			return -ENOMEM;
		break;
	default:
		return -EINVAL;
	}
	gicd = hv_map_device(sys->platform_info.arm.gicd_base, GICD_SIZE);
	return gicd ? 0 : -ENOMEM;
}

static int gicd_access(void *arg, struct mmio_access *acc)
{
	(void)arg;
	mmio_perform(gicd, acc);
	return 0;
}

static int gicr_access(void *arg, struct mmio_access *acc)
{
	(void)arg;
	mmio_perform(gicr, acc);
	return 0;
}

int gic_cell_init(struct cell *cell)
{
	const struct jailhouse_system *s = system_config_location();
	int err;

	err = mmio_region_register(cell, s->platform_info.arm.gicd_base,
				   GICD_SIZE, gicd_access, cell);
	if (err)
		return err;

	if (s->platform_info.arm.gic_version == 3)
		return mmio_region_register(cell,
					    s->platform_info.arm.gicr_base,
					    gicr_size, gicr_access, cell);

	/*
	 * GICv2: the root cell keeps the physical CPU interface, mapped at
	 * its own address.
	 */
	return paging_map(&cell->arch->stage2, s->platform_info.arm.gicc_base,
			  s->platform_info.arm.gicc_base, GICC_SIZE,
			  PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			  PAGE_FLAG_DEVICE);
}
