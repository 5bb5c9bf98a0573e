// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2 with the virtualization extensions: the hypervisor keeps the
 * physical CPU interface (GICC) and the control interface (GICH) for
 * itself; every cell, the root included, finds the virtual CPU interface
 * (GICV) at the GICC address of the system config. SGIs are sent through
 * the distributor (GICD_SGIR), addressed by CPU-interface bits that each
 * CPU reads from the banked GICD_ITARGETSR0 at take-over.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/gic_cpuif.h>
#include <arm-common/gic_ops.h>
#include <arm-common/gicd.h>
#include <arm-common/hv.h>
#include <arm-common/io.h>
#include <arm-common/subarch.h>

/* As with GICv3: above Linux's default priority, below its mask. */
#define INJECT_PRIO		0xa0U
#define HV_PRIO			0x80U

static void *gicc;
static void *gich;

/* The distributor's words of the CPU's own SGIs and PPIs (banked). */
static const struct gic_banked_reg v2_banked[] = {
	{ GICD_IGROUPR, 1 },
	{ GICD_IPRIORITYR, GIC_NUM_PRIVATE / 4 },
	/* SGIs are edge-triggered, whatever is written. */
	{ GICD_ICFGR + 4, 1 },
};

static u32 gicc_read(unsigned int reg)
{
	return mmio_read32((char *)gicc + reg);
}

static void gicc_write(unsigned int reg, u32 val)
{
	mmio_write32((char *)gicc + reg, val);
}

static u32 gich_read(unsigned int reg)
{
	return mmio_read32((char *)gich + reg);
}

static void gich_write(unsigned int reg, u32 val)
{
	mmio_write32((char *)gich + reg, val);
}

static void gicd_write(unsigned int reg, u32 val)
{
	mmio_write32((char *)gicd + reg, val);
}

static int v2_init(void)
{
	const struct jailhouse_system *sys = system_config_location();
	u64 gicc_base = sys->platform_info.arm.gicc_base;
	u64 gich_base = sys->platform_info.arm.gich_base;
	u64 gicv_base = sys->platform_info.arm.gicv_base;

	if (!gicc_base || !gich_base || !gicv_base) {
		printk("GICv2 needs GICC, GICH and GICV in the system config "
		       "(0x%llx, 0x%llx, 0x%llx)\n", gicc_base, gich_base,
		       gicv_base);
		return -EINVAL;
	}
	gicc = hv_map_device(gicc_base, GICC_SIZE);
	gich = hv_map_device(gich_base, GICH_SIZE);
	return gicc && gich ? 0 : -ENOMEM;
}

static void send_sgi(u8 targets, unsigned int sgi)
{
	/* Flags written before the kick must be visible to the target. */
	dsb_ish();
	gicd_write(GICD_SGIR, (u32)targets << 16 | sgi);
}

static void v2_send_sgi(struct per_cpu *target, unsigned int sgi)
{
	send_sgi(target->arch.gic_target, sgi);
}

/* GICD_SGIR of a cell: SGIs to its own CPUs only. */
static void v2_sgir_write(struct cell *cell, u32 val)
{
	unsigned int sgi = val & 0xf, filter = (val >> 24) & 3, n;
	u8 list = (val >> 16) & 0xff, targets = 0;
	struct per_cpu *self = this_cpu(), *target;

	/* The hypervisor's own SGI is not for cells to send. */
	if (sgi == GIC_MGMT_SGI)
		return;
	for_each_cpu_of(n, cell) {
		target = per_cpu(n);
		if ((filter == GICD_SGIR_LIST &&
		     (list & target->arch.gic_target)) ||
		    (filter == GICD_SGIR_OTHERS && target != self) ||
		    (filter == GICD_SGIR_SELF && target == self))
			targets |= target->arch.gic_target;
	}
	if (targets)
		send_sgi(targets, sgi);
}

/* The CPU-interface bits (GICD_ITARGETSR) of the cell's CPUs. */
static u8 cell_targets(const struct cell *cell)
{
	unsigned int n;
	u8 targets = 0;

	for_each_cpu_of(n, cell)
		targets |= per_cpu(n)->arch.gic_target;
	return targets;
}

static u64 v2_cell_spi_targets(const struct cell *cell, unsigned int size)
{
	return cell_targets(cell) * (0x0101010101010101ULL >> (64 - size * 8));
}

