// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt injection, the same for GICv2 and GICv3 (their registers are
 * behind struct gic_ops).
 *
 * Every physical interrupt of a CPU traps (HCR_EL2.IMO/FMO); the
 * hypervisor acknowledges it and drops its priority (EOI mode 1), then
 * queues it into a list register of the CPU's virtual interface.
 * Peripheral and private interrupts are linked to the physical one (HW
 * bit): the guest's deactivation deactivates the physical interrupt.
 * SGIs are deactivated at once and injected as plain virtual interrupts.
 * When the list registers are full, the rest waits in a per-CPU bitmap
 * until the underflow maintenance interrupt says there is room.
 *
 * A guest's timer or device interrupt takes the version's irq_fast
 * (gic_irq_fast): one acknowledge, one free list register, no loop over
 * further interrupts, which trap again on their own after the return.
 */
#include <jailhouse/hypercall.h>
#include <core/percpu.h>
#include <core/string.h>
#include <arm-common/gic.h>
#include <arm-common/gic_ops.h>
#include <arm-common/subarch.h>

static void clear_lrs(struct per_cpu *cpu)
{
	unsigned int n;

	for (n = 0; n < cpu->arch.num_lrs; n++)
		gic->write_lr(n, 0);
}

int gic_cpu_init(struct per_cpu *cpu)
{
	int err;

	memset(cpu->arch.pending, 0, sizeof(cpu->arch.pending));
	err = gic->cpu_init(cpu);
	if (err)
		return err;
	clear_lrs(cpu);
	gic->set_underflow(false);
	cpu->arch.gic_ready = true;
	return 0;
}

void gic_drop_injected(struct per_cpu *cpu, bool resend)
{
	const struct gic_lr_format *f = &gic->lr;
	struct arch_per_cpu *a = &cpu->arch;
	unsigned int n, irq;
	u64 lr;

	for (n = 0; n < a->num_lrs; n++) {
		lr = gic->read_lr(n);
		if (!(lr & f->state))
			continue;
		irq = lr & f->vintid;
		if (lr & f->hw)
			gic->deactivate(irq);
		/* Active and pending: a second SGI was merged in. */
		else if (resend && (lr & f->pending))
			gic->send_sgi(cpu, irq);
	}
	clear_lrs(cpu);
	for (irq = 0; irq < GIC_MAX_IRQS; irq++) {
		if (!((a->pending[irq / 64] >> (irq % 64)) & 1))
			continue;
		if (irq >= 16)
			gic->deactivate(irq);
		else if (resend)
			gic->send_sgi(cpu, irq);
	}
	memset(a->pending, 0, sizeof(a->pending));
	gic->set_underflow(false);
}

void gic_cpu_shutdown(struct per_cpu *cpu)
{
	if (!cpu->arch.gic_ready)
		return;
	gic_drop_injected(cpu, true);
	gic->cpu_shutdown(cpu);
	cpu->arch.gic_ready = false;
}

void gic_cpu_reset(struct per_cpu *cpu)
{
	if (!cpu->arch.gic_ready)
		return;
	gic_drop_injected(cpu, false);
	gic->cpu_reset(cpu);
}

void gic_send_mgmt_sgi(struct per_cpu *target)
{
	gic->send_sgi(target, GIC_MGMT_SGI);
}

bool gic_irq_waiting(struct per_cpu *cpu)
{
	unsigned int n;
	u64 empty;

	if (!cpu->arch.gic_ready)
		return false;
	for (n = 0; n < GIC_PENDING_WORDS; n++)
		if (cpu->arch.pending[n])
			return true;
	empty = gic->empty_lrs();
	for (n = 0; n < cpu->arch.num_lrs; n++)
		if (!((empty >> n) & 1) && (gic->read_lr(n) & gic->lr.pending))
			return true;
	return false;
}

static bool inject(struct per_cpu *cpu, u32 iar)
{
	u64 empty = gic->empty_lrs();
	unsigned int n;

	for (n = 0; n < cpu->arch.num_lrs; n++) {
		if ((empty >> n) & 1) {
			gic->write_lr(n, gic->make_lr(iar));
			return true;
		}
	}
	return false;
}

