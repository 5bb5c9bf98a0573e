// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-d DMA remapping (x86/vtd.h), independent of the CPU vendor:
 * it runs beside AMD SVM as well as Intel VT-x. Root Linux boots without
 * their DMA remapping (intel_iommu=off); the hypervisor takes them at
 * enable and switches translation off again at disable. Interrupt
 * remapping that Linux has on is taken over as well (vtd_ir.c).
 *
 * Every cell is one domain (id: cell id + 1, as some units reserve 0)
 * whose second-level tables are the cell's DMA tables (iommu.c). The
 * devices of a cell's config point at its domain; a device of a non-root
 * cell returns to the root cell's domain when the cell goes, a device of
 * no cell has no context entry and all its DMA faults.
 *
 * Invalidation is register-based, except on units whose interrupt
 * remapping the hypervisor took over: those run its queue (vtd_qi.c).
 * Queued invalidation on without remapping is refused. Faults are read
 * on the fault event, an NMI to a root CPU (vtd_fault_event.c), and on
 * the root's MMIO exits (iommu_poll).
 *
 * The register pages are the hypervisor's: configs that map them to a
 * cell are refused (config_check.c).
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/pci.h>
#include <core/printk.h>
#include <core/ratelimit.h>
#include <core/spinlock.h>
#include <core/unit.h>
#include <x86/cell.h>
#include <x86/iommu.h>
#include <x86/paging_formats.h>
#include <x86/setup.h>
#include <x86/vtd.h>
#include <x86/vtd_ir.h>
#include <x86/vtd_irte.h>


/* Register polls give up after this many reads (a unit that hangs). */
#define VTD_POLL_LIMIT		10000000UL

static struct vtd_unit vtd_units[JAILHOUSE_MAX_IOMMU_UNITS];
static unsigned int num_vtd_units;
static struct vtd_tables vtd_tables;
static u8 vtd_aw;
static unsigned long vtd_num_domains;
static bool vtd_coherent;
/* Register sequences (commands, invalidation, fault records). */
static DEFINE_SPINLOCK(vtd_lock);
static struct ratelimit vtd_fault_limit;

/* Wait until the bits of mask in the 64-bit register reg are clear. */
static int vtd_wait_clear64(const struct vtd_unit *u, unsigned int reg,
			    u64 mask)
{
	unsigned long n;

	for (n = 0; n < VTD_POLL_LIMIT; n++)
		if (!(vtd_read64(u, reg) & mask))
			return 0;
	printk("VT-d unit at 0x%llx: register 0x%x stuck\n", u->base, reg);
	return -EIO;
}

/* Wait until GSTS shows bit as want. */
static int vtd_wait_status(const struct vtd_unit *u, u32 bit, bool want)
{
	unsigned long n;

	for (n = 0; n < VTD_POLL_LIMIT; n++)
		if (!!(vtd_read32(u, VTD_REG_GSTS) & bit) == want)
			return 0;
	printk("VT-d unit at 0x%llx: status 0x%x stuck\n", u->base, bit);
	return -EIO;
}

/* Switch a persistent function (TE, ...) on or off, keeping the rest. */
int vtd_set_function(const struct vtd_unit *u, u32 bit, bool on)
{
	u32 cmd = vtd_read32(u, VTD_REG_GSTS) & VTD_GSTS_PERSISTENT;

	cmd = on ? cmd | bit : cmd & ~bit;
	vtd_write32(u, VTD_REG_GCMD, cmd);
	return vtd_wait_status(u, bit, on);
}

/* A one-shot command: SRTP completes when RTPS is set, WBF when clear. */
int vtd_command(const struct vtd_unit *u, u32 bit, bool done_set)
{
	u32 cmd = vtd_read32(u, VTD_REG_GSTS) & VTD_GSTS_PERSISTENT;

	vtd_write32(u, VTD_REG_GCMD, cmd | bit);
	return vtd_wait_status(u, bit, done_set);
}

/*
 * Drop every cached context entry and translation of the unit: through
 * the hypervisor's queue where it runs one (register-based invalidation
 * is not allowed then).
 */
