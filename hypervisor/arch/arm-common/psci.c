// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI and the SMC calling convention's own calls, for every cell.
 *
 * CPUs never reach firmware's power management while the hypervisor
 * runs: a CPU that its cell switches off waits in the hypervisor
 * (management.c), CPU_ON wakes it at the given entry, and AFFINITY_INFO
 * reports these states. That keeps every CPU reachable for the
 * management of cells. CPU_SUSPEND is a standby in the hypervisor for
 * every cell: a power-down state entered from EL2 would resume at the
 * caller's entry point in EL2, the root cell's kernel then owning the
 * hypervisor's exception level. For the same reason no trusted OS is
 * migrated. Only the root cell reaches firmware, for whole-system calls
 * and PSCI_VERSION; other ids could be undefined instructions to
 * firmware emulations.
 *
 * Cells other than the root get PSCI 1.0 emulated; SYSTEM_OFF and
 * SYSTEM_RESET stop only that cell.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/comm_region.h>
#include <core/hypervisor.h>
#include <core/management.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/psci.h>
#include <arm-common/subarch.h>

/* Whether the cell can run code at guest-physical address addr. */
static bool cell_executable(const struct cell *cell, unsigned long addr)
{
	const struct jailhouse_cell_desc *cfg = cell->config;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cfg);
	unsigned int n;

	for (n = 0; n < cfg->num_memory_regions; n++, mem++)
		if ((mem->flags & JAILHOUSE_MEM_EXECUTE) &&
		    !(mem->flags & JAILHOUSE_MEM_IO) &&
		    addr >= mem->virt_start &&
		    addr - mem->virt_start < mem->size)
			return true;
	return false;
}

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

