// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt remapping entries of cells' devices (vtd_ir.c): the second
 * half of the hypervisor's table, one entry per vector of a cell's device
 * (MSI: vector 0; MSI-X: the table index, sharing 0 with MSI, which the
 * device never has on at the same time), built from the message the core
 * found confined to the cell (arch_msi_remap) and usable by that device
 * alone. The device gets the remappable message that selects it.
 */
#include <core/cell.h>
#include <core/errno.h>
#include <core/pci.h>
#include <core/printk.h>
#include <core/spinlock.h>
#include <x86/apic.h>
#include <x86/vtd_ir.h>

/* Who the entries after ROOT_ENTRIES belong to: a device's vector each. */
static struct {
	const struct cell *cell;
	u16 bdf;
	u16 vector;
} cell_entries[IR_ENTRIES - ROOT_ENTRIES];

/* The entry of cell's device bdf for vector, taken on first use. */
static int cell_entry(const struct cell *cell, u16 bdf, unsigned int vector)
{
	unsigned int n;
	int free = -ENOSPC;

	for (n = 0; n < ARRAY_SIZE(cell_entries); n++) {
		if (cell_entries[n].cell == cell &&
		    cell_entries[n].bdf == bdf &&
		    cell_entries[n].vector == vector)
			return ROOT_ENTRIES + n;
		if (!cell_entries[n].cell && free < 0)
			free = n;
	}
	if (free < 0)
		return free;
	cell_entries[free].cell = cell;
	cell_entries[free].bdf = bdf;
	cell_entries[free].vector = vector;
	printk("Reserving 1 interrupt(s) for device %02x:%02x.%x at index "
	       "%u\n", PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
	       ROOT_ENTRIES + free);
	return ROOT_ENTRIES + free;
}

static bool cell_dest_ok(const void *ctx, bool logical, u32 dest)
{
	const struct cell *cell = ctx;

	return apic_x2apic_dest_in(cell->cpu_set, logical, dest);
}

static bool cell_sid_ok(const void *ctx, u16 sid)
{
	return pci_owner(sid) == ctx;
}

/*
 * The message was checked by arch_msi_confined: physical, fixed or
 * lowest priority, CPUs of the cell. The entry is checked once more by
 * the rules every entry passes.
 */
int vtd_ir_msi_remap(struct vtd_unit *units, unsigned int num,
		     const struct cell *cell, u16 bdf, unsigned int vector,
		     u64 *address, u32 *data)
{
	const struct vtd_irte_rules rules = {
		.dest_ok = cell_dest_ok,
		.sid_ok = cell_sid_ok,
		.ctx = cell,
	};
	struct vtd_irte e, checked;
	const char *why;
	unsigned int n;
	int idx;

	spin_lock(&vtd_ir_lock);
	idx = cell_entry(cell, bdf, vector);
	e = vtd_irte_make((*address >> 12) & 0xff, false, *data & 0xff,
			  ((*data >> 8) & 7) == VTD_DLM_LOWEST, bdf);
	if (idx >= 0 && vtd_irte_check(&e, &rules, &checked, &why))
		idx = -EPERM;
	for (n = 0; n < num && idx >= 0; n++) {
		if (!units[n].ir)
			continue;
		vtd_ir_install(units[n].ir, idx, &checked);
		vtd_ir_flush_entries(&units[n], units[n].ir);
	}
	spin_unlock(&vtd_ir_lock);
	if (idx < 0)
		return idx;
	vtd_msi_remappable(idx, address, data);
	return 0;
}

/* The cell's devices are quiet (quiesced at the hand-back): entries go. */
void vtd_ir_cell_exit(struct vtd_unit *units, unsigned int num,
		      const struct cell *cell)
{
	static const struct vtd_irte blank;
	unsigned int n, m;

	spin_lock(&vtd_ir_lock);
	for (n = 0; n < ARRAY_SIZE(cell_entries); n++) {
		if (cell_entries[n].cell != cell)
			continue;
		cell_entries[n].cell = NULL;
		for (m = 0; m < num; m++)
			if (units[m].ir)
				vtd_ir_install(units[m].ir, ROOT_ENTRIES + n,
					       &blank);
	}
	for (m = 0; m < num; m++)
		if (units[m].ir)
			vtd_ir_flush_entries(&units[m], units[m].ir);
	spin_unlock(&vtd_ir_lock);
}
