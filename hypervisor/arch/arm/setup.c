// SPDX-License-Identifier: GPL-2.0
/*
 * ARMv7 bring-up: the hypervisor's own HYP address space (LPAE), taking
 * a CPU over from the kernel's hyp stub and giving it back, and the start
 * of a CPU that PSCI switches on for a cell.
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
#include <arm-common/paging_formats.h>
#include <arm-common/psr.h>
#include <arm-common/subarch.h>
#include <asm/entry.h>
#include <asm/layout.h>

/*
 * VTCR for the 40-bit IPA stage-2 format: T0SZ -8, start at level 1,
 * walks inner shareable write-back; bit 31 RES1.
 */
#define VTCR_CELL		0x80003558
/* SCTLR with the MMU and caches off: its RES1 bits only. */
#define SCTLR_RESET		0x00c50078
/* A started CPU: SVC mode, asynchronous exceptions masked. */
#define PSR_START		(PSR_MODE_SVC | PSR_A_BIT | PSR_I_BIT | \
				 PSR_F_BIT)

const u8 arch_config_architecture = JAILHOUSE_ARM;
const unsigned long arch_remap_base = HV_REMAP_BASE;

/* Both the boot tables and these map the running code alike. */
static void switch_to_hv_tables(void)
{
	sysreg_write(HTTBR, paging_root_phys(&hv_paging));
	isb();
	flush_hyp_tlb_local();
}

/* Tables of the hypervisor: its memory twice, then its devices. */
int arch_init_early(void)
{
	const struct jailhouse_system *sys = system_config_location();
	int err;

	err = hv_paging_init(&arm_lpae_hyp_paging,
			     sys->hypervisor_memory.phys_start,
			     sys->hypervisor_memory.size);
	if (err)
		return err;

	/* Devices are mapped in the new tables only. */
	switch_to_hv_tables();

	err = arm_dbg_map();
	if (err)
		return err;
	return gic_init();
}

static void save_linux_state(struct arch_per_cpu *a)
{
	a->linux_hcr = sysreg_read(HCR);
	a->linux_vtcr = sysreg_read(VTCR);
	a->linux_vttbr = sysreg_read(VTTBR);
	a->cnthctl = sysreg_read(CNTHCTL);
	a->cntvoff = sysreg_read(CNTVOFF);
	a->midr = sysreg_read(MIDR);
	a->mpidr = sysreg_read(MPIDR);
}

/*
 * Stage 2 of the CPU's cell, with HCR trapping what we handle, physical
 * interrupts included (IMO/FMO); asynchronous aborts stay with the guest.
 */
static void activate_cell(struct per_cpu *cpu)
{
	u32 hcr = ((u32)cpu->arch.linux_hcr & ~HCR_AMO) | HCR_IMO | HCR_FMO |
		HCR_VM | HCR_SWIO | HCR_TSC;

	sysreg_write(VTCR, VTCR_CELL);
	sysreg_write(VTTBR, arm_cell_vttbr(cpu->cell));
	sysreg_write(HCR, hcr);
	isb();
	/* Translations made without stage 2 must not survive. */
	flush_guest_tlb_local();
}

int arch_cpu_init(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;
	int err;

	save_linux_state(a);
	a->hyp_saved = true;

	switch_to_hv_tables();

	err = gic_cpu_init(cpu);
	if (err)
		return err;
	activate_cell(cpu);
	a->power = ARM_CPU_ON;
	a->known = true;
	return 0;
}

/* Undo activate_cell: the stub's view of PL1 and no stage 2. */
static void deactivate_cell(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;

	if (!a->hyp_saved)
		return;
	gic_cpu_shutdown(cpu);
	sysreg_write(HCR, (u32)a->linux_hcr);
	sysreg_write(VTTBR, a->linux_vttbr);
	sysreg_write(VTCR, (u32)a->linux_vtcr);
	isb();
	flush_guest_tlb_local();
	a->hyp_saved = false;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	deactivate_cell(cpu);
}

int arch_init_late(void)
{
	return 0;
}

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
	deactivate_cell(cpu);
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
	activate_cell(cpu);
	gic_cpu_reset(cpu);

	memset(frame, 0, sizeof(*frame));
	frame->r[0] = context;
	set_guest_entry(entry);
}
