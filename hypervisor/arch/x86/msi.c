// SPDX-License-Identifier: GPL-2.0
/*
 * MSI messages on x86: the message names local APICs the way a PCI
 * device's write to 0xfeexxxxx does. Those of the core's device models
 * (ivshmem) become IPIs to the target cell's CPUs among them; those a
 * cell programs into its own device are checked to name its CPUs only.
 */
#include <core/arch.h>
#include <x86/apic.h>
#include <x86/iommu.h>

/* The upper half of the address must be zero, too. */
#define MSI_ADDR_BASE_MASK	0xfffffffffff00000ULL
#define MSI_ADDR_BASE		0xfee00000ULL
#define MSI_ADDR_DEST_SHIFT	12
#define MSI_ADDR_DEST_MASK	0xff
#define MSI_ADDR_LOGICAL	BIT(2)
/* Remappable format: for an interrupt remapping unit to translate. */
#define MSI_ADDR_REMAPPABLE	BIT(4)
#define MSI_DATA_VECTOR_MASK	0xff
#define MSI_DATA_DM_SHIFT	8
#define MSI_DATA_DM_MASK	7
#define MSI_DM_FIXED		0
#define MSI_DM_LOWEST		1
/* Vectors below this are exceptions, not interrupts. */
#define FIRST_IRQ_VECTOR	16
#define LAST_VECTOR		0xff

/*
 * Under interrupt remapping root Linux programs the device models' MSI-X
 * vectors in the remappable format as every device's: the entry they
 * select says where they go, never the message itself (whose data is no
 * vector then).
 */
static void send_remappable(const struct cell *cell, u64 address, u32 data)
{
	struct msi_target t;

	if (iommu_dma.msi_target &&
	    iommu_dma.msi_target(cell, address, data, &t))
		apic_send_cell_x2apic_irq(cell, t.logical, t.dest, t.vector,
					  t.lowest);
}

void arch_send_msi(const struct cell *cell, u64 address, u32 data)
{
	unsigned int dm = (data >> MSI_DATA_DM_SHIFT) & MSI_DATA_DM_MASK;
	u8 vector = data & MSI_DATA_VECTOR_MASK;

	if ((address & MSI_ADDR_BASE_MASK) == MSI_ADDR_BASE &&
	    (address & MSI_ADDR_REMAPPABLE)) {
		send_remappable(cell, address, data);
		return;
	}
	if ((address & MSI_ADDR_BASE_MASK) != MSI_ADDR_BASE ||
	    vector < FIRST_IRQ_VECTOR ||
	    (dm != MSI_DM_FIXED && dm != MSI_DM_LOWEST))
		return;
	apic_send_cell_irq(cell, address & MSI_ADDR_LOGICAL,
			   (address >> MSI_ADDR_DEST_SHIFT) &
			   MSI_ADDR_DEST_MASK, vector, dm == MSI_DM_LOWEST);
}

bool arch_msi_confined(const struct cell *cell, u64 address, u32 data,
		       unsigned int vectors)
{
	unsigned int dm = (data >> MSI_DATA_DM_SHIFT) & MSI_DATA_DM_MASK;
	unsigned int vector = data & MSI_DATA_VECTOR_MASK;

	if ((address & MSI_ADDR_BASE_MASK) != MSI_ADDR_BASE ||
	    (address & MSI_ADDR_REMAPPABLE) || vector < FIRST_IRQ_VECTOR ||
	    vector + vectors - 1 > LAST_VECTOR ||
	    (dm != MSI_DM_FIXED && dm != MSI_DM_LOWEST))
		return false;
	return apic_dest_confined(cell, address & MSI_ADDR_LOGICAL,
				  (address >> MSI_ADDR_DEST_SHIFT) &
				  MSI_ADDR_DEST_MASK);
}

/*
 * Under VT-d interrupt remapping the root's messages are remappable ones,
 * whose entries vtd_ir.c checks (msi_target follows them); elsewhere they
 * name CPUs themselves.
 */
bool arch_msi_root_checked(void)
{
	return !iommu_dma.msi_target;
}

int arch_msi_remap(const struct cell *cell, u16 bdf, unsigned int vector,
		   u64 *address, u32 *data)
{
	if (!iommu_dma.msi_remap)
		return 0;
	return iommu_dma.msi_remap(cell, bdf, vector, address, data);
}

/*
 * x86 cells reach the core's virtual devices through MSI only: no virtual
 * IOAPIC pin is set aside for them, so INTx-only devices are refused.
 */
bool arch_vpci_intx(void)
{
	return false;
}

void arch_send_intx(const struct cell *cell, unsigned int pin)
{
	(void)cell;
	(void)pin;
}
