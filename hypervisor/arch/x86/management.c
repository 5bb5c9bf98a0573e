// SPDX-License-Identifier: GPL-2.0
/*
 * The hooks of core/management.c on x86: kicks are NMIs, waiting is the
 * vendor's HLT, a park or reset switches the CPU to its (new) cell's
 * tables and, for a reset, restarts it as the inmate interface says
 * (all CPUs of a non-root cell at its reset entry) or, given back to the
 * root, lets it wait for Linux's STARTUP.
 * A CPU whose APIC could not be enabled again (apic_cpu_reset) stays
 * parked and polls: INIT and STARTUP of its new owner find it unable to
 * start, as a dead CPU would be.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/percpu.h>
#include <x86/apic.h>
#include <x86/processor.h>
#include <x86/vcpu.h>

void arch_send_management_ipi(struct per_cpu *target)
{
	vcpu_kick(target);
}

void arch_cpu_wait(struct per_cpu *cpu)
{
	/* No kick wakes it from HLT; its callers loop until work comes. */
	if (cpu->arch.apic_lost) {
		cpu_relax();
		return;
	}
	vcpu_vendor_wait(&cpu->arch.nmi_woken);
}

void arch_cpu_tlb_flush(struct per_cpu *cpu)
{
	vcpu_tlb_flush(cpu);
}

void arch_park_cpu(struct per_cpu *cpu)
{
	vcpu_load_cell(cpu);
	apic_cpu_reset(cpu);
	/* A pending INIT of the old context means nothing any more. */
	__atomic_store_n(&cpu->arch.init_state, X86_CPU_RUNNING,
			 __ATOMIC_RELEASE);
}

/*
 * A CPU given back to the root is, to Linux, an application processor
 * it took offline: INIT done, STARTUP due. Linux may have sent both
 * already (a loaded host): they must stay.
 */
static void await_startup(struct per_cpu *cpu)
{
	u32 running = X86_CPU_RUNNING;

	__atomic_compare_exchange_n(&cpu->arch.init_state, &running,
				    X86_CPU_INIT, false, __ATOMIC_ACQ_REL,
				    __ATOMIC_ACQUIRE);
}

void arch_reset_cpu(struct per_cpu *cpu)
{
	vcpu_load_cell(cpu);
	apic_cpu_reset(cpu);
	if (cpu->arch.apic_lost) {
		cpu->parked = true;
		__atomic_store_n(&cpu->arch.init_state, X86_CPU_RUNNING,
				 __ATOMIC_RELEASE);
		return;
	}
	if (cpu->cell == &root_cell &&
	    cpu->cpu_id != cell_first_cpu(cpu->cell)) {
		await_startup(cpu);
		return;
	}
	/*
	 * In other cells every CPU starts at the reset entry, as Jailhouse's
	 * inmates expect: their library counts the CPUs that arrive there
	 * and halts all but the first until INIT/STARTUP. An INIT or
	 * STARTUP of the old run still pending is void.
	 */
	__atomic_store_n(&cpu->arch.init_state, X86_CPU_RUNNING,
			 __ATOMIC_RELEASE);
	vcpu_reset(cpu, 0);
}
