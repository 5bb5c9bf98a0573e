// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI calls of the root cell. The hypervisor owns EL2/HYP on every CPU
 * of the cell, so a CPU that firmware switches on must start in the
 * hypervisor, not in Linux: CPU_ON goes to firmware with the hypervisor's
 * cold entry and the target's per-CPU data; the CPU then sets itself up
 * and enters Linux's entry point in EL1/SVC. CPU_OFF simply reaches
 * firmware: the hypervisor keeps no state on a CPU that is off.
 *
 * Only calls that every PSCI 0.2 firmware knows are passed on; firmware
 * emulations may treat other ids as undefined instructions.
 */
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/percpu.h>
#include <arm-common/hv.h>
#include <arm-common/psci.h>
#include <asm/trap_frame.h>

/* The cell's CPU with this MPIDR that has been set up before. */
static struct per_cpu *cpu_by_mpidr(const struct cell *cell,
				    unsigned long mpidr)
{
	struct per_cpu *target;
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		target = per_cpu(n);
		if (target->arch.known && target->cell == cell &&
		    ((target->arch.mpidr ^ mpidr) & MPIDR_AFFINITY_MASK) == 0)
			return target;
	}
	return NULL;
}

static long psci_cpu_on(struct per_cpu *cpu, unsigned long fid,
			unsigned long mpidr, unsigned long entry,
			unsigned long context)
{
	struct per_cpu *target = cpu_by_mpidr(cpu->cell, mpidr);

	if (!target)
		return PSCI_INVALID_PARAMETERS;

	/* Read after the target's MMU is on: no cache maintenance needed. */
	target->arch.on_entry = entry;
	target->arch.on_context = context;
	return arm_smc(fid, mpidr, arm_cold_entry_phys(),
		       hv_virt2phys(&target->arch.cold));
}

unsigned int psci_handle_smc(struct per_cpu *cpu, struct trap_frame *f)
{
	unsigned long fid = (u32)trap_reg(f, 0);
	unsigned long a1 = trap_reg(f, 1);
	unsigned long a2 = trap_reg(f, 2);
	unsigned long a3 = trap_reg(f, 3);
	long ret;

	if (SMCCC_OWNER(fid) != SMCCC_OWNER_STANDARD) {
		/* SMCCC's "unknown function" has the same value. */
		trap_set_reg(f, 0, (unsigned long)(long)PSCI_NOT_SUPPORTED);
		return JAILHOUSE_CPU_STAT_VMEXITS_SMCCC;
	}

	switch (fid) {
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		ret = psci_cpu_on(cpu, fid, a1, a2, a3);
		break;
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
	case PSCI_CPU_OFF:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_32:
	case PSCI_MIGRATE_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		ret = arm_smc(fid, a1, a2, a3);
		break;
	default:
		ret = PSCI_NOT_SUPPORTED;
		break;
	}
	trap_set_reg(f, 0, (unsigned long)ret);
	return JAILHOUSE_CPU_STAT_VMEXITS_PSCI;
}
