// SPDX-License-Identifier: GPL-2.0
/*
 * Config validation: a well-formed system and cell config built from the
 * public structs passes; each single defect is refused with -EINVAL and a
 * message naming it.
 */
#include <stdio.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/config_check.h>
#include <core/errno.h>

#include "arch_stubs.h"
#include "unit.h"

#define MEM_RW	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE)

static struct {
	struct jailhouse_system header;
	unsigned long cpus[1];
	struct jailhouse_memory mem[3];
	struct jailhouse_pio pio[1];
	struct jailhouse_pci_device pci[1];
	struct jailhouse_pci_capability caps[2];
} __attribute__((packed)) sys;

static struct {
	struct jailhouse_cell_desc cell;
	unsigned long cpus[1];
	struct jailhouse_memory mem[6];
	struct jailhouse_pci_device pci[1];
} __attribute__((packed)) cell;

static void build_system(void)
{
	memset(&sys, 0, sizeof(sys));
	memcpy(sys.header.signature, JAILHOUSE_SYSTEM_SIGNATURE, 5);
	sys.header.architecture = JAILHOUSE_X86;
	sys.header.revision = JAILHOUSE_CONFIG_REVISION;
	sys.header.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE;
	sys.header.hypervisor_memory.phys_start = 0x3a000000;
	sys.header.hypervisor_memory.size = 0x600000;
	strcpy(sys.header.root_cell.name, "RootCell");
	sys.header.root_cell.cpu_set_size = sizeof(sys.cpus);
	sys.header.root_cell.num_memory_regions = 3;
	sys.header.root_cell.num_pio_regions = 1;
	sys.header.root_cell.num_pci_devices = 1;
	sys.header.root_cell.num_pci_caps = 2;
	sys.cpus[0] = 0xf;
	sys.mem[0] = (struct jailhouse_memory){
		.phys_start = 0, .virt_start = 0, .size = 0x3a000000,
		.flags = MEM_RW | JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
	};
	sys.mem[1] = (struct jailhouse_memory){
		.phys_start = 0x3a600000, .virt_start = 0x3a600000,
		.size = 0x5a00000, .flags = MEM_RW,
	};
	/* A sub-page MMIO region. */
	sys.mem[2] = (struct jailhouse_memory){
		.phys_start = 0xfed00000, .virt_start = 0xfed00000,
		.size = 0x400, .flags = MEM_RW | JAILHOUSE_MEM_IO,
	};
	sys.pio[0] = (struct jailhouse_pio)PIO_RANGE(0x3f8, 8);
	sys.pci[0].type = JAILHOUSE_PCI_TYPE_DEVICE;
	sys.pci[0].caps_start = 0;
	sys.pci[0].num_caps = 2;
}

static void build_cell(void)
{
	static const struct jailhouse_memory net[] = {
		JAILHOUSE_SHMEM_NET_REGIONS(0x3f100000, 1),
	};

	memset(&cell, 0, sizeof(cell));
	memcpy(cell.cell.signature, JAILHOUSE_CELL_DESC_SIGNATURE, 5);
	cell.cell.architecture = JAILHOUSE_X86;
	cell.cell.revision = JAILHOUSE_CONFIG_REVISION;
	strcpy(cell.cell.name, "apic-demo");
	cell.cell.flags = JAILHOUSE_CELL_PASSIVE_COMMREG;
	cell.cell.cpu_set_size = sizeof(cell.cpus);
	cell.cell.num_memory_regions = 6;
	cell.cell.num_pci_devices = 1;
	cell.cpus[0] = 0x8;
	cell.mem[0] = (struct jailhouse_memory){
		.phys_start = 0x3f000000, .virt_start = 0, .size = 0x100000,
		.flags = MEM_RW | JAILHOUSE_MEM_EXECUTE |
			JAILHOUSE_MEM_LOADABLE,
	};
	cell.mem[1] = (struct jailhouse_memory){
		.phys_start = 0x3f0ff000, .virt_start = 0x100000,
		.size = 0x1000, .flags = MEM_RW | JAILHOUSE_MEM_COMM_REGION,
	};
	memcpy(&cell.mem[2], net, sizeof(net));
	cell.pci[0].type = JAILHOUSE_PCI_TYPE_IVSHMEM;
	cell.pci[0].shmem_regions_start = 2;
	cell.pci[0].shmem_peers = 2;
}

