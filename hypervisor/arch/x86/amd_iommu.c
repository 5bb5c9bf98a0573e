// SPDX-License-Identifier: GPL-2.0
/*
 * AMD-Vi DMA remapping as a unit, independent of the CPU vendor. Root
 * Linux boots without using the units (amd_iommu=off); the hypervisor
 * takes them at enable and gives them back switched off at disable,
 * their registers as Linux had them.
 *
 * All units share one device table covering the DeviceIDs up to the
 * highest of the root cell's devices. Every cell is one domain (cell id
 * + 1) whose 4-level tables are the cell's DMA tables (iommu.c); the
 * devices of a cell's config translate through them, a device of a
 * non-root cell returns to the root cell's domain when the cell goes,
 * every other DeviceID is blocked (a valid entry without permissions:
 * a cleared one would let DMA pass).
 *
 * The interrupts of a non-root cell's devices are remapped through a
 * table of the hypervisor per device (amd_iommu_ir.c): an entry per
 * vector the cell programmed and the core found confined to the cell,
 * every other index aborted, so neither the cell's programming nor the
 * device's own writes into the interrupt range reach a CPU outside the
 * cell. The root cell's devices, the IOAPIC and all other DeviceIDs send
 * their messages untranslated, as without the hypervisor. QEMU 10.0's
 * model needs intremap=on for the remapped ones (with intremap=off it
 * drops them), and it takes a device's DMA write into the interrupt
 * range for the IOAPIC's (no requester ID on DMA there): such a write
 * passes untranslated in QEMU, not on hardware.
 *
 * Changes reach a unit as commands (device table entry and domain
 * invalidations) followed by a completion wait. Events are polled
 * (iommu_poll) as the event interrupt would reach a guest, not the
 * hypervisor. The register pages are the hypervisor's: configs that map
 * them to a cell are refused (config_check.c).
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/pci.h>
#include <core/printk.h>
#include <core/ratelimit.h>
#include <core/spinlock.h>
#include <core/unit.h>
#include <x86/amd_iommu.h>
#include <x86/amd_iommu_hw.h>
#include <x86/amd_iommu_ir.h>
#include <x86/cell.h>
#include <x86/iommu.h>
#include <x86/paging_formats.h>

static struct amdvi_unit amdvi_units[JAILHOUSE_MAX_IOMMU_UNITS];
static unsigned int num_amdvi_units;
static u64 *amdvi_devtab;
static unsigned int amdvi_devtab_len;
/* DeviceIDs the table covers: 0 to amdvi_last_bdf. */
static u16 amdvi_last_bdf;
/* Command sequences and event records. */
static DEFINE_SPINLOCK(amdvi_lock);
static struct ratelimit amdvi_fault_limit;

static u16 domain_of(const struct cell *cell)
{
	return cell->id + 1;
}

/* Queue cmd on every unit; the caller holds the lock. */
static int queue_all(const u64 cmd[AMDVI_CMD_QWORDS])
{
	unsigned int n;

	for (n = 0; n < num_amdvi_units; n++)
		if (!amdvi_hw_queue(&amdvi_units[n], cmd))
			return -EIO;
	return 0;
}

static int sync_all(void)
{
	unsigned int n;
	int err = 0;

	for (n = 0; n < num_amdvi_units && !err; n++)
		err = amdvi_hw_sync(&amdvi_units[n]);
	return err;
}

static int inv_domain(u16 domain)
{
	u64 cmd[AMDVI_CMD_QWORDS];

	amdvi_cmd_inv_domain(cmd, domain);
	return queue_all(cmd);
}

static int inv_dte(u16 bdf)
{
	u64 cmd[AMDVI_CMD_QWORDS];

	amdvi_cmd_inv_devtab_entry(cmd, bdf);
	return queue_all(cmd);
}

static int inv_int_table(u16 bdf)
{
	u64 cmd[AMDVI_CMD_QWORDS];

	amdvi_cmd_inv_int_table(cmd, bdf);
	return queue_all(cmd);
}

static void amdvi_flush(const struct cell *cell)
{
	spin_lock(&amdvi_lock);
	if (!inv_domain(domain_of(cell)))
		sync_all();
	spin_unlock(&amdvi_lock);
}

