// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * ivshmem interrupts on x86: MSI-X vector 0 of the device, its table in
 * BAR1 (put right after BAR0), as a fixed interrupt to the calling CPU's
 * APIC on IRQ_VECTOR.
 */
#include <inmate.h>
#include <ivshmem.h>

#define IRQ_VECTOR		40
#define MSIX_ENABLE		0x8000
#define MSI_ADDR_BASE		0xfee00000U
#define MSIX_ENTRY_ADDR_LO	0
#define MSIX_ENTRY_ADDR_HI	4
#define MSIX_ENTRY_DATA		8
#define MSIX_ENTRY_CTRL		12

/* Uncached and unused in the demo cells. */
const unsigned long ivshmem_default_bar = 0xfc000000UL;

static ivshmem_irq_fn ivshmem_fn;

static void on_irq(unsigned int vector)
{
	(void)vector;
	ivshmem_fn();
	apic_eoi();
}

int arch_ivshmem_irq_setup(struct ivshmem_dev *dev, ivshmem_irq_fn fn)
{
	int msix = pci_find_cap(dev->bdf, PCI_CAP_MSIX);
	unsigned long table = dev->regs + IVSHMEM_BAR0_SIZE;

	if (msix < 0)
		return -1;
	ivshmem_fn = fn;
	dev->irq = IRQ_VECTOR;
	pci_write_config(dev->bdf, PCI_CFG_BAR + 4, table, 4);
	mmio_write32(table + MSIX_ENTRY_ADDR_LO,
		     MSI_ADDR_BASE | apic_id() << 12);
	mmio_write32(table + MSIX_ENTRY_ADDR_HI, 0);
	mmio_write32(table + MSIX_ENTRY_DATA, IRQ_VECTOR);
	mmio_write32(table + MSIX_ENTRY_CTRL, 0);
	pci_write_config(dev->bdf, msix + 2, MSIX_ENABLE, 2);
	int_set_handler(IRQ_VECTOR, on_irq);
	return 0;
}

void ivshmem_wmb(void)
{
	asm volatile("sfence" : : : "memory");
}
