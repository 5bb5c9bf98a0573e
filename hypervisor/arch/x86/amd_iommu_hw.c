// SPDX-License-Identifier: GPL-2.0
/*
 * Register sequences of one AMD-Vi unit (x86/amd_iommu_hw.h). The
 * command buffer and the event log are rings of 256 16-byte entries;
 * head and tail registers hold byte offsets into them.
 */
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/printk.h>
#include <x86/amd_iommu.h>
#include <x86/amd_iommu_hw.h>
#include <x86/iommu.h>
#include <x86/processor.h>
#include <x86/setup.h>

/* Polls give up after this many reads (a unit that hangs). */
#define AMDVI_POLL_LIMIT	10000000UL
#define RING_BYTES		(AMDVI_RING_ENTRIES * 16)
#define ADDR_MASK		GENMASK_ULL(51, 12)

static const unsigned int saved_regs[] = {
	AMDVI_REG_DEVTAB, AMDVI_REG_CMDBUF, AMDVI_REG_EVTLOG,
	AMDVI_REG_CONTROL,
};

u64 amdvi_read64(const struct amdvi_unit *u, unsigned int reg)
{
	return *(volatile u64 *)(u->regs + reg);
}

void amdvi_write64(const struct amdvi_unit *u, unsigned int reg, u64 value)
{
	*(volatile u64 *)(u->regs + reg) = value;
}

static u64 pool_phys(const void *virt)
{
	return page_pool_virt2phys(&mem_pool, virt);
}

static int map_registers(struct amdvi_unit *u,
			 const struct jailhouse_iommu *cfg)
{
	u->base = cfg->base;
	u->pages = PAGES(cfg->size);
	if (cfg->size < AMDVI_REGS_END) {
		printk("AMD-Vi unit at 0x%llx: size 0x%x in the config is "
		       "below its registers (0x%x)\n", u->base, cfg->size,
		       AMDVI_REGS_END);
		return -EINVAL;
	}
	return iommu_map_registers(u->base, u->pages, &u->regs);
}

static int alloc_buffers(struct amdvi_unit *u)
{
	u->cmdbuf = page_zalloc(&mem_pool, 1);
	u->evtlog = page_zalloc(&mem_pool, 1);
	u->sem = page_zalloc(&mem_pool, 1);
	return u->cmdbuf && u->evtlog && u->sem ? 0 : -ENOMEM;
}

static u64 ring_base(const void *ring)
{
	return pool_phys(ring) | ((u64)AMDVI_RING_LOG2 << AMDVI_LEN_SHIFT);
}

/* Buffers and rings from their start; the unit must be off. */
static void load_buffers(const struct amdvi_unit *u, u64 devtab_phys,
			 unsigned int devtab_size)
{
	amdvi_write64(u, AMDVI_REG_DEVTAB, (devtab_phys & ADDR_MASK) |
		      devtab_size);
	amdvi_write64(u, AMDVI_REG_CMDBUF, ring_base(u->cmdbuf));
	amdvi_write64(u, AMDVI_REG_EVTLOG, ring_base(u->evtlog));
	amdvi_write64(u, AMDVI_REG_CMD_HEAD, 0);
	amdvi_write64(u, AMDVI_REG_CMD_TAIL, 0);
	amdvi_write64(u, AMDVI_REG_EVT_HEAD, 0);
	amdvi_write64(u, AMDVI_REG_EVT_TAIL, 0);
	amdvi_write64(u, AMDVI_REG_STATUS, AMDVI_STATUS_EVT_OVF);
}

/* Commands and events on, completion and event interrupts off. */
static void switch_on(const struct amdvi_unit *u)
{
	amdvi_write64(u, AMDVI_REG_CONTROL, AMDVI_CTRL_IOMMU_EN |
		      AMDVI_CTRL_CMDBUF_EN | AMDVI_CTRL_EVTLOG_EN);
}

