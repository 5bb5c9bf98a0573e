// SPDX-License-Identifier: GPL-2.0
/*
 * Group, priority and trigger of a CPU's SGIs and PPIs are banked per CPU
 * (GICv2: in the distributor, GICv3: in the redistributor), and a cell
 * may change them for its own CPUs. Linux does not set all of them again
 * when it takes a CPU back: on GICv2 it never writes the groups, so an
 * SGI a cell moved into a group Linux never enabled would not reach Linux
 * any more (its IPIs to that CPU are lost, CPU online hangs). What Linux
 * had at take-over is kept per CPU and put back at every reset, so that
 * no user of a CPU inherits what the last one left.
 */
#include <core/errno.h>
#include <core/percpu.h>
#include <arm-common/gic_ops.h>
#include <arm-common/io.h>

static unsigned int banked_words(const struct gic_banked_reg *regs,
				 unsigned int count)
{
	unsigned int n, words = 0;

	for (n = 0; n < count; n++)
		words += regs[n].words;
	return words;
}

int gic_banked_save(struct per_cpu *cpu, void *base,
		    const struct gic_banked_reg *regs, unsigned int count)
{
	u32 *store = cpu->arch.gic_banked;
	unsigned int n, w;

	if (banked_words(regs, count) > ARRAY_SIZE(cpu->arch.gic_banked))
		return -EINVAL;
	for (n = 0; n < count; n++)
		for (w = 0; w < regs[n].words; w++)
			*store++ = mmio_read32((char *)base +
					       regs[n].offset + w * 4);
	return 0;
}

void gic_banked_restore(struct per_cpu *cpu, void *base,
			const struct gic_banked_reg *regs, unsigned int count)
{
	const u32 *store = cpu->arch.gic_banked;
	unsigned int n, w;

	for (n = 0; n < count; n++)
		for (w = 0; w < regs[n].words; w++)
			mmio_write32((char *)base + regs[n].offset + w * 4,
				     *store++);
}
