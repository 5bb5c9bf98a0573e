// SPDX-License-Identifier: GPL-2.0
/*
 * GICv3: system-register CPU interface, redistributors, and the list
 * registers of the virtual interface (ICH_*_EL2). Injection itself is
 * gic_inject.c's. At take-over, the virtual interface gets the state
 * Linux had set up in the physical one, and gets it back at the end.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/spinlock.h>
#include <core/string.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/gic_cpuif.h>
#include <arm-common/gic_ops.h>
#include <arm-common/gicr.h>
#include <arm-common/hv.h>
#include <arm-common/io.h>
#include <arm-common/mmio.h>
#include <arm-common/subarch.h>

/* Linux's default priority; cells program their masks above it. */
#define INJECT_PRIO		0xa0ULL
#define HV_PRIO			0x80

/*
 * Redistributors as the cells see them: a cell reaches the frames of its
 * own CPUs (the root also those of no CPU the hypervisor knows), filtered
 * by private_regs and other_write_allowed; of other frames only the
 * identification part is readable (the root reads all).
 */
static void *gicr;
static u64 gicr_size;
static DEFINE_SPINLOCK(gicr_lock);

/* The redistributor's words of its CPU's SGIs and PPIs. */
static const struct gic_banked_reg v3_banked[] = {
	{ GICR_IGROUPR0, 1 },
	{ GICR_IGRPMODR0, 1 },
	{ GICR_IPRIORITYR, GIC_NUM_PRIVATE / 4 },
	/* SGIs are edge-triggered, whatever is written. */
	{ GICR_ICFGR0 + 4, 1 },
};

/* GICR_TYPER's affinity: Aff3.Aff2.Aff1.Aff0 in one 32-bit value. */
static u32 mpidr_to_typer_aff(u64 mpidr)
{
	return (u32)(mpidr & 0xffffff) | (u32)((mpidr >> 32) & 0xff) << 24;
}

static int v3_init(void)
{
	const struct jailhouse_system *sys = system_config_location();

	gicr_size = (u64)hypervisor_header.max_cpus * GICR_STRIDE;
	gicr = hv_map_device(sys->platform_info.arm.gicr_base, gicr_size);
	return gicr ? 0 : -ENOMEM;
}

