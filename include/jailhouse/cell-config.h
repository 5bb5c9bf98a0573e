/* SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause */
/*
 * Stockade / Jailhouse-compatible interface: system and cell configuration.
 *
 * A configuration is a C file defining one packed object `config`; its
 * bytes (objcopy -O binary) are the .cell file that the tools hand to the
 * driver and the hypervisor. Layout: a struct jailhouse_system (system
 * config, embeds the root cell's descriptor) or a struct jailhouse_cell_desc
 * (any other cell), followed by the cell's arrays in this order: CPU bitmap,
 * memory regions, cache regions, irqchips, PIO ranges, PCI devices, PCI
 * capabilities, stream IDs. Every struct is packed and little-endian.
 */
#ifndef _JAILHOUSE_CELL_CONFIG_H
#define _JAILHOUSE_CELL_CONFIG_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define JAILHOUSE_CONFIG_REVISION	14

#define JAILHOUSE_SYSTEM_SIGNATURE	"JHSYS"
#define JAILHOUSE_CELL_DESC_SIGNATURE	"JHCLL"
#define JAILHOUSE_SIGNATURE_LEN		5

/* Values of the architecture byte. */
#define JAILHOUSE_X86			0
#define JAILHOUSE_ARM			1
#define JAILHOUSE_ARM64			2

#define JAILHOUSE_CELL_NAME_MAXLEN	31

/* Cell flags (jailhouse_cell_desc.flags). */
#define JAILHOUSE_CELL_PASSIVE_COMMREG			0x00000001
#define JAILHOUSE_CELL_TEST_DEVICE			0x00000002
#define JAILHOUSE_CELL_AARCH32				0x00000004
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED	0x40000000
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE		0x80000000

#define JAILHOUSE_CELL_KNOWN_FLAGS				\
	(JAILHOUSE_CELL_PASSIVE_COMMREG | JAILHOUSE_CELL_TEST_DEVICE |	\
	 JAILHOUSE_CELL_AARCH32 |					\
	 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |			\
	 JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)

/* An active virtual console is always a permitted one. */
#define JAILHOUSE_CELL_CONSOLE_ACTIVE(flags)				\
	(!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE))
#define JAILHOUSE_CELL_CONSOLE_PERMITTED(flags)				\
	(!!((flags) & (JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |	\
		       JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)))

/*
 * Descriptor of a cell, 132 bytes. `id` is filled in by the driver; the
 * num_* fields give the lengths of the arrays following the descriptor.
 */
struct jailhouse_cell_desc {
	char signature[JAILHOUSE_SIGNATURE_LEN];
	__u8 architecture;
	__u16 revision;

	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u32 id;
	__u32 flags;

	__u32 cpu_set_size;		/* bytes, whole unsigned longs */
	__u32 num_memory_regions;
	__u32 num_cache_regions;
	__u32 num_irqchips;
	__u32 num_pio_regions;
	__u32 num_pci_devices;
	__u32 num_pci_caps;
	__u32 num_stream_ids;

	__u32 vpci_irq_base;

	__u64 cpu_reset_address;
	__u64 msg_reply_timeout;	/* hypervisor time units, 0: default */

	struct jailhouse_console console;
} __attribute__((packed));

/* Memory region flags (jailhouse_memory.flags). */
#define JAILHOUSE_MEM_READ		0x0001
#define JAILHOUSE_MEM_WRITE		0x0002
#define JAILHOUSE_MEM_EXECUTE		0x0004
#define JAILHOUSE_MEM_DMA		0x0008
#define JAILHOUSE_MEM_IO		0x0010
#define JAILHOUSE_MEM_COMM_REGION	0x0020
#define JAILHOUSE_MEM_LOADABLE		0x0040
#define JAILHOUSE_MEM_ROOTSHARED	0x0080
#define JAILHOUSE_MEM_NO_HUGEPAGES	0x0100
#define JAILHOUSE_MEM_IO_UNALIGNED	0x8000
#define JAILHOUSE_MEM_IO_WIDTH_SHIFT	16
#define JAILHOUSE_MEM_IO_8		(1 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_16		(2 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_32		(4 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_64		(8 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)

