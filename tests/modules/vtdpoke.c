// SPDX-License-Identifier: GPL-2.0
/*
 * vtdpoke.ko [entry=N lo=X hi=Y] [gcmd=C]: what Linux's interrupt
 * remapping code does to the VT-d unit at 0xfed90000, one step at a
 * time, while loading: with entry, it writes the 128-bit entry (hi, lo)
 * at index N of the remapping table the unit's IRTA register names; with
 * gcmd, it writes C to the command register. It always reads the status
 * and IRTA registers (status, irta parameters). The register page is
 * reached without claiming it, as the dmar driver holds it.
 */
#define pr_fmt(fmt) "vtdpoke: " fmt

#include <linux/io.h>
#include <linux/module.h>

#define VTD_PHYS	0xfed90000UL
#define VTD_GCMD	0x18
#define VTD_GSTS	0x1c
#define VTD_IRTA	0xb8

static int entry = -1;
module_param(entry, int, 0444);
static ulong lo, hi;
module_param(lo, ulong, 0444);
module_param(hi, ulong, 0444);
static uint gcmd;
module_param(gcmd, uint, 0444);
static uint status;
module_param(status, uint, 0444);
static ulong irta;
module_param(irta, ulong, 0444);

static int write_entry(void)
{
	u64 *table = memremap(irta & PAGE_MASK, PAGE_SIZE * 16,
			      MEMREMAP_WB);

	if (!table)
		return -ENOMEM;
	table[entry * 2] = 0;
	table[entry * 2 + 1] = hi;
	table[entry * 2] = lo;
	memunmap(table);
	return 0;
}

static int __init vtdpoke_init(void)
{
	void __iomem *regs = ioremap(VTD_PHYS, PAGE_SIZE);
	int err = 0;

	if (!regs)
		return -ENOMEM;
	irta = readq(regs + VTD_IRTA);
	if (entry >= 0 && entry < 256)
		err = write_entry();
	if (!err && gcmd)
		writel(gcmd, regs + VTD_GCMD);
	status = readl(regs + VTD_GSTS);
	iounmap(regs);
	pr_info("status 0x%x, IRTA 0x%lx\n", status, irta);
	return err;
}

static void __exit vtdpoke_exit(void)
{
}

module_init(vtdpoke_init);
module_exit(vtdpoke_exit);

MODULE_DESCRIPTION("Stockade test: Linux's steps on a VT-d remapping unit");
MODULE_LICENSE("GPL");
