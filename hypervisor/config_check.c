// SPDX-License-Identifier: GPL-2.0
/*
 * Structural checks of configs: identity (signature, revision,
 * architecture), that the arrays fit the bytes given, and that memory
 * regions are aligned, do not wrap and do not overlap, that no region
 * covers a device the hypervisor keeps for itself (interrupt controllers,
 * PCI config space, IOMMUs) and that memory lies within the physical
 * address width. Whether a cell's resources are free in the root cell is
 * decided when the cell is created, not here.
 */
#include <core/config_check.h>
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/printk.h>
#include <core/sort.h>
#include <core/spinlock.h>
#include <core/string.h>

#define REJECT(fmt, ...)						\
	({								\
		printk("config: " fmt "\n", ##__VA_ARGS__);		\
		-EINVAL;						\
	})

/* Frame sizes the hardware defines; the config gives only the bases. */
#define XAPIC_BASE		0xfee00000ULL
#define XAPIC_SIZE		0x1000ULL
#define IOAPIC_SIZE		0x1000ULL
#define GICD_SIZE		0x10000ULL
#define GICC_SIZE		0x2000ULL
#define GICH_SIZE		0x2000ULL
#define GICV_SIZE		0x2000ULL
/* GICv3: RD_base and SGI_base frames per CPU. */
#define GICR_SIZE_PER_CPU	0x20000ULL

static bool ranges_overlap(u64 a, u64 a_size, u64 b, u64 b_size)
{
	return a_size && b_size && a < b + b_size && b < a + a_size;
}

/*
 * Widest physical address each architecture can have (x86-64 and
 * AArch64 with 52-bit PAs; ARMv7 LPAE 40 bits). Beyond it, page tables
 * would silently truncate the address.
 */
static u64 phys_limit(u8 arch)
{
	return arch == JAILHOUSE_ARM ? 1ULL << 40 : 1ULL << 52;
}

static int check_identity(const char *signature, const char *expected,
			  u8 architecture, u16 revision, u8 arch)
{
	if (memcmp(signature, expected, JAILHOUSE_SIGNATURE_LEN) != 0)
		return REJECT("bad signature, expected %s", expected);
	if (revision != JAILHOUSE_CONFIG_REVISION)
		return REJECT("revision %u, expected %u", revision,
			      JAILHOUSE_CONFIG_REVISION);
	if (architecture != arch)
		return REJECT("made for architecture %u, this is %u",
			      architecture, arch);
	return 0;
}

static int check_memory_region(const struct jailhouse_cell_desc *cell,
			       unsigned int n,
			       const struct jailhouse_memory *mem)
{
	if (mem->flags & ~(u64)JAILHOUSE_MEM_KNOWN_FLAGS)
		return REJECT("%s: memory region %u: unknown flags 0x%llx",
			      cell->name, n,
			      mem->flags & ~(u64)JAILHOUSE_MEM_KNOWN_FLAGS);
	if (mem->phys_start + mem->size < mem->phys_start ||
	    mem->virt_start + mem->size < mem->virt_start)
		return REJECT("%s: memory region %u wraps around", cell->name,
			      n);
	/* Sub-page regions are trapped, not mapped: only MMIO may be. */
	if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem) &&
	    !(mem->flags & JAILHOUSE_MEM_IO))
		return REJECT("%s: memory region %u is not page aligned",
			      cell->name, n);
	if (!JAILHOUSE_MEMORY_IS_SUBPAGE(mem) &&
	    (mem->phys_start & (PAGE_SIZE - 1)))
		return REJECT("%s: memory region %u: physical start not page "
			      "aligned", cell->name, n);
	return 0;
}

/* Regions in the order of their guest-physical start (check_memory). */
static u16 by_virt[CONFIG_MAX_MEM_REGIONS];
static DEFINE_SPINLOCK(by_virt_lock);

static bool virt_less(const void *ctx, u16 a, u16 b)
{
	const struct jailhouse_memory *mem = ctx;

	return mem[a].virt_start < mem[b].virt_start;
}

/*
 * Sorted by start, a region overlaps an earlier one exactly when it
 * starts below the furthest end seen so far: O(n log n) for n regions.
 */
