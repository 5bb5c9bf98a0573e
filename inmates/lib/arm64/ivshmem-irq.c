// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * ivshmem interrupts on ARM (arm64 and ARMv7): the virtual PCI host has
 * no MSI, so the device signals on its INTx pin, which the hypervisor
 * raises as SPI 32 + vpci_irq_base + pin - 1 of the cell (the comm
 * region passes vpci_irq_base on; "vpci-irq-base=" overrides it). The
 * SPI is routed to the calling CPU through the GIC, which this sets up.
 */
#include <inmate.h>
#include <ivshmem.h>

#define PCI_CFG_INT_PIN		0x3d
#define GIC_FIRST_SPI		32

/* BAR0 right above the virtual ECAM window of the QEMU machines. */
const unsigned long ivshmem_default_bar = 0x09200000;

static unsigned int ivshmem_irq;
static ivshmem_irq_fn ivshmem_fn;

static void on_irq(unsigned int irq)
{
	if (irq == ivshmem_irq)
		ivshmem_fn();
}

int arch_ivshmem_irq_setup(struct ivshmem_dev *dev, ivshmem_irq_fn fn)
{
	unsigned int pin = pci_read_config(dev->bdf, PCI_CFG_INT_PIN, 1);
	long long base = comm_region_valid() ? comm_region->vpci_irq_base : 0;

	if (pin < 1 || pin > 4)
		return -1;
	base = cmdline_parse_int("vpci-irq-base", base);
	ivshmem_irq = GIC_FIRST_SPI + base + pin - 1;
	dev->irq = ivshmem_irq;
	ivshmem_fn = fn;
	if (gic_setup(on_irq))
		return -1;
	gic_enable_irq(ivshmem_irq);
	return 0;
}

void ivshmem_wmb(void)
{
	dsb(st);
}
