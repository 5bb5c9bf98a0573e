/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Assembly parts of the x86 hypervisor: the image entry, the VMRUN loop,
 * the way back to Linux, and the stubs of the hypervisor's own IDT.
 */
#include <asm/percpu.h>

/* Offsets in struct jailhouse_header (jailhouse-abi.md, firmware image). */
#define HEADER_CORE_SIZE	0x08
#define HEADER_PERCPU_SIZE	0x10

/* struct guest_regs, lowest address first. */
#define GR_R15		0x00
#define GR_R14		0x08
#define GR_R13		0x10
#define GR_R12		0x18
#define GR_R11		0x20
#define GR_R10		0x28
#define GR_R9		0x30
#define GR_R8		0x38
#define GR_RDI		0x40
#define GR_RSI		0x48
#define GR_RBP		0x50
#define GR_RBX		0x58
#define GR_RDX		0x60
#define GR_RCX		0x68
#define GR_RAX		0x70
#define GR_SIZE		0x80

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
	lea	X86_STACK_SIZE(%rax), %rsp
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
 * void svm_vmrun_loop(u64 vmcb_pa, void *stack_top,
 *		       const struct guest_regs *initial), never returns.
 *
 * Below the top slot (Linux's RSP, no longer used) the stack holds the
 * VMCB address and then struct guest_regs, copied from initial, which must
 * not live on this stack. VMRUN saves and restores RSP and RAX of the host, so after #VMEXIT RSP
 * points to the guest registers again. Exits run with GIF clear: neither
 * interrupts nor NMIs reach the hypervisor.
 */
	.globl svm_vmrun_loop
	.type svm_vmrun_loop, @function
svm_vmrun_loop:
	lea	-16(%rsi), %rsp
	mov	%rdi, (%rsp)
	sub	$GR_SIZE, %rsp
	mov	%rdx, %rsi
	mov	%rsp, %rdi
	mov	$(GR_SIZE / 8), %ecx
	cld
	rep movsq
	clgi

.Lvmrun:
	mov	GR_R15(%rsp), %r15
	mov	GR_R14(%rsp), %r14
	mov	GR_R13(%rsp), %r13
	mov	GR_R12(%rsp), %r12
	mov	GR_R11(%rsp), %r11
	mov	GR_R10(%rsp), %r10
	mov	GR_R9(%rsp), %r9
	mov	GR_R8(%rsp), %r8
	mov	GR_RDI(%rsp), %rdi
	mov	GR_RSI(%rsp), %rsi
	mov	GR_RBP(%rsp), %rbp
	mov	GR_RBX(%rsp), %rbx
	mov	GR_RDX(%rsp), %rdx
	mov	GR_RCX(%rsp), %rcx
	mov	GR_SIZE(%rsp), %rax

	vmrun	%rax

	mov	%r15, GR_R15(%rsp)
	mov	%r14, GR_R14(%rsp)
	mov	%r13, GR_R13(%rsp)
	mov	%r12, GR_R12(%rsp)
	mov	%r11, GR_R11(%rsp)
	mov	%r10, GR_R10(%rsp)
	mov	%r9, GR_R9(%rsp)
	mov	%r8, GR_R8(%rsp)
	mov	%rdi, GR_RDI(%rsp)
	mov	%rsi, GR_RSI(%rsp)
	mov	%rbp, GR_RBP(%rsp)
	mov	%rbx, GR_RBX(%rsp)
	mov	%rdx, GR_RDX(%rsp)
	mov	%rcx, GR_RCX(%rsp)

	mov	%rsp, %rdi
	call	svm_handle_exit
	jmp	.Lvmrun
	.size svm_vmrun_loop, . - svm_vmrun_loop

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

/* void x86_wait_for_nmi(void): see x86.h. */
	.globl x86_wait_for_nmi
	.type x86_wait_for_nmi, @function
x86_wait_for_nmi:
	stgi
	.globl x86_wait_hlt
x86_wait_hlt:
	hlt
	clgi
	ret
	.size x86_wait_for_nmi, . - x86_wait_for_nmi

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
	add	$16, %rsp
	iretq

	.section .note.GNU-stack, "", @progbits
