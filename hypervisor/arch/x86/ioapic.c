// SPDX-License-Identifier: GPL-2.0
/*
 * IOAPICs: no cell maps them, every access traps and is replayed here.
 * The pins of an IOAPIC belong to the cells whose irqchip entries name
 * them (pin_bitmap); a non-root cell's pins are taken from the root cell
 * while it exists. A cell reads and programs only its own pins, and an
 * unmasked redirection entry may only send to its own CPUs with a delivery
 * mode that cannot reset or stop a CPU; the remappable format is the
 * root cell's, under interrupt remapping. Pins of no cell stay masked.
 *
 * Under interrupt remapping the units block the compatibility format, so
 * a non-root cell's checked entry reaches the IOAPIC in remappable form,
 * selecting a remapping entry the hypervisor fills for that pin
 * (ioapic_remap.c).
 *
 * The register select is per CPU and IOAPIC (Linux selects and accesses
 * on one CPU under its lock), the hardware one is shared: one lock.
 *
 * A unit: the IOAPICs come up at late setup, every cell gets a trapped
 * page for each IOAPIC its config names.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/refusal.h>
#include <core/spinlock.h>
#include <core/unit.h>
#include <x86/apic.h>
#include <x86/ioapic.h>
#include <x86/iommu.h>
#include <x86/setup.h>

#define IOAPIC_ID		0x00
#define IOAPIC_VERSION		0x01
#define IOAPIC_ARBITRATION	0x02
#define IOAPIC_MAX_REDIR_SHIFT	16

#define APIC_BROADCAST		0xff

/* Delivery modes a cell may use: fixed, lowest priority, NMI, ExtINT. */
#define DELMODE_ALLOWED		(BIT(0) | BIT(1) | BIT(4) | BIT(7))

static struct ioapic ioapics[X86_MAX_IOAPICS];
static unsigned int num_ioapics;
static DEFINE_SPINLOCK(ioapic_lock);

/* The cell's irqchip entry for chip, NULL if it has none. */
static const struct jailhouse_irqchip *cell_chip(const struct cell *cell,
						 const struct ioapic *chip)
{
	const struct jailhouse_irqchip *ic =
		jailhouse_cell_irqchips(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_irqchips; n++, ic++)
		if ((ic->address & PAGE_MASK) == chip->phys)
			return ic;
	return NULL;
}

static bool chip_has_pin(const struct jailhouse_irqchip *ic,
			 unsigned int pin)
{
	unsigned int bit = pin - ic->pin_base;

	return pin >= ic->pin_base && bit < 128 &&
		(ic->pin_bitmap[bit / 32] & (1U << (bit % 32)));
}

static bool owns_pin(const struct cell *cell, const struct ioapic *chip,
		     unsigned int pin)
{
	const struct jailhouse_irqchip *ic = cell_chip(cell, chip);
	const struct cell *other;

	if (!ic || !chip_has_pin(ic, pin))
		return false;
	if (cell != &root_cell)
		return true;
	/* The root cell lends its pins to the cells naming them. */
	for (other = root_cell.next; other; other = other->next) {
		ic = cell_chip(other, chip);
		if (ic && chip_has_pin(ic, pin))
			return false;
	}
	return true;
}

void ioapic_mask_pin(const struct ioapic *chip, unsigned int pin)
{
	unsigned int reg = IOAPIC_REDIR_TABLE + 2 * pin;

	ioapic_hw_write(chip, reg, ioapic_hw_read(chip, reg) | RTE_MASKED);
}

static int map_chip(struct ioapic *chip, u64 address)
{
	chip->phys = address & PAGE_MASK;
	chip->regs = page_alloc(&remap_pool, 1);
	if (!chip->regs)
		return -ENOMEM;
	return paging_map(&hv_paging, (unsigned long)chip->regs, chip->phys,
			  PAGE_SIZE, PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			  PAGE_FLAG_DEVICE | PAGE_FLAG_NO_HUGE);
}

