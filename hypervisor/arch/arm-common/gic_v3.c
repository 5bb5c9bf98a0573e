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
#include <arm-common/gic_regs.h>
#include <arm-common/hv.h>
#include <arm-common/mmio.h>
#include <asm/sysregs.h>

#define ICH_HCR_EN		(1ULL << 0)
#define ICH_HCR_UIE		(1ULL << 1)
#define ICH_VMCR_VENG1		(1ULL << 1)
#define ICH_VMCR_VCBPR		(1ULL << 4)
#define ICH_VMCR_VEOIM		(1ULL << 9)
#define ICH_VMCR_VBPR1_SHIFT	18
#define ICH_VMCR_VPMR_SHIFT	24
#define ICH_LR_PENDING		(1ULL << 62)
#define ICH_LR_ACTIVE		(1ULL << 63)
#define ICH_LR_STATE		(3ULL << 62)
#define ICH_LR_HW		(1ULL << 61)
#define ICH_LR_GROUP1		(1ULL << 60)
#define ICH_LR_PRIO_SHIFT	48
#define ICH_LR_PINTID_SHIFT	32
#define ICH_LR_VINTID		0xffffffffULL
#define ICC_CTLR_CBPR		(1ULL << 0)
#define ICC_CTLR_EOIMODE	(1ULL << 1)

/* Linux's default priority; cells program their masks above it. */
#define INJECT_PRIO		0xa0ULL
#define HV_PRIO			0x80

static void *gicr;
static u64 gicr_size;
static DEFINE_SPINLOCK(gicr_lock);

static u64 read_lr(unsigned int n)
{
	switch (n) {
	case 0: return read_sysreg(ICH_LR0_EL2);
	case 1: return read_sysreg(ICH_LR1_EL2);
	case 2: return read_sysreg(ICH_LR2_EL2);
	case 3: return read_sysreg(ICH_LR3_EL2);
	case 4: return read_sysreg(ICH_LR4_EL2);
	case 5: return read_sysreg(ICH_LR5_EL2);
	case 6: return read_sysreg(ICH_LR6_EL2);
	case 7: return read_sysreg(ICH_LR7_EL2);
	case 8: return read_sysreg(ICH_LR8_EL2);
	case 9: return read_sysreg(ICH_LR9_EL2);
	case 10: return read_sysreg(ICH_LR10_EL2);
	case 11: return read_sysreg(ICH_LR11_EL2);
	case 12: return read_sysreg(ICH_LR12_EL2);
	case 13: return read_sysreg(ICH_LR13_EL2);
	case 14: return read_sysreg(ICH_LR14_EL2);
	default: return read_sysreg(ICH_LR15_EL2);
	}
}

static void write_lr(unsigned int n, u64 val)
{
	switch (n) {
	case 0: write_sysreg(ICH_LR0_EL2, val); break;
	case 1: write_sysreg(ICH_LR1_EL2, val); break;
	case 2: write_sysreg(ICH_LR2_EL2, val); break;
	case 3: write_sysreg(ICH_LR3_EL2, val); break;
	case 4: write_sysreg(ICH_LR4_EL2, val); break;
	case 5: write_sysreg(ICH_LR5_EL2, val); break;
	case 6: write_sysreg(ICH_LR6_EL2, val); break;
	case 7: write_sysreg(ICH_LR7_EL2, val); break;
	case 8: write_sysreg(ICH_LR8_EL2, val); break;
	case 9: write_sysreg(ICH_LR9_EL2, val); break;
	case 10: write_sysreg(ICH_LR10_EL2, val); break;
	case 11: write_sysreg(ICH_LR11_EL2, val); break;
	case 12: write_sysreg(ICH_LR12_EL2, val); break;
	case 13: write_sysreg(ICH_LR13_EL2, val); break;
	case 14: write_sysreg(ICH_LR14_EL2, val); break;
	default: write_sysreg(ICH_LR15_EL2, val); break;
	}
}

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
	asm volatile("dsb ish" : : : "memory");
	write_sysreg(ICC_SGI1R_EL1, sgi1r_value(mpidr, sgi));
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
	a->num_lrs = (read_sysreg(ICH_VTR_EL2) & 0x1f) + 1;

	/* What Linux set up goes into the virtual interface. */
	pmr = read_sysreg(ICC_PMR_EL1);
	ctlr = read_sysreg(ICC_CTLR_EL1);
	vmcr = (pmr & 0xff) << ICH_VMCR_VPMR_SHIFT |
		(read_sysreg(ICC_BPR1_EL1) & 7) << ICH_VMCR_VBPR1_SHIFT;
	if (ctlr & ICC_CTLR_EOIMODE)
		vmcr |= ICH_VMCR_VEOIM;
	if (ctlr & ICC_CTLR_CBPR)
		vmcr |= ICH_VMCR_VCBPR;
	if (read_sysreg(ICC_IGRPEN1_EL1) & 1)
		vmcr |= ICH_VMCR_VENG1;
	write_sysreg(ICH_VMCR_EL2, vmcr);
	write_sysreg(ICH_HCR_EL2, ICH_HCR_EN);

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

	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_CTLR_EL1, ctlr | ICC_CTLR_EOIMODE);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	isb();
	return 0;
}

