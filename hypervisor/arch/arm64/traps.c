// SPDX-License-Identifier: GPL-2.0
/*
 * Exits of the guests to EL2, decoded from ESR_EL2: hypercalls, SMCs
 * (PSCI), stage-2 data aborts (MMIO). Everything else, and any exception
 * of the hypervisor itself, is fatal for the CPU.
 */
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <arm-common/hv.h>
#include <arm-common/mmio.h>
#include <arm-common/psci.h>
#include <asm/entry.h>
#include <asm/sysregs.h>
#include <asm/trap_frame.h>

/* What the kernel's hyp stub answers to calls it does not know. */
#define HVC_STUB_ERR		0xbadca11

/* Vector index (entry.S): 4..7 are synchronous .. SError from EL1. */
#define KIND_LOWER_SYNC		8
#define KIND_LOWER_A64_LAST	11

/* Data abort ISS: stage-2 fault on a stage-1 table walk. */
#define ISS_S1PTW		BIT(7)

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

static void __noreturn fatal(struct per_cpu *cpu, const char *what,
			     unsigned long kind)
{
	printk("FATAL: %s on CPU %u (%s)\n", what, cpu->cpu_id,
	       vector_names[kind & 15]);
	printk("  ESR 0x%lx FAR 0x%lx HPFAR 0x%lx ELR 0x%lx SPSR 0x%lx\n",
	       read_sysreg(esr_el2), read_sysreg(far_el2),
	       read_sysreg(hpfar_el2), read_sysreg(elr_el2),
	       read_sysreg(spsr_el2));
	arm_cpu_park_failed(cpu);
}

static void skip_instruction(void)
{
	write_sysreg(elr_el2, read_sysreg(elr_el2) + 4);
}

static void handle_hvc(struct per_cpu *cpu, struct trap_frame *f,
		       unsigned long esr)
{
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
	unsigned int reg;
	int err;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO]++;
	if (iss & ISS_S1PTW)
		fatal(cpu, "stage-2 fault on a guest table walk", kind);
	if (mmio_decode(iss, f, &acc, &reg))
		fatal(cpu, "MMIO access without instruction syndrome", kind);

	/* HPFAR_EL2 holds bits 47:12 of the IPA in its bits 39:4. */
	acc.address = ((read_sysreg(hpfar_el2) & GENMASK_ULL(43, 4)) << 8) |
		(read_sysreg(far_el2) & 0xfff);
	err = mmio_dispatch(cpu->cell, &acc);
	if (err) {
		printk("Unhandled MMIO %s at 0x%llx, %u bytes (%d)\n",
		       acc.is_write ? "write" : "read",
		       ((read_sysreg(hpfar_el2) & GENMASK_ULL(43, 4)) << 8) |
		       (read_sysreg(far_el2) & 0xfff), acc.size, err);
		fatal(cpu, "unhandled data abort", kind);
	}
	if (!acc.is_write)
		mmio_complete_read(iss, f, &acc, reg);
	skip_instruction();
}

void arm64_trap(struct trap_frame *f, unsigned long kind)
{
	struct per_cpu *cpu = this_cpu();
	unsigned long esr = read_sysreg(esr_el2);
	unsigned int stat;

	if (kind != KIND_LOWER_SYNC)
		fatal(cpu, kind < KIND_LOWER_SYNC ? "hypervisor exception" :
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
	default:
		fatal(cpu, "unhandled trap", kind);
	}

	if (cpu->shutdown)
		arm64_leave(cpu, f);
}