int amdvi_hw_take(struct amdvi_unit *u, const struct jailhouse_iommu *cfg,
		  u64 devtab_phys, unsigned int devtab_size)
{
	unsigned int n;
	int err;

	err = map_registers(u, cfg);
	if (err)
		return err;
	if (amdvi_read64(u, AMDVI_REG_CONTROL) & AMDVI_CTRL_IOMMU_EN) {
		printk("AMD-Vi unit at 0x%llx is in use by Linux: boot it "
		       "with amd_iommu=off\n", u->base);
		return -EBUSY;
	}
	err = alloc_buffers(u);
	if (err)
		return err;
	for (n = 0; n < ARRAY_SIZE(saved_regs); n++)
		u->saved[n] = amdvi_read64(u, saved_regs[n]);
	load_buffers(u, devtab_phys, devtab_size);
	switch_on(u);
	return 0;
}

void amdvi_hw_off(const struct amdvi_unit *u)
{
	amdvi_write64(u, AMDVI_REG_CONTROL, 0);
}

void amdvi_hw_release(struct amdvi_unit *u)
{
	unsigned int n;

	if (u->regs && u->cmdbuf && u->evtlog && u->sem) {
		amdvi_hw_off(u);
		for (n = 0; n < ARRAY_SIZE(saved_regs); n++)
			amdvi_write64(u, saved_regs[n], u->saved[n]);
	}
	iommu_unmap_registers(&u->regs, u->pages);
	page_free(&mem_pool, u->cmdbuf, 1);
	page_free(&mem_pool, u->evtlog, 1);
	page_free(&mem_pool, (void *)u->sem, 1);
	*u = (struct amdvi_unit){ 0 };
}

bool amdvi_hw_queue(struct amdvi_unit *u, const u64 cmd[2])
{
	u64 tail = amdvi_read64(u, AMDVI_REG_CMD_TAIL) % RING_BYTES;
	u64 next = (tail + 16) % RING_BYTES;
	unsigned long n;

	for (n = 0; amdvi_read64(u, AMDVI_REG_CMD_HEAD) % RING_BYTES == next;
	     n++) {
		if (n >= AMDVI_POLL_LIMIT)
			return false;
		cpu_relax();
	}
	u->cmdbuf[tail / 8] = cmd[0];
	u->cmdbuf[tail / 8 + 1] = cmd[1];
	/* The entry is in memory before the unit sees the new tail. */
	asm volatile("sfence" : : : "memory");
	amdvi_write64(u, AMDVI_REG_CMD_TAIL, next);
	return true;
}

int amdvi_hw_sync(struct amdvi_unit *u)
{
	u64 cmd[AMDVI_CMD_QWORDS];
	unsigned long n;

	u->seq++;
	amdvi_cmd_completion_wait(cmd, pool_phys((const void *)u->sem),
				  u->seq);
	if (amdvi_hw_queue(u, cmd))
		for (n = 0; n < AMDVI_POLL_LIMIT; n++) {
			if (*u->sem == u->seq)
				return 0;
			cpu_relax();
		}
	printk("AMD-Vi unit at 0x%llx: commands stuck\n", u->base);
	return -EIO;
}

/* The unit writes no more records once it overflowed: restart the log. */
static void restart_log(const struct amdvi_unit *u)
{
	amdvi_write64(u, AMDVI_REG_CONTROL, AMDVI_CTRL_IOMMU_EN |
		      AMDVI_CTRL_CMDBUF_EN);
	amdvi_write64(u, AMDVI_REG_EVT_HEAD, 0);
	amdvi_write64(u, AMDVI_REG_EVT_TAIL, 0);
	amdvi_write64(u, AMDVI_REG_STATUS, AMDVI_STATUS_EVT_OVF);
	switch_on(u);
}

bool amdvi_hw_events(const struct amdvi_unit *u,
		     void (*report)(const u64 rec[2]))
{
	u64 head = amdvi_read64(u, AMDVI_REG_EVT_HEAD) % RING_BYTES;
	u64 tail = amdvi_read64(u, AMDVI_REG_EVT_TAIL) % RING_BYTES;
	u64 *rec;

	/* A full log has records too: nothing more to look at. */
	if (head == tail)
		return false;
	while (head != tail) {
		rec = &u->evtlog[head / 8];
		report(rec);
		rec[0] = rec[1] = 0;
		head = (head + 16) % RING_BYTES;
	}
	amdvi_write64(u, AMDVI_REG_EVT_HEAD, head);
	if (!(amdvi_read64(u, AMDVI_REG_STATUS) & AMDVI_STATUS_EVT_OVF))
		return false;
	restart_log(u);
	return true;
}
