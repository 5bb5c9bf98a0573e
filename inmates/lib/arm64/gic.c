// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Interrupt controller front end: picks GICv2 or GICv3 and its addresses
 * from the comm region (command line "gic=2|3 gicd-base= gicc-base=
 * gicr-base=" overrides, for images run outside a cell) and dispatches
 * IRQs to one handler, which every CPU of the cell shares. arm64 and
 * ARMv7 build it alike.
 */
#include <inmate.h>

#define GIC_SPURIOUS	1020

unsigned long gicd_base, gicc_base, gicr_base;

static const struct gic_ops *gic;
static irq_handler_t irq_handler;
/* Per CPU index, each written by its own CPU only. */
static unsigned long sgis_sent[SMP_MAX_CPUS];

/* Not linked on ARMv7, which has no GICv3 (lib/arm/lib.mk). */
extern const struct gic_ops gic_v3_ops __attribute__((weak));

int gic_setup(irq_handler_t handler)
{
	long long version = 0;

	if (comm_region_valid()) {
		version = comm_region->gic_version;
		gicd_base = comm_region->gicd_base;
		gicc_base = comm_region->gicc_base;
		gicr_base = comm_region->gicr_base;
	}
	version = cmdline_parse_int("gic", version);
	gicd_base = cmdline_parse_int("gicd-base", gicd_base);
	gicc_base = cmdline_parse_int("gicc-base", gicc_base);
	gicr_base = cmdline_parse_int("gicr-base", gicr_base);

	if (version == 2)
		gic = &gic_v2_ops;
	else if (version == 3 && &gic_v3_ops)
		gic = &gic_v3_ops;
	else
		return -1;
	irq_handler = handler;
	return gic->init();
}

int gic_cpu_init(void)
{
	return gic ? gic->cpu_init() : -1;
}

const char *gic_name(void)
{
	return gic ? gic->name : "none";
}

void gic_enable_irq(unsigned int irq)
{
	gic->enable_irq(irq);
}

bool gic_send_sgi(unsigned int cpu, unsigned int sgi)
{
	unsigned int me = smp_cpu_index();

	if (!gic || sgi > 15 || !smp_cpu_online(cpu))
		return false;
	/* What the SGI announces must be visible before it arrives. */
	dsb(sy);
	if (!gic->send_sgi(cpu, sgi))
		return false;
	if (me < SMP_MAX_CPUS)
		sgis_sent[me]++;
	return true;
}

bool gic_send_sgi_others(unsigned int sgi)
{
	unsigned int me = smp_cpu_index();

	if (!gic || sgi > 15)
		return false;
	dsb(sy);
	gic->send_sgi_others(sgi);
	if (me < SMP_MAX_CPUS)
		sgis_sent[me]++;
	return true;
}

unsigned long gic_sgis_sent(void)
{
	unsigned int me = smp_cpu_index();

	return me < SMP_MAX_CPUS ? sgis_sent[me] : 0;
}

void arch_handle_irq(void);

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