/* Expect -EINVAL and a single config line containing `why`. */
static void expect_reject(int err, const char *why, int line)
{
	if (err != -EINVAL)
		unit_fail(__FILE__, line, "accepted (%d), expected: %s", err,
			  why);
	else if (!strstr(dbg_output, why) ||
		 strncmp(dbg_output, "config: ", 8) != 0 ||
		 strchr(dbg_output, '\n') != dbg_output + dbg_output_len - 1)
		unit_fail(__FILE__, line, "message \"%s\" lacks \"%s\"",
			  dbg_output, why);
}

#define CHECK_SYS_REJECT(why)						\
	do {								\
		dbg_output_reset();					\
		expect_reject(config_check_system(&sys.header,		\
				sizeof(sys), JAILHOUSE_X86), why, __LINE__); \
		build_system();						\
	} while (0)

#define CHECK_CELL_REJECT(why)						\
	do {								\
		dbg_output_reset();					\
		expect_reject(config_check_cell(&cell.cell,		\
				sizeof(cell), JAILHOUSE_X86), why, __LINE__); \
		build_cell();						\
	} while (0)

TEST(config_valid_configs_pass)
{
	build_system();
	build_cell();
	dbg_output_reset();
	EXPECT_EQ(config_check_system(&sys.header, sizeof(sys),
				      JAILHOUSE_X86), 0);
	EXPECT_EQ(config_check_cell(&cell.cell, sizeof(cell), JAILHOUSE_X86),
		  0);
	EXPECT_EQ(dbg_output_len, 0);
	/* Extra bytes after the arrays are fine. */
	EXPECT_EQ(config_check_system(&sys.header, sizeof(sys) + 100,
				      JAILHOUSE_X86), 0);
}

TEST(config_system_identity)
{
	build_system();
	sys.header.signature[4] = 'X';
	CHECK_SYS_REJECT("bad signature");
	sys.header.revision = 13;
	CHECK_SYS_REJECT("revision 13, expected 14");
	sys.header.architecture = JAILHOUSE_ARM64;
	CHECK_SYS_REJECT("made for architecture 2, this is 0");
	sys.header.flags |= 0x100;
	CHECK_SYS_REJECT("unknown system flags 0x100");
	sys.header.root_cell.flags |= JAILHOUSE_CELL_AARCH32;
	CHECK_SYS_REJECT("JAILHOUSE_CELL_AARCH32 is for non-root cells only");

	dbg_output_reset();
	expect_reject(config_check_system(&sys.header, 100, JAILHOUSE_X86),
		      "system config too short (100 bytes)", __LINE__);
	/* The same config is wrong for another architecture. */
	dbg_output_reset();
	expect_reject(config_check_system(&sys.header, sizeof(sys),
					  JAILHOUSE_ARM),
		      "made for architecture 0, this is 1", __LINE__);
}

TEST(config_system_arrays_must_fit)
{
	char msg[80];

	build_system();
	dbg_output_reset();
	snprintf(msg, sizeof(msg), "arrays need %zu bytes, only %zu given",
		 sizeof(sys), sizeof(sys) - 1);
	expect_reject(config_check_system(&sys.header, sizeof(sys) - 1,
					  JAILHOUSE_X86), msg, __LINE__);
	/* Huge counts must not wrap the size computation. */
	sys.header.root_cell.num_memory_regions = 0xffffffff;
	CHECK_SYS_REJECT("arrays need 1374389");
	sys.header.root_cell.cpu_set_size = 0xfffffff8;
	CHECK_SYS_REJECT("arrays need");
}

