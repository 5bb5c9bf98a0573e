// SPDX-License-Identifier: GPL-2.0
/*
 * GIC distributor as the cells see it: every access traps and is carried
 * out by the hypervisor, restricted to the interrupts the cell owns.
 * Registers with one field per interrupt get the fields of other
 * interrupts masked: reads see zeros there, writes leave them alone
 * (read-modify-write under a lock where the register is not a set/clear
 * one). Global registers are read-only for cells other than the root;
 * the root may not switch off what the hypervisor relies on (interrupt
 * groups, routes to its own CPUs). A cell that touches only foreign
 * interrupts of a register fails, except for the writes with which
 * Linux's distributor set-up sweeps over every SPI in any cell (defaults
 * of configuration, group, priority and route, clearing enable, pending
 * and active state): they are dropped. Reading foreign state, or
 * enabling, raising or activating a foreign interrupt, still fails.
 *
 * Accesses reach the distributor in the widths every GIC takes: 32-bit
 * words, bytes where the architecture allows them, 64 bits on routes.
 * Per-interrupt registers are carried out word by word whatever width
 * the guest used; other widths are refused, since a GIC may answer them
 * with an external abort, which the hypervisor would take itself.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/spinlock.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/gic_ops.h>
#include <arm-common/gicd.h>
#include <arm-common/hv.h>
#include <arm-common/io.h>
#include <arm-common/mmio.h>

static const struct jailhouse_system *sys;
void *gicd;
const struct gic_ops *gic;
unsigned int gic_maint_irq;
static DEFINE_SPINLOCK(gicd_lock);

/* Registers with a field of `bits` bits per interrupt, from interrupt 0. */
struct irq_reg {
	u32 start;
	u32 end;
	unsigned int bits;
	/* Writing 0 to a field does nothing: no read-modify-write needed. */
	bool set_clear;
};

static const struct irq_reg irq_regs[] = {
	{ GICD_IGROUPR, GICD_IGROUPR + 0x80, 1, false },
	{ GICD_ISENABLER, GICD_ICACTIVER + 0x80, 1, true },
	{ GICD_IPRIORITYR, GICD_IPRIORITYR + 0x400, 8, false },
	{ GICD_ITARGETSR, GICD_ITARGETSR + 0x400, 8, false },
	{ GICD_ICFGR, GICD_ICFGR + 0x100, 2, false },
	{ GICD_IGRPMODR, GICD_IGRPMODR + 0x80, 1, false },
};

static bool irqchip_has(const struct jailhouse_cell_desc *config,
			unsigned int irq)
{
	const struct jailhouse_irqchip *chip =
		jailhouse_cell_irqchips(config);
	unsigned int n, pin;

	for (n = 0; n < config->num_irqchips; n++, chip++) {
		if (chip->address != sys->platform_info.arm.gicd_base ||
		    irq < chip->pin_base || irq - chip->pin_base >= 128)
			continue;
		pin = irq - chip->pin_base;
		if ((chip->pin_bitmap[pin / 32] >> (pin % 32)) & 1)
			return true;
	}
	return false;
}

bool gic_cell_owns_irq(const struct cell *cell, const unsigned int irq)
{
	const struct cell *other;

	/* Private interrupts are banked: each CPU reaches its own only. */
	if (irq < GIC_NUM_PRIVATE)
		return true;
	if (cell != &root_cell)
		return irqchip_has(cell->config, irq);
	for (other = root_cell.next; other; other = other->next)
		if (irqchip_has(other->config, irq))
			return false;
	return true;
}

void gic_set_spi_pending(const struct cell *cell, unsigned int irq)
{
	if (irq < GIC_NUM_PRIVATE || irq >= GIC_MAX_IRQS ||
	    !gic_cell_owns_irq(cell, irq))
		return;
	mmio_write32((char *)gicd + GICD_ISPENDR + irq / 32 * 4,
		     1U << (irq % 32));
}

