// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor's VT-d invalidation queue (x86/vtd.h). Interrupt
 * remapping needs queued invalidation (the interrupt entry cache has no
 * register to flush it), and while a unit's queue is on, register-based
 * invalidation is not allowed: so a unit whose remapping the hypervisor
 * took over does all its invalidation here. One page, 256 descriptors;
 * every batch ends with a wait descriptor whose status write the
 * hypervisor polls, so the queue is empty between batches.
 */
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/printk.h>
#include <core/spinlock.h>
#include <x86/vtd.h>

#define QI_ENTRIES		256
#define QI_POLL_LIMIT		10000000UL
#define QI_DONE			1

/*
 * Batches from cell changes (vtd.c, under its lock) and from the root's
 * emulated queue (vtd_ir.c, under its own) meet here: one at a time.
 */
static DEFINE_SPINLOCK(qi_lock);

static u64 qi_phys(const void *virt)
{
	return page_pool_virt2phys(&mem_pool, virt);
}

int vtd_qi_start(struct vtd_unit *u)
{
	int err;

	/* The descriptors' page, then a page for the status word. */
	u->queue = page_zalloc(&mem_pool, 2);
	if (!u->queue)
		return -ENOMEM;
	u->queue_status = (volatile u32 *)((u8 *)u->queue + PAGE_SIZE);
	u->queue_tail = 0;
	err = vtd_set_function(u, VTD_GCMD_QIE, false);
	if (err)
		return err;
	vtd_write64(u, VTD_REG_IQT, 0);
	/* Queue size 0: one page; 128-bit descriptors. */
	vtd_write64(u, VTD_REG_IQA, qi_phys(u->queue));
	return vtd_set_function(u, VTD_GCMD_QIE, true);
}

static void qi_submit(struct vtd_unit *u, u64 lo, u64 hi)
{
	u->queue[u->queue_tail * 2] = lo;
	u->queue[u->queue_tail * 2 + 1] = hi;
	u->queue_tail = (u->queue_tail + 1) % QI_ENTRIES;
}

static int qi_sync(struct vtd_unit *u)
{
	unsigned long n;

	*u->queue_status = 0;
	qi_submit(u, VTD_QI_WAIT | VTD_QI_WAIT_SW |
		      (u64)QI_DONE << VTD_QI_WAIT_DATA_SHIFT,
		      qi_phys((void *)u->queue_status));
	asm volatile("sfence" : : : "memory");
	vtd_write64(u, VTD_REG_IQT, (u64)u->queue_tail << VTD_IQ_INDEX_SHIFT);
	for (n = 0; n < QI_POLL_LIMIT; n++) {
		if (*u->queue_status == QI_DONE)
			return 0;
		if (vtd_read32(u, VTD_REG_FSTS) & VTD_FSTS_IQE)
			break;
	}
	printk("VT-d unit at 0x%llx: invalidation queue stuck (status "
	       "0x%x)\n", u->base, vtd_read32(u, VTD_REG_FSTS));
	return -EIO;
}

int vtd_qi_invalidate_all(struct vtd_unit *u)
{
	int err;

	spin_lock(&qi_lock);
	qi_submit(u, VTD_QI_CONTEXT | VTD_QI_GLOBAL, 0);
	qi_submit(u, VTD_QI_IOTLB | VTD_QI_GLOBAL | VTD_QI_IOTLB_DR |
		  VTD_QI_IOTLB_DW, 0);
	qi_submit(u, VTD_QI_IEC, 0);
	err = qi_sync(u);
	spin_unlock(&qi_lock);
	return err;
}

int vtd_qi_flush_iec(struct vtd_unit *u)
{
	int err;

	spin_lock(&qi_lock);
	qi_submit(u, VTD_QI_IEC, 0);
	err = qi_sync(u);
	spin_unlock(&qi_lock);
	return err;
}

void vtd_qi_stop(struct vtd_unit *u)
{
	if (!u->queue)
		return;
	vtd_set_function(u, VTD_GCMD_QIE, false);
	page_free(&mem_pool, u->queue, 2);
	u->queue = NULL;
}