static void *find_redistributor(u64 mpidr)
{
	u32 aff = mpidr_to_typer_aff(mpidr);
	u64 off, typer;

	for (off = 0; off < gicr_size; off += GICR_STRIDE) {
		typer = mmio_read64((char *)gicr + off + GICR_TYPER);
		if ((u32)(typer >> 32) == aff)
			return (char *)gicr + off;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return NULL;
}

static u64 sgi1r_value(u64 mpidr, unsigned int sgi)
{
	u64 aff0 = mpidr & 0xff;

	return (1ULL << (aff0 & 0xf)) | ((aff0 >> 4) << 44) |
		(((mpidr >> 8) & 0xff) << 16) | ((u64)sgi << 24) |
		(((mpidr >> 16) & 0xff) << 32) | (((mpidr >> 32) & 0xff) << 48);
}

static void send_sgi(u64 mpidr, unsigned int sgi)
{
	/* Flags written before the kick must be visible to the target. */
	dsb_ish();
	sysreg_write(ICC_SGI1R, sgi1r_value(mpidr, sgi));
	isb();
}

static void v3_send_sgi(struct per_cpu *target, unsigned int sgi)
{
	send_sgi(target->arch.mpidr, sgi);
}

void gic_send_sgi1r(struct per_cpu *cpu, u64 val)
{
	unsigned int sgi = (val >> 24) & 0xf, n;
	bool all = (val >> 40) & 1;
	struct per_cpu *target;
	u64 mpidr, aff0;

	/* The hypervisor's own SGI is not for cells to send. */
	if (sgi == GIC_MGMT_SGI)
		return;
	for_each_cpu_of(n, cpu->cell) {
		target = per_cpu(n);
		mpidr = target->arch.mpidr;
		aff0 = mpidr & 0xff;
		if (all) {
			if (target == cpu)
				continue;
		} else if (((val >> 16) & 0xff) != ((mpidr >> 8) & 0xff) ||
			   ((val >> 32) & 0xff) != ((mpidr >> 16) & 0xff) ||
			   ((val >> 48) & 0xff) != ((mpidr >> 32) & 0xff) ||
			   ((val >> 44) & 0xf) != (aff0 >> 4) ||
			   !((val >> (aff0 & 0xf)) & 1)) {
			continue;
		}
		send_sgi(mpidr, sgi);
	}
}

static int v3_cpu_init(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;
	u64 pmr, ctlr, vmcr;
	u32 active;
	void *rd;

	a->gicr = find_redistributor(a->mpidr);
	if (!a->gicr) {
		printk("CPU %u: no GICv3 redistributor for MPIDR 0x%llx\n",
		       cpu->cpu_id, (unsigned long long)a->mpidr);
		return -ENODEV;
	}
	rd = a->gicr;
	a->num_lrs = (sysreg_read(ICH_VTR) & 0x1f) + 1;

	/* What Linux set up goes into the virtual interface. */
	pmr = sysreg_read(ICC_PMR);
	ctlr = sysreg_read(ICC_CTLR);
	vmcr = (pmr & 0xff) << ICH_VMCR_VPMR_SHIFT |
		(sysreg_read(ICC_BPR1) & 7) << ICH_VMCR_VBPR1_SHIFT;
	if (ctlr & ICC_CTLR_EOIMODE)
		vmcr |= ICH_VMCR_VEOIM;
	if (ctlr & ICC_CTLR_CBPR)
		vmcr |= ICH_VMCR_VCBPR;
	if (sysreg_read(ICC_IGRPEN1) & 1)
		vmcr |= ICH_VMCR_VENG1;
	sysreg_write(ICH_VMCR, vmcr);
	sysreg_write(ICH_HCR, ICH_HCR_EN);

	/* The hypervisor's private interrupts: group 1, high priority. */
	mmio_write32((char *)rd + GICR_IGROUPR0,
		     mmio_read32((char *)rd + GICR_IGROUPR0) |
		     gic_hv_private_irqs());
	*((volatile u8 *)rd + GICR_IPRIORITYR + GIC_MGMT_SGI) = HV_PRIO;
	*((volatile u8 *)rd + GICR_IPRIORITYR + gic_maint_irq) = HV_PRIO;
	mmio_write32((char *)rd + GICR_ISENABLER0, gic_hv_private_irqs());
	/*
	 * The enable IPI Linux is handling now has had its priority
	 * dropped; its deactivation would reach the virtual interface.
	 */
	active = mmio_read32((char *)rd + GICR_ISACTIVER0);
	mmio_write32((char *)rd + GICR_ICACTIVER0, active);

	sysreg_write(ICC_PMR, 0xff);
	sysreg_write(ICC_CTLR, ctlr | ICC_CTLR_EOIMODE);
	sysreg_write(ICC_IGRPEN1, 1);
	isb();
	return gic_banked_save(cpu, rd, v3_banked, ARRAY_SIZE(v3_banked));
}

static void v3_cpu_shutdown(struct per_cpu *cpu)
{
	void *rd = cpu->arch.gicr;
	u64 vmcr, ctlr;

	vmcr = sysreg_read(ICH_VMCR);
	sysreg_write(ICH_HCR, 0);
	mmio_write32((char *)rd + GICR_ICENABLER0, 1U << gic_maint_irq);
	mmio_write32((char *)rd + GICR_ICPENDR0, gic_hv_private_irqs());

	sysreg_write(ICC_PMR, (vmcr >> ICH_VMCR_VPMR_SHIFT) & 0xff);
	ctlr = sysreg_read(ICC_CTLR) & ~ICC_CTLR_EOIMODE;
	if (vmcr & ICH_VMCR_VEOIM)
		ctlr |= ICC_CTLR_EOIMODE;
	sysreg_write(ICC_CTLR, ctlr);
	sysreg_write(ICC_IGRPEN1, !!(vmcr & ICH_VMCR_VENG1));
	isb();
	cpu->arch.gicr = NULL;
}

static void v3_cpu_reset(struct per_cpu *cpu)
{
	u32 privates = ~gic_hv_private_irqs();
	void *rd = cpu->arch.gicr;

	sysreg_write(ICH_VMCR, 0);
	/* Nothing the cell had active may hold back what comes next. */
	sysreg_write(ICH_AP0R0, 0);
	sysreg_write(ICH_AP1R0, 0);
	/* SGIs stay enabled, as Linux and the inmates expect them. */
	mmio_write32((char *)rd + GICR_ICENABLER0, privates & 0xffff0000);
	/* Nothing pending or active may reach the CPU's next user. */
	mmio_write32((char *)rd + GICR_ICPENDR0, privates);
	mmio_write32((char *)rd + GICR_ICACTIVER0, privates);
	/* Disabled PPIs take a new trigger safely. */
	gic_banked_restore(cpu, rd, v3_banked, ARRAY_SIZE(v3_banked));
	isb();
}

static u32 v3_ack(void)
{
	return sysreg_read(ICC_IAR1);
}

static void v3_eoi(u32 iar)
{
	sysreg_write(ICC_EOIR1, iar);
}

static void v3_deactivate(u32 iar)
{
	sysreg_write(ICC_DIR, iar);
}

static u64 v3_empty_lrs(void)
{
	return sysreg_read(ICH_ELRSR);
}

static u64 v3_make_lr(u32 iar)
{
	u64 lr = ICH_LR_PENDING | ICH_LR_GROUP1 |
		INJECT_PRIO << ICH_LR_PRIO_SHIFT | iar;

	/* LPIs have no active state to link. */
	if (iar >= 16 && iar < GIC_SPURIOUS)
		lr |= ICH_LR_HW | (u64)iar << ICH_LR_PINTID_SHIFT;
	return lr;
}

/*
 * One PPI or SPI into the first free list register (gic_irq_fast). The
 * architecture keeps the ELRSR bits of missing list registers 0; the
 * check against num_lrs costs two instructions and guards against a
 * model that does not.
 */
static u64 v3_irq_fast(struct per_cpu *cpu)
{
	/* ELRSR has a bit for each of at most 16 list registers. */
	u32 iar = sysreg_read(ICC_IAR1), empty;
	unsigned int n;

	if (iar < 16 || iar >= GIC_SPURIOUS || iar == gic_maint_irq)
		return GIC_ACK_SLOW | iar;
	empty = sysreg_read(ICH_ELRSR);
	if (!empty)
		return GIC_ACK_SLOW | iar;
	n = __builtin_ctz(empty);
	if (n >= cpu->arch.num_lrs)
		return GIC_ACK_SLOW | iar;
	sysreg_write(ICC_EOIR1, iar);
	ich_lr_write(n, v3_make_lr(iar));
	return GIC_ACK_DONE;
}

static void v3_set_underflow(bool on)
{
	sysreg_write(ICH_HCR, on ? ICH_HCR_EN | ICH_HCR_UIE : ICH_HCR_EN);
	isb();
}

/* The CPU whose redistributor frame is at offset off, or NULL. */
static struct per_cpu *frame_cpu(u64 off)
{
	void *frame = (char *)gicr + off;
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++)
		if (per_cpu(n)->arch.gicr == frame)
			return per_cpu(n);
	return NULL;
}

