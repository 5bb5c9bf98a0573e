/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Symbols of the ARMv7 entry.S and the C functions it calls
 * (arm_enter_guest is in <arm-common/subarch.h>).
 */
#ifndef _ASM_ENTRY_H
#define _ASM_ENTRY_H

#include <core/types.h>

struct trap_frame;

extern char hyp_vectors[];
/* CPUs that reached HYP mode or were refused by the stub, and whether. */
extern u32 hyp_arrived;
extern u32 hyp_failed;

void __noreturn armv7_leave_hyp(struct trap_frame *frame, u32 hsctlr,
				unsigned long phys_offset);

/* Called from entry.S. */
int armv7_hyp_init(unsigned int cpu_id, u32 linux_hsctlr,
		   struct trap_frame *frame);
void __noreturn armv7_init_failed(struct trap_frame *frame);
void armv7_trap(struct trap_frame *frame, unsigned long kind);

#endif /* !_ASM_ENTRY_H */
