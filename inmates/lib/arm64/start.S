/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * arm64 start: the cell's first CPU enters at the image start at EL1
 * with the MMU off (Documentation/inmate-interface.md). Set up vectors
 * and a stack, clear .bss, run the C side.
 *
 * The cell's other CPUs come in through smp_secondary_entry, where PSCI
 * CPU_ON (smp.c) sends them with their library index as context id in
 * x0: it names their stack and stays in TPIDR_EL1 for the C code.
 */
#include <inmate_arch.h>

#define STACK_SIZE	0x1000

	.section .boot, "ax"
	.globl	__reset_entry
__reset_entry:
	msr	daifset, #0xf
	ldr	x0, =vectors
	msr	vbar_el1, x0
	ldr	x0, =stack_top
	mov	sp, x0
	msr	tpidr_el1, xzr

	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	isb
	bl	inmate_start
3:	wfi
	b	3b
	.ltorg

	.text
	.globl	smp_secondary_entry
	.type	smp_secondary_entry, %function
smp_secondary_entry:
	msr	daifset, #0xf
	ldr	x1, =vectors
	msr	vbar_el1, x1
	/* Index 0 is the first CPU's; others beyond the stacks go nowhere. */
	cbz	x0, 1f
	cmp	x0, #SMP_MAX_CPUS
	b.hs	1f
	msr	tpidr_el1, x0
	ldr	x1, =cpu_stacks
	add	x1, x1, x0, lsl #SMP_STACK_SHIFT
	mov	sp, x1
	isb
	bl	smp_secondary_start
1:	wfi
	b	1b
	.ltorg

	.bss
	.balign	16
	.fill	STACK_SIZE, 1, 0
stack_top:
	/* Index n (1..) has its stack top at cpu_stacks + n * size. */
	.balign	16
cpu_stacks:
	.fill	(SMP_MAX_CPUS - 1) * SMP_STACK_SIZE, 1, 0