/* The cell's SPIs go to its first CPU. */
static void route_spis(struct cell *cell)
{
	u8 first = per_cpu(cell_first_cpu(cell))->arch.gic_target;
	unsigned int irq;

	for (irq = GIC_NUM_PRIVATE; irq < GIC_MAX_IRQS; irq++)
		if (gic_cell_owns_irq(cell, irq))
			*((volatile u8 *)gicd + GICD_ITARGETSR + irq) = first;
}

static int v2_cpu_init(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;
	u32 ctlr, vmcr, active;

	a->gic_target = mmio_read32((char *)gicd + GICD_ITARGETSR) & 0xff;
	if (!a->gic_target) {
		printk("CPU %u: GICv2 reports no CPU interface number\n",
		       cpu->cpu_id);
		return -ENODEV;
	}
	a->num_lrs = (gich_read(GICH_VTR) & 0x3f) + 1;

	/* What Linux set up goes into the virtual interface. */
	ctlr = gicc_read(GICC_CTLR);
	vmcr = (ctlr & GICH_VMCR_CTLR_BITS) |
		(gicc_read(GICC_PMR) >> 3) << GICH_VMCR_PRI_SHIFT |
		(gicc_read(GICC_BPR) & 7) << GICH_VMCR_BP_SHIFT |
		(gicc_read(GICC_ABPR) & 7) << GICH_VMCR_ABP_SHIFT;
	if (ctlr & GICC_CTLR_EOIMODE)
		vmcr |= GICH_VMCR_VEM;
	gich_write(GICH_VMCR, vmcr);
	gich_write(GICH_APR, 0);
	gich_write(GICH_HCR, GICH_HCR_EN);

	/* The hypervisor's private interrupts: high priority, enabled. */
	*((volatile u8 *)gicd + GICD_IPRIORITYR + GIC_MGMT_SGI) = HV_PRIO;
	*((volatile u8 *)gicd + GICD_IPRIORITYR + gic_maint_irq) = HV_PRIO;
	gicd_write(GICD_ISENABLER, gic_hv_private_irqs());
	/*
	 * The enable IPI Linux is handling now has had its priority
	 * dropped; its deactivation would reach the virtual interface.
	 */
	active = mmio_read32((char *)gicd + GICD_ISACTIVER);
	gicd_write(GICD_ICACTIVER, active);

	gicc_write(GICC_PMR, 0xff);
	gicc_write(GICC_CTLR, ctlr | GICC_CTLR_EOIMODE);
	return gic_banked_save(cpu, gicd, v2_banked, ARRAY_SIZE(v2_banked));
}

static void v2_cpu_shutdown(struct per_cpu *cpu)
{
	u32 vmcr = gich_read(GICH_VMCR), ctlr;

	(void)cpu;
	gich_write(GICH_HCR, 0);
	gicd_write(GICD_ICENABLER, 1U << gic_maint_irq);
	gicd_write(GICD_ICPENDR, 1U << gic_maint_irq);
	/* GICD_CPENDSGIR: one byte per SGI, one bit per source. */
	gicd_write(GICD_CPENDSGIR + GIC_MGMT_SGI / 4 * 4,
		   0xffU << (GIC_MGMT_SGI % 4 * 8));

	gicc_write(GICC_PMR, (vmcr >> GICH_VMCR_PRI_SHIFT) << 3);
	ctlr = (gicc_read(GICC_CTLR) &
		~(GICH_VMCR_CTLR_BITS | GICC_CTLR_EOIMODE)) |
		(vmcr & GICH_VMCR_CTLR_BITS);
	if (vmcr & GICH_VMCR_VEM)
		ctlr |= GICC_CTLR_EOIMODE;
	gicc_write(GICC_CTLR, ctlr);
}

static void v2_cpu_reset(struct per_cpu *cpu)
{
	u32 privates = ~gic_hv_private_irqs();
	unsigned int sgi;

	gich_write(GICH_VMCR, 0);
	/* Nothing the cell had active may hold back what comes next. */
	gich_write(GICH_APR, 0);
	gicd_write(GICD_ICENABLER, privates & 0xffff0000);
	gicd_write(GICD_ICPENDR, privates & 0xffff0000);
	gicd_write(GICD_ICACTIVER, privates);
	/* Disabled PPIs take a new trigger safely. */
	gic_banked_restore(cpu, gicd, v2_banked, ARRAY_SIZE(v2_banked));
	/* Pending SGIs, one byte of sources each, but the hypervisor's. */
	for (sgi = 0; sgi < 16; sgi += 4)
		gicd_write(GICD_CPENDSGIR + sgi,
			   sgi == (GIC_MGMT_SGI & ~3U) ?
			   ~(0xffU << (GIC_MGMT_SGI % 4 * 8)) : ~0U);
}

