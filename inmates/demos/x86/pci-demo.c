// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * A cell drives its own PCI device: QEMU's edu DMA engine. It finds edu
 * in its config space, maps nothing (its BAR is identity-mapped by the
 * cell config) and copies between two buffers of its own RAM through the
 * device, which the IOMMU allows. Then it aims the device at an address
 * outside the cell ("target=" on the command line, default the root's
 * page at 0x3a701000): writing there and reading from there must be
 * blocked by the IOMMU, which the hypervisor reports; this cell only
 * sees that its read brought nothing back. It then idles and approves
 * the first shutdown request.
 */
#include <inmate.h>

#define EDU_VENDOR		0x1234
#define EDU_DEVICE		0x11e8
#define EDU_IDENT		0x00
#define EDU_LIVENESS		0x04
#define EDU_DMA_SRC		0x80
#define EDU_DMA_DST		0x88
#define EDU_DMA_COUNT		0x90
#define EDU_DMA_CMD		0x98
#define EDU_CMD_START		0x1
#define EDU_CMD_TO_RAM		0x2
#define EDU_BUFFER		0x40000
#define DMA_BYTES		64

/* Cell RAM at guest-physical 0; the image lives below these. */
#define OWN_SRC			0x80000UL
#define OWN_DST			0x81000UL

static unsigned long edu;

static bool edu_copy(__u64 src, __u64 dst, bool to_ram)
{
	unsigned long n;

	mmio_write32(edu + EDU_DMA_SRC, src);
	mmio_write32(edu + EDU_DMA_DST, dst);
	mmio_write32(edu + EDU_DMA_COUNT, DMA_BYTES);
	mmio_write32(edu + EDU_DMA_CMD,
		     EDU_CMD_START | (to_ram ? EDU_CMD_TO_RAM : 0));
	/* edu finishes on a 100 ms timer of its own. */
	for (n = 0; n < 2000; n++) {
		if (!(mmio_read32(edu + EDU_DMA_CMD) & EDU_CMD_START))
			return true;
		delay_us(1000);
	}
	return false;
}

/* RAM -> edu -> RAM: both ends are IOVAs, the cell's guest-physical. */
static bool dma_through_edu(__u64 from, __u64 to)
{
	return edu_copy(from, EDU_BUFFER, false) &&
		edu_copy(EDU_BUFFER, to, true);
}

static bool find_edu(void)
{
	int bdf = pci_find_device(EDU_VENDOR, EDU_DEVICE, 0);
	__u16 cmd;

	if (bdf < 0)
		return false;
	edu = pci_bar_address(bdf, 0);
	cmd = pci_read_config(bdf, PCI_CFG_COMMAND, 2);
	pci_write_config(bdf, PCI_CFG_COMMAND,
			 cmd | PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	printk("pci-demo: edu at %02x:%02x.%x, BAR0 0x%lx, ident 0x%x\n",
	       bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7, edu,
	       mmio_read32(edu + EDU_IDENT));
	return true;
}

static void own_memory_test(void)
{
	__u8 *src = (__u8 *)OWN_SRC, *dst = (__u8 *)OWN_DST;
	unsigned int n;

	for (n = 0; n < DMA_BYTES; n++) {
		src[n] = n * 7 + 1;
		dst[n] = 0;
	}
	if (!dma_through_edu(OWN_SRC, OWN_DST))
		printk("pci-demo: DMA in own memory: edu hung\n");
	else if (memcmp(src, dst, DMA_BYTES))
		printk("pci-demo: DMA in own memory: FAILED (data differs)\n");
	else
		printk("pci-demo: DMA in own memory: ok\n");
}

static void foreign_memory_test(__u64 target)
{
	__u32 *dst = (__u32 *)OWN_DST;

	memset(dst, 0, DMA_BYTES);
	/* Fill edu's buffer with a pattern of our own, then aim it out. */
	memset((void *)OWN_SRC, 0x5a, DMA_BYTES);
	if (!edu_copy(OWN_SRC, EDU_BUFFER, false) ||
	    !edu_copy(EDU_BUFFER, target, true)) {
		printk("pci-demo: DMA write to 0x%llx: edu hung\n", target);
		return;
	}
	printk("pci-demo: DMA write to 0x%llx issued\n", target);
	if (!dma_through_edu(target, OWN_DST)) {
		printk("pci-demo: DMA read from 0x%llx: edu hung\n", target);
		return;
	}
	printk("pci-demo: DMA read from 0x%llx brought 0x%08x\n", target,
	       dst[0]);
}

void inmate_main(void)
{
	__u64 target = cmdline_parse_int("target", 0x3a701000);

	printk("pci-demo: looking for edu\n");
	if (!find_edu()) {
		printk("pci-demo: no edu device in this cell\n");
		return;
	}
	own_memory_test();
	foreign_memory_test(target);
	printk("pci-demo: done\n");
	while (!comm_region_shutdown_requested())
		delay_us(1000);
	comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