/* Only the root cell exists: pins of no cell stay quiet. */
static void mask_unowned_pins(struct ioapic *chip)
{
	const struct jailhouse_irqchip *ic = cell_chip(&root_cell, chip);
	unsigned int pin;

	chip->pins = ((ioapic_hw_read(chip, IOAPIC_VERSION) >>
		       IOAPIC_MAX_REDIR_SHIFT) & 0xff) + 1;
	for (pin = 0; pin < chip->pins; pin++)
		if (!ic || !chip_has_pin(ic, pin))
			ioapic_mask_pin(chip, pin);
}

/* The IOAPICs of the system config, mapped for the hypervisor. */
static int ioapic_init(void)
{
	const struct jailhouse_system *sys = system_config_location();
	const struct jailhouse_irqchip *ic =
		jailhouse_cell_irqchips(&sys->root_cell);
	unsigned int n;
	int err;

	num_ioapics = 0;
	for (n = 0; n < sys->root_cell.num_irqchips; n++, ic++) {
		if (num_ioapics == X86_MAX_IOAPICS) {
			printk("More than %u IOAPICs are not supported\n",
			       X86_MAX_IOAPICS);
			return -EINVAL;
		}
		err = map_chip(&ioapics[num_ioapics], ic->address);
		if (err)
			return err;
		ioapics[num_ioapics].sid = ic->id & 0xffff;
		mask_unowned_pins(&ioapics[num_ioapics]);
		num_ioapics++;
	}
	return 0;
}

/* Pins changing hands start masked (cell creation and destruction). */
static void ioapic_cell_pins_mask(const struct cell *cell)
{
	const struct jailhouse_irqchip *ic;
	unsigned int n, pin;

	spin_lock(&ioapic_lock);
	for (n = 0; n < num_ioapics; n++) {
		ic = cell_chip(cell, &ioapics[n]);
		for (pin = 0; ic && pin < ioapics[n].pins; pin++) {
			if (!chip_has_pin(ic, pin))
				continue;
			ioapic_mask_pin(&ioapics[n], pin);
			ioapics[n].shadow[pin][0] = RTE_MASKED;
			ioapics[n].shadow[pin][1] = 0;
		}
	}
	spin_unlock(&ioapic_lock);
}

/*
 * Whether dest (of an entry with lo) reaches CPUs of cell and no others,
 * by the APIC IDs and logical IDs the hypervisor keeps (apic.c).
 */
static bool dest_in_cell(const struct cell *cell, u32 lo, u32 dest)
{
	bool logical = lo & RTE_DEST_LOGICAL;
	const struct per_cpu *cpu;
	bool reached = false;
	unsigned int n;

	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		cpu = per_cpu(n);
		if (!cpu->cell || !(logical ? apic_logical_match(cpu, dest) :
				    cpu->arch.apic_id == dest))
			continue;
		if (!cell_owns_cpu(cell, n))
			return false;
		reached = true;
	}
	if (reached)
		return true;
	/* A broadcast is fine while the cell has every CPU. */
	return !logical && dest == APIC_BROADCAST && cell == &root_cell &&
		!root_cell.next;
}

/*
 * A remappable entry names no CPU itself: the remapping entry it selects
 * does. The root cell's remapping entries are the checked copies of the
 * hypervisor (vtd_ir.c), and they name the IOAPIC as their source, so a
 * non-root cell selecting one would reach the root's CPUs: only the root
 * cell may, only while the hypervisor remaps the IOAPIC's interrupts (VT-d:
 * not AMD-Vi, where they pass untranslated although cells' devices are
 * remapped), and only its own entries, not those of cells' pins (same
 * source).
 */
static const char *remappable_problem(const struct cell *cell, u32 lo,
				      u32 hi)
{
	if (cell != &root_cell)
		return "remappable format";
	if (!iommu_dma.ioapic_remap)
		return "remappable format without interrupt remapping";
	if (iommu_dma.ioapic_root_rte_ok &&
	    !iommu_dma.ioapic_root_rte_ok(lo, hi))
		return "remapping entry not the root cell's";
	return NULL;
}