static int vtd_invalidate(struct vtd_unit *u)
{
	unsigned int iotlb = u->iro + 8;
	int err = 0;

	if (u->queue)
		return vtd_qi_invalidate_all(u);
	if (u->cap & VTD_CAP_RWBF)
		err = vtd_command(u, VTD_GCMD_WBF, false);
	if (err)
		return err;
	vtd_write64(u, VTD_REG_CCMD, VTD_CCMD_ICC | VTD_CCMD_GLOBAL);
	err = vtd_wait_clear64(u, VTD_REG_CCMD, VTD_CCMD_ICC);
	if (err)
		return err;
	vtd_write64(u, iotlb, VTD_IOTLB_IVT | VTD_IOTLB_GLOBAL |
		    VTD_IOTLB_DR | VTD_IOTLB_DW);
	return vtd_wait_clear64(u, iotlb, VTD_IOTLB_IVT);
}

static int vtd_invalidate_all(void)
{
	unsigned int n;
	int err = 0;

	spin_lock(&vtd_lock);
	/* Units that do not snoop walk the tables in memory. */
	if (!vtd_coherent)
		asm volatile("wbinvd" : : : "memory");
	for (n = 0; n < num_vtd_units && !err; n++)
		err = vtd_invalidate(&vtd_units[n]);
	spin_unlock(&vtd_lock);
	return err;
}

static void vtd_flush(const struct cell *cell)
{
	(void)cell;
	vtd_invalidate_all();
}

static void vtd_report(const struct vtd_fault *f)
{
	const struct cell *owner = pci_owner(f->bdf);

	if (!ratelimit_ok(&vtd_fault_limit, "VT-d"))
		return;
	printk("VT-d fault: DMA %s of device %02x:%02x.%x (cell \"%s\") at "
	       "0x%llx blocked: %s (reason 0x%x)\n",
	       f->is_write ? "write" : "read", PCI_BDF_BUS(f->bdf),
	       PCI_BDF_DEV(f->bdf), PCI_BDF_FN(f->bdf),
	       owner ? owner->config->name : "none", f->address,
	       vtd_fault_reason(f->reason), f->reason);
}

/* Report and clear the unit's records, from the first one pending. */
static bool vtd_poll_unit(const struct vtd_unit *u, u32 fsts)
{
	bool reported = false;
	unsigned int idx = ((fsts >> VTD_FSTS_FRI_SHIFT) & VTD_FSTS_FRI_MASK) %
		u->nfr;
	unsigned int n, rec;
	struct vtd_fault f;
	u64 hi;

	for (n = 0; n < u->nfr; n++, idx = (idx + 1) % u->nfr) {
		rec = u->fro + idx * VTD_FRCD_SIZE;
		hi = vtd_read64(u, rec + 8);
		if (!vtd_fault_decode(vtd_read64(u, rec), hi, &f))
			break;
		vtd_write32(u, rec + 12, VTD_FRCD_HI_F >> 32);
		vtd_report(&f);
		reported = true;
	}
	if (fsts & VTD_FSTS_PFO) {
		printk("VT-d unit at 0x%llx: fault records overflowed\n",
		       u->base);
		vtd_write32(u, VTD_REG_FSTS, VTD_FSTS_PFO);
		reported = true;
	}
	return reported;
}

/*
 * Under the lock, which shutdown takes before the registers go: root
 * CPUs still poll while DISABLE runs on another one. A CPU that finds
 * the lock taken leaves the records to the holder or a later exit.
 */
static bool vtd_poll_fault_event(void)
{
	const struct vtd_unit *u;
	bool reported = false;
	unsigned int n;
	u32 fsts;

	if (!spin_trylock(&vtd_lock))
		return false;
	for (n = 0; n < num_vtd_units; n++) {
		u = &vtd_units[n];
		fsts = vtd_read32(u, VTD_REG_FSTS);
		if (fsts & (VTD_FSTS_PPF | VTD_FSTS_PFO))
			reported |= vtd_poll_unit(u, fsts);
	}
	spin_unlock(&vtd_lock);
	return reported;
}

static void vtd_poll_faults(void)
{
	vtd_poll_fault_event();
}

static int vtd_map_registers(struct vtd_unit *u,
			     const struct jailhouse_iommu *cfg)
{
	u->base = cfg->base;
	u->pages = PAGES(cfg->size ? cfg->size : PAGE_SIZE);
	return iommu_map_registers(u->base, u->pages, &u->regs);
}

static void vtd_unmap_registers(struct vtd_unit *u)
{
	if (!u->regs)
		return;
	vtd_ir_hand_back(u);
	vtd_qi_stop(u);
	iommu_unmap_registers(&u->regs, u->pages);
}

