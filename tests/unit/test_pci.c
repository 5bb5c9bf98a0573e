// SPDX-License-Identifier: GPL-2.0
/*
 * PCI config space filtering of the core (pci.c, pci_msi.c): who owns a
 * device, what the owner may write, which MSI and MSI-X settings a cell
 * may enable, what others see, MMCONFIG decoding and the checks of a new
 * cell's devices. The arch's config space is a fake one here.
 */
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/pci.h>
#include <core/pci_dev.h>
#include <core/printk.h>
#include <core/unit.h>

#include "arch_stubs.h"
#include "test_pool.h"
#include "unit.h"

#define BDF(b, d, f)	(((b) << 8) | ((d) << 3) | (f))

/* Fake hardware: three functions with config space, nothing elsewhere. */
static const u16 fake_bdfs[] = {
	BDF(0, 2, 0), BDF(0, 5, 0), BDF(0, 0x1f, 3), BDF(1, 0, 0),
};
static u8 fake_cfg[4][PCI_CONFIG_SIZE];
static unsigned int hw_reads, hw_writes;
static u16 last_write_reg;
static u32 last_write_value;

static u8 *fake_space(u16 bdf)
{
	unsigned int n;

	for (n = 0; n < sizeof(fake_bdfs) / sizeof(fake_bdfs[0]); n++)
		if (fake_bdfs[n] == bdf)
			return fake_cfg[n];
	return NULL;
}

u32 arch_pci_read_config(u16 bdf, u16 reg, unsigned int size)
{
	u8 *space = fake_space(bdf);
	u32 value = 0;

	hw_reads++;
	if (!space)
		return 0xffffffff;
	memcpy(&value, space + reg, size);
	return value;
}

void arch_pci_write_config(u16 bdf, u16 reg, u32 value, unsigned int size)
{
	u8 *space = fake_space(bdf);

	hw_writes++;
	last_write_reg = reg;
	last_write_value = value;
	if (space)
		memcpy(space + reg, &value, size);
}

static void fake_reset(void)
{
	unsigned int n;

	memset(fake_cfg, 0, sizeof(fake_cfg));
	for (n = 0; n < 4; n++) {
		/* vendor 0x8086, device 0x10d3 + n */
		fake_cfg[n][0] = 0x86;
		fake_cfg[n][1] = 0x80;
		fake_cfg[n][2] = 0xd3 + n;
		fake_cfg[n][3] = 0x10;
	}
	hw_reads = hw_writes = 0;
	dbg_output_reset();
}

/*
 * Root cell: 00:02.0 with an MSI capability it may write, a PCIe one it
 * may not and an extended one it may write; 00:1f.3 and 01:00.0 without
 * capabilities; an ivshmem device at 00:0e.0.
 */