TEST(config_system_memory)
{
	build_system();
	sys.mem[1].virt_start = 0x39fff000;
	CHECK_SYS_REJECT("memory regions 0 and 1 overlap");
	sys.mem[1].phys_start = 0x39000000;
	CHECK_SYS_REJECT("root cell memory region 1 overlaps hypervisor");
	sys.mem[1].size = 0x5a00800;
	CHECK_SYS_REJECT("memory region 1 is not page aligned");
	sys.mem[1].phys_start += 0x10;
	CHECK_SYS_REJECT("memory region 1: physical start not page aligned");
	/* Empty regions overlap nothing. */
	sys.mem[0].size = 0;
	sys.mem[0].virt_start = 0x3a601000;
	dbg_output_reset();
	EXPECT_EQ(config_check_system(&sys.header, sizeof(sys),
				      JAILHOUSE_X86), 0);
	build_system();
	sys.mem[2].flags |= 0x200;
	CHECK_SYS_REJECT("memory region 2: unknown flags 0x200");
	sys.mem[1].virt_start = ~0ULL & ~0xfffULL;
	CHECK_SYS_REJECT("memory region 1 wraps around");
	sys.header.hypervisor_memory.size = 0x600800;
	CHECK_SYS_REJECT("hypervisor memory 0x3a000000+0x600800");
}

TEST(config_system_cells_and_pci)
{
	build_system();
	sys.cpus[0] = 0;
	CHECK_SYS_REJECT("RootCell: no CPU assigned");
	sys.header.root_cell.cpu_set_size = 4;
	CHECK_SYS_REJECT("CPU set size 4 is not a multiple of 8");
	sys.header.root_cell.flags = 0x10;
	CHECK_SYS_REJECT("RootCell: unknown cell flags 0x10");
	memset(sys.header.root_cell.name, 'a', 32);
	CHECK_SYS_REJECT("cell name not terminated");
	sys.pci[0].caps_start = 1;
	CHECK_SYS_REJECT("PCI device 0: capabilities out of range");
}

TEST(config_cell_checks)
{
	build_cell();
	cell.cell.signature[0] = 'X';
	CHECK_CELL_REJECT("bad signature, expected JHCLL");
	memcpy(cell.cell.signature, JAILHOUSE_SYSTEM_SIGNATURE, 5);
	CHECK_CELL_REJECT("bad signature, expected JHCLL");
	cell.cell.revision = 15;
	CHECK_CELL_REJECT("revision 15, expected 14");
	cell.pci[0].shmem_peers = 3;
	CHECK_CELL_REJECT("apic-demo: PCI device 0: shared memory regions");
	cell.mem[5].virt_start = 0x3f100000;
	CHECK_CELL_REJECT("memory regions 2 and 5 overlap");

	dbg_output_reset();
	expect_reject(config_check_cell(&cell.cell, sizeof(cell) - 56,
					JAILHOUSE_X86), "arrays need",
		      __LINE__);
	dbg_output_reset();
	expect_reject(config_check_cell(&cell.cell, 131, JAILHOUSE_X86),
		      "cell config too short (131 bytes)", __LINE__);
}

#define CHECK_PLATFORM_REJECT(why)					\
	do {								\
		dbg_output_reset();					\
		expect_reject(config_check_platform(&sys.header,	\
				&cell.cell), why, __LINE__);		\
		build_cell();						\
	} while (0)

