// SPDX-License-Identifier: GPL-2.0
/*
 * AArch64 bring-up: arriving from the kernel's hyp stub, giving a CPU
 * back to it, and the start of a CPU that PSCI switches on (the shared
 * part of taking a CPU over is arm-common/setup.c).
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/hcr.h>
#include <arm-common/setup.h>
#include <arm-common/subarch.h>
#include <asm/aarch32.h>
#include <asm/entry.h>
#include <asm/layout.h>

const u8 arch_config_architecture = JAILHOUSE_ARM64;

int arm64_el2_init(unsigned int cpu_id, u64 linux_sctlr,
		   struct trap_frame *frame)
{
	struct per_cpu *cpu = per_cpu(cpu_id);

	(void)frame;
	write_sysreg(tpidr_el2, cpu);
	write_sysreg(vbar_el2, el2_vectors);
	isb();
	cpu->arch.linux_sctlr = linux_sctlr;
	aarch32_note_cpu(cpu_id);

	/* The stub may have refused a CPU that is not here yet. */
	while (__atomic_load_n(&el1_arrived, __ATOMIC_ACQUIRE) <
	       hypervisor_header.online_cpus)
		;
	if (__atomic_load_n(&el1_failed, __ATOMIC_RELAXED))
		return -EBUSY;

	return entry(cpu_id);
}

void __noreturn arm_cpu_leave(struct per_cpu *cpu, struct trap_frame *frame)
{
	arm_cell_deactivate(cpu);
	write_sysreg(vbar_el2, hypervisor_header.arm_linux_hyp_vectors);
	isb();
	arm64_leave_el2(frame, cpu->arch.linux_sctlr, hv_phys_offset());
}

void __noreturn arm64_init_failed(struct trap_frame *frame)
{
	const struct jailhouse_system *sys = system_config_location();

	/* Early setup may have failed before it noted this. */
	hv_paging_set_phys(sys->hypervisor_memory.phys_start);
	arm_cpu_leave(this_cpu(), frame);
}

void arm_cpu_start(struct per_cpu *cpu, struct trap_frame *frame,
		   unsigned long entry, unsigned long context)
{
	struct arch_per_cpu *a = &cpu->arch;

	/* Timer access as Linux's boot code gave EL1, timers stopped. */
	write_sysreg(cnthctl_el2, a->cnthctl);
	write_sysreg(cntvoff_el2, a->cntvoff);
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(vpidr_el2, a->midr);
	write_sysreg(vmpidr_el2, a->mpidr);
	arm_cell_activate(cpu);
	gic_cpu_reset(cpu);

	memset(frame, 0, sizeof(*frame));
	frame->x[0] = context;
	arm64_set_guest_entry(cpu->cell, entry);
}