/*
 * Per-interrupt registers of a redistributor's SGI_base frame: the
 * interrupts 0..31 of its CPU, `bits` bits each. A guest never changes
 * the fields of the hypervisor's SGI and maintenance interrupt there
 * (enable, pending, active, group, priority, configuration).
 */
struct private_reg {
	u32 start;
	u32 end;
	unsigned int bits;
	/* Writing 0 to a field does nothing: no read-modify-write. */
	bool set_clear;
};

static const struct private_reg private_regs[] = {
	{ GICR_IGROUPR0, GICR_IGROUPR0 + 4, 1, false },
	{ GICR_ISENABLER0, GICR_ISENABLER0 + 4, 1, true },
	{ GICR_ICENABLER0, GICR_ICENABLER0 + 4, 1, true },
	{ GICR_ISPENDR0, GICR_ISPENDR0 + 4, 1, true },
	{ GICR_ICPENDR0, GICR_ICPENDR0 + 4, 1, true },
	{ GICR_ISACTIVER0, GICR_ISACTIVER0 + 4, 1, true },
	{ GICR_ICACTIVER0, GICR_ICACTIVER0 + 4, 1, true },
	{ GICR_IPRIORITYR, GICR_IPRIORITYR + 32, 8, false },
	{ GICR_ICFGR0, GICR_ICFGR0 + 8, 2, false },
	{ GICR_IGRPMODR0, GICR_IGRPMODR0 + 4, 1, false },
};

static const struct private_reg *find_private_reg(u64 off)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(private_regs); n++)
		if (off >= private_regs[n].start && off < private_regs[n].end)
			return &private_regs[n];
	return NULL;
}

/* Bits of the 32-bit word at reg the guest may change. */
static u32 private_write_mask(const struct private_reg *pr, u64 reg)
{
	unsigned int per_word = 32 / pr->bits, n, irq;
	unsigned int first = (reg - pr->start) * 8 / pr->bits;
	u32 hv = gic_hv_private_irqs(), field = (1ULL << pr->bits) - 1;
	u32 mask = ~0U;

	for (n = 0; n < per_word; n++) {
		irq = first + n;
		if (irq < 32 && ((hv >> irq) & 1))
			mask &= ~(field << (n * pr->bits));
	}
	return mask;
}

/*
 * Widths the redistributor takes: words, 64 bits on its 64-bit
 * registers, bytes on priorities. Others could end in an external abort
 * in the hypervisor.
 */
