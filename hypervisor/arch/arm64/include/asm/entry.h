/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Symbols of entry.S and the C functions it calls (arm_enter_guest is
 * in <arm-common/subarch.h>).
 */
#ifndef _ASM_ENTRY_H
#define _ASM_ENTRY_H

#include <core/types.h>

struct per_cpu;
struct trap_frame;

extern char el2_vectors[];
/* CPUs past the hyp stub at EL1, and whether the stub refused one. */
extern u32 el1_arrived;
extern u32 el1_failed;

void __noreturn arm64_leave_el2(struct trap_frame *frame, u64 sctlr,
				u64 phys_offset);

/* Called from entry.S. */
int arm64_el2_init(unsigned int cpu_id, u64 linux_sctlr,
		   struct trap_frame *frame);
void __noreturn arm64_init_failed(struct trap_frame *frame);
void arm64_trap(struct trap_frame *frame, unsigned long kind);
void arm64_irq_slow(struct trap_frame *frame, u64 ack);

#endif /* !_ASM_ENTRY_H */
