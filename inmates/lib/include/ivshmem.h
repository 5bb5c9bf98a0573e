/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * ivshmem v2 peer side for bare-metal cells (ivshmem.c): finds the
 * device, reads where the hypervisor put the shared memory (state table,
 * read/write section, one output section per peer), puts the register
 * BAR where the caller says and rings doorbells and writes the state.
 * The interrupt is the architecture's (lib/<arch>/ivshmem-irq.c): MSI-X
 * vector 0 on x86, INTx as a GIC SPI on ARM. One device per inmate.
 */
#ifndef _IVSHMEM_H
#define _IVSHMEM_H

#define IVSHMEM_VENDOR		0x110a
#define IVSHMEM_DEVICE		0x4106

/* Registers in BAR0. */
#define IVSHMEM_REG_ID		0x00
#define IVSHMEM_REG_MAX_PEERS	0x04
#define IVSHMEM_REG_INT_CTRL	0x08
#define IVSHMEM_REG_DOORBELL	0x0c
#define IVSHMEM_REG_STATE	0x10
#define IVSHMEM_BAR0_SIZE	0x1000

struct ivshmem_dev {
	__u16 bdf;
	/* Where BAR0 (and on x86 the MSI-X BAR right after it) decode. */
	unsigned long regs;
	__u32 id, peers, state_size;
	__u64 rw_size, out_size, base;
	/* Set by ivshmem_enable_irq(): the x86 vector or the GIC's SPI. */
	unsigned int irq;
};

typedef void (*ivshmem_irq_fn)(void);

/*
 * The first ivshmem device from start_bdf on, its layout read, BAR0 at
 * bar_base, memory decoding on. 0, or -1 for no device, -2 when its
 * vendor capability is missing.
 */
int ivshmem_init(struct ivshmem_dev *dev, __u16 start_bdf,
		 unsigned long bar_base);
/* fn runs in interrupt context for every doorbell and state change. */
int ivshmem_enable_irq(struct ivshmem_dev *dev, ivshmem_irq_fn fn);

__u32 ivshmem_peer_state(const struct ivshmem_dev *dev, unsigned int peer);
void ivshmem_set_state(const struct ivshmem_dev *dev, __u32 state);
/* Makes what was written to the sections visible, then rings. */
void ivshmem_ring(const struct ivshmem_dev *dev, unsigned int peer,
		  unsigned int vector);
void *ivshmem_rw_section(const struct ivshmem_dev *dev);
void *ivshmem_output(const struct ivshmem_dev *dev, unsigned int peer);

/* Architecture part (lib/<arch>/ivshmem-irq.c). */
/* Where the demos put BAR0: a free, uncached spot of the cell. */
extern const unsigned long ivshmem_default_bar;
int arch_ivshmem_irq_setup(struct ivshmem_dev *dev, ivshmem_irq_fn fn);
/*
 * Orders section writes before the ones after it (a sequence number, a
 * doorbell), as another CPU sees them.
 */
void ivshmem_wmb(void);

#endif /* !_IVSHMEM_H */
