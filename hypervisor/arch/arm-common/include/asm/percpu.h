/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARM part of the per-CPU area (struct arch_per_cpu in the core's struct
 * per_cpu), for ARMv7 and ARMv8 alike: the names are those of AArch64,
 * each has its ARMv7 HYP counterpart (HCR, HSCTLR, VTTBR, HCPTR, ...).
 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <core/types.h>

/* Interrupt ids the hypervisor handles: SGIs, PPIs and SPIs up to 1019. */
#define GIC_MAX_IRQS		1024
#define GIC_PENDING_WORDS	(GIC_MAX_IRQS / 64)
/* Groups (and GICv3 modifiers), 8 priority and 1 PPI trigger word. */
#define GIC_BANKED_WORDS	11

struct arch_per_cpu {
	/* Hypervisor registers as the kernel's hyp stub had them. */
	u64 linux_hcr;
	u64 linux_sctlr;
	u64 linux_vtcr;
	u64 linux_vttbr;
	/* What the kernel's boot code set for EL1; each start gets it. */
	u64 cnthctl;
	u64 cntvoff;
	u64 midr;
	u64 mpidr;
	/* PSCI CPU_ON: entry and context id for the next start. */
	unsigned long on_entry;
	unsigned long on_context;
	/* The root cell made that call (not a cell that went away since). */
	bool on_root;
	/*
	 * Power state as the CPU's cell sees it (ARM_CPU_*, control.c):
	 * a CPU that is off waits in the hypervisor for PSCI CPU_ON or a
	 * reset; on_entry/on_context are valid while it is ON_PENDING.
	 */
	u32 power;
	/* This CPU's GICv3 redistributor in the hypervisor's mapping. */
	void *gicr;
	/* GICv2: this CPU's bit in GICD_ITARGETSR and GICD_SGIR. */
	u8 gic_target;
	/* The virtual CPU interface is set up: interrupts are injected. */
	bool gic_ready;
	/*
	 * Group, priority and trigger words of the CPU's SGIs and PPIs as
	 * Linux had them at take-over (gic_banked.c).
	 */
	u32 gic_banked[GIC_BANKED_WORDS];
	/* List registers of the CPU interface. */
	unsigned int num_lrs;
	/*
	 * Interrupts waiting for a free list register, as a bitmap of
	 * interrupt ids below GIC_MAX_IRQS (SGIs come from any CPU of the
	 * cell; the source is not kept).
	 */
	u64 pending[GIC_PENDING_WORDS];
	/* linux_* hold the stub's values and guests run under stage 2. */
	bool hyp_saved;
	/* The CPU went through arch_cpu_init once: it can be switched on. */
	bool known;
};

#endif /* _ASM_PERCPU_H */
