/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DMA remapping of cells, whatever the IOMMU (iommu.c): the devices of a
 * cell see the cell's DMA-able memory regions at their guest-physical
 * addresses and nothing else, the hypervisor's memory never. Each cell
 * has one set of tables in the IOMMU's format (arch_cell.dma); the
 * vendor unit (vtd.c, amd_iommu.c) points the cell's devices at them and drops cached
 * translations after changes.
 *
 * Without an IOMMU in the system config, every call here is a no-op.
 */
#ifndef _X86_IOMMU_H
#define _X86_IOMMU_H

#include <jailhouse/cell-config.h>
#include <core/paging.h>
#include <core/types.h>

struct cell;

/* Where an interrupt remapping entry sends a message (x2APIC format). */
struct msi_target {
	u32 dest;
	u8 vector;
	bool logical;
	bool lowest;
};

/* What the vendor unit's init fills in; fmt NULL while there is none. */
struct iommu_dma {
	const struct paging_format *fmt;
	/* Largest page the unit walks (2 MiB, 1 GiB or 4 KiB only). */
	u64 max_page_size;
	/* Drop the unit's cached translations of cell's tables. */
	void (*flush)(const struct cell *cell);
	/* Report what the units recorded (polled, see iommu_poll). */
	void (*poll_faults)(void);
	/* The same on a fault event: whether there was anything; or NULL. */
	bool (*poll_fault_event)(void);
	/* Interrupt remapping: see arch_msi_remap; NULL without. */
	int (*msi_remap)(const struct cell *cell, u16 bdf, unsigned int vector,
			 u64 *address, u32 *data);
	/*
	 * Interrupt remapping of a non-root cell's IOAPIC pin (ioapic.c):
	 * *lo and *hi, the cell's unmasked entry in compatibility format
	 * with physical destination dest (an x2APIC ID of the cell), become
	 * the entry the IOAPIC (source id sid) gets, which selects a
	 * remapping entry of the hypervisor's for that pin and cell. NULL
	 * without remapping.
	 */
	int (*ioapic_remap)(const struct cell *cell, u16 sid, unsigned int pin,
			    u32 dest, u32 *lo, u32 *hi);
	/*
	 * Whether the root cell's remappable IOAPIC entry selects one of
	 * the root's remapping entries: all pins of an IOAPIC share its
	 * source id, so only the index keeps a root pin off the entries
	 * of cells' pins. NULL: no such limit.
	 */
	bool (*ioapic_root_rte_ok)(u32 lo, u32 hi);
	/*
	 * Interrupt remapping: where a remappable message of the core's
	 * device models (ivshmem) for cell goes, by the entry it selects;
	 * false for none of cell's. NULL without.
	 */
	bool (*msi_target)(const struct cell *cell, u64 address, u32 data,
			   struct msi_target *t);
};

extern struct iommu_dma iommu_dma;

/*
 * The cell's DMA tables from its config: every DMA-able region, for the
 * root cell without the hypervisor's memory. -ENOMEM leaves partial
 * tables that iommu_cell_destroy frees.
 */
int iommu_cell_build(struct cell *cell);
void iommu_cell_destroy(struct cell *cell);
u64 iommu_cell_root_phys(const struct cell *cell);

/*
 * The x86 cell code forwards every change of a cell's memory here
 * (cell.c); only cells whose DMA tables exist follow, regions without
 * JAILHOUSE_MEM_DMA are not mapped.
 */
int iommu_map_memory_region(struct cell *cell,
			    const struct jailhouse_memory *mem);
int iommu_unmap_memory_region(struct cell *cell,
			      const struct jailhouse_memory *mem);

/*
 * Report DMA faults the units recorded. Called on MMIO exits, which the
 * root cell's APIC accesses make frequent; one status read when there is
 * nothing to report.
 */
void iommu_poll(void);
/*
 * Report DMA faults on an NMI of a root CPU, which may be a unit's fault
 * event: true when there were faults, so that the NMI is explained.
 */
bool iommu_fault_event(void);

/*
 * A unit's register pages, mapped uncached into the hypervisor from the
 * remap pool (*regs stays NULL when that fails), and unmapped again;
 * unmapping NULL does nothing.
 */
int iommu_map_registers(u64 base, unsigned int pages, u8 **regs);
void iommu_unmap_registers(u8 **regs, unsigned int pages);

/*
 * The console line of a device changing its DMA domain, the same for
 * every model: "Adding PCI device 00:05.0 to cell "x"".
 */
void iommu_note_device(const char *what, u16 bdf, const char *prep,
		       const struct cell *cell);

#endif /* _X86_IOMMU_H */
