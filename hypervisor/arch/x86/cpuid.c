// SPDX-License-Identifier: GPL-2.0
/*
 * CPUID as guests see it: the hypervisor announces itself
 * (Documentation/jailhouse-abi.md, x86 guests) and keeps SVM to itself.
 */
#include <jailhouse/hypercall.h>
#include <x86/processor.h>
#include <x86/x86.h>

#define HV_LEAVES_FIRST		0x40000000
#define HV_LEAVES_LAST		0x400000ff

/* "Jailhouse\0\0\0" in EBX, ECX, EDX. */
#define SIGNATURE_EBX		0x6c69614a
#define SIGNATURE_ECX		0x73756f68
#define SIGNATURE_EDX		0x00000065

void cpuid_handle_exit(struct guest_regs *regs)
{
	u32 leaf = regs->rax, subleaf = regs->rcx;
	u32 eax = 0, ebx = 0, ecx = 0, edx = 0;

	if (leaf >= HV_LEAVES_FIRST && leaf <= HV_LEAVES_LAST) {
		if (leaf == JAILHOUSE_CPUID_SIGNATURE) {
			eax = JAILHOUSE_CPUID_FEATURES;
			ebx = SIGNATURE_EBX;
			ecx = SIGNATURE_ECX;
			edx = SIGNATURE_EDX;
		}
		/* JAILHOUSE_CPUID_FEATURES and the rest: all zero. */
	} else if (leaf != X86_CPUID_SVM_FEATURES) {
		cpuid(leaf, subleaf, &eax, &ebx, &ecx, &edx);
		if (leaf == X86_CPUID_FEATURES)
			ecx |= X86_FEATURE_HYPERVISOR;
		else if (leaf == X86_CPUID_EXT_FEATURES)
			ecx &= ~X86_FEATURE_SVM;
	}

	regs->rax = eax;
	regs->rbx = ebx;
	regs->rcx = ecx;
	regs->rdx = edx;
}
