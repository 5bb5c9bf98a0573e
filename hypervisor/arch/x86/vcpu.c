// SPDX-License-Identifier: GPL-2.0
/*
 * Waking and restarting the virtual CPUs, for both vendors: kicks, INIT
 * and STARTUP as requests between CPUs, NMI exits, and the one loop in
 * which a CPU waits in the hypervisor (parked, or waiting for STARTUP
 * after INIT).
 */
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/management.h>
#include <core/percpu.h>
#include <core/string.h>
#include <x86/apic.h>
#include <x86/iommu.h>
#include <x86/nmi_route.h>
#include <x86/processor.h>
#include <x86/vcpu.h>

bool vcpu_long_mode(struct per_cpu *cpu)
{
	struct segment cs;

	vcpu_get_cs(cpu, &cs);
	return (vcpu_get_efer(cpu) & EFER_LMA) && (cs.attrib & SEG_ATTR_L);
}

/* NMIs sent to this CPU's guest since the last look (see nmi_for_guest). */
static bool take_guest_nmis(struct per_cpu *cpu)
{
	return __atomic_exchange_n(&cpu->arch.guest_nmis, 0,
				   __ATOMIC_ACQ_REL) != 0;
}

void vcpu_reset(struct per_cpu *cpu, unsigned int vector)
{
	/* What was sent to the guest before is not the new one's. */
	take_guest_nmis(cpu);
	memset(cpu->arch.regs, 0, sizeof(*cpu->arch.regs));
	vcpu_vendor_reset(cpu, vector);
}

/*
 * Kicks are NMIs. One may still be pending when the target has already
 * done the work it asked for elsewhere (e.g. INIT and STARTUP handled in
 * one wait); its NMI exit must then not be reflected into the guest as an
 * NMI of its own, which would hit a freshly reset real-mode CPU through
 * the firmware's NMI vector. Counting the kicks tells them apart.
 */
void vcpu_kick(struct per_cpu *target)
{
	__atomic_fetch_add(&target->arch.kicks, 1, __ATOMIC_RELEASE);
	/* A CPU that lost its APIC polls: no NMI would reach it. */
	if (!target->arch.apic_lost)
		apic_send_nmi(target->arch.apic_id);
}

void vcpu_send_init(struct per_cpu *target)
{
	u32 old = __atomic_exchange_n(&target->arch.init_state, X86_CPU_INIT,
				      __ATOMIC_ACQ_REL);

	/* A CPU already waiting polls; one in its guest needs a kick. */
	if (old == X86_CPU_RUNNING)
		vcpu_kick(target);
}

void vcpu_send_sipi(struct per_cpu *target, unsigned int vector)
{
	u32 expected = X86_CPU_INIT;

	/* Like a real CPU: STARTUP counts only after an INIT. */
	target->arch.sipi_vector = vector;
	if (__atomic_compare_exchange_n(&target->arch.init_state, &expected,
					X86_CPU_SIPI, false, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		/* It sleeps until kicked. */
		vcpu_kick(target);
}

bool vcpu_handle_events(struct per_cpu *cpu)
{
	bool had_work = false;
	unsigned int vector;

	for (;;) {
		if (cpu_handle_requests(cpu))
			had_work = true;
		if (cpu->parked) {
			arch_cpu_wait(cpu);
			continue;
		}
		switch (__atomic_load_n(&cpu->arch.init_state,
					__ATOMIC_ACQUIRE)) {
		case X86_CPU_RUNNING:
			return had_work;
		case X86_CPU_SIPI:
			vector = cpu->arch.sipi_vector;
			__atomic_store_n(&cpu->arch.init_state,
					 X86_CPU_RUNNING, __ATOMIC_RELEASE);
			vcpu_reset(cpu, vector);
			return true;
		default:
			had_work = true;
			arch_cpu_wait(cpu);
		}
	}
}

/*
 * An NMI exit is a kick of another CPU (management, INIT, STARTUP) or an
 * NMI meant for the guest.
 */
void vcpu_handle_nmi(struct per_cpu *cpu)
{
	bool kicked = __atomic_exchange_n(&cpu->arch.kicks, 0,
					  __ATOMIC_ACQ_REL) != 0;
	bool had_work;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
	vcpu_vendor_take_nmi();
	had_work = vcpu_handle_events(cpu);
	/* An IOMMU's fault event is an NMI too (vtd.c); the root reads. */
	if (cpu->cell == &root_cell && iommu_fault_event())
		had_work = true;
	/* Taken after the events: a reset drops the old guest's NMIs. */
	if (nmi_for_guest(take_guest_nmis(cpu), kicked, had_work))
		vcpu_inject_nmi(cpu);
}

void vcpu_handle_late_nmi(struct per_cpu *cpu)
{
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
	__atomic_store_n(&cpu->arch.kicks, 0, __ATOMIC_RELEASE);
	vcpu_handle_events(cpu);
	/* Only counted NMIs: the one that landed may have been a kick. */
	if (take_guest_nmis(cpu))
		vcpu_inject_nmi(cpu);
}
