/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One AMD-Vi unit's registers as the hypervisor drives them
 * (amd_iommu_hw.c): its command buffer with completion waits and its
 * event log, each one 4 KiB page of the hypervisor's pool; what Linux
 * had in the registers, put back when the unit is given up.
 */
#ifndef _X86_AMD_IOMMU_HW_H
#define _X86_AMD_IOMMU_HW_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

/* Registers (spec rev. 3, "MMIO registers"). */
#define AMDVI_REG_DEVTAB	0x0000
#define AMDVI_REG_CMDBUF	0x0008
#define AMDVI_REG_EVTLOG	0x0010
#define AMDVI_REG_CONTROL	0x0018
#define AMDVI_REG_EFR		0x0030
#define AMDVI_REG_CMD_HEAD	0x2000
#define AMDVI_REG_CMD_TAIL	0x2008
#define AMDVI_REG_EVT_HEAD	0x2010
#define AMDVI_REG_EVT_TAIL	0x2018
#define AMDVI_REG_STATUS	0x2020
/* The registers the hypervisor uses end there. */
#define AMDVI_REGS_END		0x2028

#define AMDVI_CTRL_IOMMU_EN	BIT_ULL(0)
#define AMDVI_CTRL_EVTLOG_EN	BIT_ULL(2)
#define AMDVI_CTRL_EVTINT_EN	BIT_ULL(3)
#define AMDVI_CTRL_COMWAIT_EN	BIT_ULL(4)
#define AMDVI_CTRL_CMDBUF_EN	BIT_ULL(12)
#define AMDVI_STATUS_EVT_OVF	BIT_ULL(0)
/* Length field (log2 of entries) of the buffer base registers. */
#define AMDVI_LEN_SHIFT		56
/* 4 KiB of 16-byte commands or events. */
#define AMDVI_RING_LOG2		8
#define AMDVI_RING_ENTRIES	(1U << AMDVI_RING_LOG2)

struct amdvi_unit {
	u64 base;
	u8 *regs;
	unsigned long pages;
	u64 *cmdbuf;
	u64 *evtlog;
	/* Completion wait store, and the value of the last wait. */
	volatile u64 *sem;
	u64 seq;
	/* What the registers held before the hypervisor took the unit. */
	u64 saved[4];
};

u64 amdvi_read64(const struct amdvi_unit *u, unsigned int reg);
void amdvi_write64(const struct amdvi_unit *u, unsigned int reg, u64 value);

/*
 * Map the unit's registers, give it the hypervisor's buffers and the
 * device table at devtab_phys (size field devtab_size) and switch it on:
 * entries still cleared (not valid) let DMA pass as before, and the
 * unit runs commands only while on. -EBUSY if Linux has it on.
 */
int amdvi_hw_take(struct amdvi_unit *u, const struct jailhouse_iommu *cfg,
		  u64 devtab_phys, unsigned int devtab_size);
/* Unit off: DMA passes untranslated, no commands or events. */
void amdvi_hw_off(const struct amdvi_unit *u);
/* Unit off, Linux's register values back, buffers freed. */
void amdvi_hw_release(struct amdvi_unit *u);

/* Queue a command; false when the buffer stays full (unit hangs). */
bool amdvi_hw_queue(struct amdvi_unit *u, const u64 cmd[2]);
/* Queue a completion wait and wait for it: -EIO if it never comes. */
int amdvi_hw_sync(struct amdvi_unit *u);

/*
 * Records the unit logged since the last call, each handed to report;
 * clears an overflow (returned true, the log restarted).
 */
bool amdvi_hw_events(const struct amdvi_unit *u,
		     void (*report)(const u64 rec[2]));

#endif /* _X86_AMD_IOMMU_HW_H */