/* Why cell may not have the entry lo, hi; NULL if it may. */
static const char *rte_problem(const struct cell *cell, u32 lo, u32 hi)
{
	if (lo & RTE_MASKED)
		return NULL;
	if (hi & RTE_HI_REMAPPABLE)
		return remappable_problem(cell, lo, hi);
	if (!(DELMODE_ALLOWED & BIT(ioapic_delmode(lo))))
		return "delivery mode";
	if (!dest_in_cell(cell, lo, hi >> RTE_DEST_SHIFT))
		return "destination outside the cell";
	return NULL;
}

/* Write one half of pin's entry if the whole entry is acceptable. */
static void write_rte(struct per_cpu *cpu, struct ioapic *chip,
		      unsigned int pin, bool high, u32 value)
{
	unsigned int reg = IOAPIC_REDIR_TABLE + 2 * pin;
	const char *why;
	u32 lo, hi;

	ioapic_cell_view(cpu->cell, chip, pin, &lo, &hi);
	if (high)
		hi = value;
	else
		lo = value;
	why = rte_problem(cpu->cell, lo, hi);
	if (!why && !ioapic_pins_remapped(cpu->cell)) {
		ioapic_hw_write(chip, reg + high, value);
		return;
	}
	if (!why)
		why = ioapic_write_remapped(cpu->cell, chip, pin, high, value);
	if (!why)
		return;
	refusal_printk(cpu->cell, "IOAPIC pin %u: cell \"%s\" may not set "
		       "entry 0x%08x%08x (%s): masked\n", pin,
		       cpu->cell->config->name, hi, lo, why);
	ioapic_mask_pin(chip, pin);
	chip->shadow[pin][0] |= RTE_MASKED;
}

static u32 read_window(struct per_cpu *cpu, const struct ioapic *chip,
		       unsigned int reg)
{
	unsigned int pin = (reg - IOAPIC_REDIR_TABLE) / 2;
	u32 lo, hi;

	if (reg < IOAPIC_REDIR_TABLE)
		return ioapic_hw_read(chip, reg);
	if (pin >= chip->pins)
		return 0;
	/* Another cell's entry reads as a masked, empty one. */
	if (!owns_pin(cpu->cell, chip, pin))
		return reg & 1 ? 0 : RTE_MASKED;
	ioapic_cell_view(cpu->cell, chip, pin, &lo, &hi);
	return reg & 1 ? hi : lo;
}

static void write_window(struct per_cpu *cpu, struct ioapic *chip,
			 unsigned int reg, u32 value)
{
	unsigned int pin = (reg - IOAPIC_REDIR_TABLE) / 2;

	/* ID and arbitration are the firmware's business. */
	if (reg < IOAPIC_REDIR_TABLE || pin >= chip->pins)
		return;
	if (!owns_pin(cpu->cell, chip, pin)) {
		refusal_printk(cpu->cell, "IOAPIC pin %u: not a pin of cell "
			       "\"%s\": write ignored\n", pin,
			       cpu->cell->config->name);
		return;
	}
	write_rte(cpu, chip, pin, reg & 1, value);
}

/* An EOI ends the vector's level interrupt: only for the cell's pins. */
static void write_eoi(struct per_cpu *cpu, const struct ioapic *chip,
		      u32 vector)
{
	unsigned int pin;

	for (pin = 0; pin < chip->pins; pin++)
		if (owns_pin(cpu->cell, chip, pin) &&
		    (ioapic_hw_read(chip, IOAPIC_REDIR_TABLE + 2 * pin) &
		     RTE_VECTOR) == (vector & RTE_VECTOR)) {
			chip->regs[IOAPIC_REG_EOI / 4] = vector;
			return;
		}
}

/* Carry out a 32-bit access at offset of chip (index n) for cpu. */
static void chip_access(struct per_cpu *cpu, struct ioapic *chip,
			unsigned int n, unsigned int offset,
			struct mmio_access *acc)
{
	u8 *select = cpu->arch.ioapic_select;

