// SPDX-License-Identifier: GPL-2.0
/*
 * Exits of the guests to EL2, decoded from ESR_EL2: hypercalls, SMCs
 * (PSCI), stage-2 data aborts (MMIO), SGI register writes; and physical
 * interrupts. Everything else is fatal: a cell other than the root fails
 * and its CPU parks until the cell is restarted or destroyed; the root
 * cell's CPU, or one that faults in the hypervisor, stops for good.
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
#include <asm/entry.h>
#include <asm/sysregs.h>
#include <asm/trap_frame.h>

/* What the kernel's hyp stub answers to calls it does not know. */
#define HVC_STUB_ERR		0xbadca11

/* Vector index (entry.S): 8..11 are synchronous .. SError from EL1. */
#define KIND_LOWER_SYNC		8
#define KIND_LOWER_IRQ		9
#define KIND_LOWER_FIQ		10
#define KIND_LOWER_A64_LAST	11

/* Data abort ISS: stage-2 fault on a stage-1 table walk. */
#define ISS_S1PTW		BIT(7)

/* System register trap ISS: Op0, Op2, Op1, CRn, Rt, CRm, direction. */
#define ISS_SYSREG_MASK		0x3ffc1e
#define ISS_SYSREG_RT(iss)	(((iss) >> 5) & 0x1f)
#define ISS_SYSREG_READ		BIT(0)
/* ICC_SGI1R_EL1: Op0 3, Op1 0, CRn 12, CRm 11, Op2 5. */
#define ISS_ICC_SGI1R		((3 << 20) | (5 << 17) | (0 << 14) | \
				 (12 << 10) | (11 << 1))

static const char *const vector_names[] = {
	"EL2t synchronous", "EL2t IRQ", "EL2t FIQ", "EL2t SError",
	"EL2h synchronous", "EL2h IRQ", "EL2h FIQ", "EL2h SError",
	"EL1 synchronous", "EL1 IRQ", "EL1 FIQ", "EL1 SError",
	"AArch32 synchronous", "AArch32 IRQ", "AArch32 FIQ",
	"AArch32 SError",
};

