// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d interrupt remapping that root Linux set up before enable (Linux
 * needs it for x2APIC mode). A remapping entry decides which CPU a
 * device's interrupt reaches, so the unit must not walk Linux's table:
 * at enable the hypervisor points it at a table of its own and at a
 * queue of its own (vtd_qi.c), and from then on emulates the unit's
 * registers for the root cell, which no longer reaches them.
 *
 * The hypervisor's table mirrors the first ROOT_ENTRIES entries of
 * Linux's one by index, so that Linux's MSI and IOAPIC programming
 * (remappable format, a handle) stays as it is. Linux tells the unit of
 * every entry it changed with an interrupt entry cache invalidation in
 * its queue: that is where the entry is read from Linux's memory,
 * checked (vtd_irte.c: root CPUs only, vector 16-255, fixed or lowest
 * priority, a source device of the root cell named by requester id)
 * and copied, or left blank with a refusal line. Entries are checked
 * again whenever a cell comes or goes, since CPUs and devices change
 * owner then. Compatibility-format interrupts stay blocked.
 *
 * Disable writes back Linux's table address and queue, with the queue's
 * head where Linux expects it. The emulated registers are vtd_ir_regs.c,
 * the cells' entries vtd_ir_cells.c.
 */
#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/pci.h>
#include <core/printk.h>
#include <core/refusal.h>
#include <core/spinlock.h>
#include <x86/apic.h>
#include <x86/cell.h>
#include <x86/setup.h>
#include <x86/vtd_ir.h>

/* What Linux sees of the status register. */
#define IR_GSTS_EMULATED	(VTD_GCMD_QIE | VTD_GCMD_IRE | \
				 VTD_GCMD_SIRTP | VTD_GCMD_CFI)
#define POLL_LIMIT		10000000UL

static struct vtd_ir vtd_irs[JAILHOUSE_MAX_IOMMU_UNITS];
/* One page of the remap pool that shows a page of Linux's memory. */
static u8 *ir_window;
DEFINE_SPINLOCK(vtd_ir_lock);

static u64 table_phys(const struct vtd_ir *ir)
{
	return page_pool_virt2phys(&mem_pool, ir->table);
}

/*
 * The root cell's RAM at phys, through the window (held: vtd_ir_lock); NULL
 * unless the root cell has it, writable if write.
 */
void *vtd_ir_root_memory(u64 phys, bool write)
{
	unsigned long need = PAGE_FLAG_READ | (write ? PAGE_FLAG_WRITE : 0);
	struct paging_walk walk;

	if (paging_walk(&root_cell.arch->npt, phys, &walk) ||
	    (walk.flags & PAGE_FLAG_DEVICE) || (walk.flags & need) != need)
		return NULL;
	if (paging_map(&hv_paging, (unsigned long)ir_window,
		       walk.phys & PAGE_MASK, PAGE_SIZE,
		       need | PAGE_FLAG_NO_HUGE))
		return NULL;
	asm volatile("invlpg (%0)" : : "r" (ir_window) : "memory");
	return ir_window + (walk.phys & ~PAGE_MASK);
}

/* The root cell's CPUs, less those of a cell being created. */
static unsigned long root_cpus[BITMAP_WORDS(MAX_CPUS)];

static bool root_dest_ok(const void *ctx, bool logical, u32 dest)
{
	(void)ctx;
	return apic_x2apic_dest_in(root_cpus, logical, dest);
}

/* held: vtd_ir_lock */
static void set_root_cpus(const struct cell *coming)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(root_cpus); n++)
		root_cpus[n] = root_cell.cpu_set[n] &
			~(coming ? coming->cpu_set[n] : 0);
}

/*
 * One of the root cell's virtual devices (ivshmem): Linux gives them
 * entries as any device, which only the hypervisor reads
 * (vtd_ir_root_entry); no hardware sends with their requester id.
 */
static bool root_virtual_sid(u16 sid)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(root_cell.config);
	unsigned int n;

	for (n = 0; n < root_cell.config->num_pci_devices; n++, dev++)
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM && dev->bdf == sid)
			return true;
	return false;
}

