/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * ARMv7 start: the cell's CPU enters at the image start in SVC mode with
 * the MMU off (Documentation/inmate-interface.md). Interrupts masked, the
 * library's vectors in VBAR, a stack, .bss cleared, then the C side.
 */
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

	.section .stack, "aw", %nobits
	.balign	8
	.fill	STACK_SIZE, 1, 0
stack_top:
