// SPDX-License-Identifier: GPL-2.0
/*
 * ARMv7 bring-up: arriving in HYP mode from the kernel's hyp stub, giving
 * a CPU back to it, and the start of a CPU that PSCI switches on (the
 * shared part of taking a CPU over is arm-common/setup.c).
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
#include <arm-common/psr.h>
#include <arm-common/subarch.h>
#include <asm/entry.h>
#include <asm/layout.h>

/* SCTLR with the MMU and caches off: its RES1 bits only. */
#define SCTLR_RESET		0x00c50078
/* A started CPU: SVC mode, asynchronous exceptions masked. */
#define PSR_START		(PSR_MODE_SVC | PSR_A_BIT | PSR_I_BIT | \
				 PSR_F_BIT)

const u8 arch_config_architecture = JAILHOUSE_ARM;

int armv7_hyp_init(unsigned int cpu_id, u32 linux_hsctlr,
		   struct trap_frame *frame)
{
	struct per_cpu *cpu = per_cpu(cpu_id);

	(void)frame;
	sysreg_write(HTPIDR, (unsigned long)cpu);
	sysreg_write(HVBAR, (unsigned long)hyp_vectors);
	isb();
	cpu->arch.linux_sctlr = linux_hsctlr;

	/* A CPU the stub refused counts itself in SVC mode. */
	__atomic_add_fetch(&hyp_arrived, 1, __ATOMIC_RELEASE);
	while (__atomic_load_n(&hyp_arrived, __ATOMIC_ACQUIRE) <
	       hypervisor_header.online_cpus)
		;
	if (__atomic_load_n(&hyp_failed, __ATOMIC_RELAXED))
		return -EBUSY;

	return entry(cpu_id);
}

void __noreturn arm_cpu_leave(struct per_cpu *cpu, struct trap_frame *frame)
{
	arm_cell_deactivate(cpu);
	sysreg_write(HVBAR, (u32)hypervisor_header.arm_linux_hyp_vectors);
	isb();
	/* The frame is read with the MMU, and so the caches, off. */
	dcache_flush_poc(frame, sizeof(*frame));
	armv7_leave_hyp(frame, (u32)cpu->arch.linux_sctlr, hv_phys_offset());
}

void __noreturn armv7_init_failed(struct trap_frame *frame)
{
	const struct jailhouse_system *sys = system_config_location();

	/* Early setup may have failed before it noted this. */
	hv_paging_set_phys(sys->hypervisor_memory.phys_start);
	arm_cpu_leave(this_cpu(), frame);
}

static void set_guest_entry(unsigned long entry)
{
	u32 psr = PSR_START;

	/* Bit 0 of the address selects Thumb, as for a BX. */
	if (entry & 1)
		psr |= PSR_T_BIT;
	asm volatile("msr ELR_hyp, %0" : : "r" (entry & ~1UL));
	asm volatile("msr spsr_cxsf, %0" : : "r" (psr));
}

void arm_cpu_start(struct per_cpu *cpu, struct trap_frame *frame,
		   unsigned long entry, unsigned long context)
{
	struct arch_per_cpu *a = &cpu->arch;

	/* Timer access as Linux's boot code gave PL1, timers stopped. */
	sysreg_write(CNTHCTL, (u32)a->cnthctl);
	sysreg_write(CNTVOFF, a->cntvoff);
	sysreg_write(CNTV_CTL, 0);
	sysreg_write(CNTP_CTL, 0);
	sysreg_write(VPIDR, (u32)a->midr);
	sysreg_write(VMPIDR, (u32)a->mpidr);
	sysreg_write(SCTLR, SCTLR_RESET);
	arm_cell_activate(cpu);
	gic_cpu_reset(cpu);

	memset(frame, 0, sizeof(*frame));
	frame->r[0] = context;
	set_guest_entry(entry);
}

/* PL1 of ARMv7 is AArch32: every cell runs as it asks. */
int arm_cell_check_state(const struct cell *cell)
{
	(void)cell;
	return 0;
}