long arm_smc(unsigned long fid, unsigned long a1, unsigned long a2,
	     unsigned long a3)
{
	register unsigned long x0 asm("x0") = fid;
	register unsigned long x1 asm("x1") = a1;
	register unsigned long x2 asm("x2") = a2;
	register unsigned long x3 asm("x3") = a3;

	asm volatile("smc #0"
		     : "+r" (x0), "+r" (x1), "+r" (x2), "+r" (x3)
		     : : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
		       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
	return (long)x0;
}

void __noreturn arm_cpu_park_failed(struct per_cpu *cpu)
{
	cpu->failed = true;
	for (;;)
		asm volatile("wfi");
}

static void __noreturn fatal(struct per_cpu *cpu, struct trap_frame *f,
			     const char *what, unsigned long kind)
{
	struct cell *cell = cpu->cell;

	printk("FATAL: %s on CPU %u, cell \"%s\" (%s)\n", what, cpu->cpu_id,
	       cell->config->name, vector_names[kind & 15]);
	printk("  ESR 0x%lx FAR 0x%lx HPFAR 0x%lx ELR 0x%lx SPSR 0x%lx\n",
	       read_sysreg(esr_el2), read_sysreg(far_el2),
	       read_sysreg(hpfar_el2), read_sysreg(elr_el2),
	       read_sysreg(spsr_el2));
	if (cell == &root_cell || kind < KIND_LOWER_SYNC)
		arm_cpu_park_failed(cpu);

	cell_cpu_failed(cpu);
	printk("Cell \"%s\" failed; CPU %u parked\n", cell->config->name,
	       cpu->cpu_id);
	cpu->parked = true;
	arm_power_off(cpu);
	/* Lower-EL traps keep the frame at the top of the stack. */
	arm_handle_events(cpu, f);
	arm64_enter_guest(f);
}

static void skip_instruction(void)
{
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

static void handle_hvc(struct per_cpu *cpu, struct trap_frame *f,
		       unsigned long esr)
{
	unsigned int stat;

	/* Cells may use HVC as their PSCI conduit. */
	if ((esr & 0xffff) == 0 && cpu->cell != &root_cell) {
		stat = psci_handle_smc(cpu, f);
		cpu->stats[stat]++;
		return;
	}
	/* Kernel code that still thinks the stub is there gets its error. */
	if ((esr & 0xffff) != JAILHOUSE_HVC_CODE) {
		f->x[0] = HVC_STUB_ERR;
		return;
	}
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL]++;
	f->x[0] = (unsigned long)hypercall(cpu, f->x[0], f->x[1], f->x[2]);
}

static void handle_dabt(struct per_cpu *cpu, struct trap_frame *f,
			unsigned long esr, unsigned long kind)
{
	unsigned long iss = ESR_ISS(esr);
	struct mmio_access acc;
	enum mmio_result res;
	unsigned int reg;
	u64 ipa;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO]++;
	if (iss & ISS_S1PTW)
		fatal(cpu, f, "stage-2 fault on a guest table walk", kind);
	if (mmio_decode(iss, f, &acc, &reg))
		fatal(cpu, f, "MMIO access without instruction syndrome",
		      kind);

	/* HPFAR_EL2 holds bits 47:12 of the IPA in its bits 39:4. */
	ipa = ((read_sysreg(hpfar_el2) & GENMASK_ULL(43, 4)) << 8) |
		(read_sysreg(far_el2) & 0xfff);
	acc.address = ipa;
	res = mmio_handle_access(cpu->cell, &acc);
	if (res != MMIO_HANDLED) {
		printk("CPU %u, cell \"%s\": refused MMIO %s at 0x%llx, "
		       "%u bytes (%s)\n", cpu->cpu_id, cpu->cell->config->name,
		       acc.is_write ? "write" : "read", ipa, acc.size,
		       res == MMIO_UNHANDLED ? "no region" : "by its handler");
		fatal(cpu, f, "unhandled data abort", kind);
	}
	if (!acc.is_write)
		mmio_complete_read(iss, f, &acc, reg);
	skip_instruction();
}

static void handle_sysreg(struct per_cpu *cpu, struct trap_frame *f,
			  unsigned long esr, unsigned long kind)
{
	unsigned long iss = ESR_ISS(esr);

	if ((iss & ISS_SYSREG_MASK) != ISS_ICC_SGI1R ||
	    (iss & ISS_SYSREG_READ))
		fatal(cpu, f, "unhandled system register access", kind);
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VSGI]++;
	gic_send_sgi1r(cpu, trap_reg(f, ISS_SYSREG_RT(iss)));
	skip_instruction();
}

void arm64_trap(struct trap_frame *f, unsigned long kind)
{
	struct per_cpu *cpu = this_cpu();
	unsigned long esr = read_sysreg(esr_el2);
	unsigned int stat;

	if (kind == KIND_LOWER_IRQ || kind == KIND_LOWER_FIQ) {
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_VIRQ]++;
		gic_handle_irq(cpu);
		arm_handle_events(cpu, f);
		return;
	}
	if (kind != KIND_LOWER_SYNC)
		fatal(cpu, f, kind < KIND_LOWER_SYNC ? "hypervisor exception" :
		      "unexpected exception", kind);

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	switch (ESR_EC(esr)) {
	case EC_HVC64:
		handle_hvc(cpu, f, esr);
		break;
	case EC_SMC64:
		/* A trapped SMC returns to itself. */
		stat = psci_handle_smc(cpu, f);
		cpu->stats[stat]++;
		skip_instruction();
		break;
	case EC_DABT_LOW:
		handle_dabt(cpu, f, esr, kind);
		break;
	case EC_SYS64:
		handle_sysreg(cpu, f, esr, kind);
		break;
	default:
		fatal(cpu, f, "unhandled trap", kind);
	}

	if (cpu->shutdown)
		arm64_leave(cpu, f);
	arm_handle_events(cpu, f);
}