static u64 *dte_of(u16 bdf)
{
	return bdf <= amdvi_last_bdf ? &amdvi_devtab[bdf * AMDVI_DTE_QWORDS] :
		NULL;
}

/* The interrupt half of bdf's entry in cell, where it has a table. */
static void set_dte_interrupts(u64 entry[AMDVI_DTE_QWORDS],
			       const struct cell *cell, u16 bdf)
{
	u32 *table = cell ? amdvi_irt_of(cell, bdf) : NULL;

	if (table)
		amdvi_dte_remap_interrupts(entry,
			page_pool_virt2phys(&mem_pool, table));
}

/*
 * Rewrite the entry of bdf: translate through cell's tables, or block
 * (cell NULL). Built aside and stored with the first quadword (V, the
 * table root) last, so a walk in between never finds the entry cleared,
 * which would let DMA pass; the invalidation that follows drops what a
 * walk cached from a half-written entry.
 */
static void set_dte(u16 bdf, const struct cell *cell)
{
	volatile u64 *dte = dte_of(bdf);
	u64 entry[AMDVI_DTE_QWORDS];
	int n;

	if (!dte)
		return;
	if (cell)
		amdvi_dte_translate(entry, iommu_cell_root_phys(cell),
				    domain_of(cell));
	else
		amdvi_dte_block(entry);
	set_dte_interrupts(entry, cell, bdf);
	for (n = AMDVI_DTE_QWORDS - 1; n >= 0; n--)
		dte[n] = entry[n];
}

static void amdvi_report(const u64 rec[AMDVI_EVENT_QWORDS])
{
	const struct cell *owner;
	struct amdvi_event ev;

	if (!amdvi_event_decode(rec, &ev) ||
	    !ratelimit_ok(&amdvi_fault_limit, "AMD-Vi"))
		return;
	owner = pci_owner(ev.bdf);
	printk("AMD-Vi fault: DMA %s of device %02x:%02x.%x (cell \"%s\") at "
	       "0x%llx blocked: %s (event 0x%x)\n",
	       ev.is_write ? "write" : "read", PCI_BDF_BUS(ev.bdf),
	       PCI_BDF_DEV(ev.bdf), PCI_BDF_FN(ev.bdf),
	       owner ? owner->config->name : "none", ev.address,
	       amdvi_event_reason(ev.code), ev.code);
}

/* Under the lock, which shutdown takes before the registers go. */
static void amdvi_poll_faults(void)
{
	unsigned int n;

	if (!spin_trylock(&amdvi_lock))
		return;
	for (n = 0; n < num_amdvi_units; n++)
		if (amdvi_hw_events(&amdvi_units[n], amdvi_report))
			printk("AMD-Vi unit at 0x%llx: event log overflowed\n",
			       amdvi_units[n].base);
	spin_unlock(&amdvi_lock);
}

/* The highest DeviceID of the root cell's devices and of the units. */
static u16 last_bdf(void)
{
	const struct jailhouse_system *sys = system_config_location();
	const struct jailhouse_cell_desc *root = &sys->root_cell;
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(root);
	const struct jailhouse_iommu *cfg = sys->platform_info.iommu_units;
	u16 last = 0;
	unsigned int n;

	for (n = 0; n < root->num_pci_devices; n++, dev++)
		last = MAX(last, dev->bdf);
	for (n = 0; n < JAILHOUSE_MAX_IOMMU_UNITS; n++, cfg++)
		if (cfg->type == JAILHOUSE_IOMMU_AMD)
			last = MAX(last, cfg->amd.bdf);
	return last;
}

static int alloc_devtab(void)
{
	amdvi_last_bdf = last_bdf();
	amdvi_devtab_len = amdvi_devtab_pages(amdvi_last_bdf);
	amdvi_devtab = page_zalloc(&mem_pool, amdvi_devtab_len);
	/* Whole pages: every DeviceID in them has an entry. */
	amdvi_last_bdf = amdvi_devtab_len * PAGE_SIZE /
		(AMDVI_DTE_QWORDS * 8) - 1;
	return amdvi_devtab ? 0 : -ENOMEM;
}

