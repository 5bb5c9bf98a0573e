// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Interrupt controller front end for ARMv7: GICv2 (the ARMv7 boards and
 * QEMU's virt with cortex-a15 have nothing else), with its addresses from
 * the comm region or the command line ("gic=2 gicd-base= gicc-base=", for
 * images run outside a cell); IRQs go to one handler.
 */
#include <inmate.h>

#define GIC_SPURIOUS	1020

unsigned long gicd_base, gicc_base;

static const struct gic_ops *gic;
static irq_handler_t irq_handler;

int gic_setup(irq_handler_t handler)
{
	long long version = 0;

	if (comm_region_valid()) {
		version = comm_region->gic_version;
		gicd_base = comm_region->gicd_base;
		gicc_base = comm_region->gicc_base;
	}
	version = cmdline_parse_int("gic", version);
	gicd_base = cmdline_parse_int("gicd-base", gicd_base);
	gicc_base = cmdline_parse_int("gicc-base", gicc_base);
	if (version != 2)
		return -1;
	gic = &gic_v2_ops;
	irq_handler = handler;
	return gic->init();
}

const char *gic_name(void)
{
	return gic ? gic->name : "none";
}

void gic_enable_irq(unsigned int irq)
{
	gic->enable_irq(irq);
}

void arch_handle_irq(void)
{
	for (;;) {
		__u32 iar = gic->read_ack();
		unsigned int irq = iar & gic->intid_mask;

		if (irq >= GIC_SPURIOUS)
			break;
		if (irq_handler)
			irq_handler(irq);
		gic->eoi(iar);
	}
}
