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

struct cell;

#define VTD_REG_CAP		0x08
#define VTD_REG_ECAP		0x10
#define VTD_REG_GCMD		0x18
#define VTD_REG_GSTS		0x1c
#define VTD_REG_RTADDR		0x20
#define VTD_REG_CCMD		0x28
#define VTD_REG_FSTS		0x34
#define VTD_REG_FECTL		0x38
#define VTD_REG_FEDATA		0x3c
#define VTD_REG_FEADDR		0x40
#define VTD_REG_FEUADDR		0x44
#define VTD_REG_IQH		0x80
#define VTD_REG_IQT		0x88
#define VTD_REG_IQA		0x90
#define VTD_REG_ICS		0x9c
#define VTD_REG_IECTL		0xa0
#define VTD_REG_IEUADDR		0xac
#define VTD_REG_IRTA		0xb8

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
#define VTD_GCMD_SIRTP		BIT(24)
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
#define VTD_FSTS_IQE		BIT(4)
#define VTD_FECTL_IM		BIT(31)
/* Fault event message: NMI delivery, physical destination. */
#define VTD_FEDATA_NMI		(4 << 8)
#define VTD_FEADDR_BASE		0xfee00000U

/* Queue registers: 128-bit descriptors, index in bits 18:4. */
#define VTD_IQ_INDEX_SHIFT	4
#define VTD_IQ_INDEX_MASK	0x7fffULL
#define VTD_IQA_ADDR		GENMASK_ULL(63, 12)
#define VTD_IQA_DW256		BIT_ULL(11)
#define VTD_IQA_QS_MASK		0x7ULL
#define VTD_ICS_IWC		BIT(0)
#define VTD_IRTA_ADDR		GENMASK_ULL(63, 12)
#define VTD_IRTA_EIME		BIT_ULL(11)
#define VTD_IRTA_S_MASK		0xfULL

/* Invalidation descriptors (low half: type in bits 3:0). */
#define VTD_QI_TYPE_MASK	0xfULL
#define VTD_QI_CONTEXT		0x1ULL
#define VTD_QI_IOTLB		0x2ULL
#define VTD_QI_IEC		0x4ULL
#define VTD_QI_WAIT		0x5ULL
#define VTD_QI_GLOBAL		(1ULL << 4)
#define VTD_QI_IOTLB_DR		BIT_ULL(7)
#define VTD_QI_IOTLB_DW		BIT_ULL(6)
#define VTD_QI_IEC_INDEXED	BIT_ULL(4)
#define VTD_QI_IEC_IM_SHIFT	27
#define VTD_QI_IEC_IM_MASK	0x1fULL
#define VTD_QI_IEC_IDX_SHIFT	32
#define VTD_QI_WAIT_IF		BIT_ULL(4)
#define VTD_QI_WAIT_SW		BIT_ULL(5)
#define VTD_QI_WAIT_DATA_SHIFT	32

struct vtd_ir;
struct vtd_irte;

/* One unit as the hypervisor drives it. */
struct vtd_unit {
	u64 base;
	u8 *regs;
	unsigned long pages;
	u64 cap;
	u64 ecap;
	/* Offsets of the fault records and the IOTLB registers. */
	unsigned int fro;
	unsigned int nfr;
	unsigned int iro;
	/* The hypervisor's invalidation queue, while it runs one. */
	u64 *queue;
	unsigned int queue_tail;
	volatile u32 *queue_status;
	/* Interrupt remapping Linux had on, while the hypervisor has it. */
	struct vtd_ir *ir;
};

static inline u32 vtd_read32(const struct vtd_unit *u, unsigned int reg)
{
	return *(volatile u32 *)(u->regs + reg);
}

static inline u64 vtd_read64(const struct vtd_unit *u, unsigned int reg)
{
	return *(volatile u64 *)(u->regs + reg);
}

static inline void vtd_write32(const struct vtd_unit *u, unsigned int reg,
			       u32 value)
{
	*(volatile u32 *)(u->regs + reg) = value;
}

static inline void vtd_write64(const struct vtd_unit *u, unsigned int reg,
			       u64 value)
{
	*(volatile u64 *)(u->regs + reg) = value;
}

/* vtd.c: switch a persistent function (TE, QIE, IRE) on or off. */
int vtd_set_function(const struct vtd_unit *u, u32 bit, bool on);
/* vtd.c: a one-shot command (SRTP, SIRTP: done when its status is set). */
int vtd_command(const struct vtd_unit *u, u32 bit, bool done_set);

/*
 * vtd_qi.c: the hypervisor's invalidation queue. Start points the unit
 * at a queue of its own (QIE off first: the one it had is drained);
 * stop switches queued invalidation off and frees it. The invalidations
 * return once the unit has done them (-EIO if it does not).
 */
int vtd_qi_start(struct vtd_unit *u);
void vtd_qi_stop(struct vtd_unit *u);
/* Context caches, IOTLB and interrupt entry cache, all of them. */
int vtd_qi_invalidate_all(struct vtd_unit *u);
/* The interrupt entry cache alone. */
int vtd_qi_flush_iec(struct vtd_unit *u);

/*
 * vtd_ir.c: interrupt remapping that Linux has on at enable. Take
 * replaces its table by the hypervisor's (checked copies of Linux's
 * entries) and its queue by the hypervisor's; from then on the root
 * cell's register accesses are emulated (vtd_ir_cell_init registers
 * them). Hand back restores Linux's table and queue as Linux left them.
 * Resync rechecks Linux's entries after devices changed owner or
 * before the CPUs of coming (NULL: none) leave the root cell.
 */
int vtd_ir_take(struct vtd_unit *u);
void vtd_ir_hand_back(struct vtd_unit *u);
int vtd_ir_cell_init(struct vtd_unit *u, struct cell *cell);
void vtd_ir_resync(struct vtd_unit *u, const struct cell *coming);
/*
 * A cell's MSI or MSI-X vector under the units of the array with
 * remapping on: an entry for its device bdf and that vector
 * (arch_msi_remap). Likewise an IOAPIC pin of a cell: an entry for the
 * IOAPIC sid and that pin (iommu_dma.ioapic_remap). Cell exit drops the
 * cell's entries.
 */
int vtd_ir_msi_remap(struct vtd_unit *units, unsigned int num,
		     const struct cell *cell, u16 bdf, unsigned int vector,
		     u64 *address, u32 *data);
int vtd_ir_ioapic_remap(struct vtd_unit *units, unsigned int num,
			const struct cell *cell, u16 sid, unsigned int pin,
			u32 dest, u32 *lo, u32 *hi);
void vtd_ir_cell_exit(struct vtd_unit *units, unsigned int num,
		      const struct cell *cell);
/*
 * The root cell's checked entry that a remappable message of the core's
 * device models selects, in the first unit of the array with remapping
 * on; false unless one is present.
 */
bool vtd_ir_root_entry(struct vtd_unit *units, unsigned int num,
		       u64 address, u32 data, struct vtd_irte *e);

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

/*
 * Point the units' fault event at a root CPU that the cell coming (NULL
 * if none) does not take, and unmask it (vtd_fault_event.c).
 */
void vtd_fault_event_aim(const struct vtd_unit *units, unsigned int num,
			 const struct cell *coming);

#endif /* _X86_VTD_H */
