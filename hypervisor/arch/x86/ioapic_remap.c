// SPDX-License-Identifier: GPL-2.0
/*
 * Cells' IOAPIC pins under interrupt remapping. The units block the
 * compatibility format (on real hardware; QEMU lets it pass), so a
 * non-root cell's redirection entry, checked by ioapic.c, reaches the
 * IOAPIC in remappable form, selecting a remapping entry that the
 * hypervisor fills for that pin and cell (iommu_dma.ioapic_remap): the
 * cell's vector toward its CPU, the IOAPIC's source id. The IOAPIC's
 * entry keeps vector, polarity and trigger mode, so that the EOI of a
 * level pin still finds it. The cell reads back what it wrote (the
 * shadow), with the IOAPIC's live status bits.
 */
#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/percpu.h>
#include <x86/apic.h>
#include <x86/ioapic.h>
#include <x86/iommu.h>

/* Those a remapping entry can carry: fixed and lowest priority. */
#define DELMODE_REMAPPED	(BIT(0) | BIT(1))

bool ioapic_pins_remapped(const struct cell *cell)
{
	return cell != &root_cell && iommu_dma.ioapic_remap;
}

void ioapic_cell_view(const struct cell *cell, const struct ioapic *chip,
		      unsigned int pin, u32 *lo, u32 *hi)
{
	unsigned int reg = IOAPIC_REDIR_TABLE + 2 * pin;

	if (!ioapic_pins_remapped(cell)) {
		*lo = ioapic_hw_read(chip, reg);
		*hi = ioapic_hw_read(chip, reg + 1);
		return;
	}
	*lo = (chip->shadow[pin][0] & ~RTE_LIVE_STATUS) |
		(ioapic_hw_read(chip, reg) & RTE_LIVE_STATUS);
	*hi = chip->shadow[pin][1];
}

/*
 * The CPU the remapping entry names for a checked entry: its physical
 * APIC ID. A logical destination is resolved to the CPU of the cell it
 * names, the first one under lowest priority.
 */
static const char *remap_dest(const struct cell *cell, u32 lo, u32 hi,
			      u32 *dest)
{
	const struct per_cpu *cpu;
	unsigned int n, found = 0;

	*dest = hi >> RTE_DEST_SHIFT;
	if (!(lo & RTE_DEST_LOGICAL))
		return NULL;
	for (n = 0; n < hypervisor_header.max_cpus; n++) {
		cpu = per_cpu(n);
		if (cpu->cell == cell &&
		    apic_logical_match(cpu, hi >> RTE_DEST_SHIFT) && !found++)
			*dest = cpu->arch.apic_id;
	}
	if (found > 1 && ioapic_delmode(lo) != RTE_DELMODE_LOWEST)
		return "logical destination of several CPUs under "
			"interrupt remapping";
	return NULL;
}

/* The checked, unmasked entry through a remapping entry of the pin's. */
static const char *program_remapped(const struct cell *cell,
				    const struct ioapic *chip,
				    unsigned int pin, u32 lo, u32 hi)
{
	unsigned int reg = IOAPIC_REDIR_TABLE + 2 * pin;
	const char *why = NULL;
	u32 dest;

	if (!(DELMODE_REMAPPED & BIT(ioapic_delmode(lo))))
		why = "delivery mode not fixed or lowest priority under "
			"interrupt remapping";
	if (!why)
		why = remap_dest(cell, lo, hi, &dest);
	if (!why && iommu_dma.ioapic_remap(cell, chip->sid, pin, dest, &lo,
					   &hi))
		why = "no interrupt remapping entry";
	if (why)
		return why;
	/* Same pin, same remapping entry: the high half may go first. */
	ioapic_hw_write(chip, reg + 1, hi);
	ioapic_hw_write(chip, reg, lo);
	return NULL;
}

const char *ioapic_write_remapped(const struct cell *cell,
				  struct ioapic *chip, unsigned int pin,
				  bool high, u32 value)
{
	u32 *words = chip->shadow[pin];

	words[high] = value;
	if (words[0] & RTE_MASKED) {
		ioapic_mask_pin(chip, pin);
		return NULL;
	}
	return program_remapped(cell, chip, pin, words[0], words[1]);
}