/* A PCI device of the root cell, or one of its IOAPICs. */
static bool root_sid_ok(const void *ctx, u16 sid)
{
	const struct jailhouse_irqchip *chip =
		jailhouse_cell_irqchips(root_cell.config);
	unsigned int n;

	(void)ctx;
	if (pci_owner(sid) == &root_cell || root_virtual_sid(sid))
		return true;
	for (n = 0; n < root_cell.config->num_irqchips; n++, chip++)
		if ((chip->id & 0xffff) == sid && !pci_owner(sid))
			return true;
	return false;
}

static const struct vtd_irte_rules root_rules = {
	.dest_ok = root_dest_ok,
	.sid_ok = root_sid_ok,
};

/* Linux's entry idx, zero where its table has none. */
static int linux_entry(const struct vtd_ir *ir, unsigned int idx,
		       struct vtd_irte *e)
{
	u64 entries = 2ULL << (ir->irta_live & VTD_IRTA_S_MASK);
	const volatile u64 *p;

	*e = (struct vtd_irte){ 0, 0 };
	if (!(ir->gsts & VTD_GCMD_IRE) || idx >= entries)
		return 0;
	p = vtd_ir_root_memory((ir->irta_live & VTD_IRTA_ADDR) + idx * 16ULL,
			       false);
	if (!p)
		return -EFAULT;
	e->lo = p[0];
	e->hi = p[1];
	return 0;
}

/*
 * The core's device models (ivshmem) are under no unit: root Linux, which
 * programs their MSI-X vectors in the remappable format too, gave them
 * an entry of the first unit that remaps (QEMU's one covers every
 * device). The hypervisor's copy is the checked one: root CPUs only.
 */
bool vtd_ir_root_entry(struct vtd_unit *units, unsigned int num,
		       u64 address, u32 data, struct vtd_irte *e)
{
	unsigned long idx = vtd_msi_entry(address, data);
	unsigned int n;

	*e = (struct vtd_irte){ 0, 0 };
	if (idx >= ROOT_ENTRIES)
		return false;
	spin_lock(&vtd_ir_lock);
	for (n = 0; n < num && !units[n].ir; n++)
		;
	if (n < num)
		*e = units[n].ir->table[idx];
	spin_unlock(&vtd_ir_lock);
	return e->lo & VTD_IRTE_P;
}

/* Present bit off first, so that no half-written entry is ever used. */
void vtd_ir_install(struct vtd_ir *ir, unsigned int idx,
		    const struct vtd_irte *e)
{
	volatile u64 *slot = &ir->table[idx].lo;

	if (slot[0] == e->lo && slot[1] == e->hi)
		return;
	slot[0] = 0;
	slot[1] = e->hi;
	slot[0] = e->lo;
	ir->dirty = true;
}

/* Check and copy Linux's entry idx; say: a refusal line if refused. */
static void sync_entry(const struct vtd_unit *u, struct vtd_ir *ir,
		       unsigned int idx, bool say)
{
	struct vtd_irte theirs, mine = { 0, 0 };
	const char *why = "not in the root cell's RAM";

	if (!linux_entry(ir, idx, &theirs) &&
	    !vtd_irte_check(&theirs, &root_rules, &mine, &why))
		why = NULL;
	if (why == NULL && (theirs.lo & VTD_IRTE_P) && idx >= ROOT_ENTRIES)
		why = "beyond the hypervisor's table";
	if (why == NULL && idx < ROOT_ENTRIES)
		vtd_ir_install(ir, idx, &mine);
	else if (idx < ROOT_ENTRIES)
		vtd_ir_install(ir, idx, &(struct vtd_irte){ 0, 0 });
	if (why && say)
		refusal_printk(&root_cell, "VT-d unit at 0x%llx: interrupt "
			       "remapping entry %u of the root cell refused: "
			       "%s; its interrupts are blocked\n", u->base,
			       idx, why);
}

/*
 * Entries past the mirrored ones are only looked at one by one (to say
 * that they are refused): an invalidation mask of Linux's may name up
 * to 2^31 of them.
 */
void vtd_ir_sync_range(const struct vtd_unit *u, struct vtd_ir *ir,
		       unsigned int first, unsigned long count, bool say)
{
	unsigned int n;

	if (first >= ROOT_ENTRIES) {
		sync_entry(u, ir, first, say);
		return;
	}
	count = MIN(count, (unsigned long)(ROOT_ENTRIES - first));
	for (n = 0; n < count; n++)
		sync_entry(u, ir, first + n, say);
}