/* What the hypervisor reads from the unit, inside the mapped size. */
static int vtd_probe(struct vtd_unit *u)
{
	unsigned long size = u->pages * PAGE_SIZE;
	u32 gsts = vtd_read32(u, VTD_REG_GSTS);
	int err = 0;

	u->cap = vtd_read64(u, VTD_REG_CAP);
	u->ecap = vtd_read64(u, VTD_REG_ECAP);
	u->fro = ((u->cap >> VTD_CAP_FRO_SHIFT) & VTD_CAP_FRO_MASK) * 16;
	u->nfr = ((u->cap >> VTD_CAP_NFR_SHIFT) & VTD_CAP_NFR_MASK) + 1;
	u->iro = ((u->ecap >> VTD_ECAP_IRO_SHIFT) & VTD_ECAP_IRO_MASK) * 16;
	if (u->fro + u->nfr * VTD_FRCD_SIZE > size || u->iro + 16 > size) {
		printk("VT-d unit at 0x%llx: registers beyond its size 0x%lx "
		       "in the config\n", u->base, size);
		return -EINVAL;
	}
	if (gsts & VTD_GCMD_IRE) {
		err = vtd_ir_take(u);
	} else if (gsts & (VTD_GCMD_TE | VTD_GCMD_QIE)) {
		printk("VT-d unit at 0x%llx is in use by Linux (status 0x%x): "
		       "boot it with intel_iommu=off\n", u->base, gsts);
		err = -EBUSY;
	}
	if (!err)
		vtd_fault_event_aim(u, 1, NULL);
	return err;
}

/* The table depth, page sizes and domains every unit supports. */
static int vtd_choose_format(void)
{
	u64 common = ~0ULL;
	unsigned int n;

	vtd_num_domains = ~0UL;
	vtd_coherent = true;
	for (n = 0; n < num_vtd_units; n++) {
		common &= vtd_units[n].cap;
		vtd_num_domains = MIN(vtd_num_domains, 1UL <<
			(4 + 2 * (vtd_units[n].cap & VTD_CAP_ND_MASK)));
		vtd_coherent &= !!(vtd_units[n].ecap & VTD_ECAP_C);
	}
	if (common & VTD_CAP_SAGAW_48) {
		iommu_dma.fmt = &vtd_sl_4level_paging;
		vtd_aw = VTD_AW_48;
	} else if (common & VTD_CAP_SAGAW_39) {
		iommu_dma.fmt = &vtd_sl_3level_paging;
		vtd_aw = VTD_AW_39;
	} else {
		printk("VT-d: no 3- or 4-level tables common to all units\n");
		return -EINVAL;
	}
	iommu_dma.max_page_size = (common & VTD_CAP_SLLPS_1G) ? 1ULL << 30 :
		(common & VTD_CAP_SLLPS_2M) ? 1ULL << 21 : PAGE_SIZE;
	return 0;
}

static int vtd_take_units(void)
{
	const struct jailhouse_iommu *cfg =
		system_config_location()->platform_info.iommu_units;
	struct vtd_unit *u;
	unsigned int n;
	int err;

	for (n = 0; n < JAILHOUSE_MAX_IOMMU_UNITS; n++, cfg++) {
		if (cfg->type != JAILHOUSE_IOMMU_INTEL)
			continue;
		u = &vtd_units[num_vtd_units++];
		err = vtd_map_registers(u, cfg);
		if (!err)
			err = vtd_probe(u);
		if (err)
			return err;
	}
	return 0;
}

/* Every unit walks the one root table, still without translating. */
static int vtd_load_root_table(void)
{
	u64 root = vtd_tables_root_phys(&vtd_tables);
	unsigned int n;
	int err = 0;

	for (n = 0; n < num_vtd_units && !err; n++) {
		vtd_write64(&vtd_units[n], VTD_REG_RTADDR, root);
		err = vtd_command(&vtd_units[n], VTD_GCMD_SRTP, true);
	}
	return err ? err : vtd_invalidate_all();
}