	spin_lock(&ioapic_lock);
	if (offset == IOAPIC_REG_SELECT) {
		if (acc->is_write)
			select[n] = acc->value;
		else
			acc->value = select[n];
	} else if (offset == IOAPIC_REG_WINDOW) {
		if (acc->is_write)
			write_window(cpu, chip, select[n], acc->value);
		else
			acc->value = read_window(cpu, chip, select[n]);
	} else if (offset == IOAPIC_REG_EOI && acc->is_write) {
		write_eoi(cpu, chip, acc->value);
	} else if (!acc->is_write) {
		acc->value = 0;
	}
	spin_unlock(&ioapic_lock);
}

/* The trapped page of one IOAPIC; its registers take 32-bit accesses. */
static enum mmio_result ioapic_mmio_access(void *arg, struct mmio_access *acc)
{
	struct ioapic *chip = arg;
	unsigned int offset = acc->address;

	if (acc->size != 4 || (offset & 3))
		return MMIO_ERROR;
	chip_access(this_cpu(), chip, chip - ioapics, offset, acc);
	return MMIO_HANDLED;
}

static unsigned int ioapic_mmio_count_regions(struct cell *cell)
{
	unsigned int n, count = 0;

	for (n = 0; n < num_ioapics; n++)
		if (cell_chip(cell, &ioapics[n]))
			count++;
	return count;
}

/*
 * At enable the root's remappable entries are as Linux left them: one
 * selecting a remapping entry past the root's, blocked now, would reach
 * a cell pin's entry later. Masked, with the line a write of it gets.
 */
static void check_root_pins(struct ioapic *chip)
{
	unsigned int pin, reg;
	const char *why;
	u32 lo, hi;

	spin_lock(&ioapic_lock);
	for (pin = 0; pin < chip->pins; pin++) {
		reg = IOAPIC_REDIR_TABLE + 2 * pin;
		lo = ioapic_hw_read(chip, reg);
		hi = ioapic_hw_read(chip, reg + 1);
		if (!(hi & RTE_HI_REMAPPABLE) ||
		    !owns_pin(&root_cell, chip, pin))
			continue;
		why = rte_problem(&root_cell, lo, hi);
		if (!why)
			continue;
		refusal_printk(&root_cell, "IOAPIC pin %u: cell \"%s\" may "
			       "not keep entry 0x%08x%08x (%s): masked\n",
			       pin, root_cell.config->name, hi, lo, why);
		ioapic_mask_pin(chip, pin);
	}
	spin_unlock(&ioapic_lock);
}

static int ioapic_cell_init(struct cell *cell)
{
	unsigned int n;
	int err;

	/* The root cell's pins become the new cell's, quiet at first. */
	if (cell != &root_cell)
		ioapic_cell_pins_mask(cell);
	for (n = 0; n < num_ioapics && cell == &root_cell; n++)
		check_root_pins(&ioapics[n]);
	for (n = 0; n < num_ioapics; n++) {
		if (!cell_chip(cell, &ioapics[n]))
			continue;
		err = mmio_region_register(cell, ioapics[n].phys, PAGE_SIZE,
					   ioapic_mmio_access, &ioapics[n]);
		if (err)
			return err;
	}
	return 0;
}

static void ioapic_cell_exit(struct cell *cell)
{
	unsigned int n;

	/*
	 * The root cell's pins stay as Linux set them when the hypervisor
	 * leaves. At DISABLE its CPUs leave one by one and trap until they
	 * do: its regions stay for as long as the hypervisor runs.
	 */
	if (cell == &root_cell)
		return;
	/* Nothing the cell programmed may fire into the root cell. */
	ioapic_cell_pins_mask(cell);
	for (n = 0; n < num_ioapics; n++)
		if (cell_chip(cell, &ioapics[n]))
			mmio_region_unregister(cell, ioapics[n].phys);
}

DEFINE_UNIT(ioapic,
	.name = "IOAPIC",
	.init = ioapic_init,
	.mmio_count_regions = ioapic_mmio_count_regions,
	.cell_init = ioapic_cell_init,
	.cell_exit = ioapic_cell_exit,
);
