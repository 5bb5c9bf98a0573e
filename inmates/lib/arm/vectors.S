/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * ARMv7 exception vectors. IRQs are handled on the SVC-mode stack (no
 * other mode has one): the return state goes there with SRS, the
 * caller-saved registers after it, and arch_handle_irq() runs with SP
 * 8-byte aligned. Everything else is reported with its return address
 * and SPSR and stops the CPU.
 */
#define MODE_SVC	0x13

	.syntax	unified
	.arm

	.text
	.balign	32
	.globl	vectors
vectors:
	b	exc_reset
	b	exc_undef
	b	exc_svc
	b	exc_pabt
	b	exc_dabt
	b	exc_unused
	b	irq_entry
	b	exc_fiq

irq_entry:
	sub	lr, lr, #4
	srsdb	sp!, #MODE_SVC
	cps	#MODE_SVC
	push	{r0-r3, r12, lr}
	/* Remember the alignment fix-up where the call cannot clobber it. */
	and	r1, sp, #4
	sub	sp, sp, r1
	push	{r1, r2}
	bl	arch_handle_irq
	pop	{r1, r2}
	add	sp, sp, r1
	pop	{r0-r3, r12, lr}
	rfeia	sp!

.macro	report n
	mov	r0, #\n
	mov	r1, lr
	mrs	r2, spsr
	cps	#MODE_SVC
	b	arch_unhandled_exception
.endm
exc_reset:	report 0
exc_undef:	report 1
exc_svc:	report 2
exc_pabt:	report 3
exc_dabt:	report 4
exc_unused:	report 5
exc_fiq:	report 7
