// SPDX-License-Identifier: GPL-2.0
/*
 * ARMv7 exits to HYP mode, decoded by vector and HSR exception class and
 * handed to the handlers of arm-common (traps.c there): hypercalls, SMCs,
 * stage-2 data aborts, 64-bit cp15 writes of ICC_SGI1R, physical
 * interrupts; SMC and cp15 traps first checked against their condition. Anything else, and any exception of HYP mode itself, is
 * fatal.
 */
#include <jailhouse/hypercall.h>
#include <core/percpu.h>
#include <arm-common/psr.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>
#include <arm-common/traps.h>
#include <asm/entry.h>

/* Vector index (entry.S): the hyp trap vector, IRQ and FIQ. */
#define KIND_GUEST_TRAP		5
#define KIND_IRQ		6
#define KIND_FIQ		7

static const char *const vector_names[] = {
	"HYP reset", "HYP undefined instruction", "HYP hypervisor call",
	"HYP prefetch abort", "HYP data abort", "guest trap", "IRQ", "FIQ",
};

static u32 trap_spsr(void)
{
	u32 v;

	asm volatile("mrs %0, spsr" : "=r" (v));
	return v;
}

/*
 * A trapped SMC or 64-bit cp15 access may have failed its condition: the
 * architecture lets a CPU trap it anyway, and then it must do nothing.
 */
static bool failed_condition(struct arm_trap *t, unsigned int ec)
{
	return (ec == EC_SMC32 || ec == EC_CP15_64) &&
		arm_skip_failed_condition(t, trap_spsr());
}

static void handle_sync(struct arm_trap *t)
{
	unsigned int ec = ESR_EC(t->syndrome);

	if (failed_condition(t, ec))
		return;
	switch (ec) {
	case EC_HVC32:
		arm_handle_hvc(t);
		break;
	case EC_SMC32:
		arm_handle_smc(t);
		break;
	case EC_DABT_LOW:
		arm_handle_dabt(t);
		break;
	case EC_CP15_64:
		arm_handle_cp15_64(t);
		break;
	default:
		arm_trap_fatal(t, "unhandled trap");
	}
}

void armv7_trap(struct trap_frame *f, unsigned long kind)
{
	struct arm_trap t = {
		.cpu = this_cpu(),
		.frame = f,
		.syndrome = sysreg_read(HSR),
		.origin = vector_names[kind & 7],
		.in_hyp = (trap_spsr() & PSR_MODE_MASK) == PSR_MODE_HYP,
	};

	if (t.in_hyp)
		arm_trap_fatal(&t, "hypervisor exception");
	if (kind == KIND_IRQ || kind == KIND_FIQ) {
		t.cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
		arm_handle_irq(&t);
		return;
	}
	if (kind != KIND_GUEST_TRAP)
		arm_trap_fatal(&t, "unexpected exception");

	t.cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;
	handle_sync(&t);
	arm_trap_done(&t);
}
