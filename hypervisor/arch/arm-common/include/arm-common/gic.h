/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The interrupt controller as far as cells see it. For now the root cell
 * keeps the physical GIC: its CPU interface is reached directly, and its
 * distributor and redistributor accesses trap and are carried out by the
 * hypervisor, which is where filtering by the cells' interrupt sets goes.
 */
#ifndef _ARM_COMMON_GIC_H
#define _ARM_COMMON_GIC_H

struct cell;

/* Map the GIC for the hypervisor (from the system config). */
int gic_init(void);

/* Register the cell's GIC regions (trapped or mapped). */
int gic_cell_init(struct cell *cell);

#endif /* !_ARM_COMMON_GIC_H */