/* New entries reach the unit only after its cache lost the old ones. */
int vtd_ir_flush_entries(struct vtd_unit *u, struct vtd_ir *ir)
{
	if (!ir->dirty)
		return 0;
	ir->dirty = false;
	return vtd_qi_flush_iec(u);
}

void vtd_ir_resync(struct vtd_unit *u, const struct cell *coming)
{
	struct vtd_ir *ir = u->ir;

	if (!ir)
		return;
	spin_lock(&vtd_ir_lock);
	set_root_cpus(coming);
	vtd_ir_sync_range(u, ir, 0, ROOT_ENTRIES, false);
	vtd_ir_flush_entries(u, ir);
	spin_unlock(&vtd_ir_lock);
}

/* What the unit can do and Linux set up, as far as supported here. */
static int can_take(const struct vtd_unit *u, u32 gsts)
{
	const char *why = NULL;

	if (!(u->ecap & VTD_ECAP_IR) || !(u->ecap & VTD_ECAP_QI))
		why = "remapping without queued invalidation";
	else if (gsts & VTD_GCMD_TE)
		why = "DMA remapping on (boot with intel_iommu=off)";
	else if (!(gsts & VTD_GCMD_QIE))
		why = "no invalidation queue";
	else if (gsts & VTD_GCMD_CFI)
		why = "compatibility-format interrupts allowed";
	else if (vtd_read64(u, VTD_REG_IQA) & VTD_IQA_DW256)
		why = "256-bit queue descriptors";
	if (!why)
		return 0;
	printk("VT-d unit at 0x%llx: Linux's interrupt remapping cannot be "
	       "taken over: %s\n", u->base, why);
	return -EBUSY;
}

static int wait_queue_empty(const struct vtd_unit *u)
{
	unsigned long n;

	for (n = 0; n < POLL_LIMIT; n++)
		if (vtd_read64(u, VTD_REG_IQH) == vtd_read64(u, VTD_REG_IQT))
			return 0;
	printk("VT-d unit at 0x%llx: Linux's queue does not drain\n",
	       u->base);
	return -EIO;
}

static void save_linux_state(const struct vtd_unit *u, struct vtd_ir *ir,
			     u32 gsts)
{
	unsigned int n;

	ir->irta = ir->irta_live = vtd_read64(u, VTD_REG_IRTA);
	ir->iqa = vtd_read64(u, VTD_REG_IQA);
	ir->iqh = (vtd_read64(u, VTD_REG_IQT) >> VTD_IQ_INDEX_SHIFT) %
		vtd_ir_queue_entries(ir);
	ir->gsts = gsts & IR_GSTS_EMULATED;
	ir->ics = vtd_read32(u, VTD_REG_ICS);
	for (n = 0; n < EVENT_REGS; n++) {
		ir->fault_regs[n] = vtd_read32(u, VTD_REG_FECTL + n * 4);
		ir->completion_regs[n] = vtd_read32(u, VTD_REG_IECTL + n * 4);
	}
}

static int window_init(const struct vtd_ir *ir)
{
	if (ir_window)
		return 0;
	ir_window = page_alloc(&remap_pool, 1);
	if (!ir_window)
		return -ENOMEM;
	/* Any page builds the tables; each use maps its own. */
	return paging_map(&hv_paging, (unsigned long)ir_window,
			  table_phys(ir),
			  PAGE_SIZE, PAGE_FLAG_READ | PAGE_FLAG_NO_HUGE);
}

/* The unit walks the hypervisor's table and queue from now on. */
static int switch_to_hypervisor(struct vtd_unit *u, struct vtd_ir *ir)
{
	int err = vtd_qi_start(u);

	if (err)
		return err;
	vtd_write64(u, VTD_REG_IRTA, table_phys(ir) |
		    (ir->irta & VTD_IRTA_EIME) | IR_TABLE_S);
	err = vtd_command(u, VTD_GCMD_SIRTP, true);
	if (err)
		return err;
	return vtd_qi_flush_iec(u);
}

static unsigned int entries_in_use(const struct vtd_ir *ir)
{
	unsigned int n, count = 0;

	for (n = 0; n < ROOT_ENTRIES; n++)
		count += !!(ir->table[n].lo & VTD_IRTE_P);
	return count;
}