static int check_virt_overlaps(const struct jailhouse_cell_desc *cell,
			       const struct jailhouse_memory *mem)
{
	unsigned int n, count = 0, furthest = 0;
	u16 a, b;
	int err = 0;

	spin_lock(&by_virt_lock);
	for (n = 0; n < cell->num_memory_regions; n++)
		/* Empty regions are legal (ivshmem sections of size 0). */
		if (mem[n].size)
			by_virt[count++] = n;
	sort_indices(by_virt, count, virt_less, mem);
	for (n = 1; n < count && !err; n++) {
		a = by_virt[furthest];
		b = by_virt[n];
		if (mem[b].virt_start < mem[a].virt_start + mem[a].size)
			err = REJECT("%s: memory regions %u and %u overlap",
				     cell->name, MIN(a, b), MAX(a, b));
		else if (mem[b].virt_start + mem[b].size >
			 mem[a].virt_start + mem[a].size)
			furthest = n;
	}
	spin_unlock(&by_virt_lock);
	return err;
}

static int check_memory(const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int n;
	int err;

	for (n = 0; n < cell->num_memory_regions; n++) {
		err = check_memory_region(cell, n, &mem[n]);
		if (err)
			return err;
	}
	return check_virt_overlaps(cell, mem);
}

static int check_pci(const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_pci_device *dev =
		jailhouse_cell_pci_devices(cell);
	unsigned int n;

	for (n = 0; n < cell->num_pci_devices; n++, dev++) {
		if ((u32)dev->caps_start + dev->num_caps > cell->num_pci_caps)
			return REJECT("%s: PCI device %u: capabilities out of "
				      "range", cell->name, n);
		/* State table, r/w section, one output section per peer. */
		if (dev->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		    (u64)dev->shmem_regions_start + 2 + dev->shmem_peers >
		    cell->num_memory_regions)
			return REJECT("%s: PCI device %u: shared memory "
				      "regions out of range", cell->name, n);
	}
	return 0;
}

/* Checks common to the root cell and created cells; size already fits. */
static int check_cell_body(const struct jailhouse_cell_desc *cell)
{
	/* Byte access: the set follows a 132-byte struct, unaligned. */
	const u8 *cpus = (const u8 *)jailhouse_cell_cpu_set(cell);
	unsigned int n;
	int err;

	if (cell->flags & ~(u32)JAILHOUSE_CELL_KNOWN_FLAGS)
		return REJECT("%s: unknown cell flags 0x%x", cell->name,
			      cell->flags & ~(u32)JAILHOUSE_CELL_KNOWN_FLAGS);
	if (cell->cpu_set_size == 0 ||
	    cell->cpu_set_size % sizeof(unsigned long))
		return REJECT("%s: CPU set size %u is not a multiple of %u",
			      cell->name, cell->cpu_set_size,
			      (unsigned int)sizeof(unsigned long));
	for (n = 0; n < cell->cpu_set_size; n++)
		if (cpus[n])
			break;
	if (n == cell->cpu_set_size)
		return REJECT("%s: no CPU assigned", cell->name);

	err = check_memory(cell);
	if (err)
		return err;
	return check_pci(cell);
}

static int check_name(const struct jailhouse_cell_desc *cell)
{
	unsigned int n;

	for (n = 0; n < sizeof(cell->name); n++)
		if (cell->name[n] == '\0')
			return 0;
	return REJECT("cell name not terminated");
}

static int check_count(const struct jailhouse_cell_desc *cell,
		       const char *what, u32 count, u32 max)
{
	if (count > max)
		return REJECT("%s: %u %s, at most %u are supported",
			      cell->name, count, what, max);
	return 0;
}

