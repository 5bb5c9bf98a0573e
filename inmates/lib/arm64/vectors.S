/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * EL1 exception vectors. Only IRQs taken at EL1 on SP_EL1 are expected;
 * everything else is reported with its syndrome and stops the CPU.
 */

	.text
	.balign	2048
	.globl	vectors
vectors:
	.set	idx, 0
	.rept	16
	.balign	0x80
	.if	idx == 5		/* current EL, SP_ELx, IRQ */
	b	irq_entry
	.else
	mov	x0, #idx
	b	exc_entry
	.endif
	.set	idx, idx + 1
	.endr

/* Caller-saved registers only: the C handler preserves the rest. */
irq_entry:
	sub	sp, sp, #(20 * 8)
	stp	x0, x1, [sp, #(0 * 16)]
	stp	x2, x3, [sp, #(1 * 16)]
	stp	x4, x5, [sp, #(2 * 16)]
	stp	x6, x7, [sp, #(3 * 16)]
	stp	x8, x9, [sp, #(4 * 16)]
	stp	x10, x11, [sp, #(5 * 16)]
	stp	x12, x13, [sp, #(6 * 16)]
	stp	x14, x15, [sp, #(7 * 16)]
	stp	x16, x17, [sp, #(8 * 16)]
	stp	x18, x30, [sp, #(9 * 16)]
	bl	arch_handle_irq
	ldp	x0, x1, [sp, #(0 * 16)]
	ldp	x2, x3, [sp, #(1 * 16)]
	ldp	x4, x5, [sp, #(2 * 16)]
	ldp	x6, x7, [sp, #(3 * 16)]
	ldp	x8, x9, [sp, #(4 * 16)]
	ldp	x10, x11, [sp, #(5 * 16)]
	ldp	x12, x13, [sp, #(6 * 16)]
	ldp	x14, x15, [sp, #(7 * 16)]
	ldp	x16, x17, [sp, #(8 * 16)]
	ldp	x18, x30, [sp, #(9 * 16)]
	add	sp, sp, #(20 * 8)
	eret

exc_entry:
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	mrs	x3, far_el1
	bl	arch_unhandled_exception
1:	wfi
	b	1b