static int amdvi_take_units(void)
{
	const struct jailhouse_iommu *cfg =
		system_config_location()->platform_info.iommu_units;
	u64 devtab = page_pool_virt2phys(&mem_pool, amdvi_devtab);
	unsigned int n;
	int err;

	for (n = 0; n < JAILHOUSE_MAX_IOMMU_UNITS; n++, cfg++) {
		if (cfg->type != JAILHOUSE_IOMMU_AMD)
			continue;
		err = amdvi_hw_take(&amdvi_units[num_amdvi_units++], cfg,
				    devtab, amdvi_devtab_len - 1);
		if (err)
			return err;
	}
	return 0;
}

static unsigned int count_config_units(void)
{
	const struct jailhouse_iommu *cfg =
		system_config_location()->platform_info.iommu_units;
	unsigned int n, units = 0;

	for (n = 0; n < JAILHOUSE_MAX_IOMMU_UNITS; n++)
		units += cfg[n].type == JAILHOUSE_IOMMU_AMD;
	return units;
}

static void amdvi_shutdown(void)
{
	unsigned int n, units;

	spin_lock(&amdvi_lock);
	units = num_amdvi_units;
	num_amdvi_units = 0;
	if (units)
		iommu_dma = (struct iommu_dma){ 0 };
	spin_unlock(&amdvi_lock);
	for (n = 0; n < units; n++)
		amdvi_hw_release(&amdvi_units[n]);
	page_free(&mem_pool, amdvi_devtab, amdvi_devtab_len);
	amdvi_devtab = NULL;
}

/* The entry for vector of cell's device bdf, then the unit told. */
static int write_irte(const struct cell *cell, u16 bdf, unsigned int vector,
		      u32 irte)
{
	int err = amdvi_irt_set(cell, bdf, vector, irte);

	if (!err)
		err = inv_int_table(bdf);
	return err ?: sync_all();
}

/* The cell can ask again and again (an MSI-X vector above 255): paced. */
static void note_no_entry(const struct cell *cell, u16 bdf,
			  unsigned int vector, int err)
{
	if (ratelimit_ok(&amdvi_fault_limit, "AMD-Vi"))
		printk("AMD-Vi: no interrupt remapping entry %u for device "
		       "%02x:%02x.%x of cell \"%s\" (%d)\n", vector,
		       PCI_BDF_BUS(bdf), PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf),
		       cell->config->name, err);
}

/*
 * The message was found confined to the cell (arch_msi_confined):
 * physical or logical destination of the cell's CPUs, fixed or lowest
 * priority, a vector of 16 or above. The entry sends just that.
 */
static int amdvi_msi_remap(const struct cell *cell, u16 bdf,
			   unsigned int vector, u64 *address, u32 *data)
{
	u32 irte = amdvi_irte_for_msi(*address, *data);
	int err;

	spin_lock(&amdvi_lock);
	err = write_irte(cell, bdf, vector, irte);
	spin_unlock(&amdvi_lock);
	if (err) {
		note_no_entry(cell, bdf, vector, err);
		return err;
	}
	amdvi_msi_select(vector, address, data);
	return 0;
}

static int amdvi_init(void)
{
	int err;

	num_amdvi_units = 0;
	if (!count_config_units())
		return 0;
	if (iommu_dma.fmt) {
		printk("AMD-Vi: another IOMMU model is in use already\n");
		return -EINVAL;
	}
	err = alloc_devtab();
	if (!err)
		err = amdvi_take_units();
	if (err) {
		amdvi_shutdown();
		return err;
	}
	iommu_dma.fmt = &amdvi_4level_paging;
	iommu_dma.max_page_size = 1ULL << 21;
	iommu_dma.flush = amdvi_flush;
	iommu_dma.poll_faults = amdvi_poll_faults;
	iommu_dma.msi_remap = amdvi_msi_remap;
	printk("AMD-Vi: %u unit(s), %s tables, device table for DeviceIDs "
	       "up to 0x%x\n", num_amdvi_units, iommu_dma.fmt->name,
	       amdvi_last_bdf);
	return 0;
}

/* Every DeviceID blocked, then the root cell's devices translated. */
static void block_all(void)
{
	unsigned int bdf;

	for (bdf = 0; bdf <= amdvi_last_bdf; bdf++)
		set_dte(bdf, NULL);
}

