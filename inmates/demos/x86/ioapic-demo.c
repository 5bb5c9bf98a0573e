// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * A cell with an IOAPIC pin of its own (configs/x86/ioapic-demo.c: pin
 * 9, the ACPI SCI on q35): it programs the pin level-triggered toward
 * its CPU and lets the PM timer's overflow (every 2^24 ticks, 4.7 s)
 * raise the SCI. Each interrupt clears the timer status, then ends with
 * the local APIC's EOI, which reaches the IOAPIC for a level pin: only
 * then can the next one come. It reports how many arrived ("count=",
 * default 2, within 6 s each), what the pin's entry reads back, masks
 * the pin and idles until the first shutdown request, which it approves.
 * With "nmi-first" it first aims the pin at its CPU as an NMI, which a
 * remapping entry cannot carry: under interrupt remapping the hypervisor
 * masks the pin, as the read-back shows.
 */
#include <inmate.h>

#define IOAPIC_BASE		0xfec00000UL
#define IOAPIC_SELECT		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_REDIR_TABLE	0x10
#define RTE_DELMODE_NMI		(4U << 8)
#define RTE_LEVEL		(1U << 15)
#define RTE_MASKED		(1U << 16)
#define SCI_PIN			9
#define SCI_VECTOR		0x50

/* The PM1 event block: status, then enable; bit 0 the timer overflow. */
#define PM1_STATUS		0x600
#define PM1_ENABLE		0x602
#define PM1_TIMER		0x0001
#define WAIT_NS			(6ULL * NS_PER_SEC)

static volatile unsigned int scis;
static volatile __u16 last_status;

static void ioapic_write(unsigned int reg, __u32 value)
{
	mmio_write32(IOAPIC_BASE + IOAPIC_SELECT, reg);
	mmio_write32(IOAPIC_BASE + IOAPIC_WINDOW, value);
}

static __u32 ioapic_read(unsigned int reg)
{
	mmio_write32(IOAPIC_BASE + IOAPIC_SELECT, reg);
	return mmio_read32(IOAPIC_BASE + IOAPIC_WINDOW);
}

/* The level stays up until the status bit is cleared: first that. */
static void sci_irq(unsigned int vector)
{
	(void)vector;
	last_status = inw(PM1_STATUS);
	outw(last_status & PM1_TIMER, PM1_STATUS);
	scis++;
	apic_eoi();
}

/* Fixed delivery, physical destination: this CPU's APIC ID. */
static void pin_setup(void)
{
	unsigned int reg = IOAPIC_REDIR_TABLE + 2 * SCI_PIN;

	ioapic_write(reg + 1, apic_id() << 24);
	ioapic_write(reg, RTE_LEVEL | SCI_VECTOR);
	printk("ioapic-demo: pin %u reads 0x%08x%08x\n", SCI_PIN,
	       ioapic_read(reg + 1), ioapic_read(reg));
}

static void nmi_first(void)
{
	unsigned int reg = IOAPIC_REDIR_TABLE + 2 * SCI_PIN;

	ioapic_write(reg + 1, apic_id() << 24);
	ioapic_write(reg, RTE_LEVEL | RTE_DELMODE_NMI | SCI_VECTOR);
	printk("ioapic-demo: NMI entry reads 0x%08x%08x\n",
	       ioapic_read(reg + 1), ioapic_read(reg));
	ioapic_write(reg, RTE_MASKED | RTE_LEVEL | SCI_VECTOR);
}

static void wait_for(unsigned int count)
{
	__u64 until = pm_timer_read_ns() + count * WAIT_NS;

	while (scis < count && pm_timer_read_ns() < until)
		delay_us(1000);
}

void inmate_main(void)
{
	unsigned int count = cmdline_parse_int("count", 2);

	int_set_handler(SCI_VECTOR, sci_irq);
	outw(PM1_TIMER, PM1_STATUS);
	if (cmdline_parse_bool("nmi-first"))
		nmi_first();
	pin_setup();
	outw(PM1_TIMER, PM1_ENABLE);
	irq_enable();
	wait_for(count);
	irq_disable();
	outw(0, PM1_ENABLE);
	ioapic_write(IOAPIC_REDIR_TABLE + 2 * SCI_PIN,
		     RTE_MASKED | RTE_LEVEL | SCI_VECTOR);
	printk("ioapic-demo: %u of %u SCIs arrived (pin %u, vector 0x%x, "
	       "APIC ID %u, status 0x%04x)\n", scis, count, SCI_PIN,
	       SCI_VECTOR, apic_id(), last_status);
	printk("ioapic-demo: done\n");
	while (!comm_region_shutdown_requested())
		delay_us(1000);
	comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