static void vtd_shutdown(void)
{
	unsigned int n, units;

	spin_lock(&vtd_lock);
	units = num_vtd_units;
	/* Only its own hooks: the other model's unit may own them. */
	if (units) {
		iommu_dma.poll_faults = NULL;
		iommu_dma.poll_fault_event = NULL;
	}
	num_vtd_units = 0;
	spin_unlock(&vtd_lock);
	/* Translation is off: the root cell's exit, or never switched on. */
	for (n = 0; n < units; n++)
		vtd_unmap_registers(&vtd_units[n]);
	vtd_tables_destroy(&vtd_tables);
	if (units)
		iommu_dma = (struct iommu_dma){ 0 };
}

static int vtd_msi_remap(const struct cell *cell, u16 bdf,
			 unsigned int vector, u64 *address, u32 *data)
{
	int err = vtd_ir_msi_remap(vtd_units, num_vtd_units, cell, bdf,
				   vector, address, data);

	if (err)
		printk("VT-d: no interrupt remapping entry for device "
		       "%02x:%02x.%x of cell \"%s\" (%d)\n", PCI_BDF_BUS(bdf),
		       PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf), cell->config->name,
		       err);
	return err;
}

static int vtd_ioapic_remap(const struct cell *cell, u16 sid,
			    unsigned int pin, u32 dest, u32 *lo, u32 *hi)
{
	return vtd_ir_ioapic_remap(vtd_units, num_vtd_units, cell, sid, pin,
				   dest, lo, hi);
}

/* The root's own entries are the ones its table mirrors (vtd_ir.c). */
static bool vtd_ioapic_root_rte_ok(u32 lo, u32 hi)
{
	return vtd_ioapic_handle(lo, hi) < ROOT_ENTRIES;
}

static u64 irte_field(u64 value, unsigned int shift, u64 mask)
{
	return (value >> shift) & mask;
}

/* Only the root cell's entries: a cell's messages never come remappable. */
static bool vtd_msi_target(const struct cell *cell, u64 address, u32 data,
			   struct msi_target *t)
{
	struct vtd_irte e;

	if (cell != &root_cell ||
	    !vtd_ir_root_entry(vtd_units, num_vtd_units, address, data, &e))
		return false;
	t->dest = e.lo >> VTD_IRTE_DEST_SHIFT;
	t->vector = irte_field(e.lo, VTD_IRTE_VECTOR_SHIFT,
			       VTD_IRTE_VECTOR_MASK);
	t->logical = e.lo & VTD_IRTE_DM_LOGICAL;
	t->lowest = irte_field(e.lo, VTD_IRTE_DLM_SHIFT, VTD_IRTE_DLM_MASK) ==
		VTD_DLM_LOWEST;
	return true;
}

static bool vtd_remaps_interrupts(void)
{
	unsigned int n;

	for (n = 0; n < num_vtd_units; n++)
		if (vtd_units[n].ir)
			return true;
	return false;
}

static int vtd_init(void)
{
	int err;

	num_vtd_units = 0;
	err = vtd_take_units();
	if (!err && num_vtd_units)
		err = vtd_choose_format();
	if (!err && num_vtd_units)
		err = vtd_tables_init(&vtd_tables, &mem_pool);
	if (!err && num_vtd_units)
		err = vtd_load_root_table();
	if (err) {
		vtd_shutdown();
		return err;
	}
	if (!num_vtd_units)
		return 0;
	iommu_dma.flush = vtd_flush;
	iommu_dma.poll_faults = vtd_poll_faults;
	iommu_dma.poll_fault_event = vtd_poll_fault_event;
	if (vtd_remaps_interrupts()) {
		iommu_dma.msi_remap = vtd_msi_remap;
		iommu_dma.msi_target = vtd_msi_target;
		iommu_dma.ioapic_remap = vtd_ioapic_remap;
		iommu_dma.ioapic_root_rte_ok = vtd_ioapic_root_rte_ok;
	}
	printk("VT-d: %u unit(s), %s tables, domains %lu, %s walks\n",
	       num_vtd_units, iommu_dma.fmt->name, vtd_num_domains,
	       vtd_coherent ? "coherent" : "non-coherent");
	return 0;
}

/* Point the config's DMA-capable devices at the cell's domain. */
static int vtd_assign_devices(const struct cell *cell, const struct cell *to,
			      bool note)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;
	int err;

	for (n = 0; n < cell->config->num_pci_devices; n++, dev++) {
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		if (!to) {
			vtd_tables_clear(&vtd_tables, dev->bdf);
			continue;
		}
		err = vtd_tables_set(&vtd_tables, dev->bdf,
				     iommu_cell_root_phys(to), to->id + 1,
				     vtd_aw);
		if (err)
			return err;
		if (note)
			iommu_note_device("Adding", dev->bdf, "to", to);
	}
	return 0;
}

