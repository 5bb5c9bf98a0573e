// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * GICv2: distributor plus memory-mapped CPU interface (in a cell, the
 * hypervisor maps the virtual CPU interface there). The CPU interface
 * and the private interrupts' distributor registers are banked: every
 * CPU sets up its own at the same addresses.
 */
#include <inmate.h>

#define GICD_CTLR		0x000
#define GICD_ISENABLER		0x100
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_SGIR		0xf00
#define GICD_SGIR_TARGETS_SHIFT	16
#define GICD_SGIR_ALL_BUT_SELF	(1U << 24)
#define GICC_CTLR		0x000
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010

#define GIC_PRIO_DEFAULT	0xa0
#define GIC_PRIO_MASK_ALL_LOWER	0xf0

/*
 * SGIs name their targets by CPU interface bit, which only the CPU itself
 * can read (ITARGETSR0..7): each records its own here, by library index.
 */
static __u8 cpu_target[SMP_MAX_CPUS];

/* Word-wide read-modify-write: byte access to the GICD may be trapped. */
static void gicd_set_byte(unsigned int reg, unsigned int irq, __u8 v)
{
	unsigned long addr = gicd_base + reg + (irq & ~3U);
	unsigned int shift = (irq & 3) * 8;
	__u32 w = mmio_read32(addr);

	w &= ~(0xffU << shift);
	mmio_write32(addr, w | ((__u32)v << shift));
}

static int gic_v2_cpu_init(void)
{
	unsigned int me = smp_cpu_index();

	if (!gicd_base || !gicc_base || me >= SMP_MAX_CPUS)
		return -1;
	WRITE_ONCE(cpu_target[me],
		   mmio_read32(gicd_base + GICD_ITARGETSR) & 0xff);
	mmio_write32(gicc_base + GICC_PMR, GIC_PRIO_MASK_ALL_LOWER);
	mmio_write32(gicc_base + GICC_CTLR, 1);
	return 0;
}

static int gic_v2_init(void)
{
	if (!gicd_base || !gicc_base)
		return -1;
	if (!(mmio_read32(gicd_base + GICD_CTLR) & 1))
		mmio_write32(gicd_base + GICD_CTLR, 1);
	return gic_v2_cpu_init();
}

static void gic_v2_enable_irq(unsigned int irq)
{
	gicd_set_byte(GICD_IPRIORITYR, irq, GIC_PRIO_DEFAULT);
	if (irq >= 32) {
		/* ITARGETSR0..7 read back this CPU's own target bit. */
		__u8 self = mmio_read32(gicd_base + GICD_ITARGETSR) & 0xff;

		gicd_set_byte(GICD_ITARGETSR, irq, self);
	}
	mmio_write32(gicd_base + GICD_ISENABLER + (irq / 32) * 4,
		     1U << (irq % 32));
}

static __u32 gic_v2_read_ack(void)
{
	return mmio_read32(gicc_base + GICC_IAR);
}

static void gic_v2_eoi(__u32 iar)
{
	mmio_write32(gicc_base + GICC_EOIR, iar);
}

static bool gic_v2_send_sgi(unsigned int cpu, unsigned int sgi)
{
	__u8 target = READ_ONCE(cpu_target[cpu]);

	/* A uniprocessor GIC may read 0 there: nobody to name. */
	if (!target)
		return false;
	mmio_write32(gicd_base + GICD_SGIR,
		     (__u32)target << GICD_SGIR_TARGETS_SHIFT | sgi);
	return true;
}

static void gic_v2_send_sgi_others(unsigned int sgi)
{
	mmio_write32(gicd_base + GICD_SGIR, GICD_SGIR_ALL_BUT_SELF | sgi);
}

const struct gic_ops gic_v2_ops = {
	.name = "GICv2",
	/* Bits 12:10 name the CPU that sent an SGI. */
	.intid_mask = 0x3ff,
	.init = gic_v2_init,
	.cpu_init = gic_v2_cpu_init,
	.enable_irq = gic_v2_enable_irq,
	.read_ack = gic_v2_read_ack,
	.eoi = gic_v2_eoi,
	.send_sgi = gic_v2_send_sgi,
	.send_sgi_others = gic_v2_send_sgi_others,
};
