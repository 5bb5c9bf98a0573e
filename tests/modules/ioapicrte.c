// SPDX-License-Identifier: GPL-2.0
/*
 * ioapicrte.ko pin=N [write=1 lo=X hi=Y]: programs (with write=1) and
 * then reads back the redirection entry of IOAPIC pin N while loading, the
 * way Linux's own IOAPIC code does: select register, then window, on one
 * CPU with interrupts off. The entry read back is in the lo_read and
 * hi_read parameters. Only for pins Linux does not use.
 */
#define pr_fmt(fmt) "ioapicrte: " fmt

#include <linux/io.h>
#include <linux/irqflags.h>
#include <linux/module.h>

#define IOAPIC_PHYS		0xfec00000UL
#define IOAPIC_SELECT		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_REDIR_TABLE	0x10

static unsigned int pin;
module_param(pin, uint, 0444);
static bool write;
module_param(write, bool, 0444);
static unsigned int lo, hi;
module_param(lo, uint, 0444);
module_param(hi, uint, 0444);
static unsigned int lo_read, hi_read;
module_param(lo_read, uint, 0444);
module_param(hi_read, uint, 0444);

static int __init ioapicrte_init(void)
{
	void __iomem *regs = ioremap(IOAPIC_PHYS, PAGE_SIZE);
	unsigned int reg = IOAPIC_REDIR_TABLE + 2 * pin;
	unsigned long flags;

	if (!regs)
		return -ENOMEM;
	local_irq_save(flags);
	if (write) {
		/* High half first: the low one may unmask the entry. */
		writel(reg + 1, regs + IOAPIC_SELECT);
		writel(hi, regs + IOAPIC_WINDOW);
		writel(reg, regs + IOAPIC_SELECT);
		writel(lo, regs + IOAPIC_WINDOW);
	}
	writel(reg, regs + IOAPIC_SELECT);
	lo_read = readl(regs + IOAPIC_WINDOW);
	writel(reg + 1, regs + IOAPIC_SELECT);
	hi_read = readl(regs + IOAPIC_WINDOW);
	local_irq_restore(flags);
	iounmap(regs);
	pr_info("pin %u: 0x%08x%08x\n", pin, hi_read, lo_read);
	return 0;
}

static void __exit ioapicrte_exit(void)
{
}

module_init(ioapicrte_init);
module_exit(ioapicrte_exit);

MODULE_DESCRIPTION("Stockade test: program one IOAPIC redirection entry");
MODULE_LICENSE("GPL");
