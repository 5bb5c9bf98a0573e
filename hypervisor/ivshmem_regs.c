// SPDX-License-Identifier: GPL-2.0
/*
 * The two BARs of an ivshmem endpoint and the interrupts they cause. The
 * registers are 32 bits wide; other widths read as zero and write
 * nothing, as reserved offsets do. Interrupts go out as the MSI-X message
 * the target peer's cell programmed, through the arch, which delivers it
 * to CPUs of that cell only: a cell can address nothing else with it.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/ivshmem.h>
#include <core/mmio.h>
#include <core/remap.h>

#define DOORBELL_VECTOR_MASK	0xffff
#define DOORBELL_PEER_SHIFT	16
#define MSIX_ENTRY_SIZE		16

unsigned int ivshmem_id(const struct ivshmem_endpoint *ep)
{
	return ep->dev->shmem_dev_id;
}

void ivshmem_trigger(struct ivshmem_link *link, unsigned int id,
		     unsigned int vector)
{
	const struct ivshmem_msix_entry *entry;
	struct ivshmem_endpoint *target;
	unsigned int pin;

	if (id >= link->max_peers)
		return;
	target = link->peers[id];
	/* A doorbell nobody can hear is lost, like one to a masked vector. */
	if (!target || !(target->int_ctrl & IVSHMEM_INT_ENABLE))
		return;
	if (!target->dev->num_msix_vectors) {
		/* INTx has one line: vector 0 only. */
		pin = ivshmem_cfg_intx_pin(target);
		if (vector == 0 && pin)
			arch_send_intx(target->cell, pin);
		return;
	}
	if (!ivshmem_cfg_vector_open(target, vector))
		return;
	entry = &target->msix[vector];
	arch_send_msi(target->cell,
		      (u64)entry->address_hi << 32 | entry->address_lo,
		      entry->data);
}

/* The state table lives in guest memory, read-only for every peer. */
static void write_state_table(struct ivshmem_endpoint *ep, u32 state)
{
	u64 gpa = ep->shmem[0].virt_start + 4 * ivshmem_id(ep);
	u32 *entry;
	int err;

	entry = remap_cell_memory(ep->cell, gpa, sizeof(*entry), &err);
	if (!entry)
		return;
	__atomic_store_n(entry, state, __ATOMIC_RELEASE);
	remap_release(entry, sizeof(*entry));
}

void ivshmem_set_state(struct ivshmem_endpoint *ep, u32 state)
{
	struct ivshmem_link *link = ep->link;
	unsigned int id;

	ep->state = state;
	write_state_table(ep, state);
	for (id = 0; id < link->max_peers; id++)
		if (id != ivshmem_id(ep))
			ivshmem_trigger(link, id, 0);
}

static void register_write(struct ivshmem_endpoint *ep, u64 reg, u32 value)
{
	struct ivshmem_link *link = ep->link;

	switch (reg) {
	case IVSHMEM_REG_INT_CTRL:
		ep->int_ctrl = value & IVSHMEM_INT_ENABLE;
		break;
	case IVSHMEM_REG_DOORBELL:
		spin_lock(&link->lock);
		ivshmem_trigger(link, value >> DOORBELL_PEER_SHIFT,
				value & DOORBELL_VECTOR_MASK);
		spin_unlock(&link->lock);
		break;
	case IVSHMEM_REG_STATE:
		spin_lock(&link->lock);
		ivshmem_set_state(ep, value);
		spin_unlock(&link->lock);
		break;
	}
}

static u32 register_read(const struct ivshmem_endpoint *ep, u64 reg)
{
	switch (reg) {
	case IVSHMEM_REG_ID:
		return ivshmem_id(ep);
	case IVSHMEM_REG_MAX_PEERS:
		return ep->link->max_peers;
	case IVSHMEM_REG_INT_CTRL:
		return ep->int_ctrl;
	case IVSHMEM_REG_STATE:
		return ep->state;
	}
	return 0;
}

enum mmio_result ivshmem_register_access(void *arg, struct mmio_access *acc)
{
	struct ivshmem_endpoint *ep = arg;
	bool dword = acc->size == 4 && !(acc->address & 3);

	if (acc->is_write) {
		if (dword)
			register_write(ep, acc->address, acc->value);
	} else {
		acc->value = dword ? register_read(ep, acc->address) : 0;
	}
	return MMIO_HANDLED;
}

/* One dword of the MSI-X table. */
static u32 *msix_word(struct ivshmem_endpoint *ep, u64 offset)
{
	if (offset >= (u64)ep->dev->num_msix_vectors * MSIX_ENTRY_SIZE)
		return NULL;
	return (u32 *)&ep->msix[offset / MSIX_ENTRY_SIZE] +
		(offset % MSIX_ENTRY_SIZE) / 4;
}

/*
 * The table takes 4- and 8-byte accesses, naturally aligned; the pending
 * bits read as zero (a masked doorbell is dropped, not kept).
 */
enum mmio_result ivshmem_msix_access(void *arg, struct mmio_access *acc)
{
	struct ivshmem_endpoint *ep = arg;
	unsigned int n;
	u32 *word;

	if ((acc->size != 4 && acc->size != 8) ||
	    acc->address & (acc->size - 1))
		return MMIO_ERROR;
	if (!acc->is_write)
		acc->value = 0;
	for (n = 0; n < acc->size; n += 4) {
		word = msix_word(ep, acc->address + n);
		if (!word)
			continue;
		if (acc->is_write)
			__atomic_store_n(word, (u32)(acc->value >> (8 * n)),
					 __ATOMIC_RELAXED);
		else
			acc->value |= (u64)*word << (8 * n);
	}
	return MMIO_HANDLED;
}
