// SPDX-License-Identifier: GPL-2.0
/*
 * CPUs of the cells between runs: the hooks of the core's CPU management
 * (kick by SGI, wait, park, reset) and the one loop in which a CPU waits
 * in the hypervisor. A CPU that is off (PSCI CPU_OFF, or not the first
 * CPU of a cell that starts) waits here until another CPU of its cell
 * switches it on with PSCI CPU_ON; then it starts at the given entry.
 * This includes Linux's CPUs: taken offline they wait here, not in
 * firmware, so that they stay reachable for the hand-over to cells.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/management.h>
#include <core/percpu.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/subarch.h>

void arch_send_management_ipi(struct per_cpu *target)
{
	gic_send_mgmt_sgi(target);
}

void arch_cpu_wait(struct per_cpu *cpu)
{
	/* A pending interrupt ends WFI even though EL2 runs masked. */
	wfi();
	gic_handle_irq(cpu);
}

void arch_cpu_tlb_flush(struct per_cpu *cpu)
{
	(void)cpu;
	flush_guest_tlb_local();
}

void arm_power_off(struct per_cpu *cpu)
{
	gic_cpu_reset(cpu);
	__atomic_store_n(&cpu->arch.power, ARM_CPU_OFF, __ATOMIC_RELEASE);
}

void arch_park_cpu(struct per_cpu *cpu)
{
	arm_power_off(cpu);
}

/*
 * A CPU comes back to the root cell, which took it offline before it went
 * to a cell: it is off, unless Linux has switched it on already, which it
 * does right after the cell is gone and may do before this CPU gets here.
 * That call has reported success and must stand; a CPU_ON of the cell
 * that went away (on_root clear) is void.
 */
static void reset_root_cpu(struct per_cpu *cpu)
{
	u32 power;

	gic_cpu_reset(cpu);
	/* A CPU_ON caller writes the entry in a moment. */
	while ((power = __atomic_load_n(&cpu->arch.power, __ATOMIC_ACQUIRE)) ==
	       ARM_CPU_CLAIMED)
		;
	if (power == ARM_CPU_OFF ||
	    (power == ARM_CPU_ON_PENDING && cpu->arch.on_root))
		return;
	__atomic_compare_exchange_n(&cpu->arch.power, &power, ARM_CPU_OFF,
				    false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

void arch_reset_cpu(struct per_cpu *cpu)
{
	u32 on = ARM_CPU_ON;

	if (cpu->cell == &root_cell) {
		reset_root_cpu(cpu);
		return;
	}

	/*
	 * The CPUs of a starting cell take their resets one by one after the
	 * cell is resumed, so the first CPU may already run and have switched
	 * this one on with PSCI CPU_ON when it gets here: switching it off
	 * again would lose that call, which has reported success. Only a CPU
	 * still on from the last run (its cell failed elsewhere) goes off;
	 * a parked one is off already, and a CPU_ON that reached it while
	 * parked was void (arm_handle_events).
	 */
	if (cpu->cpu_id != cell_first_cpu(cpu->cell)) {
		gic_cpu_reset(cpu);
		__atomic_compare_exchange_n(&cpu->arch.power, &on, ARM_CPU_OFF,
					    false, __ATOMIC_ACQ_REL,
					    __ATOMIC_ACQUIRE);
		return;
	}
	arm_power_off(cpu);
	cpu->arch.on_root = false;
	cpu->arch.on_entry = cpu->cell->config->cpu_reset_address;
	cpu->arch.on_context = 0;
	__atomic_store_n(&cpu->arch.power, ARM_CPU_ON_PENDING,
			 __ATOMIC_RELEASE);
}

void arm_handle_events(struct per_cpu *cpu, struct trap_frame *frame)
{
	u32 pending;

	for (;;) {
		cpu_handle_requests(cpu);
		if (cpu->shutdown)
			return;
		if (!cpu->parked) {
			switch (__atomic_load_n(&cpu->arch.power,
						__ATOMIC_ACQUIRE)) {
			case ARM_CPU_ON:
				return;
			case ARM_CPU_ON_PENDING:
				cpu->arch.power = ARM_CPU_ON;
				arm_cpu_start(cpu, frame, cpu->arch.on_entry,
					      cpu->arch.on_context);
				return;
			}
		} else {
			/*
			 * Another CPU of a stopping cell switched this one on
			 * after it parked: the reset does not undo that, so
			 * it is dropped here, where the CPU_ON's kick wakes us.
			 */
			pending = ARM_CPU_ON_PENDING;
			__atomic_compare_exchange_n(&cpu->arch.power,
						    &pending, ARM_CPU_OFF,
						    false, __ATOMIC_ACQ_REL,
						    __ATOMIC_ACQUIRE);
		}
		arch_cpu_wait(cpu);
	}
}