/* Bits of the access that belong to interrupts the cell owns. */
static u64 owned_mask(const struct cell *cell, const struct irq_reg *reg,
		      const struct mmio_access *acc)
{
	unsigned int per_byte = 8 / reg->bits;
	/*
	 * One entry may span several banks of GIC_MAX_IRQS fields (the
	 * set/clear pairs): each bank numbers its interrupts from 0.
	 */
	unsigned int bank = GIC_MAX_IRQS / per_byte;
	unsigned int first = (acc->address - reg->start) % bank * per_byte;
	unsigned int n, irq, count = acc->size * per_byte;
	u64 field = (1ULL << reg->bits) - 1, mask = 0;

	for (n = 0; n < count; n++) {
		irq = first + n;
		if (irq >= GIC_MAX_IRQS || !gic_cell_owns_irq(cell, irq))
			continue;
		/* GICv2 banks them here: the hypervisor's stay its own. */
		if (acc->is_write && irq < GIC_NUM_PRIVATE &&
		    ((gic_hv_private_irqs() >> irq) & 1))
			continue;
		mask |= field << (n * reg->bits);
	}
	return mask;
}

/* SPI targets where the version has them: only CPUs of the cell. */
static u64 allowed_targets(const struct cell *cell,
			   const struct irq_reg *reg, unsigned int size)
{
	if (reg->start != GICD_ITARGETSR || !gic->cell_spi_targets)
		return ~0ULL;
	return gic->cell_spi_targets(cell, size);
}

/*
 * Read the bits of mask (positioned as in the access, which is naturally
 * aligned) with 32-bit reads of the words the access covers.
 */
static u64 read_words(const struct mmio_access *acc, u64 mask)
{
	unsigned int shift = (acc->address & 3) * 8, n;
	char *word = (char *)gicd + (acc->address & ~3ULL);
	u64 wmask = mask << shift, val = 0;

	for (n = 0; n * 4 < acc->size + (acc->address & 3); n++)
		val |= (u64)(mmio_read32(word + n * 4) &
			     (u32)(wmask >> (n * 32))) << (n * 32);
	return val >> shift;
}

/*
 * Write the bits of mask from val to the words the access covers. Set/
 * clear registers ignore zero bits, so the rest of a word is written as
 * zeros; other registers keep their foreign bits (the caller holds
 * gicd_lock).
 */
static void write_words(const struct mmio_access *acc, u64 val, u64 mask,
			bool set_clear)
{
	unsigned int shift = (acc->address & 3) * 8, n;
	char *word = (char *)gicd + (acc->address & ~3ULL);
	u64 wmask = mask << shift, wval = val << shift;
	u32 m, v;

	for (n = 0; n * 4 < acc->size + (acc->address & 3); n++) {
		m = wmask >> (n * 32);
		v = wval >> (n * 32);
		if (!m)
			continue;
		if (!set_clear)
			v = (mmio_read32(word + n * 4) & ~m) | (v & m);
		mmio_write32(word + n * 4, v & (set_clear ? m : ~0U));
	}
}

/*
 * Whether a write that reaches no interrupt of the cell is part of such a
 * sweep: any write but one to a set half (ISENABLER, ISPENDR, ISACTIVER,
 * each followed by its clear half in the set/clear range).
 */
static bool sweep_write(const struct irq_reg *reg,
			const struct mmio_access *acc)
{
	if (!acc->is_write)
		return false;
	return !reg->set_clear ||
		(acc->address - reg->start) /
		(GICD_ICENABLER - GICD_ISENABLER) % 2 == 1;
}

static enum mmio_result irq_reg_access(struct cell *cell,
				       const struct irq_reg *reg,
				       struct mmio_access *acc)
{
	u64 mask = owned_mask(cell, reg, acc), val = acc->value;

	if (acc->is_write)
		val &= allowed_targets(cell, reg, acc->size);

