// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * A cell drives its own network controller: an Intel 82574L (QEMU's
 * e1000e). It resets the device, brings the link up, switches the MAC to
 * loopback and sends frames that come back through its receive ring; the
 * rings and buffers are in the cell's RAM, which the IOMMU lets the
 * device reach. Completion comes by MSI, programmed toward this CPU.
 *
 * Then the isolation checks ("target=", default the root's page at
 * 0x3a701000): a frame whose buffer lies at target must not carry what
 * is there (the IOMMU blocks the device's read, the hypervisor reports
 * it), and a receive buffer at target must leave that memory untouched
 * (the device's write is blocked).
 *
 * Last, MSI-X: vector 0 of the table toward this CPU, vector 1 toward
 * APIC ID "msix-stray=" (default 0, a root CPU), each raised by the
 * transmit queue's cause through IVAR. The first must arrive; the
 * hypervisor must keep the second masked in the device. It then idles
 * and approves the first shutdown request.
 *
 * With "msix-bench=N" it does only this: N interrupts through MSI-X
 * vector 0, each raised once the one before was handled, then
 * "e1000-demo: bench: N interrupts done" (tests/bench/msi.sh counts the
 * cell's VM exits around it; N=0 gives the exits of everything else).
 */
#include <inmate.h>

#define E1000_VENDOR		0x8086
#define E1000_82574L		0x10d3

#define REG_CTRL		0x0000
#define  CTRL_SLU		(1U << 6)
#define  CTRL_RST		(1U << 26)
#define REG_STATUS		0x0008
#define  STATUS_LU		(1U << 1)
#define REG_ICR			0x00c0
#define REG_ICS			0x00c8
#define REG_IMS			0x00d0
#define REG_IMC			0x00d8
#define  INT_TXDW		(1U << 0)
#define  INT_RXT0		(1U << 7)
#define  INT_TXQ0		(1U << 22)
#define REG_IVAR		0x00e4
/* Transmit queue 0's cause to MSI-X vector vec (3 bits, and valid). */
#define  IVAR_TXQ0(vec)		(((vec) | 0x8U) << 8)
#define REG_RCTL		0x0100
#define  RCTL_EN		(1U << 1)
#define  RCTL_UPE		(1U << 3)
#define  RCTL_MPE		(1U << 4)
#define  RCTL_LBM_MAC		(1U << 6)
#define  RCTL_BAM		(1U << 15)
#define  RCTL_SECRC		(1U << 26)
#define REG_TCTL		0x0400
#define  TCTL_EN		(1U << 1)
#define  TCTL_PSP		(1U << 3)
#define REG_RDBAL		0x2800
#define REG_RDBAH		0x2804
#define REG_RDLEN		0x2808
#define REG_RDH			0x2810
#define REG_RDT			0x2818
#define REG_TDBAL		0x3800
#define REG_TDBAH		0x3804
#define REG_TDLEN		0x3808
#define REG_TDH			0x3810
#define REG_TDT			0x3818
#define REG_RAL0		0x5400
#define REG_RAH0		0x5404

#define TXD_CMD_EOP		0x01
#define TXD_CMD_IFCS		0x02
#define TXD_CMD_RS		0x08
#define DESC_DD			0x01

#define PCI_CAP_MSI		0x05
#define MSI_CTRL		2
#define MSI_CTRL_ENABLE		0x0001
#define MSI_CTRL_64BIT		0x0080
#define MSI_ADDR		4
#define MSI_DATA_32		8
#define MSI_DATA_64		12
#define MSI_VECTOR		0x51

#define PCI_REG_BAR0		0x10
#define PCI_BAR_ADDR		0xfffffff0U
#define PCI_CAP_MSIX		0x11
#define MSIX_CTRL		2
#define  MSIX_CTRL_ENABLE	0x8000
#define MSIX_TABLE		4
#define  MSIX_TABLE_BIR		0x7
#define MSIX_ENTRY		16
#define MSIX_ENTRY_CTRL		12
#define  MSIX_ENTRY_MASKED	0x1
#define MSIX_VECTOR		0x52
#define MSIX_STRAY_VECTOR	0x53

/* Legacy descriptors of 16 bytes, rings of 8 (a multiple of 128 bytes). */
#define RING			8
#define BUF_SIZE		2048
#define FRAME_LEN		96
#define FRAMES			8

/* In the cell's RAM (guest-physical = what the device uses). */
#define TX_RING			0x80000UL
#define RX_RING			0x81000UL
#define TX_BUFS			0x82000UL
#define RX_BUFS			0x8a000UL

struct tx_desc {
	__u64 addr;
	__u16 length;
	__u8 cso, cmd, status, css;
	__u16 special;
} __attribute__((packed));

struct rx_desc {
	__u64 addr;
	__u16 length, csum;
	__u8 status, errors;
	__u16 special;
} __attribute__((packed));

static unsigned long nic;
static unsigned int tx_next, rx_next;
static volatile unsigned int irqs, msix_irqs;
static __u8 mac[6];

static __u32 nic_read(unsigned int reg)
{
	return mmio_read32(nic + reg);
}

static void nic_write(unsigned int reg, __u32 value)
{
	mmio_write32(nic + reg, value);
}

static struct tx_desc *tx_ring(void)
{
	return (struct tx_desc *)TX_RING;
}

static struct rx_desc *rx_ring(void)
{
	return (struct rx_desc *)RX_RING;
}

/* Poll up to ms milliseconds for (reg & mask) == want. */
static bool nic_wait(unsigned int reg, __u32 mask, __u32 want,
		     unsigned long ms)
{
	while ((nic_read(reg) & mask) != want) {
		if (!ms--)
			return false;
		delay_us(1000);
	}
	return true;
}

static int find_nic(void)
{
	int bdf = pci_find_device(E1000_VENDOR, E1000_82574L, 0);
	__u16 cmd;

	if (bdf < 0)
		return bdf;
	nic = pci_bar_address(bdf, 0);
	cmd = pci_read_config(bdf, PCI_CFG_COMMAND, 2);
	pci_write_config(bdf, PCI_CFG_COMMAND,
			 cmd | PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	printk("e1000-demo: 82574L at %02x:%02x.%x, BAR0 0x%lx\n",
	       bdf >> 8, (bdf >> 3) & 0x1f, bdf & 7, nic);
	return bdf;
}

static bool reset_and_link(void)
{
	__u32 ral, rah;
	unsigned int n;

	nic_write(REG_IMC, 0xffffffff);
	nic_write(REG_CTRL, nic_read(REG_CTRL) | CTRL_RST);
	delay_us(10000);
	if (!nic_wait(REG_CTRL, CTRL_RST, 0, 100))
		return false;
	nic_write(REG_IMC, 0xffffffff);
	nic_write(REG_CTRL, nic_read(REG_CTRL) | CTRL_SLU);
	ral = nic_read(REG_RAL0);
	rah = nic_read(REG_RAH0);
	for (n = 0; n < 4; n++)
		mac[n] = ral >> (8 * n);
	mac[4] = rah;
	mac[5] = rah >> 8;
	return nic_wait(REG_STATUS, STATUS_LU, STATUS_LU, 3000);
}

static void setup_rings(void)
{
	unsigned int n;

	memset(tx_ring(), 0, RING * sizeof(struct tx_desc));
	memset(rx_ring(), 0, RING * sizeof(struct rx_desc));
	for (n = 0; n < RING; n++)
		rx_ring()[n].addr = RX_BUFS + n * BUF_SIZE;
	nic_write(REG_TDBAL, TX_RING);
	nic_write(REG_TDBAH, 0);
	nic_write(REG_TDLEN, RING * sizeof(struct tx_desc));
	nic_write(REG_TDH, 0);
	nic_write(REG_TDT, 0);
	nic_write(REG_RDBAL, RX_RING);
	nic_write(REG_RDBAH, 0);
	nic_write(REG_RDLEN, RING * sizeof(struct rx_desc));
	nic_write(REG_RDH, 0);
	nic_write(REG_RDT, RING - 1);
	nic_write(REG_TCTL, TCTL_EN | TCTL_PSP);
	nic_write(REG_RCTL, RCTL_EN | RCTL_UPE | RCTL_MPE | RCTL_BAM |
		  RCTL_SECRC | RCTL_LBM_MAC);
	tx_next = rx_next = 0;
}

static void nic_irq(unsigned int vector)
{
	(void)vector;
	irqs++;
	/* Reading ICR acknowledges every cause. */
	nic_read(REG_ICR);
	apic_eoi();
}

/* MSI toward this CPU, for receive and transmit completion. */
static bool setup_msi(__u16 bdf)
{
	int cap = pci_find_cap(bdf, PCI_CAP_MSI);
	__u16 ctrl;

	if (cap < 0)
		return false;
	ctrl = pci_read_config(bdf, cap + MSI_CTRL, 2);
	pci_write_config(bdf, cap + MSI_ADDR, 0xfee00000 | (apic_id() << 12),
			 4);
	if (ctrl & MSI_CTRL_64BIT)
		pci_write_config(bdf, cap + MSI_ADDR + 4, 0, 4);
	pci_write_config(bdf, cap + ((ctrl & MSI_CTRL_64BIT) ?
				     MSI_DATA_64 : MSI_DATA_32),
			 MSI_VECTOR, 2);
	pci_write_config(bdf, cap + MSI_CTRL, ctrl | MSI_CTRL_ENABLE, 2);
	int_set_handler(MSI_VECTOR, nic_irq);
	nic_read(REG_ICR);
	nic_write(REG_IMS, INT_RXT0 | INT_TXDW);
	irq_enable();
	return true;
}

/* Queue one frame from buffer address buf; false if it was not sent. */
static bool send(__u64 buf, unsigned int len)
{
	struct tx_desc *d = &tx_ring()[tx_next];

	d->addr = buf;
	d->length = len;
	d->cmd = TXD_CMD_EOP | TXD_CMD_IFCS | TXD_CMD_RS;
	d->status = 0;
	tx_next = (tx_next + 1) % RING;
	nic_write(REG_TDT, tx_next);
	return nic_wait(REG_TDH, 0xffff, tx_next, 1000) &&
		(((volatile struct tx_desc *)d)->status & DESC_DD);
}

/* The next received frame, NULL if none came within a second. */
static struct rx_desc *receive(void)
{
	volatile struct rx_desc *d = &rx_ring()[rx_next];
	unsigned long ms;

	for (ms = 0; !(d->status & DESC_DD); ms++) {
		if (ms == 1000)
			return NULL;
		delay_us(1000);
	}
	return (struct rx_desc *)d;
}

/* Give the descriptor back to the device, its buffer at buf. */
static void recycle(struct rx_desc *d, __u64 buf)
{
	d->addr = buf;
	d->status = 0;
	nic_write(REG_RDT, rx_next);
	rx_next = (rx_next + 1) % RING;
}

/* Our own address both ways, a local EtherType, then the payload. */
static void make_frame(__u8 *f, unsigned int seq)
{
	unsigned int n;

	memcpy(f, mac, 6);
	memcpy(f + 6, mac, 6);
	f[12] = 0x88;
	f[13] = 0xb5;
	for (n = 14; n < FRAME_LEN; n++)
		f[n] = seq * 31 + n;
}

static void loopback_test(void)
{
	unsigned int seq, good = 0;
	struct rx_desc *d;
	__u8 *tx, *rx;

	for (seq = 0; seq < FRAMES; seq++) {
		tx = (__u8 *)(TX_BUFS + (seq % RING) * BUF_SIZE);
		make_frame(tx, seq);
		if (!send((unsigned long)tx, FRAME_LEN))
			break;
		d = receive();
		if (!d)
			break;
		rx = (__u8 *)(unsigned long)d->addr;
		if (d->length >= FRAME_LEN && !memcmp(rx, tx, FRAME_LEN))
			good++;
		recycle(d, d->addr);
	}
	printk("e1000-demo: loopback: %u of %u frames back intact\n", good,
	       FRAMES);
	delay_us(100000);
	printk("e1000-demo: interrupts: %s (%u)\n",
	       irqs ? "arrived" : "none", irqs);
}

/*
 * A frame sent from target: the device's read is blocked, so whatever
 * comes back holds nothing of target's memory (the caller checks the
 * root's pattern is absent; the hypervisor prints the blocked read).
 */
static void foreign_read_test(__u64 target)
{
	struct rx_desc *d;
	__u32 first;

	if (!send(target, FRAME_LEN)) {
		printk("e1000-demo: frame from 0x%llx: not sent\n", target);
		return;
	}
	d = receive();
	if (!d) {
		printk("e1000-demo: frame from 0x%llx: nothing came back\n",
		       target);
		return;
	}
	first = *(__u32 *)(unsigned long)d->addr;
	printk("e1000-demo: frame from 0x%llx came back with 0x%08x\n",
	       target, first);
	recycle(d, d->addr);
}

/* A frame received into target: the device's write is blocked. */
static void foreign_write_test(__u64 target)
{
	struct rx_desc *d = &rx_ring()[rx_next];
	__u8 *tx = (__u8 *)TX_BUFS;
	__u64 own = d->addr;

	d->addr = target;
	make_frame(tx, 99);
	if (!send((unsigned long)tx, FRAME_LEN)) {
		printk("e1000-demo: frame into 0x%llx: not sent\n", target);
		return;
	}
	d = receive();
	printk("e1000-demo: frame into 0x%llx %s\n", target,
	       d ? "reported received" : "not received");
	if (d)
		recycle(d, own);
}

static void msix_irq(unsigned int vector)
{
	(void)vector;
	msix_irqs++;
	apic_eoi();
}

/* Entry n toward APIC ID apic, masked while it changes. */
static void msix_program(unsigned long table, unsigned int n, __u32 apic,
			 __u8 vector)
{
	unsigned long entry = table + n * MSIX_ENTRY;

	mmio_write32(entry + MSIX_ENTRY_CTRL, MSIX_ENTRY_MASKED);
	mmio_write32(entry, 0xfee00000 | (apic << 12));
	mmio_write32(entry + 4, 0);
	mmio_write32(entry + 8, vector);
	mmio_write32(entry + MSIX_ENTRY_CTRL, 0);
}

/* Transmit queue 0's cause through vector n: did an interrupt come? */
static bool msix_fire(unsigned int n)
{
	unsigned int before = msix_irqs, ms;

	nic_write(REG_ICR, INT_TXQ0);
	nic_write(REG_IVAR, IVAR_TXQ0(n));
	nic_write(REG_ICS, INT_TXQ0);
	for (ms = 0; ms < 200 && msix_irqs == before; ms++)
		delay_us(1000);
	return msix_irqs != before;
}

static unsigned long msix_table(__u16 bdf, int cap)
{
	__u32 table = pci_read_config(bdf, cap + MSIX_TABLE, 4);
	__u32 bar = pci_read_config(bdf, PCI_REG_BAR0 +
				    4 * (table & MSIX_TABLE_BIR), 4);

	return (bar & PCI_BAR_ADDR) + (table & ~MSIX_TABLE_BIR);
}

static void msix_test(__u16 bdf, __u32 stray)
{
	int msi = pci_find_cap(bdf, PCI_CAP_MSI);
	int cap = pci_find_cap(bdf, PCI_CAP_MSIX);
	unsigned long table;
	__u16 ctrl;

	if (cap < 0 || msi < 0) {
		printk("e1000-demo: no MSI-X capability\n");
		return;
	}
	/* One of the two at a time. */
	pci_write_config(bdf, msi + MSI_CTRL, pci_read_config(bdf, msi +
			 MSI_CTRL, 2) & ~MSI_CTRL_ENABLE, 2);
	table = msix_table(bdf, cap);
	int_set_handler(MSIX_VECTOR, msix_irq);
	int_set_handler(MSIX_STRAY_VECTOR, msix_irq);
	msix_program(table, 0, apic_id(), MSIX_VECTOR);
	msix_program(table, 1, stray, MSIX_STRAY_VECTOR);
	ctrl = pci_read_config(bdf, cap + MSIX_CTRL, 2);
	pci_write_config(bdf, cap + MSIX_CTRL, ctrl | MSIX_CTRL_ENABLE, 2);
	ctrl = pci_read_config(bdf, cap + MSIX_CTRL, 2);
	printk("e1000-demo: MSI-X table at 0x%lx, %s\n", table,
	       ctrl & MSIX_CTRL_ENABLE ? "enabled" : "left disabled");
	nic_write(REG_IMS, INT_TXQ0);
	printk("e1000-demo: MSI-X vector 0 toward APIC ID %u: %s\n",
	       apic_id(), msix_fire(0) ? "arrived" : "did not arrive");
	printk("e1000-demo: MSI-X vector 1 toward APIC ID %u: %s\n", stray,
	       msix_fire(1) ? "arrived" : "did not arrive");
	nic_write(REG_IMC, INT_TXQ0);
	pci_write_config(bdf, cap + MSIX_CTRL, ctrl & ~MSIX_CTRL_ENABLE, 2);
}

/* MSI-X vector 0 toward this CPU, transmit queue 0's cause on it. */
static bool msix_setup_own(__u16 bdf)
{
	int msi = pci_find_cap(bdf, PCI_CAP_MSI);
	int cap = pci_find_cap(bdf, PCI_CAP_MSIX);

	if (cap < 0 || msi < 0)
		return false;
	pci_write_config(bdf, msi + MSI_CTRL, 0, 2);
	int_set_handler(MSIX_VECTOR, msix_irq);
	msix_program(msix_table(bdf, cap), 0, apic_id(), MSIX_VECTOR);
	pci_write_config(bdf, cap + MSIX_CTRL, MSIX_CTRL_ENABLE, 2);
	nic_write(REG_IMS, INT_TXQ0);
	irq_enable();
	return true;
}

static void msix_bench(__u16 bdf, unsigned long count)
{
	unsigned long n, lost = 0;

	if (!msix_setup_own(bdf)) {
		printk("e1000-demo: bench: no MSI-X\n");
		return;
	}
	for (n = 0; n < count; n++)
		if (!msix_fire(0))
			lost++;
	printk("e1000-demo: bench: %lu interrupts done, %lu lost\n", count,
	       lost);
}

void inmate_main(void)
{
	__u64 target = cmdline_parse_int("target", 0x3a701000);
	unsigned long pause_ms = cmdline_parse_int("pause", 2000);
	long bench;
	int bdf;

	printk("e1000-demo: looking for an 82574L\n");
	bdf = find_nic();
	if (bdf < 0) {
		printk("e1000-demo: no 82574L in this cell\n");
		return;
	}
	if (!reset_and_link()) {
		printk("e1000-demo: link did not come up\n");
		return;
	}
	printk("e1000-demo: link up, MAC %02x:%02x:%02x:%02x:%02x:%02x\n",
	       mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	bench = cmdline_parse_int("msix-bench", -1);
	if (bench >= 0) {
		msix_bench(bdf, bench);
		goto idle;
	}
	setup_rings();
	if (!setup_msi(bdf))
		printk("e1000-demo: no MSI capability, polling only\n");
	loopback_test();
	foreign_read_test(target);
	/* The fault of the read is reported before the next one comes. */
	delay_us(pause_ms * 1000);
	foreign_write_test(target);
	delay_us(pause_ms * 1000);
	msix_test(bdf, cmdline_parse_int("msix-stray", 0));
	irq_disable();
	printk("e1000-demo: done\n");
idle:
	while (!comm_region_shutdown_requested())
		delay_us(1000);
	comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
