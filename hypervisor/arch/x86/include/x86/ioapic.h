/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IOAPICs (ioapic.c) and the remapped form of cells' redirection entries
 * (ioapic_remap.c): the registers, one IOAPIC's state and the accesses
 * both make, under ioapic.c's lock.
 */
#ifndef _X86_IOAPIC_H
#define _X86_IOAPIC_H

#include <core/types.h>

struct cell;

#define IOAPIC_REG_SELECT	0x00
#define IOAPIC_REG_WINDOW	0x10
#define IOAPIC_REG_EOI		0x40
#define IOAPIC_REDIR_TABLE	0x10

#define RTE_VECTOR		0x000000ffU
#define RTE_DELMODE_SHIFT	8
#define RTE_DELMODE_MASK	(7U << RTE_DELMODE_SHIFT)
#define RTE_DELMODE_LOWEST	1
#define RTE_DEST_LOGICAL	BIT(11)
/* Read-only status: delivery pending, level interrupt not yet EOIed. */
#define RTE_LIVE_STATUS		(BIT(12) | BIT(14))
#define RTE_MASKED		BIT(16)
#define RTE_DEST_SHIFT		24
/* Bit 48: the entry selects an interrupt remapping entry (its index). */
#define RTE_HI_REMAPPABLE	BIT(16)
/* The redirection table has at most 256 entries (an 8-bit maximum). */
#define IOAPIC_MAX_PINS		256

struct ioapic {
	u64 phys;
	volatile u32 *regs;
	unsigned int pins;
	/* Its requester id, from the system config (irqchip id). */
	u16 sid;
	/* Entries as non-root cells wrote them, under remapping. */
	u32 shadow[IOAPIC_MAX_PINS][2];
};

static inline u32 ioapic_hw_read(const struct ioapic *chip, unsigned int reg)
{
	chip->regs[IOAPIC_REG_SELECT / 4] = reg;
	return chip->regs[IOAPIC_REG_WINDOW / 4];
}

static inline void ioapic_hw_write(const struct ioapic *chip,
				   unsigned int reg, u32 value)
{
	chip->regs[IOAPIC_REG_SELECT / 4] = reg;
	chip->regs[IOAPIC_REG_WINDOW / 4] = value;
}

static inline unsigned int ioapic_delmode(u32 lo)
{
	return (lo & RTE_DELMODE_MASK) >> RTE_DELMODE_SHIFT;
}

void ioapic_mask_pin(const struct ioapic *chip, unsigned int pin);

/* Whether cell's entries reach the IOAPIC through remapping entries. */
bool ioapic_pins_remapped(const struct cell *cell);
/* pin's entry as cell sees it: its own words under remapping. */
void ioapic_cell_view(const struct cell *cell, const struct ioapic *chip,
		      unsigned int pin, u32 *lo, u32 *hi);
/*
 * Under remapping, cell's checked write of one half of pin's entry: kept
 * as written, the IOAPIC gets the masked or remapped form. NULL, or why
 * the entry cannot be remapped (the caller masks the pin).
 */
const char *ioapic_write_remapped(const struct cell *cell,
				  struct ioapic *chip, unsigned int pin,
				  bool high, u32 value);

#endif /* _X86_IOAPIC_H */
