// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt remapping entries of cells' interrupt sources (vtd_ir.c):
 * the second half of the hypervisor's table. One entry per vector of a
 * cell's device (MSI: vector 0; MSI-X: the table index, sharing 0 with
 * MSI, which the device never has on at the same time), built from the
 * message the core found confined to the cell (arch_msi_remap) and
 * usable by that device alone; the device gets the remappable message
 * that selects it. One entry per IOAPIC pin a cell programs, built from
 * its checked redirection entry (ioapic.c), with the IOAPIC's source id:
 * real units block the compatibility format, so the pin reaches the
 * cell's CPU only through such an entry.
 */
#include <core/cell.h>
#include <core/errno.h>
#include <core/pci.h>
#include <core/printk.h>
#include <core/spinlock.h>
#include <x86/apic.h>
#include <x86/vtd_ir.h>

/*
 * Who the entries after ROOT_ENTRIES belong to: a device's vector each,
 * or an IOAPIC's (bdf: its source id) pin as PIN_KEY | pin.
 */
#define PIN_KEY			0x8000

static struct {
	const struct cell *cell;
	u16 bdf;
	u16 vector;
} cell_entries[IR_ENTRIES - ROOT_ENTRIES];

/* The entry of cell's source bdf for key, taken (*fresh) on first use. */
static int cell_entry(const struct cell *cell, u16 bdf, unsigned int key,
		      bool *fresh)
{
	unsigned int n;
	int free = -ENOSPC;

	*fresh = false;
	for (n = 0; n < ARRAY_SIZE(cell_entries); n++) {
		if (cell_entries[n].cell == cell &&
		    cell_entries[n].bdf == bdf &&
		    cell_entries[n].vector == key)
			return ROOT_ENTRIES + n;
		if (!cell_entries[n].cell && free < 0)
			free = n;
	}
	if (free < 0)
		return free;
	cell_entries[free].cell = cell;
	cell_entries[free].bdf = bdf;
	cell_entries[free].vector = key;
	*fresh = true;
	return ROOT_ENTRIES + free;
}

/* The checked entry at idx of every unit that remaps (held: the lock). */
static void install_checked(struct vtd_unit *units, unsigned int num,
			    unsigned int idx, const struct vtd_irte *e)
{
	unsigned int n;

	for (n = 0; n < num; n++) {
		if (!units[n].ir)
			continue;
		vtd_ir_install(units[n].ir, idx, e);
		vtd_ir_flush_entries(&units[n], units[n].ir);
	}
}

/*
 * Entry e of cell's source bdf for key, checked by rules and installed:
 * its index, or a negative errno. *fresh: the index when taken now (to
 * be said), otherwise -1.
 */
static int place_entry(struct vtd_unit *units, unsigned int num,
		       const struct cell *cell, u16 bdf, unsigned int key,
		       const struct vtd_irte *e,
		       const struct vtd_irte_rules *rules, int *fresh)
{
	struct vtd_irte checked;
	const char *why;
	bool taken;
	int idx;

	spin_lock(&vtd_ir_lock);
	idx = cell_entry(cell, bdf, key, &taken);
	*fresh = taken ? idx : -1;
	if (idx >= 0 && vtd_irte_check(e, rules, &checked, &why))
		idx = -EPERM;
	if (idx >= 0)
		install_checked(units, num, idx, &checked);
	spin_unlock(&vtd_ir_lock);
	return idx;
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
	struct vtd_irte e;
	int fresh, idx;

	e = vtd_irte_make((*address >> 12) & 0xff, false, *data & 0xff,
			  ((*data >> 8) & 7) == VTD_DLM_LOWEST, bdf);
	idx = place_entry(units, num, cell, bdf, vector, &e, &rules, &fresh);
	if (fresh >= 0)
		printk("Reserving 1 interrupt(s) for device %02x:%02x.%x at "
		       "index %d\n", PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf),
		       PCI_BDF_FN(bdf), fresh);
	if (idx < 0)
		return idx;
	vtd_msi_remappable(idx, address, data);
	return 0;
}

/* What an IOAPIC pin's entry may name: the cell's CPUs, the IOAPIC. */
struct pin_source {
	const struct cell *cell;
	u16 sid;
};

static bool pin_dest_ok(const void *ctx, bool logical, u32 dest)
{
	const struct pin_source *src = ctx;

	return apic_x2apic_dest_in(src->cell->cpu_set, logical, dest);
}

static bool pin_sid_ok(const void *ctx, u16 sid)
{
	const struct pin_source *src = ctx;

	return sid == src->sid;
}

/*
 * The redirection entry was checked by ioapic.c: unmasked, fixed or
 * lowest priority, dest a CPU of the cell. The remapping entry carries
 * its trigger mode, so that a level pin's EOI reaches the IOAPIC; the
 * IOAPIC's entry keeps the vector for the same reason.
 */
int vtd_ir_ioapic_remap(struct vtd_unit *units, unsigned int num,
			const struct cell *cell, u16 sid, unsigned int pin,
			u32 dest, u32 *lo, u32 *hi)
{
	const struct pin_source src = { .cell = cell, .sid = sid };
	const struct vtd_irte_rules rules = {
		.dest_ok = pin_dest_ok,
		.sid_ok = pin_sid_ok,
		.ctx = &src,
	};
	struct vtd_irte e;
	int fresh, idx;

	e = vtd_irte_make(dest, false, *lo & 0xff,
			  ((*lo >> 8) & 7) == VTD_DLM_LOWEST, sid);
	if (*lo & VTD_RTE_LEVEL)
		e.lo |= VTD_IRTE_TM;
	idx = place_entry(units, num, cell, sid, PIN_KEY | pin, &e, &rules,
			  &fresh);
	if (fresh >= 0)
		printk("IOAPIC pin %u of cell \"%s\": interrupt remapping "
		       "entry %d\n", pin, cell->config->name, fresh);
	if (idx < 0)
		return idx;
	vtd_ioapic_remappable(idx, lo, hi);
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
