// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Test inmate for the hypervisor's isolation of cells: it announces, then
 * does one thing its cell config does not allow, given on the command
 * line. The hypervisor must stop the cell there (state "failed"), so the
 * line after the attempt never appears.
 *
 *   read=ADDR    8-byte read at guest-physical ADDR (below 4 GiB)
 *   write=ADDR   8-byte write there
 *   outb=PORT    a byte written to I/O port PORT
 *   wrmsr=MSR    MSR written with value=V (default 0)
 *
 * Or it tries to take over interrupt routing through its xAPIC; the cell
 * keeps running and the probe reports what its APIC shows afterwards:
 *
 *   apic_reg=REG  xAPIC register at offset REG written with value=V
 *   ipi=ICR       then an IPI with ICR's low half, to every logical ID
 *                 but the probe's own as Linux set it (flat model)
 */
#include <inmate.h>

#define XAPIC_LDR		0x0d0
#define XAPIC_ICR_LO		0x300
#define XAPIC_ICR_HI		0x310

/* apic_reg=, ipi=: write a register, read it back, send the IPI. */
static void apic_probe(long long reg, long long icr, __u32 value)
{
	__u32 others = ~(mmio_read32(XAPIC_BASE + XAPIC_LDR) >> 24) & 0xff;

	if (reg >= 0) {
		printk("Probe: writing 0x%x to xAPIC register 0x%llx\n", value,
		       reg);
		mmio_write32(XAPIC_BASE + reg, value);
		printk("Probe: xAPIC register 0x%llx reads 0x%x\n", reg,
		       mmio_read32(XAPIC_BASE + reg));
	}
	if (icr >= 0) {
		printk("Probe: IPI 0x%llx to logical 0x%x\n", icr, others);
		mmio_write32(XAPIC_BASE + XAPIC_ICR_HI, others << 24);
		mmio_write32(XAPIC_BASE + XAPIC_ICR_LO, icr);
	}
	printk("Probe: done\n");
}

void inmate_main(void)
{
	long long read = cmdline_parse_int("read", -1);
	long long write = cmdline_parse_int("write", -1);
	long long port = cmdline_parse_int("outb", -1);
	long long msr = cmdline_parse_int("wrmsr", -1);
	long long apic_reg = cmdline_parse_int("apic_reg", -1);
	long long ipi = cmdline_parse_int("ipi", -1);
	unsigned long long value = cmdline_parse_int("value", 0);
	volatile __u64 *p;

	if (read >= 0) {
		printk("Probe: reading 0x%llx\n", read);
		p = (volatile __u64 *)(unsigned long)read;
		value = *p;
		printk("Probe: read 0x%llx went through: 0x%llx\n", read,
		       value);
	} else if (write >= 0) {
		printk("Probe: writing 0x%llx\n", write);
		p = (volatile __u64 *)(unsigned long)write;
		*p = 0x5afe5afe5afe5afeULL;
		printk("Probe: write 0x%llx went through\n", write);
	} else if (port >= 0) {
		printk("Probe: writing port 0x%llx\n", port);
		outb(0x55, port);
		printk("Probe: port 0x%llx went through\n", port);
	} else if (msr >= 0) {
		printk("Probe: writing MSR 0x%llx\n", msr);
		wrmsr(msr, value);
		printk("Probe: MSR 0x%llx went through\n", msr);
	} else if (apic_reg >= 0 || ipi >= 0) {
		apic_probe(apic_reg, ipi, value);
	} else {
		printk("Probe: nothing to do (read=, write=, outb=, wrmsr=, "
		       "apic_reg=, ipi=)\n");
	}
	for (;;)
		delay_us(1000);
}
