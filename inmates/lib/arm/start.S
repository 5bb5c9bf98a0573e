/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * ARMv7 start: the cell's CPU enters at the image start in SVC mode with
 * the MMU off (Documentation/inmate-interface.md). Interrupts masked, the
 * library's vectors in VBAR, a stack, .bss cleared, then the C side.
 *
 * The cell's other CPUs come in through smp_secondary_entry, where PSCI
 * CPU_ON (smp.c) sends them with their library index as context id in
 * r0: it names their stack and stays in TPIDRPRW for the C code.
 */
#include <inmate_arch.h>

#define MODE_SVC	0x13
#define STACK_SIZE	0x1000

	.syntax	unified
	.arm

	.section .boot, "ax"
	.globl	__reset_entry
__reset_entry:
	cpsid	aif, #MODE_SVC
	ldr	r0, =vectors
	mcr	p15, 0, r0, c12, c0, 0
	mov	r0, #0
	mcr	p15, 0, r0, c13, c0, 4
	isb
	ldr	sp, =stack_top

	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	bhs	2f
	str	r2, [r0], #4
	b	1b
2:	bl	inmate_start
3:	wfi
	b	3b
	.ltorg

	.text
	.globl	smp_secondary_entry
	.type	smp_secondary_entry, %function
smp_secondary_entry:
	cpsid	aif, #MODE_SVC
	ldr	r1, =vectors
	mcr	p15, 0, r1, c12, c0, 0
	/* Index 0 is the first CPU's; others beyond the stacks go nowhere. */
	cmp	r0, #0
	beq	1f
	cmp	r0, #SMP_MAX_CPUS
	bhs	1f
	mcr	p15, 0, r0, c13, c0, 4
	ldr	r1, =cpu_stacks
	add	sp, r1, r0, lsl #SMP_STACK_SHIFT
	isb
	bl	smp_secondary_start
1:	wfi
	b	1b
	.size	smp_secondary_entry, . - smp_secondary_entry
	.ltorg

/*
 * The stacks, first CPU's first, after .bss (see inmate.lds): only the
 * stacks of CPUs that actually start need to lie in the cell's RAM.
 */
	.section .stack, "aw", %nobits
	.balign	8
	.fill	STACK_SIZE, 1, 0
stack_top:
	/* Index n (1..) has its stack top at cpu_stacks + n * size. */
	.balign	8
cpu_stacks:
	.fill	(SMP_MAX_CPUS - 1) * SMP_STACK_SIZE, 1, 0
