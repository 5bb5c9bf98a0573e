/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VT-d interrupt remapping table entries (IRTEs, 128 bits, VT-d spec
 * rev. 3, 9.10) and the remappable MSI format that selects one: the
 * checks a guest-written entry passes before the hypervisor copies it
 * into its own table, and the entries it builds itself (vtd_irte.c).
 * No hardware access: host unit tests exercise all of it.
 */
#ifndef _X86_VTD_IRTE_H
#define _X86_VTD_IRTE_H

#include <core/types.h>

#define VTD_IRTE_P		BIT_ULL(0)
#define VTD_IRTE_FPD		BIT_ULL(1)
#define VTD_IRTE_DM_LOGICAL	BIT_ULL(2)
#define VTD_IRTE_RH		BIT_ULL(3)
#define VTD_IRTE_TM		BIT_ULL(4)
#define VTD_IRTE_DLM_SHIFT	5
#define VTD_IRTE_DLM_MASK	0x7ULL
#define VTD_IRTE_IM_POSTED	BIT_ULL(15)
#define VTD_IRTE_VECTOR_SHIFT	16
#define VTD_IRTE_VECTOR_MASK	0xffULL
#define VTD_IRTE_DEST_SHIFT	32
/* Bits 11:8 are the software's own (AVAIL): ignored, never copied. */
#define VTD_IRTE_LO_KNOWN	(VTD_IRTE_P | VTD_IRTE_FPD | \
				 VTD_IRTE_DM_LOGICAL | VTD_IRTE_RH | \
				 VTD_IRTE_TM | (VTD_IRTE_DLM_MASK << 5) | \
				 (VTD_IRTE_VECTOR_MASK << 16) | \
				 (0xffffffffULL << 32))
#define VTD_IRTE_LO_AVAIL	(0xfULL << 8)

#define VTD_IRTE_SID_MASK	0xffffULL
#define VTD_IRTE_SQ_SHIFT	16
#define VTD_IRTE_SQ_MASK	0x3ULL
#define VTD_IRTE_SVT_SHIFT	18
#define VTD_IRTE_SVT_MASK	0x3ULL
/* Source validation: none, by requester id (SID, SQ), by bus range. */
#define VTD_SVT_NONE		0
#define VTD_SVT_RID		1
#define VTD_SVT_BUS		2

#define VTD_DLM_FIXED		0
#define VTD_DLM_LOWEST		1

/* The remappable MSI address: bit 4 set, handle in bits 19:5 and 2. */
#define VTD_MSI_BASE		0xfee00000ULL
#define VTD_MSI_REMAPPABLE	BIT_ULL(4)
#define VTD_MSI_SHV		BIT_ULL(3)
#define VTD_MSI_HANDLE_SHIFT	5
#define VTD_MSI_HANDLE15	BIT_ULL(2)

/*
 * An IOAPIC redirection entry in remappable format (VT-d 5.1.5.1): the
 * vector (kept for the EOI), polarity, trigger mode and mask stay where
 * the compatibility format has them; bit 48 and the handle in bits
 * 63:49 and 11 replace destination and delivery mode.
 */
#define VTD_RTE_POLARITY_LOW	BIT(13)
#define VTD_RTE_LEVEL		BIT(15)
#define VTD_RTE_MASKED		BIT(16)
#define VTD_RTE_HANDLE15	BIT(11)
#define VTD_RTE_HI_REMAPPABLE	BIT(16)
#define VTD_RTE_HI_HANDLE_SHIFT	17

struct vtd_irte {
	u64 lo;
	u64 hi;
};

/* What a cell's entries may name; ctx is passed through. */
struct vtd_irte_rules {
	/* dest: an x2APIC ID, or cluster << 16 | member bits if logical. */
	bool (*dest_ok)(const void *ctx, bool logical, u32 dest);
	/* A requester id the cell's interrupts may come from. */
	bool (*sid_ok)(const void *ctx, u16 sid);
	const void *ctx;
};

/*
 * Check a guest's entry and give the one the hypervisor installs: a
 * present entry needs fixed or lowest-priority delivery, a vector of
 * 16-255, remapped (not posted) format, requester-id validation of a
 * source rules->sid_ok accepts and a destination rules->dest_ok
 * accepts. A non-present entry gives the zero entry. 0, or -EPERM with
 * *why naming the first problem (the zero entry in *out then).
 */
int vtd_irte_check(const struct vtd_irte *in, const struct vtd_irte_rules *r,
		   struct vtd_irte *out, const char **why);

/*
 * The entry for an MSI the hypervisor remaps for a cell's device sid:
 * the message's destination, vector and delivery mode, checked by the
 * caller; only sid may use it.
 */
struct vtd_irte vtd_irte_make(u32 dest, bool logical, u8 vector, bool lowest,
			      u16 sid);

/* Address and data of a remappable MSI that selects entry handle. */
void vtd_msi_remappable(u16 handle, u64 *address, u32 *data);

/*
 * The IOAPIC entry that selects entry handle for the unmasked
 * compatibility-format entry *lo, *hi: vector, polarity and trigger mode
 * kept.
 */
void vtd_ioapic_remappable(u16 handle, u32 *lo, u32 *hi);
/* The handle a remappable IOAPIC entry selects. */
unsigned int vtd_ioapic_handle(u32 lo, u32 hi);

/*
 * The entry a remappable MSI (address and data) selects: its handle, plus
 * the data's subhandle where the address says so (SHV).
 */
unsigned long vtd_msi_entry(u64 address, u32 data);

#endif /* _X86_VTD_IRTE_H */
