// SPDX-License-Identifier: GPL-2.0
/*
 * The config space of an ivshmem endpoint as its cell sees it: fixed
 * identity and capabilities, a few writable registers. The layout is
 * ivshmem v2's: a vendor capability that tells the shared memory layout,
 * then the MSI-X capability whose table lives in BAR1.
 */
#include <jailhouse/cell-config.h>
#include <core/ivshmem.h>
#include <core/pci.h>
#include <core/string.h>

#define IVSHMEM_VENDOR_ID	0x110a
#define IVSHMEM_DEVICE_ID	0x4106
#define IVSHMEM_REVISION	2
#define PCI_CLASS_OTHER		0xffU

#define CFG_ID			0x00
#define CFG_COMMAND		0x04
#define CFG_CLASS		0x08
#define CFG_BAR0		0x10
#define CFG_BAR1		0x14
#define CFG_SUBSYS		0x2c
#define CFG_CAP_PTR		0x34
#define CFG_INT			0x3c

#define CMD_MEM			BIT(1)
#define CMD_MASTER		BIT(2)
#define CMD_INTX_OFF		BIT(10)
#define CMD_WRITABLE		(CMD_MEM | CMD_MASTER | CMD_INTX_OFF)
#define STATUS_CAPS		(BIT(4) << 16)
#define INT_LINE_MASK		0xff
#define INT_PIN_SHIFT		8

#define PCI_CAP_VNDR		0x09
#define PCI_CAP_MSIX		0x11
/* Vendor capability: fields after its header. */
#define VNDR_STATE_SIZE		(IVSHMEM_CFG_VNDR_CAP + 0x04)
#define VNDR_RW_SIZE		(IVSHMEM_CFG_VNDR_CAP + 0x08)
#define VNDR_OUT_SIZE		(IVSHMEM_CFG_VNDR_CAP + 0x10)
#define VNDR_ADDRESS		(IVSHMEM_CFG_VNDR_CAP + 0x18)
/* MSI-X message control, in the upper half of the capability's dword. */
#define MSIX_ENABLE		BIT(31)
#define MSIX_FMASK		BIT(30)
#define MSIX_BIR_BAR1		1
#define MSIX_VECTOR_MASKED	BIT(0)

BUILD_BUG_ON(IVSHMEM_CFG_MSIX_CAP !=
	     IVSHMEM_CFG_VNDR_CAP + IVSHMEM_CFG_VNDR_LEN);
BUILD_BUG_ON(IVSHMEM_CFG_MSIX_CAP + 0xc > IVSHMEM_CFG_SIZE);

static void set64(u32 *cspace, unsigned int reg, u64 value)
{
	cspace[reg / 4] = (u32)value;
	cspace[reg / 4 + 1] = (u32)(value >> 32);
}

/* The vendor capability: what the driver needs to map the sections. */
static void fill_vendor_cap(struct ivshmem_endpoint *ep)
{
	const struct jailhouse_memory *shmem = ep->shmem;
	u32 next = ep->dev->num_msix_vectors ? IVSHMEM_CFG_MSIX_CAP : 0;

	ep->cspace[IVSHMEM_CFG_VNDR_CAP / 4] = PCI_CAP_VNDR | next << 8 |
		IVSHMEM_CFG_VNDR_LEN << 16;
	ep->cspace[VNDR_STATE_SIZE / 4] = (u32)shmem[0].size;
	set64(ep->cspace, VNDR_RW_SIZE, shmem[1].size);
	set64(ep->cspace, VNDR_OUT_SIZE, shmem[2].size);
	set64(ep->cspace, VNDR_ADDRESS, shmem[0].virt_start);
}

static void fill_msix_cap(struct ivshmem_endpoint *ep)
{
	unsigned int vectors = ep->dev->num_msix_vectors;

	if (!vectors)
		return;
	ep->cspace[IVSHMEM_CFG_MSIX_CAP / 4] = PCI_CAP_MSIX |
		(vectors - 1) << 16;
	ep->cspace[IVSHMEM_CFG_MSIX_CAP / 4 + 1] = MSIX_BIR_BAR1;
	ep->cspace[IVSHMEM_CFG_MSIX_CAP / 4 + 2] =
		IVSHMEM_MSIX_PBA | MSIX_BIR_BAR1;
}

