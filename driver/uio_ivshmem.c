// SPDX-License-Identifier: GPL-2.0
/*
 * uio_ivshmem: an ivshmem v2 device (the hypervisor's virtual PCI device
 * for inter-cell shared memory) handed to user space through UIO.
 *
 * Maps, in this order: the register BAR (ID, max peers, interrupt
 * control, doorbell, state), the state table (read-only), the read/write
 * section (when it has a size) and all output sections in one map, each
 * peer's own one writable, the others read-only: a write there makes
 * the hypervisor stop the cell. Where the sections are comes from the
 * device's vendor capability. MSI-X vector 0 is the UIO interrupt (a
 * read of /dev/uioN waits for it); writing 0 or 1 to /dev/uioN switches
 * the device's interrupts off or on. A device without MSI-X (ARM, where
 * the hypervisor's virtual PCI host raises INTx as an SPI of the cell)
 * interrupts on its INTx pin instead; the line is the device's alone
 * (not shared: the device has no status register to tell whether it
 * was the one), and it needs no acknowledgement either.
 *
 * Binds to devices of the undefined protocol only; others (ivshmem-net)
 * have their own drivers.
 */
#include <linux/io.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/uio_driver.h>

#define IVSHMEM_VENDOR_ID	0x110a
#define IVSHMEM_DEVICE_ID	0x4106
/* Class "other", protocol 0 (JAILHOUSE_SHMEM_PROTO_UNDEFINED). */
#define IVSHMEM_CLASS_UNDEFINED	0xff0000

#define REG_INT_CTRL		0x08
#define INT_ENABLE		0x1

/* Vendor capability fields, from the capability's start. */
#define VNDR_STATE_SIZE		0x04
#define VNDR_RW_SIZE		0x08
#define VNDR_OUT_SIZE		0x10
#define VNDR_ADDRESS		0x18

#define REG_BAR			0

struct ivshmem_layout {
	u32 state_size;
	u64 rw_size, out_size, address;
};

struct uio_ivshmem {
	struct uio_info info;
	void __iomem *regs;
};

static u64 read_cfg64(struct pci_dev *pdev, int pos)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, pos, &lo);
	pci_read_config_dword(pdev, pos + 4, &hi);
	return (u64)hi << 32 | lo;
}

static int read_layout(struct pci_dev *pdev, struct ivshmem_layout *l)
{
	int cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);

	if (!cap)
		return -ENODEV;
	pci_read_config_dword(pdev, cap + VNDR_STATE_SIZE, &l->state_size);
	l->rw_size = read_cfg64(pdev, cap + VNDR_RW_SIZE);
	l->out_size = read_cfg64(pdev, cap + VNDR_OUT_SIZE);
	l->address = read_cfg64(pdev, cap + VNDR_ADDRESS);
	if (!l->state_size || !l->out_size || !l->address)
		return -EINVAL;
	return 0;
}

static void set_map(struct uio_mem *mem, const char *name, u64 addr,
		    u64 size)
{
	mem->name = name;
	mem->memtype = UIO_MEM_PHYS;
	mem->addr = addr;
	mem->size = size;
}

static void fill_maps(struct uio_ivshmem *iv, struct pci_dev *pdev,
		      const struct ivshmem_layout *l, unsigned int peers)
{
	struct uio_mem *mem = iv->info.mem;
	u64 addr = l->address + l->state_size;

	set_map(mem++, "registers", pci_resource_start(pdev, REG_BAR),
		pci_resource_len(pdev, REG_BAR));
	set_map(mem++, "state_table", l->address, l->state_size);
	if (l->rw_size)
		set_map(mem++, "rw_section", addr, l->rw_size);
	addr += l->rw_size;
	set_map(mem, "output_sections", addr, l->out_size * peers);
}

/* Kernels before 6.8 name INTx "legacy". */
#ifdef PCI_IRQ_INTX
#define IVSHMEM_IRQ_INTX	PCI_IRQ_INTX
#else
#define IVSHMEM_IRQ_INTX	PCI_IRQ_LEGACY
#endif

static irqreturn_t ivshmem_irq(int irq, struct uio_info *info)
{
	/* MSI-X and INTx need no acknowledgement: just wake the readers. */
	return IRQ_HANDLED;
}

static int ivshmem_irqcontrol(struct uio_info *info, s32 on)
{
	struct uio_ivshmem *iv = container_of(info, struct uio_ivshmem, info);

	writel(on ? INT_ENABLE : 0, iv->regs + REG_INT_CTRL);
	return 0;
}

static int setup_irq(struct uio_ivshmem *iv, struct pci_dev *pdev)
{
	int err = pci_alloc_irq_vectors(pdev, 1, 1,
					PCI_IRQ_MSIX | IVSHMEM_IRQ_INTX);

	if (err < 0)
		return err;
	iv->info.irq = pci_irq_vector(pdev, 0);
	iv->info.handler = ivshmem_irq;
	iv->info.irqcontrol = ivshmem_irqcontrol;
	return 0;
}

static int ivshmem_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ivshmem_layout layout;
	struct uio_ivshmem *iv;
	int err;

	iv = devm_kzalloc(&pdev->dev, sizeof(*iv), GFP_KERNEL);
	if (!iv)
		return -ENOMEM;
	err = pcim_enable_device(pdev);
	if (!err)
		err = pcim_iomap_regions(pdev, BIT(REG_BAR), "uio_ivshmem");
	if (!err)
		err = read_layout(pdev, &layout);
	if (err)
		return err;
	iv->regs = pcim_iomap_table(pdev)[REG_BAR];
	pci_set_master(pdev);
	/* Register 0x04 holds the number of peers. */
	fill_maps(iv, pdev, &layout, readl(iv->regs + 0x04));
	err = setup_irq(iv, pdev);
	if (err)
		return err;
	iv->info.name = "uio_ivshmem";
	iv->info.version = "2";
	pci_set_drvdata(pdev, iv);
	err = uio_register_device(&pdev->dev, &iv->info);
	if (err) {
		pci_free_irq_vectors(pdev);
		return err;
	}
	writel(INT_ENABLE, iv->regs + REG_INT_CTRL);
	dev_info(&pdev->dev, "peer %u, state table %u bytes, r/w %llu, "
		 "output sections %llu bytes at 0x%llx\n",
		 readl(iv->regs), layout.state_size, layout.rw_size,
		 layout.out_size, layout.address);
	return 0;
}

static void ivshmem_remove(struct pci_dev *pdev)
{
	struct uio_ivshmem *iv = pci_get_drvdata(pdev);

	writel(0, iv->regs + REG_INT_CTRL);
	uio_unregister_device(&iv->info);
	pci_free_irq_vectors(pdev);
}

static const struct pci_device_id ivshmem_ids[] = {
	{ PCI_DEVICE(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID),
	  .class = IVSHMEM_CLASS_UNDEFINED, .class_mask = 0xffffff },
	{ 0 }
};
MODULE_DEVICE_TABLE(pci, ivshmem_ids);

static struct pci_driver ivshmem_driver = {
	.name = "uio_ivshmem",
	.id_table = ivshmem_ids,
	.probe = ivshmem_probe,
	.remove = ivshmem_remove,
};
module_pci_driver(ivshmem_driver);

MODULE_DESCRIPTION("UIO driver for ivshmem v2 inter-cell shared memory");
MODULE_LICENSE("GPL v2");
