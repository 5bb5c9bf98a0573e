/* SPDX-License-Identifier: GPL-2.0 */
/*
 * __aeabi_uldivmod (ARM RTABI 4.2): numerator in r0:r1, denominator in
 * r2:r3; quotient back in r0:r1, remainder in r2:r3, which no C function
 * can return. armv7_udivmod64 (div64.c) does the work, the remainder
 * goes through the stack.
 */
	.syntax	unified
	.arm
	.text
	.globl	__aeabi_uldivmod
	.type	__aeabi_uldivmod, %function
	.balign	4
__aeabi_uldivmod:
	push	{r4, lr}
	sub	sp, sp, #16
	/* Third argument (on the stack): where the remainder goes. */
	add	r4, sp, #8
	str	r4, [sp]
	bl	armv7_udivmod64
	ldrd	r2, r3, [sp, #8]
	add	sp, sp, #16
	pop	{r4, pc}
	.size	__aeabi_uldivmod, . - __aeabi_uldivmod

	.section .note.GNU-stack, "", %progbits
