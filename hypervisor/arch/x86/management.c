// SPDX-License-Identifier: GPL-2.0
/*
 * The hooks of core/management.c on x86: kicks are NMIs, waiting is the
 * vendor's HLT, a park or reset switches the CPU to its (new) cell's
 * tables and, for a reset, restarts it as the inmate interface says.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/percpu.h>
#include <x86/apic.h>
#include <x86/vcpu.h>

void arch_send_management_ipi(struct per_cpu *target)
{
	vcpu_kick(target);
}

void arch_cpu_wait(struct per_cpu *cpu)
{
	vcpu_vendor_wait(&cpu->arch.nmi_woken);
}

void arch_cpu_tlb_flush(struct per_cpu *cpu)
{
	vcpu_tlb_flush(cpu);
}

void arch_park_cpu(struct per_cpu *cpu)
{
	vcpu_load_cell(cpu);
	/* A pending INIT of the old context means nothing any more. */
	__atomic_store_n(&cpu->arch.init_state, X86_CPU_RUNNING,
			 __ATOMIC_RELEASE);
}

void arch_reset_cpu(struct per_cpu *cpu)
{
	vcpu_load_cell(cpu);
	apic_cpu_reset();
	if (cpu->cpu_id == cell_first_cpu(cpu->cell)) {
		__atomic_store_n(&cpu->arch.init_state, X86_CPU_RUNNING,
				 __ATOMIC_RELEASE);
		vcpu_reset(cpu, 0);
	} else {
		/* Like an application processor: INIT done, STARTUP due. */
		__atomic_store_n(&cpu->arch.init_state, X86_CPU_INIT,
				 __ATOMIC_RELEASE);
	}
}
