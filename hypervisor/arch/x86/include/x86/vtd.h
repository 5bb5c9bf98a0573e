/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel VT-d (Intel Virtualization Technology for Directed I/O, rev. 3):
 * the register layout the hypervisor uses, the root and context tables
 * (vtd_tables.c) and the decoding of fault records (vtd_fault.c). The
 * unit itself is vtd.c.
 */
#ifndef _X86_VTD_H
#define _X86_VTD_H

#include <core/page_pool.h>
#include <core/types.h>

#define VTD_REG_CAP		0x08
#define VTD_REG_ECAP		0x10
#define VTD_REG_GCMD		0x18
#define VTD_REG_GSTS		0x1c
#define VTD_REG_RTADDR		0x20
#define VTD_REG_CCMD		0x28
#define VTD_REG_FSTS		0x34
#define VTD_REG_FECTL		0x38

#define VTD_CAP_ND_MASK		0x7ULL
#define VTD_CAP_RWBF		BIT_ULL(4)
#define VTD_CAP_SAGAW_39	BIT_ULL(9)
#define VTD_CAP_SAGAW_48	BIT_ULL(10)
#define VTD_CAP_FRO_SHIFT	24
#define VTD_CAP_FRO_MASK	0x3ffULL
#define VTD_CAP_SLLPS_2M	BIT_ULL(34)
#define VTD_CAP_SLLPS_1G	BIT_ULL(35)
#define VTD_CAP_NFR_SHIFT	40
#define VTD_CAP_NFR_MASK	0xffULL

#define VTD_ECAP_C		BIT_ULL(0)
#define VTD_ECAP_QI		BIT_ULL(1)
#define VTD_ECAP_IR		BIT_ULL(3)
#define VTD_ECAP_EIM		BIT_ULL(4)
#define VTD_ECAP_IRO_SHIFT	8
#define VTD_ECAP_IRO_MASK	0x3ffULL

/* Bits of GCMD and the same positions in GSTS. */
#define VTD_GCMD_TE		BIT(31)
#define VTD_GCMD_SRTP		BIT(30)
#define VTD_GCMD_WBF		BIT(27)
#define VTD_GCMD_QIE		BIT(26)
#define VTD_GCMD_IRE		BIT(25)
#define VTD_GCMD_CFI		BIT(23)
/* Status bits that stay set (the others report one-shot commands). */
#define VTD_GSTS_PERSISTENT	(VTD_GCMD_TE | VTD_GCMD_QIE | VTD_GCMD_IRE | \
				 VTD_GCMD_CFI)

#define VTD_CCMD_ICC		BIT_ULL(63)
#define VTD_CCMD_GLOBAL		(1ULL << 61)
/* The IOTLB register is at the unit's IRO offset + 8. */
#define VTD_IOTLB_IVT		BIT_ULL(63)
#define VTD_IOTLB_GLOBAL	(1ULL << 60)
#define VTD_IOTLB_DR		BIT_ULL(49)
#define VTD_IOTLB_DW		BIT_ULL(48)

#define VTD_FSTS_PFO		BIT(0)
#define VTD_FSTS_PPF		BIT(1)
#define VTD_FSTS_FRI_SHIFT	8
#define VTD_FSTS_FRI_MASK	0xff
#define VTD_FECTL_IM		BIT(31)

/* A fault record is 16 bytes; F is bit 127, to clear by writing 1. */
#define VTD_FRCD_SIZE		16
#define VTD_FRCD_HI_F		BIT_ULL(63)

/* Address widths of context entries (AW) and their table depth. */
#define VTD_AW_39		1
#define VTD_AW_48		2

/* One root table for every unit; context tables per bus on demand. */
struct vtd_tables {
	struct page_pool *pool;
	u64 *root;
};

int vtd_tables_init(struct vtd_tables *t, struct page_pool *pool);
u64 vtd_tables_root_phys(const struct vtd_tables *t);
/*
 * Point bdf at second-level tables slptr, domain did, address width aw:
 * the entry is written not present first, then high half, then low half
 * with the present bit, so that a walker never sees a mix. The caller
 * invalidates the context cache afterwards. -ENOMEM when the bus has no
 * context table yet and none can be allocated.
 */
int vtd_tables_set(struct vtd_tables *t, u16 bdf, u64 slptr, u16 did,
		   u8 aw);
/* bdf's entry not present: its DMA faults. */
void vtd_tables_clear(struct vtd_tables *t, u16 bdf);
/* Free every table. */
void vtd_tables_destroy(struct vtd_tables *t);
/* The two halves of bdf's context entry; zero without a table. */
void vtd_tables_entry(const struct vtd_tables *t, u16 bdf, u64 entry[2]);

/* A fault record, decoded. */
struct vtd_fault {
	u16 bdf;
	bool is_write;
	u8 reason;
	u64 address;
};

/* Decode the two halves of a record; false if F is not set. */
bool vtd_fault_decode(u64 lo, u64 hi, struct vtd_fault *f);
/* Short text for a fault reason, "" if none known. */
const char *vtd_fault_reason(u8 reason);

#endif /* _X86_VTD_H */
