// SPDX-License-Identifier: GPL-2.0
/*
 * CPUID as guests see it: the hypervisor announces itself
 * (Documentation/jailhouse-abi.md, x86 guests) and keeps the
 * virtualization extension (SVM or VMX) to itself. The root cell sees
 * whether the CPU has an x2APIC; other cells always have one (apic.c
 * emulates it where the CPU has none).
 */
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/percpu.h>
#include <x86/exits.h>
#include <x86/processor.h>
#include <x86/vcpu.h>

#define CPUID_LENGTH		2

#define HV_LEAVES_FIRST		0x40000000
#define HV_LEAVES_LAST		0x400000ff

/* "Jailhouse\0\0\0" in EBX, ECX, EDX. */
#define SIGNATURE_EBX		0x6c69614a
#define SIGNATURE_ECX		0x73756f68
#define SIGNATURE_EDX		0x00000065

static u32 features_ecx(struct per_cpu *cpu, u32 ecx)
{
	ecx = (ecx | X86_FEATURE_HYPERVISOR) & ~X86_FEATURE_VMX;
	if (cpu->cell != &root_cell)
		ecx |= X86_FEATURE_X2APIC;
	return ecx;
}

void cpuid_handle_exit(struct per_cpu *cpu, struct guest_regs *regs)
{
	u32 leaf = regs->rax, subleaf = regs->rcx;
	u32 eax = 0, ebx = 0, ecx = 0, edx = 0;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_CPUID]++;

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
			ecx = features_ecx(cpu, ecx);
		else if (leaf == X86_CPUID_EXT_FEATURES)
			ecx &= ~X86_FEATURE_SVM;
	}

	regs->rax = eax;
	regs->rbx = ebx;
	regs->rcx = ecx;
	regs->rdx = edx;
	vcpu_skip_instruction(cpu, CPUID_LENGTH);
}