/* The cell finds the virtual CPU interface where the physical one is. */
static int v2_cell_init(struct cell *cell)
{
	const struct jailhouse_system *sys = system_config_location();

	if (cell != &root_cell)
		route_spis(cell);
	return paging_map(&cell->arch->stage2,
			  sys->platform_info.arm.gicc_base,
			  sys->platform_info.arm.gicv_base, GICC_SIZE,
			  PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_DEVICE);
}

static u32 v2_ack(void)
{
	return gicc_read(GICC_IAR);
}

static void v2_eoi(u32 iar)
{
	gicc_write(GICC_EOIR, iar);
}

static void v2_deactivate(u32 iar)
{
	gicc_write(GICC_DIR, iar);
}

static u64 v2_empty_lrs(void)
{
	return gich_read(GICH_ELRSR0) | (u64)gich_read(GICH_ELRSR1) << 32;
}

static u64 v2_read_lr(unsigned int n)
{
	return gich_read(GICH_LR0 + n * 4);
}

static void v2_write_lr(unsigned int n, u64 val)
{
	gich_write(GICH_LR0 + n * 4, (u32)val);
}

/*
 * The LR keeps an SGI's source (bits 12:10, as in the acknowledge
 * value): the guest's EOI must name it again.
 */
static u64 v2_make_lr(u32 iar)
{
	unsigned int irq = iar & GICH_LR_VINTID;
	u32 lr = GICH_LR_PENDING | (INJECT_PRIO >> 3) << GICH_LR_PRIO_SHIFT;

	if (irq < 16)
		return lr | (iar & 0x1fff);
	return lr | GICH_LR_HW | irq << GICH_LR_PHYS_SHIFT | irq;
}

/*
 * One PPI or SPI into the first free list register of 0..31
 * (gic_irq_fast). An SGI's acknowledge value has its source CPU in bits
 * 12:10: from CPU 0 it is below 16, from any other at or above 1024, so
 * the two comparisons send every SGI to the full path, with the
 * spurious ids.
 */
static u64 v2_irq_fast(struct per_cpu *cpu)
{
	u32 iar = gicc_read(GICC_IAR), empty;
	unsigned int n;

	if (iar < 16 || iar >= GIC_SPURIOUS || iar == gic_maint_irq)
		return GIC_ACK_SLOW | iar;
	empty = gich_read(GICH_ELRSR0);
	if (!empty)
		return GIC_ACK_SLOW | iar;
	n = __builtin_ctz(empty);
	if (n >= cpu->arch.num_lrs)
		return GIC_ACK_SLOW | iar;
	gicc_write(GICC_EOIR, iar);
	gich_write(GICH_LR0 + n * 4, (u32)v2_make_lr(iar));
	return GIC_ACK_DONE;
}

static void v2_set_underflow(bool on)
{
	gich_write(GICH_HCR, on ? GICH_HCR_EN | GICH_HCR_UIE : GICH_HCR_EN);
}

const struct gic_ops gic_v2_ops = {
	.gicd_regs_size = 0x1000,
	.lr = {
		.iar_id = 0x3ff,
		.vintid = GICH_LR_VINTID,
		.sgi_id = 0x1fff,
		.state = GICH_LR_STATE,
		.pending = GICH_LR_PENDING,
		.hw = GICH_LR_HW,
	},
	.init = v2_init,
	.cpu_init = v2_cpu_init,
	.cpu_shutdown = v2_cpu_shutdown,
	.cpu_reset = v2_cpu_reset,
	.cell_init = v2_cell_init,
	.cell_spi_targets = v2_cell_spi_targets,
	.sgir_write = v2_sgir_write,
	.send_sgi = v2_send_sgi,
	.ack = v2_ack,
	.eoi = v2_eoi,
	.deactivate = v2_deactivate,
	.empty_lrs = v2_empty_lrs,
	.read_lr = v2_read_lr,
	.write_lr = v2_write_lr,
	.make_lr = v2_make_lr,
	.set_underflow = v2_set_underflow,
	.irq_fast = v2_irq_fast,
};
