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
/*
 * Interrupt half (third quadword): IV, the table's length as a power of
 * two (IntTabLen), its root (IntTableRootPtr, 64-byte aligned), the pass
 * bits for INIT, ExtINT, NMI, LINT0 and LINT1 messages and IntCtl, what
 * becomes of fixed and arbitrated ones (2: remapped through the table).
 */
#define AMDVI_DTE_IV		BIT_ULL(0)
#define AMDVI_DTE_INTTABLEN_SHIFT	1
#define AMDVI_DTE_INTTAB_MASK	GENMASK_ULL(51, 6)
#define AMDVI_DTE_INTCTL_SHIFT	60
#define AMDVI_DTE_INTCTL_REMAP	2ULL

/*
 * 32-bit interrupt remapping table entries (guest virtual APIC off): the
 * message's data bits 10:0 select one. Bits 10:8 are also the message's
 * delivery mode, which must be fixed (0) or arbitrated (1) for the entry
 * to be used at all, so only the first 256 entries serve a device's
 * vectors. The table has all 2048 entries: a device's own writes to the
 * interrupt range can select any of them.
 */
#define AMDVI_IRT_ENTRIES	2048
#define AMDVI_IRT_LEN_LOG2	11
#define AMDVI_IRT_PAGES		(AMDVI_IRT_ENTRIES * 4 / 4096)
#define AMDVI_IRT_USABLE	256

/* Commands are 128 bits, the opcode in bits 63:60. */
#define AMDVI_CMD_QWORDS		2
#define AMDVI_CMD_OP_SHIFT		60
#define AMDVI_CMD_COMPLETION_WAIT	0x1ULL
#define AMDVI_CMD_INV_DEVTAB_ENTRY	0x2ULL
#define AMDVI_CMD_INV_IOMMU_PAGES	0x3ULL
#define AMDVI_CMD_INV_INT_TABLE		0x5ULL
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
/*
 * The interrupt half of a cell's device's entry: fixed and arbitrated
 * messages go through the table at table_phys (AMDVI_IRT_ENTRIES
 * entries); INIT, ExtINT, NMI, LINT0 and LINT1 messages do not pass
 * (pass bits clear), SMIs neither (SysMgt, in the second quadword, stays
 * 00b: aborted; QEMU drops them). The only place that sets interrupt
 * bits of an entry.
 */
void amdvi_dte_remap_interrupts(u64 dte[AMDVI_DTE_QWORDS], u64 table_phys);

/*
 * Entry sending what the plain (compatibility format) message would:
 * its vector, to its 8-bit destination, physical or logical, fixed or
 * lowest priority (arbitrated). The caller has checked the message.
 */
u32 amdvi_irte_for_msi(u64 address, u32 data);
/* The message that makes the device use entry index of its table. */
void amdvi_msi_select(u16 index, u64 *address, u32 *data);

/* COMPLETION_WAIT storing data at store_phys (8-byte aligned). */
void amdvi_cmd_completion_wait(u64 cmd[AMDVI_CMD_QWORDS], u64 store_phys,
			       u64 data);
void amdvi_cmd_inv_devtab_entry(u64 cmd[AMDVI_CMD_QWORDS], u16 bdf);
/* Every cached translation of the domain, table entries included. */
void amdvi_cmd_inv_domain(u64 cmd[AMDVI_CMD_QWORDS], u16 domain);
/* The unit's cached entries of bdf's interrupt table. */
void amdvi_cmd_inv_int_table(u64 cmd[AMDVI_CMD_QWORDS], u16 bdf);

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