/* Linux's remapping entries checked again: owners changed. */
static void vtd_resync_ir(const struct cell *coming)
{
	unsigned int n;

	for (n = 0; n < num_vtd_units; n++)
		vtd_ir_resync(&vtd_units[n], coming);
}

/* The root cell reaches the units Linux had remapping on through here. */
static int vtd_register_ir(struct cell *cell)
{
	unsigned int n;
	int err = 0;

	for (n = 0; n < num_vtd_units && !err; n++)
		err = vtd_ir_cell_init(&vtd_units[n], cell);
	return err;
}

static unsigned int vtd_mmio_count_regions(struct cell *cell)
{
	unsigned int n, count = 0;

	for (n = 0; n < num_vtd_units; n++)
		count += cell == &root_cell && vtd_units[n].ir;
	return count;
}

static int vtd_enable_translation(void)
{
	unsigned int n;
	int err;

	for (n = 0; n < num_vtd_units; n++) {
		err = vtd_set_function(&vtd_units[n], VTD_GCMD_TE, true);
		if (err)
			return err;
	}
	printk("VT-d: DMA remapping on\n");
	return 0;
}

static int vtd_cell_init(struct cell *cell)
{
	int err;

	if (!num_vtd_units)
		return 0;
	if (cell->id + 1 >= vtd_num_domains) {
		printk("VT-d: no domain left for cell \"%s\"\n",
		       cell->config->name);
		return -ENOSPC;
	}
	err = iommu_cell_build(cell);
	if (err) {
		printk("VT-d: DMA tables of cell \"%s\" failed (%d)\n",
		       cell->config->name, err);
		return err;
	}
	err = vtd_assign_devices(cell, cell, true);
	if (!err)
		err = vtd_invalidate_all();
	if (!err && cell == &root_cell)
		err = vtd_register_ir(cell);
	if (!err && cell == &root_cell)
		err = vtd_enable_translation();
	if (!err && cell != &root_cell)
		vtd_resync_ir(cell);
	if (!err && cell != &root_cell)
		vtd_fault_event_aim(vtd_units, num_vtd_units, cell);
	return err;
}

/* The root cell's devices it lent come back; others lose their entry. */
static void vtd_return_devices(const struct cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_pci_devices; n++, dev++) {
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		if (pci_cell_device(&root_cell, dev->bdf))
			vtd_tables_set(&vtd_tables, dev->bdf,
				       iommu_cell_root_phys(&root_cell),
				       root_cell.id + 1, vtd_aw);
		else
			vtd_tables_clear(&vtd_tables, dev->bdf);
		iommu_note_device("Removing", dev->bdf, "from", cell);
	}
}

static void vtd_cell_exit(struct cell *cell)
{
	unsigned int n;

	if (!num_vtd_units)
		return;
	if (cell == &root_cell) {
		/* DISABLE: devices reach memory untranslated again. */
		for (n = 0; n < num_vtd_units; n++)
			vtd_set_function(&vtd_units[n], VTD_GCMD_TE, false);
		vtd_assign_devices(cell, NULL, false);
	} else {
		vtd_return_devices(cell);
	}
	vtd_invalidate_all();
	if (cell == &root_cell) {
		/* Linux's fault interrupt may be unmasked: nothing stale. */
		vtd_poll_faults();
		/*
		 * No more fault NMIs once Linux runs on its own; under
		 * remapping the hand-back writes Linux's values after this.
		 */
		for (n = 0; n < num_vtd_units; n++) {
			vtd_write32(&vtd_units[n], VTD_REG_FECTL, VTD_FECTL_IM);
			vtd_ir_hand_back(&vtd_units[n]);
		}
	} else {
		vtd_ir_cell_exit(vtd_units, num_vtd_units, cell);
		vtd_resync_ir(NULL);
		vtd_fault_event_aim(vtd_units, num_vtd_units, NULL);
	}
	iommu_cell_destroy(cell);
}

DEFINE_UNIT(vtd,
	.name = "VT-d",
	.init = vtd_init,
	.shutdown = vtd_shutdown,
	.mmio_count_regions = vtd_mmio_count_regions,
	.cell_init = vtd_cell_init,
	.cell_exit = vtd_cell_exit,
);