/*
 * An SGI that a list register holds already (on GICv2: from the same
 * source) goes into that entry: two entries for one interrupt are
 * unpredictable. A pending one stays one pending SGI, as in hardware; an
 * active one becomes active and pending. Returns whether it was there.
 */
static bool merge_sgi(struct per_cpu *cpu, u32 iar)
{
	const struct gic_lr_format *f = &gic->lr;
	u64 empty = gic->empty_lrs(), lr;
	u64 id = gic->make_lr(iar) & f->sgi_id;
	unsigned int n;

	for (n = 0; n < cpu->arch.num_lrs; n++) {
		if ((empty >> n) & 1)
			continue;
		lr = gic->read_lr(n);
		if (!(lr & f->state) || (lr & f->sgi_id) != id)
			continue;
		if (!(lr & f->pending))
			gic->write_lr(n, lr | f->pending);
		return true;
	}
	return false;
}

/* Move queued interrupts into free list registers. */
static void refill(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;
	bool left = false;
	unsigned int irq;

	for (irq = 0; irq < GIC_MAX_IRQS; irq++) {
		if (!((a->pending[irq / 64] >> (irq % 64)) & 1))
			continue;
		/*
		 * The source of a queued SGI is not kept. A list register
		 * may hold the same SGI still (active): it takes this one.
		 */
		if (!(irq < 16 && merge_sgi(cpu, irq)) && !inject(cpu, irq)) {
			left = true;
			break;
		}
		a->pending[irq / 64] &= ~(1ULL << (irq % 64));
	}
	gic->set_underflow(left);
}

static void queue(struct per_cpu *cpu, u32 iar)
{
	unsigned int irq = iar & gic->lr.iar_id;
	struct arch_per_cpu *a = &cpu->arch;

	if (irq < 16 && merge_sgi(cpu, iar))
		return;
	if (inject(cpu, iar))
		return;
	/* Beyond the bitmap (LPIs) nothing can wait: it is lost. */
	if (irq >= GIC_MAX_IRQS)
		return;
	a->pending[irq / 64] |= 1ULL << (irq % 64);
	gic->set_underflow(true);
}

/* One acknowledged interrupt; returns whether it was the management SGI. */
static bool handle_one(struct per_cpu *cpu, u32 iar)
{
	unsigned int irq = iar & gic->lr.iar_id;

	/* Priority drop only: deactivation follows below. */
	gic->eoi(iar);
	if (irq == GIC_MGMT_SGI) {
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
		gic->deactivate(iar);
		return true;
	}
	if (irq == gic_maint_irq) {
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE]++;
		refill(cpu);
		gic->deactivate(iar);
	} else {
		if (irq < 16)
			gic->deactivate(iar);
		queue(cpu, iar);
	}
	return false;
}

static bool is_spurious(u32 iar)
{
	unsigned int irq = iar & gic->lr.iar_id;

	return irq >= GIC_SPURIOUS && irq < GIC_SPURIOUS + 4;
}

bool gic_handle_irq(struct per_cpu *cpu)
{
	bool kicked = false;
	u32 iar;

	if (!cpu->arch.gic_ready)
		return false;
	for (;;) {
		iar = gic->ack();
		if (is_spurious(iar))
			break;
		kicked |= handle_one(cpu, iar);
	}
	isb();
	return kicked;
}

u64 gic_irq_fast(struct per_cpu *cpu)
{
	if (!cpu->arch.gic_ready)
		return GIC_ACK_NONE;
	return gic->irq_fast(cpu);
}

bool gic_handle_acked(struct per_cpu *cpu, u64 ack)
{
	bool kicked = false;

	if (!cpu->arch.gic_ready)
		return false;
	if (!is_spurious((u32)ack))
		kicked = handle_one(cpu, (u32)ack);
	return gic_handle_irq(cpu) || kicked;
}
