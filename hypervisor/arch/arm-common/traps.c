// SPDX-License-Identifier: GPL-2.0
/*
 * What a trap means once the sub-arch has decoded it: hypercalls, PSCI
 * and SMCCC calls, MMIO through stage-2 data aborts, the SGI register,
 * physical interrupts, and the fatal path for everything else. The same
 * for AArch64 and ARMv7 guests; the sub-arch's entry decodes by class.
 */
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/mmio.h>
#include <arm-common/psci.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>
#include <arm-common/traps.h>

/* What the kernel's hyp stub answers to calls it does not know. */
#define HVC_STUB_ERR		0xbadca11

void __noreturn arm_cpu_park_failed(struct per_cpu *cpu)
{
	cpu->failed = true;
	for (;;)
		wfi();
}

void __noreturn arm_trap_fatal(struct arm_trap *t, const char *what)
{
	struct per_cpu *cpu = t->cpu;
	struct cell *cell = cpu->cell;

	printk("FATAL: %s on CPU %u, cell \"%s\" (%s)\n", what, cpu->cpu_id,
	       cell->config->name, t->origin);
	arm_dump_trap_regs();
	if (cell == &root_cell || t->in_hyp)
		arm_cpu_park_failed(cpu);

	cell_cpu_failed(cpu);
	printk("Cell \"%s\" failed; CPU %u parked\n", cell->config->name,
	       cpu->cpu_id);
	cpu->parked = true;
	arm_power_off(cpu);
	/* Guest traps keep the frame at the top of the stack. */
	arm_handle_events(cpu, t->frame);
	arm_enter_guest(t->frame);
}

void arm_handle_hvc(struct arm_trap *t)
{
	unsigned int imm = ISS_HVC_IMM(t->syndrome), stat;
	struct per_cpu *cpu = t->cpu;
	struct trap_frame *f = t->frame;
	long ret;

	/* Cells may use HVC as their PSCI conduit. */
	if (imm == 0 && cpu->cell != &root_cell) {
		stat = psci_handle_smc(cpu, f);
		cpu->stats[stat]++;
		return;
	}
	/* Kernel code that still thinks the stub is there gets its error. */
	if (imm != JAILHOUSE_HVC_CODE) {
		trap_set_reg(f, 0, HVC_STUB_ERR);
		return;
	}
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL]++;
	ret = hypercall(cpu, trap_reg(f, 0), trap_reg(f, 1), trap_reg(f, 2));
	trap_set_reg(f, 0, (unsigned long)ret);
}

void arm_handle_smc(struct arm_trap *t)
{
	unsigned int stat = psci_handle_smc(t->cpu, t->frame);

	t->cpu->stats[stat]++;
	/* A trapped SMC returns to itself. */
	arm_skip_instruction(t);
}

void arm_handle_dabt(struct arm_trap *t)
{
	unsigned long iss = ESR_ISS(t->syndrome);
	struct per_cpu *cpu = t->cpu;
	struct mmio_access acc;
	enum mmio_result res;
	unsigned int reg;
	u64 ipa;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO]++;
	if (iss & ISS_DABT_S1PTW)
		arm_trap_fatal(t, "stage-2 fault on a guest table walk");
	if (mmio_decode(iss, t->frame, &acc, &reg))
		arm_trap_fatal(t, "MMIO access without instruction syndrome");

	ipa = HPFAR_IPA(sysreg_read(HPFAR), sysreg_read(FAR));
	acc.address = ipa;
	/*
	 * Device registers answer an access that is not naturally aligned
	 * with an alignment fault, which the hypervisor would take itself.
	 */
	if (ipa & (acc.size - 1))
		res = MMIO_ERROR;
	else
		res = mmio_handle_access(cpu->cell, &acc);
	if (res != MMIO_HANDLED) {
		printk("CPU %u, cell \"%s\": refused MMIO %s at 0x%llx, "
		       "%u bytes (%s)\n", cpu->cpu_id, cpu->cell->config->name,
		       acc.is_write ? "write" : "read", ipa, acc.size,
		       res == MMIO_UNHANDLED ? "no region" :
		       ipa & (acc.size - 1) ? "unaligned" : "by its handler");
		arm_trap_fatal(t, "unhandled data abort");
	}
	if (!acc.is_write)
		mmio_complete_read(iss, t->frame, &acc, reg);
	arm_skip_instruction(t);
}

void arm_handle_sysreg(struct arm_trap *t,
		       const struct arm_sysreg_access *acc)
{
	if (acc->reg != ARM_SYSREG_ICC_SGI1R || !acc->is_write)
		arm_trap_fatal(t, "unhandled system register access");
	t->cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VSGI]++;
	gic_send_sgi1r(t->cpu, acc->value);
	arm_skip_instruction(t);
}

u64 arm_irq_fast(struct per_cpu *cpu)
{
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ]++;
	return gic_irq_fast(cpu);
}

void arm_irq_slow(struct arm_trap *t, u64 ack)
{
	gic_handle_acked(t->cpu, ack);
	arm_handle_events(t->cpu, t->frame);
}

void arm_handle_irq(struct arm_trap *t)
{
	u64 ack;

	t->cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ]++;
	ack = gic_irq_fast(t->cpu);
	if (ack != GIC_ACK_DONE)
		arm_irq_slow(t, ack);
}

void arm_trap_done(struct arm_trap *t)
{
	if (t->cpu->shutdown)
		arm_cpu_leave(t->cpu, t->frame);
	arm_handle_events(t->cpu, t->frame);
}
