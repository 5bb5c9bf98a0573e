/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface: header at offset 0 of the
 * hypervisor firmware image (jailhouse-amd.bin, jailhouse-intel.bin,
 * jailhouse.bin). The image fills the first fields at link time; the driver
 * fills max_cpus, online_cpus and debug_console_base before it calls the
 * entry on every CPU. Natural alignment, not packed: 0x50 bytes on 64-bit
 * targets, 0x38 on ARMv7.
 */
#ifndef _JAILHOUSE_HEADER_H
#define _JAILHOUSE_HEADER_H

#include <jailhouse/types.h>

#define JAILHOUSE_SIGNATURE	"JAILHOUS"

/* How the ARM root kernel's hyp stub is called (arm_linux_hyp_abi). */
#define JAILHOUSE_HYP_STUB_ABI_LEGACY	0
#define JAILHOUSE_HYP_STUB_ABI_OPCODE	1

struct jailhouse_header {
	char signature[8];		/* JAILHOUSE_SIGNATURE, no NUL */
	unsigned long core_size;	/* image plus bss, page aligned */
	unsigned long percpu_size;	/* size of one per-CPU area */
	/* Offset of `int entry(unsigned int cpu_id)` from the image start. */
	unsigned long entry;
	unsigned long console_page;	/* offset of the virtual console */
	unsigned long gcov_info_head;	/* coverage data, 0: none */
	__u32 max_cpus;			/* set by the driver */
	__u32 online_cpus;		/* set by the driver */
	unsigned long debug_console_base; /* driver's console mapping */
	__u64 arm_linux_hyp_vectors;	/* ARM: root kernel's hyp stub */
	__u32 arm_linux_hyp_abi;	/* ARM: JAILHOUSE_HYP_STUB_ABI_* */
};

#endif /* !_JAILHOUSE_HEADER_H */