static struct {
	struct jailhouse_cell_desc desc;
	unsigned long cpus[1];
	struct jailhouse_memory mem[1];
	struct jailhouse_pci_device devs[4];
	struct jailhouse_pci_capability caps[3];
} __attribute__((packed)) root_cfg = {
	.desc = {
		.name = "root",
		.cpu_set_size = sizeof(unsigned long),
		.num_memory_regions = 1,
		.num_pci_devices = 4,
		.num_pci_caps = 3,
	},
	.cpus = { 0xf },
	/* Device memory the root maps: where 00:05.0's MSI-X table is. */
	.mem = {
		{ .phys_start = FAKE_PHYS_BASE + 0x8000,
		  .virt_start = FAKE_PHYS_BASE + 0x8000, .size = 0x2000,
		  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			JAILHOUSE_MEM_IO, },
	},
	.devs = {
		{ .type = JAILHOUSE_PCI_TYPE_DEVICE, .bdf = BDF(0, 2, 0),
		  .caps_start = 0, .num_caps = 3, },
		{ .type = JAILHOUSE_PCI_TYPE_DEVICE, .bdf = BDF(0, 0x1f, 3), },
		{ .type = JAILHOUSE_PCI_TYPE_DEVICE, .bdf = BDF(1, 0, 0), },
		{ .type = JAILHOUSE_PCI_TYPE_IVSHMEM, .bdf = BDF(0, 0xe, 0), },
	},
	.caps = {
		{ .id = PCI_CAP_ID_MSI, .start = 0xd0, .len = 14,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		{ .id = PCI_CAP_ID_EXP, .start = 0xe0, .len = 0x14, },
		{ .id = JAILHOUSE_PCI_EXT_CAP | 1, .start = 0x100, .len = 0x40,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
	},
};

/* A cell taking 01:00.0 from the root cell. */
static struct {
	struct jailhouse_cell_desc desc;
	unsigned long cpus[1];
	struct jailhouse_pci_device devs[1];
} __attribute__((packed)) cell_cfg = {
	.desc = {
		.name = "inmate",
		.cpu_set_size = sizeof(unsigned long),
		.num_pci_devices = 1,
	},
	.cpus = { 0x4 },
	.devs = {
		{ .type = JAILHOUSE_PCI_TYPE_DEVICE, .bdf = BDF(1, 0, 0), },
	},
};

static struct cell inmate = { .id = 1, .config = &cell_cfg.desc };

static void with_cells(void (*fn)(void), bool add_inmate)
{
	struct cell saved_root = root_cell;

	root_cell = (struct cell){ .config = &root_cfg.desc };
	if (add_inmate)
		root_cell.next = &inmate;
	fake_reset();
	fn();
	root_cell = saved_root;
}

static void lookup(void)
{
	EXPECT_TRUE(pci_cell_device(&root_cell, BDF(0, 2, 0)) ==
		    &root_cfg.devs[0]);
	EXPECT_TRUE(pci_cell_device(&root_cell, BDF(1, 0, 0)) ==
		    &root_cfg.devs[2]);
	EXPECT_TRUE(!pci_cell_device(&root_cell, BDF(0, 5, 0)));
	/* Virtual devices are no hardware the filter lets through. */
	EXPECT_TRUE(!pci_cell_device(&root_cell, BDF(0, 0xe, 0)));
	EXPECT_TRUE(pci_owner(BDF(0, 2, 0)) == &root_cell);
	EXPECT_TRUE(!pci_owner(BDF(0, 5, 0)));
}

TEST(pci_lookup_by_bdf)
{
	with_cells(lookup, false);
}

static void reads(void)
{
	/* Listed: all widths reach the device. */
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 0, 4), 0x10d38086);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 2, 2), 0x10d3);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 1, 1), 0x80);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 0x100, 4), 0);
	/* Unlisted: all-ones in every width, one note for the device. */
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 5, 0), 0, 4), 0xffffffff);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 5, 0), 2, 2), 0xffff);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 5, 0), 3, 1), 0xff);
	EXPECT_TRUE(strstr(dbg_output, "PCI 00:05.0 is not in the config of "
			   "cell \"root\": hidden\n"));
	/* Only once. */
	EXPECT_TRUE(!strstr(strstr(dbg_output, "00:05.0") + 1, "00:05.0"));
	/* An empty slot is probed silently. */
	dbg_output_reset();
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 7, 0), 0, 4), 0xffffffff);
	EXPECT_EQ(dbg_output_len, 0);
	/* Misaligned or odd sizes never reach the hardware. */
	hw_reads = 0;
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 1, 2), 0xffffffff);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 2, 4), 0xffffffff);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 0, 3), 0xffffffff);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 0x1000, 1),
		  0xffffffff);
	EXPECT_EQ(hw_reads, 0);
}

TEST(pci_reads_of_listed_and_unlisted_devices)
{
	with_cells(reads, false);
}

static void writes(void)
{
	u16 bdf = BDF(0, 2, 0);

	/* Header: command register and a BAR. */
	pci_cfg_write(&root_cell, bdf, 0x04, 0x0407, 2);
	EXPECT_EQ(pci_cfg_read(&root_cell, bdf, 0x04, 2), 0x0407);
	pci_cfg_write(&root_cell, bdf, 0x10, 0xfebc0000, 4);
	EXPECT_EQ(pci_cfg_read(&root_cell, bdf, 0x10, 4), 0xfebc0000);
	/* Writable capabilities, standard and extended. */
	pci_cfg_write(&root_cell, bdf, 0xd4, 0xfee00000, 4);
	EXPECT_EQ(pci_cfg_read(&root_cell, bdf, 0xd4, 4), 0xfee00000);
	pci_cfg_write(&root_cell, bdf, 0x13c, 0x55, 1);
	EXPECT_EQ(pci_cfg_read(&root_cell, bdf, 0x13c, 1), 0x55);
	EXPECT_EQ(hw_writes, 4);
	EXPECT_EQ(dbg_output_len, 0);

	/* Read-only capability, no capability, straddling the end. */
	pci_cfg_write(&root_cell, bdf, 0xe8, 0x1234, 2);
	pci_cfg_write(&root_cell, bdf, 0x40, 0x1, 4);
	pci_cfg_write(&root_cell, bdf, 0xdc, 0xffffffff, 4);
	pci_cfg_write(&root_cell, bdf, 0x3e, 0xffffffff, 4);
	EXPECT_EQ(hw_writes, 4);
	EXPECT_EQ(pci_cfg_read(&root_cell, bdf, 0xe8, 2), 0);
	EXPECT_TRUE(strstr(dbg_output, "PCI 00:02.0: cell \"root\" may not "
			   "write register 0xe8: ignored\n"));
	/* One line per device, not per access. */
	EXPECT_TRUE(!strstr(dbg_output, "0x40"));

	/* Writes to devices the cell does not have. */
	pci_cfg_write(&root_cell, BDF(0, 5, 0), 0x04, 0x7, 2);
	pci_cfg_write(&root_cell, BDF(0, 8, 0), 0x04, 0x7, 2);
	EXPECT_EQ(hw_writes, 4);
}

