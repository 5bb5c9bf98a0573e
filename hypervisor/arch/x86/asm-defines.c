// SPDX-License-Identifier: GPL-2.0
/*
 * Offsets and sizes of C structures for the x86 assembly files, turned
 * into <generated/asm-defines.h> by the build (core/asm_defines.h).
 */
#include <core/asm_defines.h>
#include <jailhouse/header.h>
#include <core/percpu.h>
#include <x86/processor.h>
#include <x86/setup.h>

void asm_defines(void);

void asm_defines(void)
{
	ASM_OFFSET(HEADER_CORE_SIZE, struct jailhouse_header, core_size);
	ASM_OFFSET(HEADER_PERCPU_SIZE, struct jailhouse_header, percpu_size);

	ASM_DEFINE(PERCPU_STACK_END, offsetof(struct per_cpu, stack) +
		   sizeof(((struct per_cpu *)0)->stack));

	ASM_OFFSET(GR_R15, struct guest_regs, r15);
	ASM_OFFSET(GR_R14, struct guest_regs, r14);
	ASM_OFFSET(GR_R13, struct guest_regs, r13);
	ASM_OFFSET(GR_R12, struct guest_regs, r12);
	ASM_OFFSET(GR_R11, struct guest_regs, r11);
	ASM_OFFSET(GR_R10, struct guest_regs, r10);
	ASM_OFFSET(GR_R9, struct guest_regs, r9);
	ASM_OFFSET(GR_R8, struct guest_regs, r8);
	ASM_OFFSET(GR_RDI, struct guest_regs, rdi);
	ASM_OFFSET(GR_RSI, struct guest_regs, rsi);
	ASM_OFFSET(GR_RBP, struct guest_regs, rbp);
	ASM_OFFSET(GR_RBX, struct guest_regs, rbx);
	ASM_OFFSET(GR_RDX, struct guest_regs, rdx);
	ASM_OFFSET(GR_RCX, struct guest_regs, rcx);
	ASM_OFFSET(GR_RAX, struct guest_regs, rax);
	ASM_SIZE(GR_SIZE, struct guest_regs);

	/* What exception_common pushes ends where vector and error start. */
	ASM_OFFSET(EF_VECTOR, struct exception_frame, vector);
	ASM_OFFSET(EF_RIP, struct exception_frame, rip);
	ASM_DEFINE(X86_VEC_EXTERNAL, X86_VEC_EXTERNAL);
}
