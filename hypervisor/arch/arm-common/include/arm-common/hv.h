/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ARM files share about the hypervisor itself: its own address
 * space (hv_paging.c), the power states of its CPUs and the loop between
 * runs (management.c), and its debug console. What each of ARMv7 and
 * ARMv8 provides is in <arm-common/subarch.h>.
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

/*
 * Build hv_paging in format: the hypervisor memory (phys, size bytes)
 * at HV_BASE and at phys, executable. The sub-arch then switches to it.
 */
int hv_paging_init(const struct paging_format *format, u64 phys, u64 size);

/* Where the hypervisor memory is, when hv_paging_init did not run. */
void hv_paging_set_phys(u64 phys);

/* Physical address of something inside the hypervisor memory. */
u64 hv_virt2phys(const void *addr);

/* Physical minus virtual address of the hypervisor memory. */
unsigned long hv_phys_offset(void);

/*
 * Map device registers for the hypervisor, uncached; NULL when the
 * device window is full or tables cannot be allocated.
 */
void *hv_map_device(u64 phys, u64 size);

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