void ivshmem_cfg_reset(struct ivshmem_endpoint *ep)
{
	unsigned int n;

	memset(ep->cspace, 0, sizeof(ep->cspace));
	ep->cspace[CFG_ID / 4] = IVSHMEM_VENDOR_ID | IVSHMEM_DEVICE_ID << 16;
	ep->cspace[CFG_COMMAND / 4] = STATUS_CAPS;
	ep->cspace[CFG_CLASS / 4] = PCI_CLASS_OTHER << 24 |
		(u32)ep->dev->shmem_protocol << 8 | IVSHMEM_REVISION;
	ep->cspace[CFG_SUBSYS / 4] = ep->cspace[CFG_ID / 4];
	ep->cspace[CFG_CAP_PTR / 4] = IVSHMEM_CFG_VNDR_CAP;
	fill_vendor_cap(ep);
	fill_msix_cap(ep);
	/*
	 * Without MSI-X the device signals on INTx. The pin rotates with
	 * the slot as on a real bridge: the interrupt-map of the virtual
	 * host in users' device trees relies on this rule (Jailhouse's).
	 */
	if (!ep->dev->num_msix_vectors)
		ep->cspace[CFG_INT / 4] =
			(PCI_BDF_DEV(ep->dev->bdf) % 4 + 1) << INT_PIN_SHIFT;
	for (n = 0; n < IVSHMEM_MAX_VECTORS; n++)
		ep->msix[n] = (struct ivshmem_msix_entry){
			.control = MSIX_VECTOR_MASKED,
		};
	ep->int_ctrl = 0;
}

u32 ivshmem_cfg_read(const struct ivshmem_endpoint *ep, u16 reg,
		     unsigned int size)
{
	u32 dword;

	if (reg >= IVSHMEM_CFG_SIZE)
		return 0;
	dword = ep->cspace[reg / 4] >> (8 * (reg & 3));
	return size == 4 ? dword : dword & ((1U << (8 * size)) - 1);
}

u64 ivshmem_bar_size(const struct ivshmem_endpoint *ep, unsigned int bar)
{
	return (u64)(u32)~ep->dev->bar_mask[bar] + 1;
}

/* What a dword of the config space becomes when the guest writes it. */
static u32 filter_write(const struct ivshmem_endpoint *ep, unsigned int reg,
			u32 old, u32 new)
{
	switch (reg) {
	case CFG_COMMAND:
		return (old & ~CMD_WRITABLE) | (new & CMD_WRITABLE);
	case CFG_BAR0:
	case CFG_BAR1:
		/* 32-bit memory BARs; sizing reads back the mask. */
		return new & ep->dev->bar_mask[(reg - CFG_BAR0) / 4];
	case CFG_INT:
		return (old & ~INT_LINE_MASK) | (new & INT_LINE_MASK);
	case IVSHMEM_CFG_MSIX_CAP:
		if (!ep->dev->num_msix_vectors)
			return old;
		return (old & ~(MSIX_ENABLE | MSIX_FMASK)) |
			(new & (MSIX_ENABLE | MSIX_FMASK));
	}
	return old;
}

bool ivshmem_cfg_write(struct ivshmem_endpoint *ep, u16 reg, u32 value,
		       unsigned int size)
{
	unsigned int shift = 8 * (reg & 3);
	u32 mask = size == 4 ? 0xffffffff : ((1U << (8 * size)) - 1) << shift;
	u64 bars[2] = { ivshmem_cfg_bar(ep, 0), ivshmem_cfg_bar(ep, 1) };
	unsigned int row = reg & ~3U;
	u32 old;

	if (reg >= IVSHMEM_CFG_SIZE)
		return false;
	old = ep->cspace[row / 4];
	ep->cspace[row / 4] = filter_write(ep, row, old,
					   (old & ~mask) | ((value << shift) &
							    mask));
	return bars[0] != ivshmem_cfg_bar(ep, 0) ||
		bars[1] != ivshmem_cfg_bar(ep, 1);
}

u64 ivshmem_cfg_bar(const struct ivshmem_endpoint *ep, unsigned int bar)
{
	if (!(ep->cspace[CFG_COMMAND / 4] & CMD_MEM) ||
	    (bar == 1 && !ep->dev->num_msix_vectors))
		return 0;
	return ep->cspace[CFG_BAR0 / 4 + bar];
}

bool ivshmem_cfg_vector_open(const struct ivshmem_endpoint *ep,
			     unsigned int vector)
{
	u32 msix = ep->cspace[IVSHMEM_CFG_MSIX_CAP / 4];

	return vector < ep->dev->num_msix_vectors &&
		(ep->cspace[CFG_COMMAND / 4] & CMD_MASTER) &&
		(msix & MSIX_ENABLE) && !(msix & MSIX_FMASK) &&
		!(ep->msix[vector].control & MSIX_VECTOR_MASKED);
}

unsigned int ivshmem_cfg_intx_pin(const struct ivshmem_endpoint *ep)
{
	if (ep->dev->num_msix_vectors ||
	    (ep->cspace[CFG_COMMAND / 4] & CMD_INTX_OFF))
		return 0;
	return (ep->cspace[CFG_INT / 4] >> INT_PIN_SHIFT) & 0xff;
}