static void v3_cpu_shutdown(struct per_cpu *cpu)
{
	void *rd = cpu->arch.gicr;
	u64 vmcr, ctlr;

	vmcr = read_sysreg(ICH_VMCR_EL2);
	write_sysreg(ICH_HCR_EL2, 0);
	mmio_write32((char *)rd + GICR_ICENABLER0, 1U << gic_maint_irq);
	mmio_write32((char *)rd + GICR_ICPENDR0, gic_hv_private_irqs());

	write_sysreg(ICC_PMR_EL1, (vmcr >> ICH_VMCR_VPMR_SHIFT) & 0xff);
	ctlr = read_sysreg(ICC_CTLR_EL1) & ~ICC_CTLR_EOIMODE;
	if (vmcr & ICH_VMCR_VEOIM)
		ctlr |= ICC_CTLR_EOIMODE;
	write_sysreg(ICC_CTLR_EL1, ctlr);
	write_sysreg(ICC_IGRPEN1_EL1, !!(vmcr & ICH_VMCR_VENG1));
	isb();
	cpu->arch.gicr = NULL;
}

static void v3_cpu_reset(struct per_cpu *cpu)
{
	u32 privates = ~gic_hv_private_irqs();
	void *rd = cpu->arch.gicr;

	write_sysreg(ICH_VMCR_EL2, 0);
	/* Nothing the cell had active may hold back what comes next. */
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);
	/* SGIs stay enabled, as Linux and the inmates expect them. */
	mmio_write32((char *)rd + GICR_ICENABLER0, privates & 0xffff0000);
	/* Nothing pending or active may reach the CPU's next user. */
	mmio_write32((char *)rd + GICR_ICPENDR0, privates);
	mmio_write32((char *)rd + GICR_ICACTIVER0, privates);
	isb();
}

static u32 v3_ack(void)
{
	return read_sysreg(ICC_IAR1_EL1);
}

static void v3_eoi(u32 iar)
{
	write_sysreg(ICC_EOIR1_EL1, iar);
}

static void v3_deactivate(u32 iar)
{
	write_sysreg(ICC_DIR_EL1, iar);
}

static u64 v3_empty_lrs(void)
{
	return read_sysreg(ICH_ELRSR_EL2);
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

static void v3_set_underflow(bool on)
{
	write_sysreg(ICH_HCR_EL2, on ? ICH_HCR_EN | ICH_HCR_UIE : ICH_HCR_EN);
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

/* Bits of a private-interrupt register the guest may change. */
static u32 private_write_mask(u64 reg)
{
	u32 hv = gic_hv_private_irqs(), mask = ~0U;
	unsigned int irq;

	if (reg >= GICR_IPRIORITYR && reg < GICR_IPRIORITYR + 32) {
		for (irq = reg - GICR_IPRIORITYR; irq < reg - GICR_IPRIORITYR + 4;
		     irq++)
			if ((hv >> irq) & 1)
				mask &= ~(0xffU << ((irq % 4) * 8));
		return mask;
	}
	switch (reg) {
	case GICR_IGROUPR0:
	case GICR_ICENABLER0:
	case GICR_ICPENDR0:
	case GICR_ICACTIVER0:
	case GICR_IGRPMODR0:
		return ~hv;
	}
	return mask;
}

static bool is_clear_reg(u64 reg)
{
	return reg == GICR_ICENABLER0 || reg == GICR_ICPENDR0 ||
		reg == GICR_ICACTIVER0;
}

static enum mmio_result own_frame_access(void *frame,
					 struct mmio_access *acc, u64 off)
{
	u64 reg = off & ~3ULL, val = acc->value, field, allowed;
	struct mmio_access word = { .address = reg, .size = 4 };
	unsigned int shift = (off & 3) * 8;
	u32 mask = private_write_mask(reg);

	acc->address = off;
	if (!acc->is_write || mask == ~0U) {
		mmio_perform_access(frame, acc);
		return MMIO_HANDLED;
	}
	if (acc->size > 4)
		return MMIO_ERROR;
	if (is_clear_reg(reg)) {
		acc->value = val & (mask >> shift);
		mmio_perform_access(frame, acc);
		return MMIO_HANDLED;
	}
	field = ((1ULL << (acc->size * 8)) - 1) << shift;
	allowed = field & mask;
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

	if ((owner && owner->cell == cell) || (!owner && cell == &root_cell))
		return own_frame_access(frame, acc, off);
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
	.read_lr = read_lr,
	.write_lr = write_lr,
	.make_lr = v3_make_lr,
	.set_underflow = v3_set_underflow,
};
