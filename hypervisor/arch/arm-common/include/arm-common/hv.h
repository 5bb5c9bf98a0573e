/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ARM files share about the hypervisor itself: its own address
 * space, its CPUs, and the way into firmware. Each of ARMv7 and ARMv8
 * provides these in arch/<arch>/.
 */
#ifndef _ARM_COMMON_HV_H
#define _ARM_COMMON_HV_H

#include <core/paging.h>
#include <core/types.h>

struct per_cpu;
struct trap_frame;

/* arch_per_cpu.power: a CPU's power state as its cell sees it. */
#define ARM_CPU_OFF		0
#define ARM_CPU_ON_PENDING	1
#define ARM_CPU_ON		2
/* A CPU_ON caller is writing the entry; then it becomes ON_PENDING. */
#define ARM_CPU_CLAIMED		3

/* The hypervisor's own translation tables (EL2 / HYP stage 1). */
extern struct paging_structures hv_paging;

struct per_cpu *this_cpu(void);

/* Physical address of something inside the hypervisor memory. */
u64 hv_virt2phys(const void *addr);

/*
 * Map device registers for the hypervisor, uncached; NULL when the
 * device window is full or tables cannot be allocated.
 */
void *hv_map_device(u64 phys, u64 size);

/*
 * SMC into firmware with function id and three arguments (SMCCC): the
 * result register. Used for PSCI only, whose ids are known to firmware.
 */
long arm_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	     unsigned long a3);

/* Stop this CPU for good after a fatal error in its cell. */
void __noreturn arm_cpu_park_failed(struct per_cpu *cpu);

/*
 * Load cpu->cell's translation and traps on this CPU and let it start at
 * entry in EL1 with the MMU off, context in x0 (registers in frame).
 */
void arm_cpu_start(struct per_cpu *cpu, struct trap_frame *frame,
		   unsigned long entry, unsigned long context);

/*
 * At the end of every exit: take management requests, and wait while
 * the CPU is parked or off; start it when it is due. Returns when the
 * CPU can run guest code (frame holds its registers).
 */
void arm_handle_events(struct per_cpu *cpu, struct trap_frame *frame);

/* The CPU's cell has it run from its reset state, or keeps it off. */
void arm_power_off(struct per_cpu *cpu);

/* Serial debug console: map it once the hypervisor tables exist. */
int arm_dbg_map(void);

#endif /* !_ARM_COMMON_HV_H */
