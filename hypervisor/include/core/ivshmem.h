/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem v2: virtual PCI devices that connect cells through shared
 * memory (Documentation/ivshmem.md, facts in the ABI document). Every
 * JAILHOUSE_PCI_TYPE_IVSHMEM entry of a cell config is one endpoint;
 * endpoints of different cells with the same bdf form a link, each
 * endpoint being the peer that its shmem_dev_id names.
 *
 * The shared memory is plain memory regions of the configs (state table,
 * read/write section, one output section per peer), mapped with the
 * config's flags: the hypervisor never copies data, it only writes the
 * state table, emulates the config space and the register and MSI-X
 * BARs, and turns doorbells into interrupts of the target peer's cell.
 */
#ifndef _CORE_IVSHMEM_H
#define _CORE_IVSHMEM_H

#include <core/mmio_table.h>
#include <core/spinlock.h>
#include <core/types.h>

struct cell;
struct jailhouse_cell_desc;
struct jailhouse_memory;
struct jailhouse_pci_device;

/* Links of the whole system, peers of a link, MSI-X vectors a device has. */
#define IVSHMEM_MAX_LINKS	16
#define IVSHMEM_MAX_PEERS	16
#define IVSHMEM_MAX_VECTORS	16
/* All endpoints of all cells together. */
#define IVSHMEM_MAX_ENDPOINTS	64

/* Emulated config space, dword by dword; beyond it reads as zero. */
#define IVSHMEM_CFG_SIZE	0x70
#define IVSHMEM_CFG_VNDR_CAP	0x40
#define IVSHMEM_CFG_VNDR_LEN	0x20
/* Right after the vendor capability. */
#define IVSHMEM_CFG_MSIX_CAP	0x60

/* Register BAR (BAR0), 32-bit registers. */
#define IVSHMEM_REG_ID		0x00
#define IVSHMEM_REG_MAX_PEERS	0x04
#define IVSHMEM_REG_INT_CTRL	0x08
#define IVSHMEM_REG_DOORBELL	0x0c
#define IVSHMEM_REG_STATE	0x10
#define IVSHMEM_INT_ENABLE	0x1

/* MSI-X BAR (BAR1): the table, then the pending bits at this offset. */
#define IVSHMEM_MSIX_PBA	0x800

struct ivshmem_link;

/* One MSI-X table entry as the guest sees it. */
struct ivshmem_msix_entry {
	u32 address_lo;
	u32 address_hi;
	u32 data;
	u32 control;
};

struct ivshmem_endpoint {
	struct cell *cell;
	const struct jailhouse_pci_device *dev;
	/* The cell's regions of this device: state table first. */
	const struct jailhouse_memory *shmem;
	struct ivshmem_link *link;
	u32 cspace[IVSHMEM_CFG_SIZE / 4];
	/* BARs registered with the MMIO dispatcher (0: none). */
	u64 mapped_bar[2];
	u32 int_ctrl;
	u32 state;
	struct ivshmem_msix_entry msix[IVSHMEM_MAX_VECTORS];
};

struct ivshmem_link {
	u16 bdf;
	u8 max_peers;
	/* Connected endpoints by peer id; the lock guards them. */
	spinlock_t lock;
	struct ivshmem_endpoint *peers[IVSHMEM_MAX_PEERS];
};

/* ivshmem_cfg.c: the config space of one endpoint. */

/* Fill the config space as after reset, from the endpoint's config. */
void ivshmem_cfg_reset(struct ivshmem_endpoint *ep);
/* Read size (1, 2, 4) bytes at reg, naturally aligned. */
u32 ivshmem_cfg_read(const struct ivshmem_endpoint *ep, u16 reg,
		     unsigned int size);
/*
 * Write size bytes at reg; only the command register, the two BARs, the
 * interrupt line and the MSI-X enable and mask bits take values. Returns
 * whether the BAR mapping (command memory bit or a BAR) changed.
 */
bool ivshmem_cfg_write(struct ivshmem_endpoint *ep, u16 reg, u32 value,
		       unsigned int size);
/*
 * Where BAR bar (0: registers, 1: MSI-X) is decoded now: 0 while memory
 * decoding is off or the BAR is unset.
 */
u64 ivshmem_cfg_bar(const struct ivshmem_endpoint *ep, unsigned int bar);
/* Size of BAR bar by the config's mask. */
u64 ivshmem_bar_size(const struct ivshmem_endpoint *ep, unsigned int bar);
/* Whether MSI-X vector may fire now (enabled, unmasked, bus master). */
bool ivshmem_cfg_vector_open(const struct ivshmem_endpoint *ep,
			     unsigned int vector);
/*
 * The INTx pin (1 to 4) a device without MSI-X signals on, 0 when it has
 * MSI-X or the cell set the command register's INTx disable bit.
 */
unsigned int ivshmem_cfg_intx_pin(const struct ivshmem_endpoint *ep);

/* ivshmem_regs.c: the BARs and interrupts. */

/* Handlers of the register BAR and the MSI-X BAR (arg: the endpoint). */
enum mmio_result ivshmem_register_access(void *arg, struct mmio_access *acc);
enum mmio_result ivshmem_msix_access(void *arg, struct mmio_access *acc);
/* Raise vector at peer id of the link; held: the link's lock. */
void ivshmem_trigger(struct ivshmem_link *link, unsigned int id,
		     unsigned int vector);
/*
 * Put state into the state table entry of ep's peer id and raise vector
 * 0 at every other peer; held: the link's lock.
 */
void ivshmem_set_state(struct ivshmem_endpoint *ep, u32 state);

/* ivshmem.c: endpoints of cells, config space entry points for pci.c. */

/* Peer id of an endpoint (its config's shmem_dev_id). */
unsigned int ivshmem_id(const struct ivshmem_endpoint *ep);
/*
 * Config access of cell to bdf if that is one of its ivshmem devices:
 * true and the access done, else false (not ours).
 */
bool ivshmem_pci_cfg_read(struct cell *cell, u16 bdf, u16 reg,
			  unsigned int size, u32 *value);
bool ivshmem_pci_cfg_write(struct cell *cell, u16 bdf, u16 reg, u32 value,
			   unsigned int size);
/*
 * Check one ivshmem device entry of a config on its own: peers, id,
 * regions and their permissions. -EINVAL with one console line.
 */
int ivshmem_check_device(const struct jailhouse_cell_desc *config,
			 const struct jailhouse_pci_device *dev);

#endif /* _CORE_IVSHMEM_H */
