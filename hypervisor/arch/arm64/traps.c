// SPDX-License-Identifier: GPL-2.0
/*
 * AArch64 exits to EL2, decoded by vector and ESR_EL2 exception class and
 * handed to the handlers of arm-common (traps.c there): hypercalls, SMCs,
 * stage-2 data aborts, ICC_SGI1R_EL1 writes, physical interrupts.
 * Anything else, and any exception of EL2 itself, is fatal.
 */
#include <jailhouse/hypercall.h>
#include <core/percpu.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>
#include <arm-common/traps.h>
#include <asm/entry.h>

/* Vector index (entry.S): 8..11 are synchronous .. SError from EL1. */
#define KIND_LOWER_SYNC		8
#define KIND_LOWER_IRQ		9
#define KIND_LOWER_FIQ		10

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

/* MSR/MRS of the one register a guest may reach through a trap. */
static void decode_sysreg(struct arm_trap *t)
{
	unsigned long iss = ESR_ISS(t->syndrome);
	struct arm_sysreg_access acc = {
		.reg = (iss & ISS_SYSREG_MASK) == ISS_ICC_SGI1R ?
			ARM_SYSREG_ICC_SGI1R : ARM_SYSREG_OTHER,
		.is_write = !(iss & ISS_SYSREG_READ),
		.value = trap_reg(t->frame, ISS_SYSREG_RT(iss)),
	};

	arm_handle_sysreg(t, &acc);
}

static void handle_sync(struct arm_trap *t)
{
	switch (ESR_EC(t->syndrome)) {
	case EC_HVC64:
		arm_handle_hvc(t);
		break;
	case EC_SMC64:
		arm_handle_smc(t);
		break;
	case EC_DABT_LOW:
		arm_handle_dabt(t);
		break;
	case EC_SYS64:
		decode_sysreg(t);
		break;
	default:
		arm_trap_fatal(t, "unhandled trap");
	}
}

/*
 * An interrupt that arm_irq_fast() (called by entry.S) left to the full
 * path, with the whole frame saved now.
 */
void arm64_irq_slow(struct trap_frame *f, u64 ack)
{
	struct arm_trap t = {
		.cpu = this_cpu(),
		.frame = f,
		.origin = vector_names[KIND_LOWER_IRQ],
	};

	arm_irq_slow(&t, ack);
}

void arm64_trap(struct trap_frame *f, unsigned long kind)
{
	struct arm_trap t = {
		.cpu = this_cpu(),
		.frame = f,
		.syndrome = read_sysreg(esr_el2),
		.origin = vector_names[kind & 15],
		.in_hyp = kind < KIND_LOWER_SYNC,
	};

	/* IRQs from a guest take entry.S's short path to arm_irq_fast(). */
	if (kind == KIND_LOWER_IRQ || kind == KIND_LOWER_FIQ) {
		t.cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
		arm_handle_irq(&t);
		return;
	}
	if (kind != KIND_LOWER_SYNC)
		arm_trap_fatal(&t, t.in_hyp ? "hypervisor exception" :
			       "unexpected exception");

	t.cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	handle_sync(&t);
	arm_trap_done(&t);
}