	/* Linux in the root cell may sweep over all of them: no failure. */
	if (!mask && (cell == &root_cell || sweep_write(reg, acc))) {
		acc->value = 0;
		return MMIO_HANDLED;
	}
	if (!mask)
		return MMIO_ERROR;
	if (!acc->is_write) {
		acc->value = read_words(acc, mask);
		return MMIO_HANDLED;
	}
	if (reg->set_clear) {
		write_words(acc, val, mask, true);
		return MMIO_HANDLED;
	}
	spin_lock(&gicd_lock);
	write_words(acc, val, mask, false);
	spin_unlock(&gicd_lock);
	return MMIO_HANDLED;
}

/* Whether a GICv3 route names a CPU of the cell (no 1-of-N routing). */
static bool route_in_cell(const struct cell *cell, u64 route)
{
	unsigned int cpu;

	if (route & GICD_IROUTER_IRM)
		return false;
	for_each_cpu_of(cpu, cell)
		if (per_cpu(cpu)->arch.known &&
		    !((per_cpu(cpu)->arch.mpidr ^ route) & GICD_IROUTER_AFF))
			return true;
	return false;
}

/*
 * GICv3 interrupt routes, 64 bits each, read and written whole or by
 * halves. A cell's route must name one of its CPUs (a refusal fails
 * it); the root's likewise, else the write is dropped: the root must not
 * steer its interrupts onto a cell's CPU.
 */
static enum mmio_result irouter_access(struct cell *cell,
				       struct mmio_access *acc)
{
	unsigned int irq = (acc->address - GICD_IROUTER) / 8;
	u64 offset = acc->address & 7, old;
	struct mmio_access whole = {
		.address = acc->address & ~7ULL, .size = 8,
	};
	enum mmio_result res = MMIO_HANDLED;

	if (acc->size != 4 && acc->size != 8)
		return MMIO_ERROR;
	if (irq < GIC_NUM_PRIVATE) {
		acc->value = 0;
		return cell == &root_cell ? MMIO_HANDLED : MMIO_ERROR;
	}
	/* Foreign routes: the root and a sweep's write see nothing. */
	if (!gic_cell_owns_irq(cell, irq)) {
		acc->value = 0;
		return cell == &root_cell || acc->is_write ? MMIO_HANDLED :
							     MMIO_ERROR;
	}
	if (!acc->is_write) {
		mmio_perform_access(gicd, acc);
		return MMIO_HANDLED;
	}
	spin_lock(&gicd_lock);
	mmio_perform_access(gicd, &whole);
	old = whole.value;
	if (acc->size == 8)
		whole.value = acc->value;
	else
		whole.value = (old & ~(0xffffffffULL << (offset * 8))) |
			(acc->value << (offset * 8));
	if (route_in_cell(cell, whole.value)) {
		whole.is_write = true;
		mmio_perform_access(gicd, &whole);
	} else if (cell != &root_cell) {
		res = MMIO_ERROR;
	}
	spin_unlock(&gicd_lock);
	return res;
}

/* Widths the GIC takes on registers that are not per interrupt. */
static bool global_width_ok(const struct mmio_access *acc)
{
	if (acc->address >= GICD_CPENDSGIR &&
	    acc->address < GICD_SGI_BYTES_END)
		return acc->size == 1 || acc->size == 4;
	return acc->size == 4;
}

/*
 * A write of the root to a global register, less what would take the
 * hypervisor's interrupts away: disabling the groups or affinity
 * routing, pending state of SPIs of cells, the pending management SGI.
 * Returns false when nothing is left to write.
 */
static bool root_global_write(struct mmio_access *acc)
{
	u64 reg = acc->address & ~3ULL;
	unsigned int mgmt_byte = GIC_MGMT_SGI % 4 * 8;

	switch (reg) {
	case GICD_CTLR:
		acc->value |= mmio_read32(gicd) & GICD_CTLR_KEEP;
		return true;
	case GICD_SETSPI_NSR:
	case GICD_CLRSPI_NSR:
	case GICD_SETSPI_SR:
	case GICD_CLRSPI_SR:
		return gic_cell_owns_irq(&root_cell, acc->value & 0x3ff);
	case GICD_CPENDSGIR + GIC_MGMT_SGI / 4 * 4:
	case GICD_SPENDSGIR + GIC_MGMT_SGI / 4 * 4:
		if (acc->size == 1)
			return (acc->address & 3) * 8 != mgmt_byte;
		acc->value &= ~(0xffULL << mgmt_byte);
		return true;
	}
	return true;
}

