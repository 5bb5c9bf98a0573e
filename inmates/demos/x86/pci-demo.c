// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * A cell drives its own PCI device: QEMU's edu DMA engine. It finds edu
 * in its config space, maps nothing (its BAR is identity-mapped by the
 * cell config) and copies between two buffers of its own RAM through the
 * device, which the IOMMU allows. Then it aims the device at an address
 * outside the cell ("target=" on the command line, default the root's
 * page at 0x3a701000): writing there and reading from there must be
 * blocked by the IOMMU, which the hypervisor reports; this cell only
 * sees that its read brought nothing back. The hypervisor polls the
 * IOMMU's fault records on root cell exits, so the demo pauses after each
 * blocked access ("pause=" ms, default 2000) for the first fault to be
 * reported before the second comes. With "stray-msi=ID" it then tries
 * to enable edu's MSI toward APIC ID ID, outside the cell. Last, edu
 * raises an MSI that the cell programmed toward its own CPU. It then idles and approves the
 * first shutdown request. With "intmsg=ID" edu writes interrupt messages
 * of its own making (fixed, NMI, SMI, INIT, ExtINT, lowest priority)
 * toward APIC ID ID before that; the hypervisor and the root must live.
 */
#include <inmate.h>

#define EDU_VENDOR		0x1234
#define EDU_DEVICE		0x11e8
#define EDU_IDENT		0x00
#define EDU_LIVENESS		0x04
#define EDU_IRQ_STATUS		0x24
#define EDU_IRQ_RAISE		0x60
#define EDU_IRQ_ACK		0x64
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
/* Where the cell tries to move BAR0: 1 MiB aligned, as edu's BAR is. */
#define BAR_MOVE_TO		0x00200000U
#define OWN_DST			0x81000UL

#define PCI_CAP_MSI		0x05
#define MSI_CTRL		2
#define MSI_CTRL_ENABLE		0x0001
#define MSI_CTRL_64BIT		0x0080
#define MSI_ADDR		4
#define MSI_DATA_32		8
#define MSI_DATA_64		12
#define MSI_ADDR_BASE		0xfee00000U
#define MSI_VECTOR		0x40

static unsigned long edu;
static __u16 edu_bdf;
static volatile unsigned int msis;

