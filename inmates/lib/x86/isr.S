/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * One entry stub per vector, all the same shape: a dummy error code where
 * the CPU pushes none, then the vector, then the common path that calls
 * int_dispatch(vector). int_stubs[] lists their addresses for the IDT.
 */

#ifdef __x86_64__
#define PTR	.quad
#else
#define PTR	.long
#endif

	.pushsection .rodata
	.balign	8
	.globl	int_stubs
int_stubs:
	.popsection

	.text
	.set	vec, 0
	.rept	256
	.balign	16
1:
	.if !(vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || \
	      vec == 21 || vec == 29 || vec == 30)
	push	$0
	.endif
	push	$vec
	jmp	int_common
	.pushsection .rodata
	PTR	1b
	.popsection
	.set	vec, vec + 1
	.endr

int_common:
#ifdef __x86_64__
	push	%rax
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	mov	72(%rsp), %rdi
	cld
	call	int_dispatch
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rax
	add	$16, %rsp
	iretq
#else
	push	%eax
	push	%ecx
	push	%edx
	mov	12(%esp), %eax
	cld
	push	%eax
	call	int_dispatch
	add	$4, %esp
	pop	%edx
	pop	%ecx
	pop	%eax
	add	$8, %esp
	iret
#endif
