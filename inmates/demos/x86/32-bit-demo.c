// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * The same library in 32-bit protected mode without paging: proves the
 * 32-bit start path and 64-bit arithmetic helpers, then idles until a
 * shutdown request, which it approves after its last line.
 */
#include <inmate.h>

void inmate_main(void)
{
	unsigned long khz = tsc_calibrate();
	bool requested = false;

	printk("Hello from a 32-bit inmate (%s, %s)\n", cpu_vendor(),
	       jailhouse_use_vmcall ? "vmcall" : "vmmcall");
	printk("Pointer size: %u bytes\n", (unsigned int)sizeof(void *));
	printk("Calibrated TSC frequency: %lu.%03lu MHz\n", khz / 1000,
	       khz % 1000);
	printk("64-bit arithmetic: %llu / 7 = %llu\n", 0x123456789abcdefULL,
	       0x123456789abcdefULL / 7);

	while (!cmdline_parse_bool("exit")) {
		requested = comm_region_shutdown_requested();
		if (requested)
			break;
		delay_us(1000);
	}
	/* Approved only after the line: the approval ends the cell. */
	printk("Stopped 32-bit demo\n");
	if (requested)
		comm_region_reply(JAILHOUSE_MSG_REQUEST_APPROVED);
}