/* Before anything walks the arrays: they stay short enough to walk. */
static int check_counts(const struct jailhouse_cell_desc *cell)
{
	int err;

	err = check_count(cell, "memory regions", cell->num_memory_regions,
			  CONFIG_MAX_MEM_REGIONS);
	if (!err)
		err = check_count(cell, "cache regions",
				  cell->num_cache_regions,
				  CONFIG_MAX_CACHE_REGIONS);
	if (!err)
		err = check_count(cell, "irqchips", cell->num_irqchips,
				  CONFIG_MAX_IRQCHIPS);
	if (!err)
		err = check_count(cell, "PIO regions", cell->num_pio_regions,
				  CONFIG_MAX_PIO_REGIONS);
	if (!err)
		err = check_count(cell, "PCI devices", cell->num_pci_devices,
				  CONFIG_MAX_PCI_DEVICES);
	if (!err)
		err = check_count(cell, "PCI capabilities",
				  cell->num_pci_caps, CONFIG_MAX_PCI_CAPS);
	if (!err)
		err = check_count(cell, "stream ids", cell->num_stream_ids,
				  CONFIG_MAX_STREAM_IDS);
	return err;
}

static int check_size(const struct jailhouse_cell_desc *cell, u64 need,
		      u64 len)
{
	if (need > len)
		return REJECT("%s: arrays need %llu bytes, only %llu given",
			      cell->name, need, len);
	return 0;
}

int config_check_cell(const struct jailhouse_cell_desc *cell, u64 len,
		      u8 arch)
{
	int err;

	if (len < sizeof(*cell))
		return REJECT("cell config too short (%llu bytes)", len);
	err = check_identity(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
			     cell->architecture, cell->revision, arch);
	if (!err)
		err = check_name(cell);
	if (!err)
		err = check_size(cell, jailhouse_cell_config_size(cell), len);
	if (!err)
		err = check_counts(cell);
	if (!err)
		err = check_cell_body(cell);
	return err;
}

static int check_hypervisor_memory(const struct jailhouse_system *sys)
{
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	const struct jailhouse_cell_desc *root = &sys->root_cell;
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(root);
	unsigned int n;

	if (hv->size == 0 || ((hv->phys_start | hv->size) & (PAGE_SIZE - 1)))
		return REJECT("hypervisor memory 0x%llx+0x%llx not page "
			      "aligned or empty", hv->phys_start, hv->size);
	if (hv->phys_start + hv->size < hv->phys_start)
		return REJECT("hypervisor memory wraps around");
	if (hv->phys_start + hv->size > phys_limit(sys->architecture))
		return REJECT("hypervisor memory 0x%llx+0x%llx lies beyond the "
			      "physical address width", hv->phys_start,
			      hv->size);
	for (n = 0; n < root->num_memory_regions; n++)
		if (ranges_overlap(mem[n].phys_start, mem[n].size,
				   hv->phys_start, hv->size))
			return REJECT("root cell memory region %u overlaps "
				      "hypervisor memory", n);
	return 0;
}

/* Number of CPUs the root cell names: how many GICv3 frames exist. */
static u64 root_cpus(const struct jailhouse_system *sys)
{
	const u8 *set = (const u8 *)jailhouse_cell_cpu_set(&sys->root_cell);
	unsigned int n = sys->root_cell.cpu_set_size;

	while (n && !set[n - 1])
		n--;
	if (!n)
		return 0;
	return (n - 1) * 8 + 32 - __builtin_clz(set[n - 1]);
}

/* A frame at base 0 is one the platform does not have. */
static bool hits(u64 start, u64 size, u64 base, u64 frame_size)
{
	return base && ranges_overlap(start, size, base, frame_size);
}

static const char *gic_frame_hit(const struct jailhouse_system *sys,
				 u64 start, u64 size)
{
	u64 gicd = sys->platform_info.arm.gicd_base;
	u64 gicc = sys->platform_info.arm.gicc_base;
	u64 gich = sys->platform_info.arm.gich_base;
	u64 gicv = sys->platform_info.arm.gicv_base;
	u64 gicr = sys->platform_info.arm.gicr_base;

	if (hits(start, size, gicd, GICD_SIZE))
		return "GIC distributor";
	if (hits(start, size, gicc, GICC_SIZE))
		return "GIC CPU interface";
	if (hits(start, size, gich, GICH_SIZE) ||
	    hits(start, size, gicv, GICV_SIZE))
		return "GIC virtualization frame";
	if (hits(start, size, gicr, GICR_SIZE_PER_CPU * root_cpus(sys)))
		return "GIC redistributor";
	return NULL;
}