static int inv_all_dtes(void)
{
	unsigned int bdf;
	int err = 0;

	for (bdf = 0; bdf <= amdvi_last_bdf && !err; bdf++)
		err = inv_dte(bdf);
	return err;
}

/* Point the config's DMA-capable devices at the cell's domain. */
static int assign_devices(const struct cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;
	int err = 0;

	for (n = 0; n < cell->config->num_pci_devices && !err; n++, dev++) {
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		if (!dte_of(dev->bdf)) {
			printk("AMD-Vi: device %02x:%02x.%x of cell \"%s\" "
			       "beyond the device table\n",
			       PCI_BDF_BUS(dev->bdf), PCI_BDF_DEV(dev->bdf),
			       PCI_BDF_FN(dev->bdf), cell->config->name);
			return -EINVAL;
		}
		set_dte(dev->bdf, cell);
		iommu_note_device("Adding", dev->bdf, "to", cell);
		if (cell != &root_cell)
			err = inv_dte(dev->bdf) ?: inv_int_table(dev->bdf);
	}
	return err;
}

static int alloc_int_table(const struct cell *cell, u16 bdf)
{
	int err = amdvi_irt_alloc(cell, bdf);

	printk("AMD-Vi: %sinterrupt remapping table for device %02x:%02x.%x "
	       "of cell \"%s\"%s\n", err ? "no " : "", PCI_BDF_BUS(bdf),
	       PCI_BDF_DEV(bdf), PCI_BDF_FN(bdf), cell->config->name,
	       err == -ENOMEM ? " (out of memory)" :
	       err ? " (too many devices)" : "");
	return err;
}

/* A zeroed interrupt table for each device of a non-root cell. */
static int alloc_int_tables(const struct cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;
	int err = 0;

	for (n = 0; n < cell->config->num_pci_devices && !err; n++, dev++)
		if (dev->type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			err = alloc_int_table(cell, dev->bdf);
	return err;
}

static int amdvi_cell_init(struct cell *cell)
{
	int err;

	if (!num_amdvi_units)
		return 0;
	err = iommu_cell_build(cell);
	if (err) {
		printk("AMD-Vi: DMA tables of cell \"%s\" failed (%d)\n",
		       cell->config->name, err);
		return err;
	}
	spin_lock(&amdvi_lock);
	if (cell == &root_cell)
		block_all();
	else
		err = alloc_int_tables(cell);
	if (!err)
		err = assign_devices(cell);
	if (!err && cell == &root_cell)
		err = inv_all_dtes();
	/* The root's domain lost these devices' cached translations. */
	if (!err && cell != &root_cell)
		err = inv_domain(domain_of(&root_cell));
	if (!err)
		err = sync_all();
	spin_unlock(&amdvi_lock);
	if (!err && cell == &root_cell)
		printk("AMD-Vi: DMA remapping on\n");
	return err;
}

/* The root cell's devices it lent come back; others are blocked. */
static void return_devices(const struct cell *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_pci_devices; n++, dev++) {
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM ||
		    !dte_of(dev->bdf))
			continue;
		set_dte(dev->bdf, pci_cell_device(&root_cell, dev->bdf) ?
			&root_cell : NULL);
		inv_dte(dev->bdf);
		inv_int_table(dev->bdf);
		iommu_note_device("Removing", dev->bdf, "from", cell);
	}
}

static void amdvi_cell_exit(struct cell *cell)
{
	unsigned int n;

	if (!num_amdvi_units)
		return;
	/*
	 * The root cell goes at DISABLE (or a failed enable): units off,
	 * which lets DMA pass untranslated again, before its tables go.
	 */
	if (cell == &root_cell) {
		for (n = 0; n < num_amdvi_units; n++)
			amdvi_hw_off(&amdvi_units[n]);
	} else {
		spin_lock(&amdvi_lock);
		return_devices(cell);
		inv_domain(domain_of(cell));
		sync_all();
		/* No entry points at them any more, none is cached. */
		amdvi_irt_free_cell(cell);
		spin_unlock(&amdvi_lock);
	}
	iommu_cell_destroy(cell);
}

DEFINE_UNIT(amdvi,
	.name = "AMD-Vi",
	.init = amdvi_init,
	.shutdown = amdvi_shutdown,
	.cell_init = amdvi_cell_init,
	.cell_exit = amdvi_cell_exit,
);
