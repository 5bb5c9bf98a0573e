/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Assembly parts of the x86 hypervisor both vendors share: the image
 * entry, the way back to Linux, and the stubs of the hypervisor's own IDT.
 * The vendor's entry loop is in its own file (svm_entry.S).
 */
#include <generated/asm-defines.h>

/*
 * int entry(unsigned int cpu_id), called by the driver on every online CPU
 * at once, on Linux's stack and page tables with interrupts off.
 *
 * Linux's callee-saved registers stay pushed on its stack: the C code reads
 * them from there to build the guest state, and the failure path pops them.
 * The CPU moves to the stack of its per-CPU area (after the image,
 * cpu_id * percpu_size in), whose top slot keeps Linux's stack pointer.
 */
	.text
	.globl arch_entry
	.type arch_entry, @function
arch_entry:
	endbr64
	push	%rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %r12

	mov	%edi, %eax
	imul	hypervisor_header+HEADER_PERCPU_SIZE(%rip), %rax
	add	hypervisor_header+HEADER_CORE_SIZE(%rip), %rax
	lea	__image_start(%rip), %rcx
	add	%rcx, %rax
	lea	PERCPU_STACK_END(%rax), %rsp
	push	%r12
	push	$0

	call	entry
	test	%eax, %eax
	jnz	1f
	/* Success: this CPU goes on as a guest, right after the call. */
	call	arch_cpu_activate_vmm
	ud2

1:	mov	8(%rsp), %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	ret
	.size arch_entry, . - arch_entry

/*
 * void x86_leave(const struct guest_regs *regs, const u64 frame[5]),
 * never returns: load the general registers and IRET into the state in
 * frame (RIP, CS, RFLAGS, RSP, SS). Control registers and descriptor tables
 * are Linux's already; the frame lives in memory Linux maps too.
 */
	.globl x86_leave
	.type x86_leave, @function
x86_leave:
	mov	%rsi, %rsp
	mov	GR_R15(%rdi), %r15
	mov	GR_R14(%rdi), %r14
	mov	GR_R13(%rdi), %r13
	mov	GR_R12(%rdi), %r12
	mov	GR_R11(%rdi), %r11
	mov	GR_R10(%rdi), %r10
	mov	GR_R9(%rdi), %r9
	mov	GR_R8(%rdi), %r8
	mov	GR_RSI(%rdi), %rsi
	mov	GR_RBP(%rdi), %rbp
	mov	GR_RBX(%rdi), %rbx
	mov	GR_RDX(%rdi), %rdx
	mov	GR_RCX(%rdi), %rcx
	mov	GR_RAX(%rdi), %rax
	mov	GR_RDI(%rdi), %rdi
	iretq
	.size x86_leave, . - x86_leave

/*
 * Exceptions and NMIs that hit the hypervisor itself. Each stub is 16
 * bytes (setup.c computes their addresses) and makes the frame uniform:
 * vectors without an error code push a zero.
 */
#define ERROR_CODE_VECTORS	0x60227d00

	.balign 16
	.globl x86_exception_stubs
x86_exception_stubs:
	.irp vec, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, \
		16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	.balign 16
	.if !((ERROR_CODE_VECTORS >> \vec) & 1)
	push	$0
	.endif
	push	$\vec
	jmp	exception_common
	.endr

/*
 * External interrupts reach the hypervisor only in the windows that
 * apic_cpu_reset() opens to empty IRR, with the IDT of setup.c's
 * x86_drain_idt(): every vector comes here, as the pseudo vector
 * X86_VEC_EXTERNAL, and x86_exception() ends it.
 */
	.balign 16
	.globl x86_irq_stub
x86_irq_stub:
	push	$0
	push	$X86_VEC_EXTERNAL
	jmp	exception_common

/* The pushes below build struct exception_frame up to its vector. */
.if EF_VECTOR != 15 * 8
	.error "struct exception_frame does not match exception_common"
.endif

exception_common:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rbx
	push	%rbp
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %rdi
	/* Frame: 15 registers, vector, error code, then the CPU's part. */
	mov	%rsp, %rbx
	and	$~0xf, %rsp
	call	x86_exception
	mov	%rbx, %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rbp
	pop	%rbx
	pop	%rdx
	pop	%rcx
	pop	%rax
	add	$(EF_RIP - EF_VECTOR), %rsp
	iretq

	.section .note.GNU-stack, "", @progbits