static bool gicr_width_ok(u64 off, unsigned int size)
{
	switch (size) {
	case 4:
		return true;
	case 8:
		return off == GICR_TYPER || off == GICR_SETLPIR ||
			off == GICR_CLRLPIR || off == GICR_PROPBASER ||
			off == GICR_PENDBASER || off == GICR_INVLPIR ||
			off == GICR_INVALLR;
	case 1:
		return off >= GICR_IPRIORITYR && off < GICR_IPRIORITYR + 32;
	}
	return false;
}

/*
 * A write to a register of the RD_base frame, or one of the SGI_base
 * frame that is not per interrupt. GICR_WAKER would put the
 * redistributor to sleep and lose the hypervisor's interrupts: ignored.
 * The LPI tables and controls (physical addresses) are the root's only;
 * everything else of SGI_base has no use for a guest.
 */
static bool other_write_allowed(const struct cell *cell, u64 off)
{
	return cell == &root_cell && off < GICR_SGI_BASE &&
		(off & ~3ULL) != GICR_WAKER;
}

static enum mmio_result own_frame_access(const struct cell *cell,
					 void *frame, struct mmio_access *acc,
					 u64 off)
{
	const struct private_reg *pr = find_private_reg(off);
	u64 reg = off & ~3ULL, val = acc->value, field, allowed;
	struct mmio_access word = { .address = reg, .size = 4 };
	unsigned int shift = (off & 3) * 8;
	u32 mask;

	acc->address = off;
	if (!acc->is_write) {
		mmio_perform_access(frame, acc);
		return MMIO_HANDLED;
	}
	if (!pr) {
		if (other_write_allowed(cell, off))
			mmio_perform_access(frame, acc);
		return MMIO_HANDLED;
	}
	mask = private_write_mask(pr, reg);
	field = ((1ULL << (acc->size * 8)) - 1) << shift;
	allowed = field & mask;
	if (pr->set_clear) {
		acc->value = (val << shift) & allowed;
		acc->address = reg;
		acc->size = 4;
		mmio_perform_access(frame, acc);
		return MMIO_HANDLED;
	}
	spin_lock(&gicr_lock);
	mmio_perform_access(frame, &word);
	word.value = (word.value & ~allowed) | ((val << shift) & allowed);
	word.is_write = true;
	mmio_perform_access(frame, &word);
	spin_unlock(&gicr_lock);
	return MMIO_HANDLED;
}

static enum mmio_result gicr_access(void *arg, struct mmio_access *acc)
{
	struct cell *cell = arg;
	u64 frame_off = acc->address & ~(u64)(GICR_STRIDE - 1);
	u64 off = acc->address - frame_off;
	struct per_cpu *owner = frame_cpu(frame_off);
	void *frame = (char *)gicr + frame_off;

	if (!gicr_width_ok(off, acc->size))
		return MMIO_ERROR;
	if ((owner && owner->cell == cell) || (!owner && cell == &root_cell))
		return own_frame_access(cell, frame, acc, off);
	/* Others' frames: the identification part is readable. */
	if (!acc->is_write && (off < GICR_SGI_BASE || cell == &root_cell)) {
		acc->address = off;
		mmio_perform_access(frame, acc);
		return MMIO_HANDLED;
	}
	acc->value = 0;
	return cell == &root_cell ? MMIO_HANDLED : MMIO_ERROR;
}

static int v3_cell_init(struct cell *cell)
{
	const struct jailhouse_system *sys = system_config_location();

	return mmio_region_register(cell, sys->platform_info.arm.gicr_base,
				    gicr_size, gicr_access, cell);
}

const struct gic_ops gic_v3_ops = {
	.gicd_regs_size = 0x10000,
	.lr = {
		.iar_id = 0xffffff,
		.vintid = ICH_LR_VINTID,
		.sgi_id = ICH_LR_VINTID,
		.state = ICH_LR_STATE,
		.pending = ICH_LR_PENDING,
		.hw = ICH_LR_HW,
	},
	.init = v3_init,
	.cpu_init = v3_cpu_init,
	.cpu_shutdown = v3_cpu_shutdown,
	.cpu_reset = v3_cpu_reset,
	.cell_init = v3_cell_init,
	/* The redistributors. */
	.mmio_regions = 1,
	.send_sgi = v3_send_sgi,
	.ack = v3_ack,
	.eoi = v3_eoi,
	.deactivate = v3_deactivate,
	.empty_lrs = v3_empty_lrs,
	.read_lr = ich_lr_read,
	.write_lr = ich_lr_write,
	.make_lr = v3_make_lr,
	.set_underflow = v3_set_underflow,
	.irq_fast = v3_irq_fast,
};