static const char *x86_frame_hit(const struct jailhouse_system *sys,
				 u64 start, u64 size)
{
	const struct jailhouse_cell_desc *root = &sys->root_cell;
	const struct jailhouse_irqchip *ic = jailhouse_cell_irqchips(root);
	u64 mmcfg = sys->platform_info.pci_mmconfig_base;
	u64 mmcfg_size = ((u64)sys->platform_info.pci_mmconfig_end_bus + 1)
		<< 20;
	unsigned int n;

	if (hits(start, size, XAPIC_BASE, XAPIC_SIZE))
		return "xAPIC";
	for (n = 0; n < root->num_irqchips; n++, ic++)
		if (hits(start, size, ic->address, IOAPIC_SIZE))
			return "IOAPIC";
	if (hits(start, size, mmcfg, mmcfg_size))
		return "PCI MMCONFIG window";
	return NULL;
}

/* The hypervisor's own device in [start, start + size), or NULL. */
static const char *frame_hit(const struct jailhouse_system *sys, u64 start,
			     u64 size)
{
	const struct jailhouse_iommu *iommu = sys->platform_info.iommu_units;
	unsigned int n;

	for (n = 0; n < JAILHOUSE_MAX_IOMMU_UNITS; n++, iommu++)
		if (hits(start, size, iommu->base, iommu->size))
			return "IOMMU";
	if (sys->architecture == JAILHOUSE_X86)
		return x86_frame_hit(sys, start, size);
	return gic_frame_hit(sys, start, size);
}

/*
 * A mapping over one of these would bypass the hypervisor's filter of
 * the device (cell side, guest-physical) or hand the device itself over
 * (physical side); both addresses count. The comm region has no
 * physical side.
 */
static int check_region_frames(const struct jailhouse_system *sys,
			       const struct jailhouse_cell_desc *cell,
			       unsigned int n,
			       const struct jailhouse_memory *mem)
{
	const char *what = frame_hit(sys, mem->virt_start, mem->size);

	if (!what && !(mem->flags & JAILHOUSE_MEM_COMM_REGION))
		what = frame_hit(sys, mem->phys_start, mem->size);
	if (what)
		return REJECT("%s: memory region %u (0x%llx, size 0x%llx) "
			      "covers the %s", cell->name, n,
			      mem->phys_start, mem->size, what);
	if (!(mem->flags & JAILHOUSE_MEM_COMM_REGION) &&
	    mem->phys_start + mem->size > phys_limit(sys->architecture))
		return REJECT("%s: memory region %u lies beyond the physical "
			      "address width", cell->name, n);
	return 0;
}

int config_check_platform(const struct jailhouse_system *sys,
			  const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int n;
	int err;

	for (n = 0; n < cell->num_memory_regions; n++) {
		err = check_region_frames(sys, cell, n, &mem[n]);
		if (err)
			return err;
	}
	return 0;
}

int config_check_system(const struct jailhouse_system *sys, u64 len,
			u8 arch)
{
	int err;

	if (len < sizeof(*sys))
		return REJECT("system config too short (%llu bytes)", len);
	err = check_identity(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
			     sys->architecture, sys->revision, arch);
	if (err)
		return err;
	if (sys->flags & ~(u32)JAILHOUSE_SYS_KNOWN_FLAGS)
		return REJECT("unknown system flags 0x%x",
			      sys->flags & ~(u32)JAILHOUSE_SYS_KNOWN_FLAGS);
	/* The root is the Linux that is running: its mode is what it is. */
	if (sys->root_cell.flags & JAILHOUSE_CELL_AARCH32)
		return REJECT("root cell \"%.*s\": JAILHOUSE_CELL_AARCH32 is for non-root cells only",
			      JAILHOUSE_CELL_NAME_MAXLEN, sys->root_cell.name);
	err = check_name(&sys->root_cell);
	if (!err)
		err = check_size(&sys->root_cell,
				 jailhouse_system_config_size(sys), len);
	if (!err)
		err = check_counts(&sys->root_cell);
	if (!err)
		err = check_cell_body(&sys->root_cell);
	if (!err)
		err = check_hypervisor_memory(sys);
	if (!err)
		err = config_check_platform(sys, &sys->root_cell);
	return err;
}
