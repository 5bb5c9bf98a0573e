// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * ivshmem v2 peer side (see ivshmem.h). The vendor capability tells the
 * layout: state table size, read/write section size, output section
 * size, and the guest-physical address of the state table, after which
 * the other sections follow in that order.
 */
#include <inmate.h>
#include <ivshmem.h>

#define VNDR_STATE_SIZE		0x04
#define VNDR_RW_SIZE		0x08
#define VNDR_OUT_SIZE		0x10
#define VNDR_ADDRESS		0x18

static __u64 cfg_read64(__u16 bdf, unsigned int reg)
{
	return pci_read_config(bdf, reg, 4) |
		(__u64)pci_read_config(bdf, reg + 4, 4) << 32;
}

static bool read_layout(struct ivshmem_dev *dev)
{
	int vndr = pci_find_cap(dev->bdf, PCI_CAP_VENDOR);

	if (vndr < 0)
		return false;
	dev->state_size = pci_read_config(dev->bdf, vndr + VNDR_STATE_SIZE, 4);
	dev->rw_size = cfg_read64(dev->bdf, vndr + VNDR_RW_SIZE);
	dev->out_size = cfg_read64(dev->bdf, vndr + VNDR_OUT_SIZE);
	dev->base = cfg_read64(dev->bdf, vndr + VNDR_ADDRESS);
	return true;
}

int ivshmem_init(struct ivshmem_dev *dev, __u16 start_bdf,
		 unsigned long bar_base)
{
	int bdf = pci_find_device(IVSHMEM_VENDOR, IVSHMEM_DEVICE, start_bdf);

	if (bdf < 0)
		return -1;
	dev->bdf = bdf;
	if (!read_layout(dev))
		return -2;
	dev->regs = bar_base;
	pci_write_config(dev->bdf, PCI_CFG_BAR, bar_base, 4);
	pci_write_config(dev->bdf, PCI_CFG_COMMAND,
			 PCI_CMD_MEM | PCI_CMD_MASTER, 2);
	dev->id = mmio_read32(dev->regs + IVSHMEM_REG_ID);
	dev->peers = mmio_read32(dev->regs + IVSHMEM_REG_MAX_PEERS);
	return 0;
}

int ivshmem_enable_irq(struct ivshmem_dev *dev, ivshmem_irq_fn fn)
{
	int err = arch_ivshmem_irq_setup(dev, fn);

	if (err)
		return err;
	mmio_write32(dev->regs + IVSHMEM_REG_INT_CTRL, 1);
	return 0;
}

__u32 ivshmem_peer_state(const struct ivshmem_dev *dev, unsigned int peer)
{
	return ((volatile __u32 *)(unsigned long)dev->base)[peer];
}

void ivshmem_set_state(const struct ivshmem_dev *dev, __u32 state)
{
	ivshmem_wmb();
	mmio_write32(dev->regs + IVSHMEM_REG_STATE, state);
}

void ivshmem_ring(const struct ivshmem_dev *dev, unsigned int peer,
		  unsigned int vector)
{
	ivshmem_wmb();
	mmio_write32(dev->regs + IVSHMEM_REG_DOORBELL, peer << 16 | vector);
}

void *ivshmem_rw_section(const struct ivshmem_dev *dev)
{
	return (void *)(unsigned long)(dev->base + dev->state_size);
}

void *ivshmem_output(const struct ivshmem_dev *dev, unsigned int peer)
{
	return (char *)ivshmem_rw_section(dev) + dev->rw_size +
		peer * dev->out_size;
}
