/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Assembly of Intel VT-x: VM entry and exit, and the wait for a kick.
 */
#include <generated/asm-defines.h>

.macro load_guest_regs
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
	mov	GR_RAX(%rsp), %rax
.endm

	.text
/*
 * void vmx_vmrun_loop(void *regs_on_stack, const struct guest_regs
 * *initial), never returns.
 *
 * regs_on_stack is the CPU's struct guest_regs near its stack top, which
 * is also the host RSP of the VMCS (vmx.c): every VM exit lands at
 * vmx_vmexit with RSP pointing to it. VMX saves no general register, so
 * the exit stores them all there. Exits run with RFLAGS.IF clear.
 */
	.globl vmx_vmrun_loop
	.type vmx_vmrun_loop, @function
vmx_vmrun_loop:
	mov	%rdi, %rsp
	mov	$(GR_SIZE / 8), %ecx
	cld
	rep movsq

.Llaunch:
	load_guest_regs
	vmlaunch
	jmp	.Lfailed

	.globl vmx_vmexit
vmx_vmexit:
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
	mov	%rax, GR_RAX(%rsp)

	mov	%rsp, %rdi
	call	vmx_handle_exit

	load_guest_regs
	vmresume

	/* VMfail: RSP still points to the guest registers. */
.Lfailed:
	mov	%rsp, %rdi
	call	vmx_entry_failed
	jmp	.Llaunch
	.size vmx_vmrun_loop, . - vmx_vmrun_loop

/*
 * void vcpu_vendor_wait(u8 *woken) (x86/vcpu.h): NMIs reach the
 * hypervisor's own handler at any time in VMX root operation, also
 * between the caller's last look at its flags and the HLT. The handler
 * sets *woken, so a kick that came before is taken here, and moves an
 * NMI that lands from vcpu_wait_armed to vcpu_wait_hlt past the HLT.
 */
	.globl vcpu_vendor_wait
	.type vcpu_vendor_wait, @function
vcpu_vendor_wait:
	xor	%eax, %eax
	xchg	%al, (%rdi)
	.globl vcpu_wait_armed
vcpu_wait_armed:
	test	%al, %al
	jnz	1f
	.globl vcpu_wait_hlt
vcpu_wait_hlt:
	hlt
1:	ret
	.size vcpu_vendor_wait, . - vcpu_vendor_wait

/*
 * void vcpu_vendor_irq_window(void) (x86/vcpu.h): interrupts pending for
 * this CPU are taken between STI and CLI (VMX root operation takes them
 * through the hypervisor's IDT while the exit controls do not ack them).
 */
	.globl vcpu_vendor_irq_window
	.type vcpu_vendor_irq_window, @function
vcpu_vendor_irq_window:
	sti
	nop
	cli
	ret
	.size vcpu_vendor_irq_window, . - vcpu_vendor_irq_window

	.section .note.GNU-stack, "", @progbits
