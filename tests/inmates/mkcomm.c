// SPDX-License-Identifier: GPL-2.0
/*
 * Writes a comm region page as the hypervisor would fill it, for running
 * inmates in plain QEMU: `-device loader,file=comm.bin,addr=<comm base>`.
 * Built once per architecture against that architecture's ABI header so
 * the layout is the real one.
 *
 *   mkcomm OUT con_type con_addr con_flags [x86: pm_port num_cpus]
 *                                          [arm64: gic_ver gicd gicc gicr]
 *          [msg_to_cell [x86: tsc_khz apic_khz]]
 *
 * A message given up front lets a test see the inmate answer it; given
 * frequencies stand for the hypervisor's calibration.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/hypercall.h>

static unsigned long long num(const char *s)
{
	return strtoull(s, NULL, 0);
}

int main(int argc, char **argv)
{
	static unsigned char page[4096];
	struct jailhouse_comm_region *c = (void *)page;
	FILE *f;

	if (argc < 5) {
		fprintf(stderr, "usage: %s OUT con_type con_addr con_flags "
			"ARCH-ARGS...\n", argv[0]);
		return 2;
	}
	memcpy(c->signature, COMM_REGION_MAGIC, sizeof(c->signature));
	c->revision = COMM_REGION_ABI_REVISION;
	c->cell_state = JAILHOUSE_CELL_RUNNING;
	c->console.type = num(argv[2]);
	c->console.address = num(argv[3]);
	c->console.flags = num(argv[4]);
	c->console.size = 0x1000;
#ifdef MKCOMM_X86
	if (argc != 7 && argc != 8 && argc != 10)
		return 2;
	c->pm_timer_address = num(argv[5]);
	c->num_cpus = num(argv[6]);
	if (argc == 10) {
		c->tsc_khz = num(argv[8]);
		c->apic_khz = num(argv[9]);
	}
#define MSG_ARG 7
#else
	if (argc != 9 && argc != 10)
		return 2;
	c->gic_version = num(argv[5]);
	c->gicd_base = num(argv[6]);
	c->gicc_base = num(argv[7]);
	c->gicr_base = num(argv[8]);
#define MSG_ARG 9
#endif
	if (argc > MSG_ARG)
		c->msg_to_cell = num(argv[MSG_ARG]);
	f = fopen(argv[1], "wb");
	if (!f || fwrite(page, sizeof(page), 1, f) != 1 || fclose(f)) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
