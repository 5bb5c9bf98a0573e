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
 */
#include <inmate.h>

void inmate_main(void)
{
	long long read = cmdline_parse_int("read", -1);
	long long write = cmdline_parse_int("write", -1);
	long long port = cmdline_parse_int("outb", -1);
	long long msr = cmdline_parse_int("wrmsr", -1);
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
	} else {
		printk("Probe: nothing to do (read=, write=, outb=, wrmsr=)\n");
	}
	for (;;)
		delay_us(1000);
}