#define JAILHOUSE_MEM_KNOWN_FLAGS					\
	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |			\
	 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA | JAILHOUSE_MEM_IO |	\
	 JAILHOUSE_MEM_COMM_REGION | JAILHOUSE_MEM_LOADABLE |		\
	 JAILHOUSE_MEM_ROOTSHARED | JAILHOUSE_MEM_NO_HUGEPAGES |	\
	 JAILHOUSE_MEM_IO_UNALIGNED | JAILHOUSE_MEM_IO_8 |		\
	 JAILHOUSE_MEM_IO_16 | JAILHOUSE_MEM_IO_32 | JAILHOUSE_MEM_IO_64)

/* A memory region: guest-physical virt_start maps to phys_start. */
struct jailhouse_memory {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u64 flags;
} __attribute__((packed));

/*
 * Sub-page regions are not mapped but trapped and forwarded access by
 * access (MMIO registers sharing a page with foreign ones).
 */
#define JAILHOUSE_MEMORY_IS_SUBPAGE(mem)				\
	((((mem)->virt_start | (mem)->size) & 0xfff) != 0)

/*
 * The four regions of an ivshmem-net link of 1 MiB at `start`: a
 * read-only state table, an empty read/write section, and one output
 * section per peer, writable only by the peer `dev_id` that owns it.
 */
#define JAILHOUSE_SHMEM_NET_REGIONS(start, dev_id)			\
	{								\
		.phys_start = (start),					\
		.virt_start = (start),					\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,	\
	},								\
	{ 0 },								\
	{								\
		.phys_start = (start) + 0x1000,				\
		.virt_start = (start) + 0x1000,				\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id) == 0 ? JAILHOUSE_MEM_WRITE : 0),	\
	},								\
	{								\
		.phys_start = (start) + 0x80000,			\
		.virt_start = (start) + 0x80000,			\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id) == 1 ? JAILHOUSE_MEM_WRITE : 0),	\
	}

/* Cache partitioning (CAT): type and flags of jailhouse_cache. */
#define JAILHOUSE_CACHE_L3_CODE		0x01
#define JAILHOUSE_CACHE_L3_DATA		0x02
#define JAILHOUSE_CACHE_L3		\
	(JAILHOUSE_CACHE_L3_CODE | JAILHOUSE_CACHE_L3_DATA)

#define JAILHOUSE_CACHE_ROOTSHARED	0x0001

struct jailhouse_cache {
	__u32 start;
	__u32 size;
	__u8 type;
	__u8 padding;
	__u16 flags;
} __attribute__((packed));

/*
 * An interrupt controller the cell may use and the pins it owns:
 * pin_base + n is owned when bit n of pin_bitmap is set.
 */
