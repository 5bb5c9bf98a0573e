// SPDX-License-Identifier: GPL-2.0
/*
 * ioperm-probe: asks Linux for port 0x80 (the POST port, harmless) and
 * writes it from user space. The CPU checks the TSS's I/O bitmap, which
 * lies beyond the first 0x68 bytes of the TSS: if TR's limit is still
 * the 0x67 a VM exit left, the write takes a #GP and this process dies
 * of SIGSEGV instead of printing "ioperm-probe: port 0x80 written".
 */
#include <stdio.h>
#include <sys/io.h>

int main(void)
{
	if (ioperm(0x80, 1, 1)) {
		perror("ioperm-probe: ioperm");
		return 2;
	}
	outb(0, 0x80);
	printf("ioperm-probe: port 0x80 written\n");
	return 0;
}
