/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AMD I/O Virtualization Technology (AMD-Vi, IOMMU spec rev. 3): device
 * table entries (amd_iommu_dte.c), the command encodings the hypervisor
 * queues (amd_iommu_cmd.c) and the event log records it reads
 * (amd_iommu_event.c); the unit is amd_iommu.c, its register sequences
 * amd_iommu_hw.c (x86/amd_iommu_hw.h). Kept apart so they can be tested.
 */
#ifndef _X86_AMD_IOMMU_H
#define _X86_AMD_IOMMU_H

#include <core/types.h>

/* A device table entry is 256 bits; one per DeviceID (BDF). */
#define AMDVI_DTE_QWORDS	4
#define AMDVI_DTE_V		BIT_ULL(0)
#define AMDVI_DTE_TV		BIT_ULL(1)
#define AMDVI_DTE_MODE_SHIFT	9
#define AMDVI_DTE_MODE_MASK	(7ULL << AMDVI_DTE_MODE_SHIFT)
#define AMDVI_DTE_ROOT_MASK	GENMASK_ULL(51, 12)
#define AMDVI_DTE_IR		BIT_ULL(61)
#define AMDVI_DTE_IW		BIT_ULL(62)
#define AMDVI_DTE_DOMAIN_MASK	0xffffULL

/* Commands are 128 bits, the opcode in bits 63:60. */
#define AMDVI_CMD_QWORDS		2
#define AMDVI_CMD_OP_SHIFT		60
#define AMDVI_CMD_COMPLETION_WAIT	0x1ULL
#define AMDVI_CMD_INV_DEVTAB_ENTRY	0x2ULL
#define AMDVI_CMD_INV_IOMMU_PAGES	0x3ULL
#define AMDVI_CMD_CW_STORE		BIT_ULL(0)
#define AMDVI_CMD_PAGES_S		BIT_ULL(0)
#define AMDVI_CMD_PAGES_PDE		BIT_ULL(1)
/* With S set, this address means every page of the domain. */
#define AMDVI_CMD_PAGES_ALL		0x7ffffffffffff000ULL

/* Event log records are 128 bits: DeviceID, code and flags, address. */
#define AMDVI_EVENT_QWORDS		2
#define AMDVI_EVENT_ILLEGAL_DTE		0x1
#define AMDVI_EVENT_IO_PAGE_FAULT	0x2

struct amdvi_event {
	u16 bdf;
	u8 code;
	bool is_write;
	u64 address;
};

/*
 * Entry of a device the cell's 4-level tables at root_phys translate,
 * reads and writes as the tables grant them.
 */
void amdvi_dte_translate(u64 dte[AMDVI_DTE_QWORDS], u64 root_phys,
			 u16 domain);
/*
 * Entry of a device no cell owns: valid, so the unit does not let its
 * DMA pass untranslated (which a cleared entry would), without
 * translation and without permissions, so every access is refused.
 */
void amdvi_dte_block(u64 dte[AMDVI_DTE_QWORDS]);

/* COMPLETION_WAIT storing data at store_phys (8-byte aligned). */
void amdvi_cmd_completion_wait(u64 cmd[AMDVI_CMD_QWORDS], u64 store_phys,
			       u64 data);
void amdvi_cmd_inv_devtab_entry(u64 cmd[AMDVI_CMD_QWORDS], u16 bdf);
/* Every cached translation of the domain, table entries included. */
void amdvi_cmd_inv_domain(u64 cmd[AMDVI_CMD_QWORDS], u16 domain);

/* The record's fields; false for an empty (all-zero) slot. */
bool amdvi_event_decode(const u64 rec[AMDVI_EVENT_QWORDS],
			struct amdvi_event *ev);
/* What the record's code means for a device of a cell, or "". */
const char *amdvi_event_reason(u8 code);

/*
 * Size field of the device table base register (4 KiB pages minus one)
 * for DeviceIDs 0 to last_bdf, and the pages that takes.
 */
unsigned int amdvi_devtab_pages(u16 last_bdf);

#endif /* _X86_AMD_IOMMU_H */
