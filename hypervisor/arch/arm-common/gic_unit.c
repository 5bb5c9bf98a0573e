// SPDX-License-Identifier: GPL-2.0
/*
 * The GIC as a unit: the core gives every cell its distributor (and
 * GICv3 redistributor) regions and takes them again. The GIC itself
 * comes up in the arch's early setup, as every CPU needs it when it
 * takes itself over, before units exist.
 */
#include <core/unit.h>
#include <arm-common/gic.h>

DEFINE_UNIT(gic,
	.name = "GIC",
	.mmio_count_regions = gic_mmio_count_regions,
	.cell_init = gic_cell_init,
	.cell_exit = gic_cell_exit,
);