static bool edu_copy_bytes(__u64 src, __u64 dst, bool to_ram,
			   unsigned int bytes)
{
	unsigned long n;

	mmio_write32(edu + EDU_DMA_SRC, src);
	mmio_write32(edu + EDU_DMA_DST, dst);
	mmio_write32(edu + EDU_DMA_COUNT, bytes);
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

static bool edu_copy(__u64 src, __u64 dst, bool to_ram)
{
	return edu_copy_bytes(src, dst, to_ram, DMA_BYTES);
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
	edu_bdf = bdf;
	edu = pci_bar_address(bdf, 0);
	cmd = pci_read_config(bdf, PCI_CFG_COMMAND, 2);
	pci_write_config(bdf, PCI_CFG_COMMAND,
			 cmd | PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	printk("pci-demo: edu at %02x:%02x.%x, BAR0 0x%lx, ident 0x%x\n",
	       bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7, edu,
	       mmio_read32(edu + EDU_IDENT));
	return true;
}

/*
 * BAR0 as a driver sizes it (all-ones, read back, address back), then
 * an attempt to move it onto the cell's RAM: the hypervisor keeps the
 * value for the cell to read, the device stays where it was (edu keeps
 * answering at its address).
 */
static void bar_test(void)
{
	__u32 bar = pci_read_config(edu_bdf, PCI_CFG_BAR0, 4), size;

	pci_write_config(edu_bdf, PCI_CFG_BAR0, 0xffffffff, 4);
	size = ~(pci_read_config(edu_bdf, PCI_CFG_BAR0, 4) & ~0xfU) + 1;
	pci_write_config(edu_bdf, PCI_CFG_BAR0, bar, 4);
	printk("pci-demo: BAR0 sizes 0x%x bytes\n", size);
	pci_write_config(edu_bdf, PCI_CFG_BAR0, BAR_MOVE_TO, 4);
	printk("pci-demo: BAR0 moved to 0x%x as the cell sees it; edu still "
	       "answers at 0x%lx: ident 0x%x\n",
	       pci_read_config(edu_bdf, PCI_CFG_BAR0, 4), edu,
	       mmio_read32(edu + EDU_IDENT));
	pci_write_config(edu_bdf, PCI_CFG_BAR0, bar, 4);
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

static void foreign_memory_test(__u64 target, unsigned long pause_ms)
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
	delay_us(pause_ms * 1000);
	if (!dma_through_edu(target, OWN_DST)) {
		printk("pci-demo: DMA read from 0x%llx: edu hung\n", target);
		return;
	}
	printk("pci-demo: DMA read from 0x%llx brought 0x%08x\n", target,
	       dst[0]);
	delay_us(pause_ms * 1000);
}

static void msi_irq(unsigned int vector)
{
	(void)vector;
	msis++;
	mmio_write32(edu + EDU_IRQ_ACK, mmio_read32(edu + EDU_IRQ_STATUS));
	apic_eoi();
}

/*
 * With "stray-msi=ID": the cell programs edu's MSI toward APIC ID ID (a
 * root CPU) and enables it; the hypervisor must keep it disabled, as the
 * read-back shows, so that edu can never interrupt that CPU.
 */
static void msi_stray_test(unsigned int apic)
{
	int cap = pci_find_cap(edu_bdf, PCI_CAP_MSI);
	__u16 ctrl;

	if (cap < 0)
		return;
	ctrl = pci_read_config(edu_bdf, cap + MSI_CTRL, 2);
	pci_write_config(edu_bdf, cap + MSI_ADDR, MSI_ADDR_BASE | (apic << 12),
			 4);
	pci_write_config(edu_bdf, cap + ((ctrl & MSI_CTRL_64BIT) ?
					 MSI_DATA_64 : MSI_DATA_32),
			 MSI_VECTOR, 2);
	pci_write_config(edu_bdf, cap + MSI_CTRL, ctrl | MSI_CTRL_ENABLE, 2);
	ctrl = pci_read_config(edu_bdf, cap + MSI_CTRL, 2);
	printk("pci-demo: MSI toward APIC ID %u: %s\n", apic,
	       (ctrl & MSI_CTRL_ENABLE) ? "enabled" : "left disabled");
}

/* Interrupt messages as a device writes them (data bits 10-8: mode). */
#define MSG_MODE_SHIFT		8
#define MSG_BROADCAST		0xff
#define MSG_VECTOR		0x41

static const struct {
	const char *name;
	unsigned int mode;
	bool broadcast;
} int_msgs[] = {
	{ "fixed", 0, false },
	{ "lowest", 1, true },
	{ "smi", 2, false },
	{ "nmi", 4, false },
	{ "init", 5, false },
	{ "extint", 7, false },
};

/* Whether NAME is one of the comma-separated words of LIST. */
static bool listed(const char *list, const char *name)
{
	size_t len = strlen(name);

	while (*list) {
		if (!strncmp(list, name, len) &&
		    (list[len] == ',' || list[len] == 0))
			return true;
		while (*list && *list != ',')
			list++;
		if (*list)
			list++;
	}
	return false;
}

/*
 * A DMA write is an interrupt message when it hits 0xfee00000-0xfeefffff:
 * the IOMMU's address translation never sees it, only interrupt
 * remapping (where on) can stop it. One 4-byte write per message, since
 * each aligned dword there is a message of its own.
 */
static void send_int_msg(unsigned int apic, unsigned int n)
{
	__u32 data = MSG_VECTOR | (int_msgs[n].mode << MSG_MODE_SHIFT);
	unsigned int dest = int_msgs[n].broadcast ? MSG_BROADCAST : apic;
	__u32 addr = MSI_ADDR_BASE | (dest << 12);

	*(volatile __u32 *)OWN_SRC = data;
	if (!edu_copy_bytes(OWN_SRC, EDU_BUFFER, false, sizeof(data)) ||
	    !edu_copy_bytes(EDU_BUFFER, addr, true, sizeof(data))) {
		printk("pci-demo: interrupt message %s: edu hung\n",
		       int_msgs[n].name);
		return;
	}
	printk("pci-demo: interrupt message %s written to 0x%x, data 0x%x\n",
	       int_msgs[n].name, addr, data);
}

/*
 * With "intmsg=ID": edu writes crafted interrupt messages toward APIC ID
 * ID (a root CPU), one for each mode named in "intmsg-modes=" (default
 * all but INIT: fixed, lowest-priority broadcast, SMI, NMI, ExtINT).
 */
static void int_msg_attack(unsigned int apic)
{
	char modes[64] = "fixed,lowest,smi,nmi,extint";
	unsigned int n;

	cmdline_parse_str("intmsg-modes", modes, sizeof(modes));
	for (n = 0; n < ARRAY_SIZE(int_msgs); n++) {
		if (!listed(modes, int_msgs[n].name))
			continue;
		send_int_msg(apic, n);
		/* Short: the console keeps the lines the test looks for. */
		delay_us(100 * 1000);
	}
	printk("pci-demo: interrupt messages done\n");
}

/* Fixed delivery, physical destination: this CPU's APIC ID. */
static void msi_test(void)
{
	int cap = pci_find_cap(edu_bdf, PCI_CAP_MSI);
	unsigned long n;
	__u16 ctrl;

	if (cap < 0) {
		printk("pci-demo: edu has no MSI capability\n");
		return;
	}
	ctrl = pci_read_config(edu_bdf, cap + MSI_CTRL, 2);
	pci_write_config(edu_bdf, cap + MSI_ADDR,
			 MSI_ADDR_BASE | (apic_id() << 12), 4);
	pci_write_config(edu_bdf, cap + ((ctrl & MSI_CTRL_64BIT) ?
					 MSI_DATA_64 : MSI_DATA_32),
			 MSI_VECTOR, 2);
	pci_write_config(edu_bdf, cap + MSI_CTRL, ctrl | MSI_CTRL_ENABLE, 2);
	int_set_handler(MSI_VECTOR, msi_irq);
	irq_enable();
	mmio_write32(edu + EDU_IRQ_RAISE, 1);
	for (n = 0; n < 1000 && !msis; n++)
		delay_us(1000);
	irq_disable();
	printk("pci-demo: MSI %s (vector 0x%x, APIC ID %u)\n",
	       msis ? "arrived" : "did not arrive", MSI_VECTOR, apic_id());
}

void inmate_main(void)
{
	__u64 target = cmdline_parse_int("target", 0x3a701000);
	unsigned long pause_ms = cmdline_parse_int("pause", 2000);
	long stray_apic = cmdline_parse_int("stray-msi", -1);
	long msg_apic = cmdline_parse_int("intmsg", -1);

	printk("pci-demo: looking for edu\n");
	if (!find_edu()) {
		printk("pci-demo: no edu device in this cell\n");
		return;
	}
	bar_test();
	own_memory_test();
	foreign_memory_test(target, pause_ms);
	if (stray_apic >= 0)
		msi_stray_test(stray_apic);
	if (msg_apic >= 0)
		int_msg_attack(msg_apic);
	msi_test();
	printk("pci-demo: done\n");
	while (!comm_region_shutdown_requested())
		delay_us(1000);
	comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