int vtd_ir_take(struct vtd_unit *u)
{
	u32 gsts = vtd_read32(u, VTD_REG_GSTS);
	struct vtd_ir *ir = vtd_irs;
	int err;

	while (ir->table)
		ir++;
	err = can_take(u, gsts);
	if (!err)
		err = wait_queue_empty(u);
	if (err)
		return err;
	save_linux_state(u, ir, gsts);
	ir->table = page_zalloc(&mem_pool, IR_TABLE_PAGES);
	if (!ir->table)
		return -ENOMEM;
	u->ir = ir;
	err = window_init(ir);
	if (err)
		return err;
	spin_lock(&vtd_ir_lock);
	set_root_cpus(NULL);
	vtd_ir_sync_range(u, ir, 0, ROOT_ENTRIES, true);
	spin_unlock(&vtd_ir_lock);
	ir->dirty = false;
	err = switch_to_hypervisor(u, ir);
	if (!err)
		printk("VT-d unit at 0x%llx: interrupt remapping taken over, "
		       "%u of Linux's entries checked in\n", u->base,
		       entries_in_use(ir));
	return err;
}

/*
 * A filler for slot n of Linux's queue, which Linux is done with: a cache
 * invalidation, or for the last one a wait descriptor. A unit may refuse
 * to switch its queue off (the next enable does) unless the last
 * descriptor it ran was a wait (QEMU does); this one's status write lands
 * in its own slot.
 */
static void put_filler(volatile u64 *desc, u64 phys, bool last)
{
	desc[0] = last ? VTD_QI_WAIT | VTD_QI_WAIT_SW : VTD_QI_IEC;
	desc[1] = last ? phys : 0;
}

/* Linux's queue again, its head where Linux left it. */
static void restore_queue(struct vtd_unit *u, struct vtd_ir *ir)
{
	volatile u64 *desc;
	unsigned int n;
	u64 phys;

	vtd_write64(u, VTD_REG_IQT, 0);
	vtd_write64(u, VTD_REG_IQA, ir->iqa);
	if (vtd_set_function(u, VTD_GCMD_QIE, true))
		return;
	/*
	 * The head starts at 0: the slots before Linux's head, which Linux
	 * is done with, get harmless descriptors to run through.
	 */
	for (n = 0; n < ir->iqh; n++) {
		phys = (ir->iqa & VTD_IQA_ADDR) + n * 16ULL;
		desc = vtd_ir_root_memory(phys, true);
		if (!desc)
			break;
		put_filler(desc, phys, n + 1 == ir->iqh);
	}
	vtd_write64(u, VTD_REG_IQT, (u64)ir->iqh << VTD_IQ_INDEX_SHIFT);
	for (n = 0; n < POLL_LIMIT; n++)
		if (vtd_read64(u, VTD_REG_IQH) ==
		    (u64)ir->iqh << VTD_IQ_INDEX_SHIFT)
			return;
	printk("VT-d unit at 0x%llx: Linux's queue head not restored\n",
	       u->base);
}

void vtd_ir_hand_back(struct vtd_unit *u)
{
	struct vtd_ir *ir = u->ir;
	unsigned int n;

	if (!ir)
		return;
	spin_lock(&vtd_ir_lock);
	if (u->queue) {
		vtd_write64(u, VTD_REG_IRTA, ir->irta_live);
		vtd_command(u, VTD_GCMD_SIRTP, true);
		vtd_qi_flush_iec(u);
		vtd_qi_stop(u);
		if (ir->gsts & VTD_GCMD_QIE)
			restore_queue(u, ir);
		if (!(ir->gsts & VTD_GCMD_IRE))
			vtd_set_function(u, VTD_GCMD_IRE, false);
	}
	/* Unmasked, if at all, by the last write. */
	for (n = EVENT_REGS; n-- > 0;) {
		vtd_write32(u, VTD_REG_FECTL + n * 4, ir->fault_regs[n]);
		vtd_write32(u, VTD_REG_IECTL + n * 4, ir->completion_regs[n]);
	}
	u->ir = NULL;
	spin_unlock(&vtd_ir_lock);
	page_free(&mem_pool, ir->table, IR_TABLE_PAGES);
	ir->table = NULL;
	printk("VT-d unit at 0x%llx: interrupt remapping handed back\n",
	       u->base);
}
