/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * arm64 start: the cell's first CPU enters at the image start at EL1
 * with the MMU off (Documentation/inmate-interface.md). Set up vectors
 * and a stack, clear .bss, run the C side.
 */

#define STACK_SIZE	0x1000

	.section .boot, "ax"
	.globl	__reset_entry
__reset_entry:
	msr	daifset, #0xf
	ldr	x0, =vectors
	msr	vbar_el1, x0
	ldr	x0, =stack_top
	mov	sp, x0

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

	.bss
	.balign	16
	.fill	STACK_SIZE, 1, 0
stack_top:
