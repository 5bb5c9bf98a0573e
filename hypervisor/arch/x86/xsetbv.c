// SPDX-License-Identifier: GPL-2.0
/*
 * XSETBV of the guests. Neither SVM nor VMX switches XCR0 between guest
 * and host, so a guest's XSETBV would otherwise set the hardware register
 * to any value the guest likes; here it is checked first. The hypervisor itself
 * never touches extended state (-mgeneral-regs-only), so the guest's value
 * can stay in the register while the hypervisor runs.
 */
#include <jailhouse/hypercall.h>
#include <core/percpu.h>
#include <x86/exits.h>
#include <x86/processor.h>
#include <x86/vcpu.h>
#include <x86/xcr.h>

#define XSETBV_LENGTH		3

static u64 xcr0_supported(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(X86_CPUID_FEATURES, 0, &eax, &ebx, &ecx, &edx);
	if (!(ecx & X86_FEATURE_XSAVE))
		return 0;
	cpuid(X86_CPUID_XSAVE_LEAF, 0, &eax, &ebx, &ecx, &edx);
	return ((u64)edx << 32) | eax;
}

void xsetbv_handle_exit(struct per_cpu *cpu, struct guest_regs *regs)
{
	u64 value = ((u64)(u32)regs->rdx << 32) | (u32)regs->rax;
	u64 supported = xcr0_supported();

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_XSETBV]++;

	/* The checks of the instruction itself, in the CPU's order. */
	if (!supported || !(vcpu_get_cr4(cpu) & X86_CR4_OSXSAVE)) {
		vcpu_inject_exception(cpu, X86_VEC_UD, false, 0);
		return;
	}
	if (vcpu_get_cpl(cpu) != 0 || (u32)regs->rcx != 0 ||
	    !xcr0_valid(value, supported)) {
		vcpu_inject_exception(cpu, X86_VEC_GP, true, 0);
		return;
	}

	/* Linux's CR4 is the host's; an inmate may enable XSAVE alone. */
	if (!(read_cr4() & X86_CR4_OSXSAVE))
		write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	asm volatile("xsetbv"
		     : : "a" ((u32)value), "d" ((u32)(value >> 32)), "c" (0));
	vcpu_skip_instruction(cpu, XSETBV_LENGTH);
}