static long psci_cpu_on(struct per_cpu *cpu, unsigned long mpidr,
			unsigned long entry, unsigned long context)
{
	struct per_cpu *target = cpu_by_mpidr(cpu->cell, mpidr);
	u32 off = ARM_CPU_OFF;

	if (!target)
		return PSCI_INVALID_PARAMETERS;
	if (!cell_executable(cpu->cell, entry))
		return PSCI_INVALID_ADDRESS;

	/* Only the winner of the state change may write the entry. */
	if (!__atomic_compare_exchange_n(&target->arch.power, &off,
					 ARM_CPU_CLAIMED, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return off == ARM_CPU_ON ? PSCI_ALREADY_ON : PSCI_ON_PENDING;
	target->arch.on_entry = entry;
	target->arch.on_context = context;
	target->arch.on_root = cpu->cell == &root_cell;
	__atomic_store_n(&target->arch.power, ARM_CPU_ON_PENDING,
			 __ATOMIC_RELEASE);
	arch_send_management_ipi(target);
	return PSCI_SUCCESS;
}

static long psci_affinity_info(struct per_cpu *cpu, unsigned long mpidr,
			       unsigned long level)
{
	struct per_cpu *target;

	if (level != 0)
		return PSCI_INVALID_PARAMETERS;
	target = cpu_by_mpidr(cpu->cell, mpidr);
	if (!target) {
		/* Linux asks about CPUs it handed to a cell: they are off. */
		if (cpu->cell == &root_cell)
			return PSCI_AFFINITY_OFF;
		return PSCI_INVALID_PARAMETERS;
	}
	switch (__atomic_load_n(&target->arch.power, __ATOMIC_ACQUIRE)) {
	case ARM_CPU_ON:
		return PSCI_AFFINITY_ON;
	case ARM_CPU_OFF:
		return PSCI_AFFINITY_OFF;
	}
	return PSCI_AFFINITY_ON_PENDING;
}

/* SYSTEM_OFF / SYSTEM_RESET of a cell: it stops, the rest runs on. */
static void cell_system_off(struct per_cpu *cpu, const char *what)
{
	struct cell *cell = cpu->cell;
	unsigned int n;

	printk("Cell \"%s\": %s by CPU %u, cell stopped\n",
	       cell->config->name, what, cpu->cpu_id);
	comm_region_set_state(cell, JAILHOUSE_CELL_SHUT_DOWN);
	for_each_cpu_of(n, cell) {
		cpu_post_request(per_cpu(n), CPU_REQ_PARK);
		if (per_cpu(n) != cpu)
			arch_send_management_ipi(per_cpu(n));
	}
}

static bool psci_known(unsigned long fid)
{
	switch (fid) {
	case PSCI_VERSION:
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return true;
	}
	return false;
}

/* Calls of cells other than the root: all emulated. */
static long psci_cell(struct per_cpu *cpu, unsigned long fid,
		      unsigned long a1, unsigned long a2, unsigned long a3)
{
	switch (fid) {
	case PSCI_VERSION:
		return PSCI_VERSION_1_0;
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		/* A standby that ends at once is a valid suspend. */
		return PSCI_SUCCESS;
	case PSCI_CPU_OFF:
		arm_power_off(cpu);
		return PSCI_SUCCESS;
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		return psci_cpu_on(cpu, a1, a2, a3);
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		return psci_affinity_info(cpu, a1, a2);
	case PSCI_MIGRATE_INFO_TYPE:
		return PSCI_TOS_NOT_PRESENT;
	case PSCI_SYSTEM_OFF:
		cell_system_off(cpu, "SYSTEM_OFF");
		return PSCI_SUCCESS;
	case PSCI_SYSTEM_RESET:
		cell_system_off(cpu, "SYSTEM_RESET");
		return PSCI_SUCCESS;
	case PSCI_FEATURES:
		/* Also how a caller learns that SMCCC_VERSION exists. */
		return psci_known((u32)a1) ? PSCI_SUCCESS :
			PSCI_NOT_SUPPORTED;
	}
	return PSCI_NOT_SUPPORTED;
}

/*
 * CPU_SUSPEND of the root cell, whatever state it asks for: sleep in
 * the hypervisor until an interrupt arrives, unless one waits for the
 * CPU already. Returning is what a standby state does; a caller that
 * asked for a power-down state sees the call return early, which PSCI
 * allows and Linux handles.
 */
static long psci_root_suspend(struct per_cpu *cpu)
{
	if (!gic_irq_waiting(cpu))
		arch_cpu_wait(cpu);
	return PSCI_SUCCESS;
}

static long psci_root(struct per_cpu *cpu, unsigned long fid,
		      unsigned long a1, unsigned long a2, unsigned long a3)
{
	switch (fid) {
	case PSCI_CPU_ON_32:
	case PSCI_CPU_ON_64:
		return psci_cpu_on(cpu, a1, a2, a3);
	case PSCI_CPU_OFF:
		arm_power_off(cpu);
		return PSCI_SUCCESS;
	case PSCI_AFFINITY_INFO_32:
	case PSCI_AFFINITY_INFO_64:
		return psci_affinity_info(cpu, a1, a2);
	case PSCI_CPU_SUSPEND_32:
	case PSCI_CPU_SUSPEND_64:
		return psci_root_suspend(cpu);
	case PSCI_MIGRATE_INFO_TYPE:
		return PSCI_TOS_NOT_PRESENT;
	case PSCI_MIGRATE_32:
	case PSCI_MIGRATE_64:
		/* With no trusted OS to migrate, as MIGRATE_INFO_TYPE says. */
		return PSCI_NOT_SUPPORTED;
	case PSCI_VERSION:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		return arm_smc(fid, a1, a2, a3);
	}
	return PSCI_NOT_SUPPORTED;
}

/* SMCCC's own calls: version 1.1 to cells, no workarounds offered. */
static long smccc_arch(struct per_cpu *cpu, unsigned long fid,
		       unsigned long a1)
{
	if (cpu->cell == &root_cell)
		return PSCI_NOT_SUPPORTED;
	if (fid == SMCCC_VERSION)
		return SMCCC_VERSION_1_1;
	if (fid == SMCCC_ARCH_FEATURES)
		return (u32)a1 == SMCCC_ARCH_FEATURES ? PSCI_SUCCESS :
			PSCI_NOT_SUPPORTED;
	return PSCI_NOT_SUPPORTED;
}

unsigned int psci_handle_smc(struct per_cpu *cpu, struct trap_frame *f)
{
	unsigned long fid = (u32)trap_reg(f, 0);
	unsigned long a1 = trap_reg(f, 1);
	unsigned long a2 = trap_reg(f, 2);
	unsigned long a3 = trap_reg(f, 3);
	long ret;

	/* SMC32 calls: the upper halves of the arguments are not theirs. */
	if (!(fid & SMCCC_64BIT)) {
		a1 = (u32)a1;
		a2 = (u32)a2;
		a3 = (u32)a3;
	}
	if (SMCCC_OWNER(fid) != SMCCC_OWNER_STANDARD) {
		ret = SMCCC_OWNER(fid) == SMCCC_OWNER_ARCH ?
			smccc_arch(cpu, fid, a1) : PSCI_NOT_SUPPORTED;
		/* SMCCC's "unknown function" has the value of PSCI's. */
		trap_set_reg(f, 0, (unsigned long)ret);
		return JAILHOUSE_CPU_STAT_VMEXITS_SMCCC;
	}

	if (cpu->cell == &root_cell)
		ret = psci_root(cpu, fid, a1, a2, a3);
	else
		ret = psci_cell(cpu, fid, a1, a2, a3);
	trap_set_reg(f, 0, (unsigned long)ret);
	return JAILHOUSE_CPU_STAT_VMEXITS_PSCI;
}
