// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts of the core's virtual PCI devices (ivshmem) on ARM. Cells
 * have no MSI target (no virtual ITS), so messages are dropped and the
 * devices signal on INTx instead. The virtual PCI host wires INTA to INTD
 * of a cell to the four SPIs from 32 + its config's vpci_irq_base on: the
 * rule Jailhouse set, which the interrupt-map of users' device trees
 * follows. These SPIs are physical ones no device drives; the cell owns
 * them by its irqchip bitmap, enables and routes them through the
 * filtered distributor, and the hypervisor only sets them pending there.
 * No device a cell owns may enable MSI.
 */
#include <core/arch.h>
#include <core/cell.h>
#include <arm-common/gic.h>

void arch_send_msi(const struct cell *cell, u64 address, u32 data)
{
	(void)cell;
	(void)address;
	(void)data;
}

bool arch_msi_confined(const struct cell *cell, u64 address, u32 data,
		       unsigned int vectors)
{
	(void)cell;
	(void)address;
	(void)data;
	(void)vectors;
	return false;
}

/* The root's devices signal the GIC's MSI frame or ITS, not a CPU. */
bool arch_msi_root_checked(void)
{
	return false;
}

int arch_msi_remap(const struct cell *cell, u16 bdf, unsigned int vector,
		   u64 *address, u32 *data)
{
	(void)cell;
	(void)bdf;
	(void)vector;
	(void)address;
	(void)data;
	return 0;
}

bool arch_vpci_intx(void)
{
	return true;
}

void arch_send_intx(const struct cell *cell, unsigned int pin)
{
	unsigned int irq = GIC_NUM_PRIVATE + cell->config->vpci_irq_base +
		pin - 1;

	gic_set_spi_pending(cell, irq);
}