struct jailhouse_irqchip {
	__u64 address;
	__u32 id;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

/* An x86 I/O port range the cell may access directly. */
struct jailhouse_pio {
	__u16 base;
	__u16 length;
} __attribute__((packed));

#define PIO_RANGE(__base, __length)	\
	{				\
		.base = (__base),	\
		.length = (__length),	\
	}

#define JAILHOUSE_PCI_TYPE_DEVICE	0x01
#define JAILHOUSE_PCI_TYPE_BRIDGE	0x02
#define JAILHOUSE_PCI_TYPE_IVSHMEM	0x03

#define JAILHOUSE_SHMEM_PROTO_UNDEFINED		0x0000
#define JAILHOUSE_SHMEM_PROTO_VETH		0x0001
#define JAILHOUSE_SHMEM_PROTO_CUSTOM		0x4000	/* up to 0x7fff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT	0x8000	/* up to 0xbfff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK	0xc000	/* up to 0xffff */

#define VIRTIO_DEV_NET			1
#define VIRTIO_DEV_BLOCK		2
#define VIRTIO_DEV_CONSOLE		3

/* A PCI device of a cell, 56 bytes. */
struct jailhouse_pci_device {
	__u8 type;			/* JAILHOUSE_PCI_TYPE_* */
	__u8 iommu;			/* index into iommu_units */
	__u16 domain;
	__u16 bdf;
	__u32 bar_mask[6];
	__u16 caps_start;		/* index into the cell's caps array */
	__u16 num_caps;
	__u8 num_msi_vectors;
	__u8 msi_64bits:1;
	__u8 msi_maskable:1;
	__u16 num_msix_vectors;
	__u16 msix_region_size;
	__u64 msix_address;
	__u32 shmem_regions_start;	/* ivshmem: first of its memory regions */
	__u8 shmem_dev_id;
	__u8 shmem_peers;
	__u16 shmem_protocol;
} __attribute__((packed));

#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX			\
	{						\
		0xfffff000, 0x00000000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX			\
	{						\
		0xfffff000, 0xfffff000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}
#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX_64K		\
	{						\
		0xffff0000, 0x00000000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX_64K		\
	{						\
		0xffff0000, 0xffff0000, 0x00000000,	\
		0x00000000, 0x00000000, 0x00000000,	\
	}

/* Capability ids are standard; extended ones carry this bit. */
#define JAILHOUSE_PCI_EXT_CAP		0x8000
/* The cell may write the capability (else writes are ignored). */
#define JAILHOUSE_PCICAPS_WRITE		0x0001

/* A PCI capability of a device whose accesses the hypervisor filters. */
struct jailhouse_pci_capability {
	__u16 id;
	__u16 start;
	__u16 len;
	__u16 flags;
} __attribute__((packed));

#define JAILHOUSE_APIC_MODE_AUTO	0
#define JAILHOUSE_APIC_MODE_XAPIC	1
#define JAILHOUSE_APIC_MODE_X2APIC	2

#define JAILHOUSE_MAX_IOMMU_UNITS	8

#define JAILHOUSE_IOMMU_AMD		1
#define JAILHOUSE_IOMMU_INTEL		2
#define JAILHOUSE_IOMMU_SMMUV3		3
#define JAILHOUSE_IOMMU_PVU		4
#define JAILHOUSE_IOMMU_ARM_MMU500	5

/* An IOMMU of the platform, 28 bytes. */
struct jailhouse_iommu {
	__u32 type;
	__u64 base;
	__u32 size;
	union {
		struct {
			__u16 bdf;
			__u8 base_cap;
			__u8 msi_cap;
			__u32 features;
		} __attribute__((packed)) amd;
		struct {
			__u64 tlb_base;
			__u32 tlb_size;
		} __attribute__((packed)) tipvu;
	};
} __attribute__((packed));

/* A DMA master id behind an IOMMU (ARM SMMU). */
union jailhouse_stream_id {
	__u32 id;
	struct {
		__u16 id;
		__u16 mask_out;
	} __attribute__((packed)) mmu500;
} __attribute__((packed));

/* System flags (jailhouse_system.flags). */
#define JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE	0x0001

#define JAILHOUSE_SYS_KNOWN_FLAGS	JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE

/*
 * The system config, 488 bytes, followed by the root cell's arrays.
 * platform_info ends with an architecture-specific part.
 */
struct jailhouse_system {
	char signature[JAILHOUSE_SIGNATURE_LEN];
	__u8 architecture;
	__u16 revision;
	__u32 flags;

	/* Where the hypervisor runs; Linux must keep its hands off it. */
	struct jailhouse_memory hypervisor_memory;
	struct jailhouse_console debug_console;
	struct {
		__u64 pci_mmconfig_base;
		__u8 pci_mmconfig_end_bus;
		__u8 pci_is_virtual;
		__u16 pci_domain;
		struct jailhouse_iommu iommu_units[JAILHOUSE_MAX_IOMMU_UNITS];
		union {
			struct {
				__u16 pm_timer_address;
				__u8 apic_mode;
				__u8 padding;
				__u32 vtd_interrupt_limit;
				__u32 tsc_khz;
				__u32 apic_khz;
			} __attribute__((packed)) x86;
			struct {
				__u8 maintenance_irq;
				__u8 gic_version;
				__u8 padding[2];
				__u64 gicd_base;
				__u64 gicc_base;
				__u64 gich_base;
				__u64 gicv_base;
				__u64 gicr_base;
			} __attribute__((packed)) arm;
		} __attribute__((packed));
	} __attribute__((packed)) platform_info;
	struct jailhouse_cell_desc root_cell;
} __attribute__((packed));

/*
 * Walking a config: the arrays follow the descriptor back to back. These
 * helpers only do arithmetic; callers check sizes against the buffer.
 */
static inline __u64
jailhouse_cell_config_size(const struct jailhouse_cell_desc *cell)
{
	return sizeof(struct jailhouse_cell_desc) + cell->cpu_set_size +
		(__u64)cell->num_memory_regions *
			sizeof(struct jailhouse_memory) +
		(__u64)cell->num_cache_regions *
			sizeof(struct jailhouse_cache) +
		(__u64)cell->num_irqchips * sizeof(struct jailhouse_irqchip) +
		(__u64)cell->num_pio_regions * sizeof(struct jailhouse_pio) +
		(__u64)cell->num_pci_devices *
			sizeof(struct jailhouse_pci_device) +
		(__u64)cell->num_pci_caps *
			sizeof(struct jailhouse_pci_capability) +
		(__u64)cell->num_stream_ids *
			sizeof(union jailhouse_stream_id);
}

static inline __u64
jailhouse_system_config_size(const struct jailhouse_system *system)
{
	return sizeof(*system) - sizeof(system->root_cell) +
		jailhouse_cell_config_size(&system->root_cell);
}

static inline const unsigned long *
jailhouse_cell_cpu_set(const struct jailhouse_cell_desc *cell)
{
	return (const unsigned long *)((const char *)cell + sizeof(*cell));
}

static inline const struct jailhouse_memory *
jailhouse_cell_mem_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_memory *)
		((const char *)jailhouse_cell_cpu_set(cell) +
		 cell->cpu_set_size);
}

static inline const struct jailhouse_cache *
jailhouse_cell_cache_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_cache *)
		(jailhouse_cell_mem_regions(cell) + cell->num_memory_regions);
}