TEST(config_system_regions_over_hypervisor_devices)
{
	build_system();
	/* Root memory over the xAPIC: APIC writes would stop trapping. */
	sys.mem[2] = (struct jailhouse_memory){
		.phys_start = 0xfee00000, .virt_start = 0xfee00000,
		.size = 0x1000, .flags = MEM_RW | JAILHOUSE_MEM_IO,
	};
	CHECK_SYS_REJECT("RootCell: memory region 2 (0xfee00000, size "
			 "0x1000) covers the xAPIC");
	sys.header.platform_info.pci_mmconfig_base = 0xb0000000;
	sys.header.platform_info.pci_mmconfig_end_bus = 0xff;
	sys.mem[2].phys_start = sys.mem[2].virt_start = 0xbff00000;
	CHECK_SYS_REJECT("covers the PCI MMCONFIG window");
	sys.header.platform_info.iommu_units[3].base = 0xfed90000;
	sys.header.platform_info.iommu_units[3].size = 0x1000;
	sys.mem[2].phys_start = sys.mem[2].virt_start = 0xfed90000;
	sys.mem[2].size = 0x400;
	CHECK_SYS_REJECT("covers the IOMMU");
	/* The hypervisor cannot live beyond 52 physical address bits. */
	sys.header.hypervisor_memory.phys_start = 1ULL << 52;
	CHECK_SYS_REJECT("lies beyond the physical address width");
	sys.header.hypervisor_memory.phys_start = (1ULL << 52) - 0x1000;
	CHECK_SYS_REJECT("lies beyond the physical address width");
	dbg_output_reset();
	EXPECT_EQ(config_check_system(&sys.header, sizeof(sys),
				      JAILHOUSE_X86), 0);
}

TEST(config_cell_regions_over_hypervisor_devices)
{
	build_system();
	build_cell();
	dbg_output_reset();
	EXPECT_EQ(config_check_platform(&sys.header, &cell.cell), 0);
	/* Guest-physical side: the cell's view of the xAPIC. */
	cell.mem[0].virt_start = 0xfee00000;
	CHECK_PLATFORM_REJECT("apic-demo: memory region 0 (0x3f000000, size "
			      "0x100000) covers the xAPIC");
	/* Without an IOAPIC in the root's config, its usual place is free. */
	cell.mem[0].phys_start = 0xfec00000;
	dbg_output_reset();
	EXPECT_EQ(config_check_platform(&sys.header, &cell.cell), 0);
	cell.mem[0].phys_start = 1ULL << 52;
	CHECK_PLATFORM_REJECT("memory region 0 lies beyond the physical");
	/* A comm region has no physical side. */
	cell.mem[1].phys_start = 0xfee00000;
	dbg_output_reset();
	EXPECT_EQ(config_check_platform(&sys.header, &cell.cell), 0);
	/* A VT-d unit's registers, physical or guest-physical side. */
	sys.header.platform_info.iommu_units[0].type = JAILHOUSE_IOMMU_INTEL;
	sys.header.platform_info.iommu_units[0].base = 0xfed90000;
	sys.header.platform_info.iommu_units[0].size = 0x1000;
	cell.mem[0].phys_start = 0xfed00000;
	CHECK_PLATFORM_REJECT("apic-demo: memory region 0 (0xfed00000, size "
			      "0x100000) covers the IOMMU");
	cell.mem[0].virt_start = 0xfed90000;
	cell.mem[0].size = 0x1000;
	CHECK_PLATFORM_REJECT("covers the IOMMU");
	sys.header.platform_info.iommu_units[0].base = 0;
	sys.header.platform_info.iommu_units[0].size = 0;

	/* ARM: every GIC frame, redistributors for each root CPU. */
	sys.header.architecture = JAILHOUSE_ARM64;
	sys.header.platform_info.arm.gicd_base = 0x08000000;
	sys.header.platform_info.arm.gicr_base = 0x080a0000;
	cell.mem[0].phys_start = 0x08000000 + 0xf000;
	CHECK_PLATFORM_REJECT("covers the GIC distributor");
	/* Four root CPUs: 0x080a0000-0x0811ffff. */
	cell.mem[0].phys_start = 0x08100000;
	CHECK_PLATFORM_REJECT("covers the GIC redistributor");
	cell.mem[0].phys_start = 0x08120000;
	dbg_output_reset();
	EXPECT_EQ(config_check_platform(&sys.header, &cell.cell), 0);
	sys.header.platform_info.arm.gicc_base = 0x08010000;
	cell.mem[0].virt_start = 0x08000000;
	cell.mem[0].size = 0x20000;
	CHECK_PLATFORM_REJECT("covers the GIC");
}
