// SPDX-License-Identifier: GPL-2.0
/*
 * The BARs of a non-root cell's devices (core/pci_dev.h): kept by the
 * hypervisor, never moved in the device.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/pci.h>
#include <core/pci_dev.h>
#include <core/refusal.h>

#define PCI_REG_COMMAND		0x04
#define  PCI_CMD_DECODE		0x0003	/* I/O and memory space */
#define PCI_REG_BAR0		0x10
#define PCI_REG_ROM		0x30
#define PCI_ROM_SLOT		PCI_NUM_BARS
#define PCI_BAR_IO		0x1
#define PCI_BAR_MEM_TYPE	0x6
#define  PCI_BAR_MEM_64		0x4
/* Bits the device fixes: I/O 0-1, memory 0-3 (type, prefetchable). */
#define PCI_BAR_IO_FLAGS	0x3
#define PCI_BAR_MEM_FLAGS	0xf

/* BAR n's register, the expansion ROM's after the six. */
static u16 slot_reg(unsigned int n)
{
	return n == PCI_ROM_SLOT ? PCI_REG_ROM : PCI_REG_BAR0 + 4 * n;
}

static bool bar_reg(u16 reg, unsigned int *n)
{
	if (reg >= PCI_REG_ROM && reg < PCI_REG_ROM + 4) {
		*n = PCI_ROM_SLOT;
		return true;
	}
	if (reg < PCI_REG_BAR0 || reg >= PCI_REG_BAR0 + 4 * PCI_NUM_BARS)
		return false;
	*n = (reg - PCI_REG_BAR0) / 4;
	return true;
}

/* The upper half of a 64-bit memory BAR has no flag bits. */
static bool upper_half(const struct pci_dev_state *st, unsigned int n)
{
	u32 low = n ? st->bar[n - 1] : PCI_BAR_IO;

	return !(low & PCI_BAR_IO) &&
		(low & PCI_BAR_MEM_TYPE) == PCI_BAR_MEM_64 &&
		(n < 2 || !upper_half(st, n - 1));
}

static u32 flag_bits(const struct pci_dev_state *st, unsigned int n)
{
	if (n == PCI_ROM_SLOT || upper_half(st, n))
		return 0;
	return st->bar[n] & PCI_BAR_IO ? PCI_BAR_IO_FLAGS : PCI_BAR_MEM_FLAGS;
}

/* The size pattern the device answers all-ones with, decoding off. */
static u32 probe_mask(u16 bdf, u16 reg)
{
	u16 cmd = arch_pci_read_config(bdf, PCI_REG_COMMAND, 2);
	u32 now = arch_pci_read_config(bdf, reg, 4);
	u32 mask;

	arch_pci_write_config(bdf, PCI_REG_COMMAND, cmd & ~PCI_CMD_DECODE, 2);
	arch_pci_write_config(bdf, reg, 0xffffffff, 4);
	mask = arch_pci_read_config(bdf, reg, 4);
	arch_pci_write_config(bdf, reg, now, 4);
	arch_pci_write_config(bdf, PCI_REG_COMMAND, cmd, 2);
	return mask;
}

void pci_bar_init(struct pci_dev_state *st)
{
	u16 bdf = st->dev->bdf;
	unsigned int n;
	u16 reg;

	for (n = 0; n <= PCI_ROM_SLOT; n++) {
		reg = slot_reg(n);
		st->bar[n] = arch_pci_read_config(bdf, reg, 4);
		st->bar_mask[n] = n < PCI_NUM_BARS && st->dev->bar_mask[n] ?
			st->dev->bar_mask[n] : probe_mask(bdf, reg);
	}
}

bool pci_bar_read(const struct pci_dev_state *st, u16 reg,
		  unsigned int size, u32 *value)
{
	unsigned int n;

	if (!st || !bar_reg(reg, &n))
		return false;
	*value = st->bar[n] >> (8 * (reg & 3));
	if (size < 4)
		*value &= (1U << (8 * size)) - 1;
	return true;
}

/*
 * Sizing (all-ones) and putting the address back are what cells do; a
 * new address is kept for the cell to read, with one line, as the
 * device does not move.
 */
bool pci_bar_write(struct pci_dev_state *st, u16 reg, u32 value,
		   unsigned int size)
{
	unsigned int n;
	u32 flags, old, now;
	u16 bdf;

	if (!st || !bar_reg(reg, &n))
		return false;
	flags = flag_bits(st, n);
	old = st->bar[n];
	if (size < 4) {
		now = (1U << (8 * size)) - 1;
		value = (old & ~(now << (8 * (reg & 3)))) |
			((value & now) << (8 * (reg & 3)));
	}
	st->bar[n] = (value & st->bar_mask[n] & ~flags) | (old & flags);
	bdf = st->dev->bdf;
	now = arch_pci_read_config(bdf, slot_reg(n), 4);
	if ((value & ~flags) != ~flags && st->bar[n] != now)
		refusal_printk(st->cell, "PCI %02x:%02x.%x: cell \"%s\" may "
			       "not move %s %u (0x%08x to 0x%08x): the "
			       "device stays\n", PCI_BDF_BUS(bdf),
			       PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
			       st->cell->config->name,
			       n == PCI_ROM_SLOT ? "ROM BAR" : "BAR", n, now,
			       value);
	return true;
}