TEST(pci_writes_by_header_and_capability_rules)
{
	with_cells(writes, false);
}

static void lent_device(void)
{
	u16 bdf = BDF(1, 0, 0);

	EXPECT_TRUE(pci_owner(bdf) == &inmate);
	/* The root cell no longer sees it, the cell does. */
	EXPECT_EQ(pci_cfg_read(&root_cell, bdf, 0, 4), 0xffffffff);
	EXPECT_TRUE(strstr(dbg_output, "PCI 01:00.0 is not in the config of "
			   "cell \"root\": hidden\n"));
	EXPECT_EQ(pci_cfg_read(&inmate, bdf, 0, 4), 0x10d68086);
	pci_cfg_write(&root_cell, bdf, 0x04, 0x6, 2);
	EXPECT_EQ(hw_writes, 0);
	pci_cfg_write(&inmate, bdf, 0x04, 0x6, 2);
	EXPECT_EQ(hw_writes, 1);
	EXPECT_EQ(last_write_reg, 0x04);
	EXPECT_EQ(last_write_value, 0x6);
	/* The cell sees nothing of the root cell's other devices. */
	EXPECT_EQ(pci_cfg_read(&inmate, BDF(0, 2, 0), 0, 2), 0xffff);
	EXPECT_EQ(pci_cfg_read(&root_cell, BDF(0, 2, 0), 0, 2), 0x8086);

	/* Once the cell is gone, the device is the root cell's again. */
	root_cell.next = NULL;
	EXPECT_EQ(pci_cfg_read(&root_cell, bdf, 0, 4), 0x10d68086);
}

TEST(pci_device_of_a_cell_vanishes_from_the_root_cell)
{
	with_cells(lent_device, true);
}

static void check_cells(void)
{
	static struct {
		struct jailhouse_cell_desc desc;
		unsigned long cpus[1];
		struct jailhouse_pci_device devs[2];
	} __attribute__((packed)) cfg = {
		.desc = {
			.name = "new",
			.cpu_set_size = sizeof(unsigned long),
			.num_pci_devices = 2,
		},
		.devs = {
			{ .type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			  .bdf = BDF(0, 0xf, 0), },
			{ .type = JAILHOUSE_PCI_TYPE_DEVICE,
			  .bdf = BDF(0, 0x1f, 3), },
		},
	};

	EXPECT_EQ(pci_check_cell(&cfg.desc), 0);
	cfg.devs[1].bdf = BDF(1, 0, 0);
	EXPECT_EQ(pci_check_cell(&cfg.desc), -EBUSY);
	EXPECT_TRUE(strstr(dbg_output, "Cell \"new\": PCI device 01:00.0 "
			   "belongs to cell \"inmate\"\n"));
	cfg.devs[1].bdf = BDF(0, 5, 0);
	EXPECT_EQ(pci_check_cell(&cfg.desc), -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "Cell \"new\": PCI device 00:05.0 is "
			   "not in the root cell\n"));
}

TEST(pci_devices_of_a_new_cell)
{
	with_cells(check_cells, true);
}

TEST(pci_mmconfig_decoding)
{
	u16 bdf = 0, reg = 0;

	EXPECT_TRUE(pci_mmconfig_decode(0xb0000000, 0xff,
					0xb0000000 + (1 << 20) + (2 << 15) +
					(3 << 12) + 0x104, &bdf, &reg));
	EXPECT_EQ(bdf, BDF(1, 2, 3));
	EXPECT_EQ(reg, 0x104);
	EXPECT_TRUE(pci_mmconfig_decode(0xb0000000, 0xff, 0xbfffffff, &bdf,
					&reg));
	EXPECT_EQ(bdf, 0xffff);
	EXPECT_EQ(reg, 0xfff);
	EXPECT_FALSE(pci_mmconfig_decode(0xb0000000, 0xff, 0xc0000000, &bdf,
					 &reg));
	EXPECT_FALSE(pci_mmconfig_decode(0xb0000000, 0xff, 0xafffffff, &bdf,
					 &reg));
	/* Only bus 0: 1 MiB. */
	EXPECT_TRUE(pci_mmconfig_decode(0xe0000000, 0, 0xe00fffff, &bdf,
					&reg));
	EXPECT_FALSE(pci_mmconfig_decode(0xe0000000, 0, 0xe0100000, &bdf,
					 &reg));
	/* No window at all. */
	EXPECT_FALSE(pci_mmconfig_decode(0, 0xff, 0x1000, &bdf, &reg));
}

/*
 * A cell owning 00:05.0, whose 64-bit MSI capability (0x50) and MSI-X
 * capability (0x70) it may write; the arch stub confines address
 * 0xfee02000 with one vector of 16 or more.
 */