static inline const struct jailhouse_irqchip *
jailhouse_cell_irqchips(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_irqchip *)
		(jailhouse_cell_cache_regions(cell) + cell->num_cache_regions);
}

static inline const struct jailhouse_pio *
jailhouse_cell_pio(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pio *)
		(jailhouse_cell_irqchips(cell) + cell->num_irqchips);
}

static inline const struct jailhouse_pci_device *
jailhouse_cell_pci_devices(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_device *)
		(jailhouse_cell_pio(cell) + cell->num_pio_regions);
}

static inline const struct jailhouse_pci_capability *
jailhouse_cell_pci_caps(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_capability *)
		(jailhouse_cell_pci_devices(cell) + cell->num_pci_devices);
}

static inline const union jailhouse_stream_id *
jailhouse_cell_stream_ids(const struct jailhouse_cell_desc *cell)
{
	return (const union jailhouse_stream_id *)
		(jailhouse_cell_pci_caps(cell) + cell->num_pci_caps);
}

/*
 * Standard PCI capability ids, for the caps arrays of configs. The kernel
 * has its own (unflagged) definitions, so they are left out there.
 */
#ifndef __KERNEL__
#define PCI_CAP_ID_PM			0x01
#define PCI_CAP_ID_AGP			0x02
#define PCI_CAP_ID_VPD			0x03
#define PCI_CAP_ID_SLOTID		0x04
#define PCI_CAP_ID_MSI			0x05
#define PCI_CAP_ID_CHSWP		0x06
#define PCI_CAP_ID_PCIX			0x07
#define PCI_CAP_ID_HT			0x08
#define PCI_CAP_ID_VNDR			0x09
#define PCI_CAP_ID_DBG			0x0a
#define PCI_CAP_ID_CCRC			0x0b
#define PCI_CAP_ID_SHPC			0x0c
#define PCI_CAP_ID_SSVID		0x0d
#define PCI_CAP_ID_AGP3			0x0e
#define PCI_CAP_ID_SECDEV		0x0f
#define PCI_CAP_ID_EXP			0x10
#define PCI_CAP_ID_MSIX			0x11
#define PCI_CAP_ID_SATA			0x12
#define PCI_CAP_ID_AF			0x13
#define PCI_CAP_ID_EA			0x14

