/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Trap handling shared by AArch64 and ARMv7. The sub-arch's exception
 * entry decodes its syndrome by class and hands each trap here as a
 * struct arm_trap; these handlers act on it, complete it (skipping the
 * instruction where the architecture asks for that) or end in the fatal
 * path. Every exit finishes with arm_trap_done().
 */
#ifndef _ARM_COMMON_TRAPS_H
#define _ARM_COMMON_TRAPS_H

#include <core/types.h>

struct per_cpu;
struct trap_frame;

struct arm_trap {
	struct per_cpu *cpu;
	struct trap_frame *frame;
	/* ESR_EL2 / HSR of the trap. */
	unsigned long syndrome;
	/* Where the exception came from, for the fatal report. */
	const char *origin;
	/* Taken in the hypervisor itself, not from a guest. */
	bool in_hyp;
};

/*
 * A trapped system register access, decoded by the sub-arch (AArch64
 * MSR/MRS, AArch32 MCR/MCRR): which register, direction and value.
 */
enum arm_sysreg {
	ARM_SYSREG_OTHER,
	/* ICC_SGI1R_EL1 / the 64-bit AArch32 ICC_SGI1R. */
	ARM_SYSREG_ICC_SGI1R,
};

struct arm_sysreg_access {
	enum arm_sysreg reg;
	bool is_write;
	u64 value;
};

/*
 * The trap cannot be handled: one report, then a cell other than the
 * root fails and its CPU parks until the cell restarts or goes away; a
 * root CPU, or a fault of the hypervisor itself, stops the CPU for good.
 */
void __noreturn arm_trap_fatal(struct arm_trap *t, const char *what);

/* HVC: Jailhouse hypercalls, PSCI of cells, the hyp stub's leftovers. */
void arm_handle_hvc(struct arm_trap *t);
/* A trapped SMC (PSCI and SMCCC calls), skipped afterwards. */
void arm_handle_smc(struct arm_trap *t);
/* Stage-2 data abort of a guest: emulated or filtered MMIO. */
void arm_handle_dabt(struct arm_trap *t);
/* A trapped system register access the sub-arch decoded. */
void arm_handle_sysreg(struct arm_trap *t,
		       const struct arm_sysreg_access *acc);
/* A physical interrupt taken while a guest ran (exit counted already). */
void arm_handle_irq(struct arm_trap *t);

/*
 * The same in two halves, for an entry that saves only the registers a
 * C call may clobber before the first: arm_irq_fast() counts the exit
 * and returns GIC_ACK_DONE when the guest can go on at once (nothing
 * else ran, no event is handled: a kick comes as its own interrupt);
 * otherwise the entry saves the rest of the frame and hands the value
 * to arm_irq_slow(), which ends like arm_trap_done().
 */
u64 arm_irq_fast(struct per_cpu *cpu);
void arm_irq_slow(struct arm_trap *t, u64 ack);

/*
 * End of every exit: a CPU asked to leave leaves, requests and power
 * states are taken care of; returns when the guest can go on.
 */
void arm_trap_done(struct arm_trap *t);

/* Stop this CPU for good after a fatal error in its cell. */
void __noreturn arm_cpu_park_failed(struct per_cpu *cpu);

#endif /* !_ARM_COMMON_TRAPS_H */
