// SPDX-License-Identifier: GPL-2.0
/*
 * hvread.ko phys=ADDR: reads one 32-bit word of physical memory while
 * loading. Natively that just works; under the hypervisor the root cell
 * must not see hypervisor memory, so the read is what a scenario expects
 * the hypervisor to stop.
 *
 * The address is logged before the access: if the CPU never comes back,
 * the log still says what it tried.
 */
#define pr_fmt(fmt) "hvread: " fmt

#include <linux/io.h>
#include <linux/module.h>

static unsigned long phys;
module_param(phys, ulong, 0444);
MODULE_PARM_DESC(phys, "physical address to read (4-byte aligned)");

/* What the read returned, for the scenario to compare with devmem. */
static unsigned int value;
module_param(value, uint, 0444);
MODULE_PARM_DESC(value, "the word read at phys");

static int __init hvread_init(void)
{
	unsigned long page = phys & PAGE_MASK;
	void *virt;

	if (!phys || phys & 3) {
		pr_err("phys=0x%lx: need a non-zero, 4-byte aligned address\n",
		       phys);
		return -EINVAL;
	}

	/*
	 * Reserved memory (memmap=) is no System RAM, so memremap() maps it
	 * with a fresh cacheable mapping instead of the direct map; the
	 * uncached fallback is for ranges whose memory type forbids that.
	 */
	virt = memremap(page, PAGE_SIZE, MEMREMAP_WB);
	if (!virt)
		virt = (void __force *)ioremap(page, PAGE_SIZE);
	if (!virt) {
		pr_err("cannot map 0x%lx\n", phys);
		return -ENOMEM;
	}

	pr_info("reading 0x%lx\n", phys);
	value = READ_ONCE(*(u32 *)(virt + (phys - page)));
	pr_info("0x%lx holds 0x%08x\n", phys, value);

	/* memunmap() also undoes the ioremap() of the fallback. */
	memunmap(virt);
	return 0;
}

static void __exit hvread_exit(void)
{
}

module_init(hvread_init);
module_exit(hvread_exit);

MODULE_DESCRIPTION("Stockade test: read one word of physical memory");
MODULE_LICENSE("GPL");