#define PCI_EXT_CAP_ID_ERR		(JAILHOUSE_PCI_EXT_CAP | 0x01)
#define PCI_EXT_CAP_ID_VC		(JAILHOUSE_PCI_EXT_CAP | 0x02)
#define PCI_EXT_CAP_ID_DSN		(JAILHOUSE_PCI_EXT_CAP | 0x03)
#define PCI_EXT_CAP_ID_PWR		(JAILHOUSE_PCI_EXT_CAP | 0x04)
#define PCI_EXT_CAP_ID_RCLD		(JAILHOUSE_PCI_EXT_CAP | 0x05)
#define PCI_EXT_CAP_ID_RCILC		(JAILHOUSE_PCI_EXT_CAP | 0x06)
#define PCI_EXT_CAP_ID_RCEC		(JAILHOUSE_PCI_EXT_CAP | 0x07)
#define PCI_EXT_CAP_ID_MFVC		(JAILHOUSE_PCI_EXT_CAP | 0x08)
#define PCI_EXT_CAP_ID_VC9		(JAILHOUSE_PCI_EXT_CAP | 0x09)
#define PCI_EXT_CAP_ID_RCRB		(JAILHOUSE_PCI_EXT_CAP | 0x0a)
#define PCI_EXT_CAP_ID_VNDR		(JAILHOUSE_PCI_EXT_CAP | 0x0b)
#define PCI_EXT_CAP_ID_CAC		(JAILHOUSE_PCI_EXT_CAP | 0x0c)
#define PCI_EXT_CAP_ID_ACS		(JAILHOUSE_PCI_EXT_CAP | 0x0d)
#define PCI_EXT_CAP_ID_ARI		(JAILHOUSE_PCI_EXT_CAP | 0x0e)
#define PCI_EXT_CAP_ID_ATS		(JAILHOUSE_PCI_EXT_CAP | 0x0f)
#define PCI_EXT_CAP_ID_SRIOV		(JAILHOUSE_PCI_EXT_CAP | 0x10)
#define PCI_EXT_CAP_ID_MRIOV		(JAILHOUSE_PCI_EXT_CAP | 0x11)
#define PCI_EXT_CAP_ID_MCAST		(JAILHOUSE_PCI_EXT_CAP | 0x12)
#define PCI_EXT_CAP_ID_PRI		(JAILHOUSE_PCI_EXT_CAP | 0x13)
#define PCI_EXT_CAP_ID_AMD_XXX		(JAILHOUSE_PCI_EXT_CAP | 0x14)
#define PCI_EXT_CAP_ID_REBAR		(JAILHOUSE_PCI_EXT_CAP | 0x15)
#define PCI_EXT_CAP_ID_DPA		(JAILHOUSE_PCI_EXT_CAP | 0x16)
#define PCI_EXT_CAP_ID_TPH		(JAILHOUSE_PCI_EXT_CAP | 0x17)
#define PCI_EXT_CAP_ID_LTR		(JAILHOUSE_PCI_EXT_CAP | 0x18)
#define PCI_EXT_CAP_ID_SECPCI		(JAILHOUSE_PCI_EXT_CAP | 0x19)
#define PCI_EXT_CAP_ID_PMUX		(JAILHOUSE_PCI_EXT_CAP | 0x1a)
#define PCI_EXT_CAP_ID_PASID		(JAILHOUSE_PCI_EXT_CAP | 0x1b)
#define PCI_EXT_CAP_ID_DPC		(JAILHOUSE_PCI_EXT_CAP | 0x1d)
#define PCI_EXT_CAP_ID_L1SS		(JAILHOUSE_PCI_EXT_CAP | 0x1e)
#define PCI_EXT_CAP_ID_PTM		(JAILHOUSE_PCI_EXT_CAP | 0x1f)
#endif /* !__KERNEL__ */

#endif /* !_JAILHOUSE_CELL_CONFIG_H */
