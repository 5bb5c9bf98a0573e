// SPDX-License-Identifier: GPL-2.0
/*
 * Setup that AArch64 and ARMv7 share: the hypervisor's own tables, taking
 * over a CPU (Linux's EL2/HYP state saved, stage 2 of its cell on) and
 * undoing that. What differs between them comes from the sub-arch as
 * named registers and the ARM_* values of <asm/setup.h>: the table format
 * of the hypervisor, VTCR for cells, HCR bits only one of them has.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/hcr.h>
#include <arm-common/hv.h>
#include <arm-common/paging_formats.h>
#include <arm-common/setup.h>
#include <arm-common/subarch.h>
#include <asm/layout.h>
#include <asm/setup.h>

const unsigned long arch_remap_base = HV_REMAP_BASE;

/* Both the boot tables and these map the running code alike. */
static void switch_to_hv_tables(void)
{
	sysreg_write(HYP_TTBR, paging_root_phys(&hv_paging));
	isb();
	flush_hyp_tlb_local();
}

/* Tables of the hypervisor: its memory twice, then its devices. */
int arch_init_early(void)
{
	const struct jailhouse_system *sys = system_config_location();
	int err;

	err = hv_paging_init(&ARM_HYP_PAGING, sys->hypervisor_memory.phys_start,
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

int arch_init_late(void)
{
	return 0;
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
void arm_cell_activate(struct per_cpu *cpu)
{
	unsigned long hcr = ((unsigned long)cpu->arch.linux_hcr & ~HCR_AMO) |
		HCR_IMO | HCR_FMO | HCR_VM | HCR_SWIO | HCR_TSC;

	hcr = ARM_HCR_CELL(cpu->cell, hcr);

	sysreg_write(VTCR, ARM_VTCR_CELL);
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
	arm_cell_activate(cpu);
	a->power = ARM_CPU_ON;
	a->known = true;
	return 0;
}

void arm_cell_deactivate(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;

	if (!a->hyp_saved)
		return;
	gic_cpu_shutdown(cpu);
	sysreg_write(HCR, a->linux_hcr);
	sysreg_write(VTTBR, a->linux_vttbr);
	sysreg_write(VTCR, a->linux_vtcr);
	isb();
	flush_guest_tlb_local();
	a->hyp_saved = false;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	arm_cell_deactivate(cpu);
}
