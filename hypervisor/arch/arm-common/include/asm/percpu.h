/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARM part of the per-CPU area (struct arch_per_cpu in the core's struct
 * per_cpu). Nothing yet: the ARM hypervisor adds its state here.
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

struct arch_per_cpu {
	unsigned long reserved;
};

#endif /* _ASM_PERCPU_H */