static struct {
	struct jailhouse_cell_desc desc;
	unsigned long cpus[1];
	struct jailhouse_pci_device devs[1];
	struct jailhouse_pci_capability caps[2];
} __attribute__((packed)) msi_cfg = {
	.desc = {
		.name = "msi-cell",
		.cpu_set_size = sizeof(unsigned long),
		.num_pci_devices = 1,
		.num_pci_caps = 2,
	},
	.cpus = { 0x4 },
	.devs = {
		{ .type = JAILHOUSE_PCI_TYPE_DEVICE, .bdf = BDF(0, 5, 0),
		  .caps_start = 0, .num_caps = 2, },
	},
	.caps = {
		{ .id = PCI_CAP_ID_MSI, .start = 0x50, .len = 14,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
		{ .id = PCI_CAP_ID_MSIX, .start = 0x70, .len = 12,
		  .flags = JAILHOUSE_PCICAPS_WRITE, },
	},
};

static struct cell msi_cell = { .id = 2, .config = &msi_cfg.desc };

static u16 cfg16(u16 bdf, u16 reg)
{
	u16 value;

	memcpy(&value, fake_space(bdf) + reg, 2);
	return value;
}

static bool said(const char *text)
{
	bool found = strstr(dbg_output, text) != NULL;

	dbg_output_reset();
	return found;
}

/* Program address and data, then write the control word. */
static void msi_program(u32 address, u16 data, u16 ctrl)
{
	u16 bdf = BDF(0, 5, 0);

	pci_cfg_write(&msi_cell, bdf, 0x54, address, 4);
	pci_cfg_write(&msi_cell, bdf, 0x58, 0, 4);
	pci_cfg_write(&msi_cell, bdf, 0x5c, data, 2);
	pci_cfg_write(&msi_cell, bdf, 0x52, ctrl, 2);
}

static void msi_rules(void)
{
	u16 bdf = BDF(0, 5, 0);

	/* The device: 64-bit MSI capable, one vector. */
	fake_space(bdf)[0x52] = 0x80;

	msi_program(0xfee02000, 0x41, 0x81);
	EXPECT_EQ(cfg16(bdf, 0x52), 0x81);
	EXPECT_EQ(dbg_output_len, 0);

	/* Aimed outside the cell while enabled: disabled before the write. */
	pci_cfg_write(&msi_cell, bdf, 0x54, 0xfee00000, 4);
	EXPECT_EQ(cfg16(bdf, 0x52), 0x80);
	EXPECT_EQ(cfg16(bdf, 0x54), 0x0000);
	EXPECT_TRUE(said("cell \"msi-cell\" may not enable MSI with "
			 "address 0xfee00000, data 0x41"));

	/* Enabled again with that address, as one dword with the id. */
	pci_cfg_write(&msi_cell, bdf, 0x50, 0x00810005, 4);
	EXPECT_EQ(cfg16(bdf, 0x52), 0x80);
	EXPECT_TRUE(said("may not enable MSI with address 0xfee00000"));

	/* An exception vector at the cell's address, then a good vector. */
	msi_program(0xfee02000, 0x05, 0x81);
	EXPECT_EQ(cfg16(bdf, 0x52), 0x80);
	EXPECT_TRUE(said("data 0x5"));
	msi_program(0xfee02000, 0x41, 0x81);
	EXPECT_EQ(cfg16(bdf, 0x52), 0x81);

	/* Two vectors: not confirmed by the arch, so not enabled. */
	pci_cfg_write(&msi_cell, bdf, 0x52, 0x91, 2);
	EXPECT_EQ(cfg16(bdf, 0x52), 0x90);
	EXPECT_TRUE(said("may not enable MSI"));

	/* MSI-X: the function mask passes, the enable bit never does. */
	pci_cfg_write(&msi_cell, bdf, 0x72, 0xc000, 2);
	EXPECT_EQ(cfg16(bdf, 0x72), 0x4000);
	EXPECT_TRUE(said("may not enable MSI-X"));
	pci_cfg_write(&msi_cell, bdf, 0x73, 0x80, 1);
	EXPECT_EQ(cfg16(bdf, 0x72), 0x0000);
	EXPECT_TRUE(said("may not enable MSI-X"));
	pci_cfg_write(&msi_cell, bdf, 0x70, 0x80000011, 4);
	EXPECT_EQ(cfg16(bdf, 0x72), 0x0000);
	EXPECT_TRUE(said("may not enable MSI-X"));
}

TEST(pci_msi_of_a_cell_device_stays_in_the_cell)
{
	with_cells(msi_rules, false);
}

/*
 * Under interrupt remapping the message selects one entry: Multiple
 * Message Enable is cut to one vector, with a line, and MSI enabled.
 * (Without remapping, more vectors stay refused: msi_rules.)
 */
static void msi_mme_remapped(void)
{
	u16 bdf = BDF(0, 5, 0);

	/* The device: 64-bit MSI capable, 4 vectors (MMC 2). */
	fake_space(bdf)[0x52] = 0x84;
	arch_msi_remapping = true;
	msi_program(0xfee02000, 0x40, 0xa5);
	arch_msi_remapping = false;
	EXPECT_EQ(cfg16(bdf, 0x52), 0x85);
	EXPECT_EQ(cfg16(bdf, 0x54), 0x0010);
	EXPECT_TRUE(said("cell \"msi-cell\" may not enable 4 MSI vectors "
			 "under interrupt remapping: 1"));

	/* One vector asked for: no line. */
	fake_space(bdf)[0x52] = 0x84;
	arch_msi_remapping = true;
	msi_program(0xfee02000, 0x40, 0x85);
	arch_msi_remapping = false;
	EXPECT_EQ(cfg16(bdf, 0x52), 0x85);
	EXPECT_EQ(dbg_output_len, 0);
}

TEST(pci_msi_under_remapping_gets_one_vector)
{
	with_cells(msi_mme_remapped, false);
}

/* The root cell's MSI goes to the device as written (Linux's own). */
static void root_msi(void)
{
	u16 bdf = BDF(0, 2, 0);
	unsigned int calls = arch_msi_confined_calls;

	pci_cfg_write(&root_cell, bdf, 0xd4, 0xfee00000, 4);
	pci_cfg_write(&root_cell, bdf, 0xd2, 0x0001, 2);
	EXPECT_EQ(cfg16(bdf, 0xd2), 0x0001);
	EXPECT_EQ(arch_msi_confined_calls, calls);
}

TEST(pci_msi_of_the_root_cell_unfiltered)
{
	with_cells(root_msi, false);
}

/*
 * Where the root's messages name CPUs (no remapping unit checks them),
 * one that leaves the root's CPUs is refused and MSI disabled; moves
 * between its own CPUs go through with MSI enabled, unmasked.
 */
static void root_msi_checked(void)
{
	u16 bdf = BDF(0, 2, 0);

	arch_msi_root_check = true;
	pci_cfg_write(&root_cell, bdf, 0xd4, 0xfee02000, 4);
	pci_cfg_write(&root_cell, bdf, 0xdc, 0x41, 2);
	pci_cfg_write(&root_cell, bdf, 0xd2, 0x0081, 2);
	EXPECT_EQ(cfg16(bdf, 0xd2), 0x0081);
	EXPECT_EQ(dbg_output_len, 0);
	/* A new vector while enabled: straight through. */
	pci_cfg_write(&root_cell, bdf, 0xdc, 0x42, 2);
	EXPECT_EQ(cfg16(bdf, 0xd2), 0x0081);
	EXPECT_EQ(cfg16(bdf, 0xdc), 0x42);
	/* Elsewhere: written, but MSI off, with a line. */
	pci_cfg_write(&root_cell, bdf, 0xd4, 0xfee00000, 4);
	EXPECT_EQ(cfg16(bdf, 0xd2), 0x0080);
	EXPECT_TRUE(said("may not enable MSI with address 0xfee00000, "
			 "data 0x42"));
	/* Enabling it again with that message stays refused. */
	pci_cfg_write(&root_cell, bdf, 0xd2, 0x0081, 2);
	EXPECT_EQ(cfg16(bdf, 0xd2), 0x0080);
	arch_msi_root_check = false;
}

TEST(pci_msi_of_the_root_cell_checked_without_remapping)
{
	with_cells(root_msi_checked, false);
}

/*
 * A device changing owner: bus mastering off, MSI and MSI-X disabled,
 * found through the device's own capability list (MSI at 0x50, MSI-X at
 * 0x70 after it); the other bits stay.
 */
static void quiesce(void)
{
	u16 bdf = BDF(0, 5, 0);
	u8 *cfg = fake_space(bdf);

	cfg[0x04] = 0x07;		/* I/O, memory, bus master */
	cfg[0x06] = 0x10;		/* capability list */
	cfg[0x34] = 0x50;
	cfg[0x50] = PCI_CAP_ID_MSI;
	cfg[0x51] = 0x70;
	cfg[0x52] = 0x81;		/* 64-bit, enabled */
	cfg[0x70] = PCI_CAP_ID_MSIX;
	cfg[0x72] = 0x04;
	cfg[0x73] = 0xc0;		/* enabled, function masked */
	pci_cell_quiesce(&msi_cell);
	EXPECT_EQ(cfg16(bdf, 0x04), 0x0003);
	EXPECT_EQ(cfg16(bdf, 0x52), 0x0080);
	EXPECT_EQ(cfg16(bdf, 0x72), 0x4004);
	/* A looping list ends; a missing device is left alone. */
	cfg[0x71] = 0x50;
	hw_writes = 0;
	pci_cell_quiesce(&msi_cell);
	EXPECT_EQ(hw_writes, 0);
}

TEST(pci_devices_quiesced_when_changing_owner)
{
	with_cells(quiesce, false);
}

/*
 * A cell owning 00:05.0 whose state the hypervisor keeps: BAR0 32-bit
 * (1 MiB, from the config's bar_mask), BARs 2-3 one 64-bit prefetchable
 * BAR of 16 KiB, and an MSI-X table of 4 vectors in fake device memory,
 * which its one memory region (RAM) does not map.
 */
#define MSIX_PHYS	(FAKE_PHYS_BASE + 0x8000)

static struct {
	struct jailhouse_cell_desc desc;
	unsigned long cpus[1];
	struct jailhouse_memory mem[1];
	struct jailhouse_pci_device devs[1];
} __attribute__((packed)) dev_cfg = {
	.desc = {
		.name = "dev-cell",
		.cpu_set_size = sizeof(unsigned long),
		.num_memory_regions = 1,
		.num_pci_devices = 1,
	},
	.cpus = { 0x4 },
	.mem = {
		{ .phys_start = 0x3b000000, .virt_start = 0, .size = 0x100000,
		  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE, },
	},
	.devs = {
		{ .type = JAILHOUSE_PCI_TYPE_DEVICE, .bdf = BDF(0, 5, 0),
		  .bar_mask = { 0xfff00000, 0, 0xffffc000, 0xffffffff, },
		  .num_msix_vectors = 4, .msix_region_size = 0x1000,
		  .msix_address = MSIX_PHYS, },
	},
};

static struct cell dev_cell = { .id = 3, .config = &dev_cfg.desc };

static const struct unit *unit_named(const char *name)
{
	const struct unit *unit;

	for (unit = __start_units; unit < __stop_units; unit++)
		if (!strcmp(unit->name, name))
			return unit;
	return NULL;
}

static u32 cfg32(u16 bdf, u16 reg)
{
	u32 value;

	memcpy(&value, fake_space(bdf) + reg, 4);
	return value;
}

static void set_cfg32(u16 bdf, u16 reg, u32 value)
{
	memcpy(fake_space(bdf) + reg, &value, 4);
}

/* A system config behind the image, as test_cell.c lays it out. */
#define CORE_SIZE	0x4000
#define NUM_CPUS	4
extern char test_region[];
static struct jailhouse_header saved_header;
static char saved_system[sizeof(struct jailhouse_system)];

static void system_setup(void)
{
	struct jailhouse_system *sys;

	saved_header = hypervisor_header;
	hypervisor_header.core_size = CORE_SIZE;
	hypervisor_header.max_cpus = NUM_CPUS;
	sys = (struct jailhouse_system *)system_config_location();
	memcpy(saved_system, sys, sizeof(*sys));
	memset(sys, 0, sizeof(*sys));
	sys->hypervisor_memory.phys_start = 0x3a000000;
	sys->hypervisor_memory.size = 0x600000;
}

static void system_restore(void)
{
	memcpy((void *)system_config_location(), saved_system,
	       sizeof(saved_system));
	hypervisor_header = saved_header;
}

/*
 * The cell created, its device's state set up by the PCI device unit;
 * the root cell's MMIO table ready for the view it gets.
 */
static int dev_cell_create(void)
{
	const struct unit *unit = unit_named("PCI devices");

	system_setup();
	test_pool_create(&mem_pool, 16, 0x200000);
	test_pool_create(&remap_pool, 4, 0);
	dev_cell.pci_devs = NULL;
	root_ops_len = 0;
	if (mmio_cell_init(&root_cell) || mmio_cell_init(&dev_cell))
		return -ENOMEM;
	return unit->cell_init(&dev_cell);
}

static void dev_cell_destroy(void)
{
	unit_named("PCI devices")->cell_exit(&dev_cell);
	mmio_cell_exit(&dev_cell);
	mmio_cell_exit(&root_cell);
	test_pool_destroy(&mem_pool);
	test_pool_destroy(&remap_pool);
	system_restore();
}

static void bars(void)
{
	struct page_pool saved_mem = mem_pool, saved_remap = remap_pool;
	u16 bdf = BDF(0, 5, 0);

	set_cfg32(bdf, 0x04, 0x0006);		/* memory, bus master */
	set_cfg32(bdf, 0x10, 0xfea00000);
	set_cfg32(bdf, 0x18, 0xfe80000c);	/* 64-bit, prefetchable */
	set_cfg32(bdf, 0x1c, 0x00000001);
	ASSERT_EQ(dev_cell_create(), 0);
	EXPECT_TRUE(dev_cell.pci_devs != NULL);
	EXPECT_EQ(cfg16(bdf, 0x04), 0x0006);

	/* Sizing: all-ones reads back the size; nothing said, nothing moved. */
	pci_cfg_write(&dev_cell, bdf, 0x10, 0xffffffff, 4);
	EXPECT_EQ(pci_cfg_read(&dev_cell, bdf, 0x10, 4), 0xfff00000);
	EXPECT_EQ(cfg32(bdf, 0x10), 0xfea00000);
	pci_cfg_write(&dev_cell, bdf, 0x10, 0xfea00000, 4);
	EXPECT_EQ(pci_cfg_read(&dev_cell, bdf, 0x10, 4), 0xfea00000);
	EXPECT_EQ(dbg_output_len, 0);

	/* The flags stay; the upper half has none. */
	pci_cfg_write(&dev_cell, bdf, 0x18, 0xffffffff, 4);
	pci_cfg_write(&dev_cell, bdf, 0x1c, 0xffffffff, 4);
	EXPECT_EQ(pci_cfg_read(&dev_cell, bdf, 0x18, 4), 0xffffc00c);
	EXPECT_EQ(pci_cfg_read(&dev_cell, bdf, 0x1c, 4), 0xffffffff);
	EXPECT_EQ(pci_cfg_read(&dev_cell, bdf, 0x1a, 2), 0xffff);
	EXPECT_EQ(cfg32(bdf, 0x18), 0xfe80000c);
	EXPECT_EQ(cfg32(bdf, 0x1c), 0x00000001);
	pci_cfg_write(&dev_cell, bdf, 0x18, 0xfe80000c, 4);
	pci_cfg_write(&dev_cell, bdf, 0x1c, 0x00000001, 4);
	EXPECT_EQ(dbg_output_len, 0);

	/* A move: the cell reads its address, the device stays, one line. */
	pci_cfg_write(&dev_cell, bdf, 0x10, 0x3b000000, 4);
	EXPECT_EQ(pci_cfg_read(&dev_cell, bdf, 0x10, 4), 0x3b000000);
	EXPECT_EQ(cfg32(bdf, 0x10), 0xfea00000);
	EXPECT_TRUE(said("cell \"dev-cell\" may not move BAR 0 (0xfea00000 "
			 "to 0x3b000000): the device stays"));
	pci_cfg_write(&dev_cell, bdf, 0x12, 0x1234, 2);
	EXPECT_EQ(pci_cfg_read(&dev_cell, bdf, 0x10, 4), 0x12300000);
	EXPECT_EQ(cfg32(bdf, 0x10), 0xfea00000);
	EXPECT_TRUE(said("may not move BAR 0"));
	/* The expansion ROM cannot be moved or enabled either. */
	pci_cfg_write(&dev_cell, bdf, 0x30, 0xfeb00001, 4);
	EXPECT_EQ(cfg32(bdf, 0x30), 0);
	EXPECT_TRUE(said("may not move ROM BAR 6"));

	/* The root cell's writes still reach its own devices. */
	pci_cfg_write(&root_cell, BDF(0, 2, 0), 0x10, 0xfeb40000, 4);
	EXPECT_EQ(cfg32(BDF(0, 2, 0), 0x10), 0xfeb40000);

	dev_cell_destroy();
	EXPECT_TRUE(dev_cell.pci_devs == NULL);
	mem_pool = saved_mem;
	remap_pool = saved_remap;
}

TEST(pci_bars_of_a_cell_device_never_move)
{
	with_cells(bars, false);
}

static u32 *fake_msix(unsigned int vector, unsigned int word)
{
	return (u32 *)(fake_phys + (MSIX_PHYS - FAKE_PHYS_BASE) +
		       vector * 16 + word * 4);
}

static u64 table_rw(u64 offset, unsigned int size, bool write, u64 value)
{
	struct mmio_access acc = {
		.address = MSIX_PHYS + offset, .size = size,
		.is_write = write, .value = value,
	};

	EXPECT_EQ(mmio_handle_access(&dev_cell, &acc), MMIO_HANDLED);
	return acc.value;
}

static u64 root_rw(u64 offset, bool write, u64 value)
{
	struct mmio_access acc = {
		.address = MSIX_PHYS + offset, .size = 4,
		.is_write = write, .value = value,
	};

	EXPECT_EQ(mmio_handle_access(&root_cell, &acc), MMIO_HANDLED);
	return acc.value;
}

static void msix(void)
{
	struct page_pool saved_mem = mem_pool, saved_remap = remap_pool;
	u16 bdf = BDF(0, 5, 0);

	/* What the root cell left: vector 1 unmasked toward its CPU. */
	*fake_msix(1, 0) = 0xfee00000;
	*fake_msix(1, 2) = 0x31;
	*fake_msix(1, 3) = 0;
	*fake_msix(3, 3) = 0;
	*fake_msix(4, 0) = 0x5;		/* the pending bits, past the table */
	ASSERT_EQ(dev_cell_create(), 0);
	EXPECT_EQ(*fake_msix(1, 3), 1);
	EXPECT_EQ(*fake_msix(3, 3), 1);
	EXPECT_EQ(table_rw(16 + 12, 4, false, 0), 1);

	/* Toward the cell's CPU (the stub's confined address): unmasked. */
	table_rw(0, 8, true, 0xfee02000);
	table_rw(8, 4, true, 0x41);
	table_rw(12, 4, true, 0);
	EXPECT_EQ(*fake_msix(0, 0), 0xfee02000);
	EXPECT_EQ(*fake_msix(0, 2), 0x41);
	EXPECT_EQ(*fake_msix(0, 3), 0);
	EXPECT_EQ(table_rw(0, 8, false, 0), 0xfee02000);
	EXPECT_EQ(dbg_output_len, 0);

	/* Toward a root CPU: the cell reads what it wrote, the device stays
	 * masked with its old message. */
	table_rw(16, 4, true, 0xfee00000);
	table_rw(24, 4, true, 0x42);
	table_rw(28, 4, true, 0);
	EXPECT_EQ(table_rw(28, 4, false, 0), 0);
	EXPECT_EQ(table_rw(24, 4, false, 0), 0x42);
	EXPECT_EQ(*fake_msix(1, 3), 1);
	EXPECT_EQ(*fake_msix(1, 2), 0x31);
	EXPECT_TRUE(said("cell \"dev-cell\" may not unmask MSI-X vector 1 "
			 "with address 0xfee00000, data 0x42"));

	/* Redirected while unmasked: masked in the device at once. */
	table_rw(0, 4, true, 0xfee00000);
	EXPECT_EQ(*fake_msix(0, 3), 1);
	EXPECT_TRUE(said("may not unmask MSI-X vector 0"));
	/* An exception vector is refused as well. */
	table_rw(0, 4, true, 0xfee02000);
	table_rw(8, 4, true, 0x5);
	EXPECT_EQ(*fake_msix(0, 3), 1);
	EXPECT_TRUE(said("data 0x5"));

	/* Under interrupt remapping the device gets the remapped message of
	 * its vector; the cell reads what it wrote. */
	arch_msi_remapping = true;
	table_rw(32, 8, true, 0xfee02000);
	table_rw(40, 4, true, 0x43);
	table_rw(44, 4, true, 0);
	arch_msi_remapping = false;
	EXPECT_EQ(*fake_msix(2, 0), 0xfee00010 | 2 << 5);
	EXPECT_EQ(*fake_msix(2, 2), 0);
	EXPECT_EQ(*fake_msix(2, 3), 0);
	EXPECT_EQ(table_rw(32, 4, false, 0), 0xfee02000);
	EXPECT_EQ(table_rw(40, 4, false, 0), 0x43);

	/* The pending bits are read from the device; writes there dropped. */
	EXPECT_EQ(table_rw(64, 4, false, 0), 0x5);
	table_rw(64, 4, true, 0xff);
	EXPECT_EQ(*fake_msix(4, 0), 0x5);
	EXPECT_TRUE(said("beyond the MSI-X table"));

	/* MSI-X may be enabled now that the table is the hypervisor's. */
	EXPECT_TRUE(pci_msix_filtered(&dev_cfg.devs[0]));

	/* The root lost its mapping of the table's page... */
	EXPECT_EQ(root_ops_len, 1);
	EXPECT_EQ(root_ops[0].map, 0);
	EXPECT_EQ(root_ops[0].phys, MSIX_PHYS);
	EXPECT_EQ(root_ops[0].size, 0x1000);
	/* ...reads the device's table through the hypervisor... */
	EXPECT_EQ(root_rw(16 + 12, false, 0), 1);
	EXPECT_EQ(root_rw(12, false, 0), 1);
	/* ...and may not write it. */
	root_rw(16 + 12, true, 0);
	EXPECT_EQ(*fake_msix(1, 3), 1);
	EXPECT_TRUE(said("the root cell may not write the MSI-X table of "
			 "cell \"dev-cell\" (offset 0x1c): dropped"));

	*fake_msix(2, 3) = 0;
	root_ops_len = 0;
	unit_named("PCI devices")->cell_exit(&dev_cell);
	EXPECT_EQ(*fake_msix(2, 3), 1);
	/* The root's mapping comes back, its view of the table goes. */
	EXPECT_TRUE(root_ops_len >= 1 && root_ops[root_ops_len - 1].map &&
		    root_ops[root_ops_len - 1].phys <= MSIX_PHYS);
	dev_cell.pci_devs = NULL;
	dev_cell_destroy();
	(void)bdf;
	mem_pool = saved_mem;
	remap_pool = saved_remap;
}

TEST(pci_msix_table_of_a_cell_device_stays_in_the_cell)
{
	with_cells(msix, false);
}

/* A cell whose memory maps its device's MSI-X table is refused. */
static void msix_mapped(void)
{
	struct page_pool saved_mem = mem_pool, saved_remap = remap_pool;

	dev_cfg.mem[0].virt_start = MSIX_PHYS & ~0xfffffUL;
	EXPECT_EQ(dev_cell_create(), -EINVAL);
	EXPECT_TRUE(said("Cell \"dev-cell\": memory region 0 maps the MSI-X "
			 "table of PCI 00:05.0"));
	dev_cfg.mem[0].virt_start = 0;
	dev_cell_destroy();
	mem_pool = saved_mem;
	remap_pool = saved_remap;
}

TEST(pci_msix_table_may_not_be_mapped_by_the_cell)
{
	with_cells(msix_mapped, false);
}