/* Identification and global state: readable, written by the root only. */
static enum mmio_result global_access(struct cell *cell,
				      struct mmio_access *acc)
{
	if (!global_width_ok(acc))
		return MMIO_ERROR;
	if (!acc->is_write) {
		mmio_perform_access(gicd, acc);
		return MMIO_HANDLED;
	}
	if (cell == &root_cell && root_global_write(acc))
		mmio_perform_access(gicd, acc);
	return MMIO_HANDLED;
}

static enum mmio_result gicd_access(void *arg, struct mmio_access *acc)
{
	struct cell *cell = arg;
	unsigned int n;

	/* Reserved: reads as zero, writes ignored, nothing reaches the GIC. */
	if (acc->address >= gic->gicd_regs_size) {
		acc->value = 0;
		return MMIO_HANDLED;
	}
	for (n = 0; n < ARRAY_SIZE(irq_regs); n++)
		if (acc->address >= irq_regs[n].start &&
		    acc->address < irq_regs[n].end)
			return irq_reg_access(cell, &irq_regs[n], acc);
	if (acc->address >= GICD_IROUTER && acc->address < GICD_IROUTER_END)
		return irouter_access(cell, acc);
	if (acc->address == GICD_SGIR && gic->sgir_write) {
		if (acc->size != 4)
			return MMIO_ERROR;
		if (acc->is_write)
			gic->sgir_write(cell, acc->value);
		acc->value = 0;
		return MMIO_HANDLED;
	}
	return global_access(cell, acc);
}

int gic_init(void)
{
	const struct gic_ops *ops;

	sys = system_config_location();
	switch (sys->platform_info.arm.gic_version) {
	case 2:
		ops = &gic_v2_ops;
		break;
	case 3:
		ops = &gic_v3_ops;
		break;
	default:
		printk("GIC version %u is not supported\n",
		       sys->platform_info.arm.gic_version);
		return -EINVAL;
	}
	gic_maint_irq = sys->platform_info.arm.maintenance_irq;
	if (gic_maint_irq < 16 || gic_maint_irq >= GIC_NUM_PRIVATE)
		gic_maint_irq = 25;
	gicd = hv_map_device(sys->platform_info.arm.gicd_base, GICD_SIZE);
	if (!gicd)
		return -ENOMEM;
	gic = ops;
	return gic->init();
}

/* Disable the cell's SPIs: whoever owns them next sets them up anew. */
static void disable_spis(const struct cell *cell)
{
	unsigned int irq;

	for (irq = GIC_NUM_PRIVATE; irq < GIC_MAX_IRQS; irq++)
		if (irqchip_has(cell->config, irq))
			mmio_write32((char *)gicd + GICD_ICENABLER +
				     irq / 32 * 4, 1U << (irq % 32));
}

int gic_cell_init(struct cell *cell)
{
	int err;

	err = mmio_region_register(cell, sys->platform_info.arm.gicd_base,
				   GICD_SIZE, gicd_access, cell);
	if (err)
		return err;
	if (cell != &root_cell)
		disable_spis(cell);
	return gic->cell_init(cell);
}

unsigned int gic_mmio_count_regions(struct cell *cell)
{
	(void)cell;
	/* The distributor, and what the version adds. */
	return 1 + gic->mmio_regions;
}

void gic_cell_exit(struct cell *cell)
{
	/* Linux goes on with the root's SPIs after DISABLE. */
	if (cell != &root_cell)
		disable_spis(cell);
}
