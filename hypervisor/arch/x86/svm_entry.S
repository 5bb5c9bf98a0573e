/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Assembly of AMD SVM: the VMRUN loop and the wait for a kick.
 */
#include <generated/asm-defines.h>

	.text
/*
 * void svm_vmrun_loop(u64 control_block_pa, void *stack_top,
 *		       const struct guest_regs *initial), never returns.
 *
 * Below the top slot (Linux's RSP, no longer used) the stack holds the
 * physical address of the CPU's control block and then struct guest_regs,
 * copied from initial, which must not live on this stack. VMRUN saves and
 * restores RSP and RAX of the host, so after #VMEXIT RSP points to the
 * guest registers again. Exits run with GIF clear: neither interrupts nor
 * NMIs reach the hypervisor.
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
 * void vcpu_vendor_wait(u8 *woken) (x86/vcpu.h): NMIs are deliverable
 * while GIF is set, from STGI to the CLGI after the HLT; one sent before
 * waits for the STGI and lands at the HLT, so woken is not needed.
 */
	.globl vcpu_vendor_wait
	.type vcpu_vendor_wait, @function
vcpu_vendor_wait:
	stgi
	.globl vcpu_wait_armed
vcpu_wait_armed:
	.globl vcpu_wait_hlt
vcpu_wait_hlt:
	hlt
	clgi
	ret
	.size vcpu_vendor_wait, . - vcpu_vendor_wait

/*
 * void vcpu_vendor_irq_window(void) (x86/vcpu.h): interrupts pending for
 * this CPU are taken between STI and CLI, with GIF set as they need.
 */
	.globl vcpu_vendor_irq_window
	.type vcpu_vendor_irq_window, @function
vcpu_vendor_irq_window:
	stgi
	sti
	nop
	cli
	clgi
	ret
	.size vcpu_vendor_irq_window, . - vcpu_vendor_irq_window

	.section .note.GNU-stack, "", @progbits
