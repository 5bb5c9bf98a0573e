// SPDX-License-Identifier: GPL-2.0
/*
 * Offsets and sizes of C structures that entry.S uses, generated into
 * <generated/asm-defines.h> at build time (core/asm_defines.h).
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <core/asm_defines.h>
#include <core/percpu.h>
#include <asm/trap_frame.h>

void asm_defines(void);

void asm_defines(void)
{
	/*
	 * The image header the driver filled in
	 * (Documentation/jailhouse-abi.md, "The firmware image").
	 */
	ASM_OFFSET(HEADER_CORE_SIZE, struct jailhouse_header, core_size);
	ASM_OFFSET(HEADER_PERCPU_SIZE, struct jailhouse_header, percpu_size);
	ASM_OFFSET(HEADER_MAX_CPUS, struct jailhouse_header, max_cpus);
	ASM_OFFSET(HEADER_HYP_VECTORS, struct jailhouse_header,
		   arm_linux_hyp_vectors);
	ASM_OFFSET(HEADER_HYP_ABI, struct jailhouse_header, arm_linux_hyp_abi);

	/* Where the hypervisor memory is, read before any table exists. */
	ASM_OFFSET(SYSCONFIG_HV_PHYS, struct jailhouse_system,
		   hypervisor_memory.phys_start);
	ASM_OFFSET(SYSCONFIG_HV_SIZE, struct jailhouse_system,
		   hypervisor_memory.size);

	/* The stack top inside a CPU's per-CPU area. */
	ASM_DEFINE(PERCPU_STACK_TOP, offsetof(struct per_cpu, stack) +
		   sizeof(((struct per_cpu *)0)->stack));

	/* The guest registers the vectors save, x0 first. */
	ASM_SIZE(FRAME_SIZE, struct trap_frame);
	ASM_OFFSET(FRAME_X0, struct trap_frame, x);
	ASM_DEFINE(FRAME_X_SIZE, sizeof(((struct trap_frame *)0)->x[0]));
}
