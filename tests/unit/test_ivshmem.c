// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem v2 (ivshmem.c, ivshmem_cfg.c, ivshmem_regs.c): the config space
 * a cell sees, the checks of device entries and links, the BARs through
 * the MMIO dispatcher, doorbells and state changes as MSI messages to the
 * target cell (arch_send_msi is a recorder here) and a peer leaving. The
 * shared memory lives in fake_phys.
 */
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/ivshmem.h>
#include <core/mmio.h>
#include <core/page_pool.h>
#include <core/pci.h>
#include <core/unit.h>

#include "arch_stubs.h"
#include "test_pool.h"
#include "unit.h"

#define DEV_BDF		(0x0e << 3)
#define SHM_PHYS	(FAKE_PHYS_BASE + 0x8000)
#define SHM_CELL_VIRT	0x200000
#define BAR0		0xfe000000ULL
#define BAR1		0xfe001000ULL
#define MSI_ADDR	0xfee01000ULL
#define MSI_DATA	0x4041

#define SHM_REGIONS(virt, own, extra)					\
	{ .phys_start = SHM_PHYS, .virt_start = (virt), .size = 0x1000,	\
	  .flags = JAILHOUSE_MEM_READ | (extra), },			\
	{ .phys_start = SHM_PHYS + 0x1000, .virt_start = (virt) + 0x1000, \
	  .size = 0x1000, .flags = JAILHOUSE_MEM_READ |			\
	  JAILHOUSE_MEM_WRITE | (extra), },				\
	{ .phys_start = SHM_PHYS + 0x2000, .virt_start = (virt) + 0x2000, \
	  .size = 0x1000, .flags = JAILHOUSE_MEM_READ | (extra) |	\
	  ((own) == 0 ? JAILHOUSE_MEM_WRITE : 0), },			\
	{ .phys_start = SHM_PHYS + 0x3000, .virt_start = (virt) + 0x3000, \
	  .size = 0x1000, .flags = JAILHOUSE_MEM_READ | (extra) |	\
	  ((own) == 1 ? JAILHOUSE_MEM_WRITE : 0), }

#define SHM_DEVICE(id)							\
	{ .type = JAILHOUSE_PCI_TYPE_IVSHMEM, .bdf = DEV_BDF,		\
	  .bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,			\
	  .num_msix_vectors = 2, .shmem_regions_start = 0,		\
	  .shmem_dev_id = (id), .shmem_peers = 2,			\
	  .shmem_protocol = 0x4001, }

struct shm_config {
	struct jailhouse_cell_desc desc;
	unsigned long cpus[1];
	struct jailhouse_memory mem[4];
	struct jailhouse_pci_device devs[1];
} __attribute__((packed));

static const struct shm_config cfg_a = {
	.desc = { .name = "peer-a", .cpu_set_size = sizeof(unsigned long),
		  .num_memory_regions = 4, .num_pci_devices = 1, },
	.cpus = { 0x3 },
	.mem = { SHM_REGIONS(SHM_PHYS, 0, 0) },
	.devs = { SHM_DEVICE(0) },
};

static const struct shm_config cfg_b = {
	.desc = { .name = "peer-b", .cpu_set_size = sizeof(unsigned long),
		  .num_memory_regions = 4, .num_pci_devices = 1, },
	.cpus = { 0x4 },
	.mem = { SHM_REGIONS(SHM_CELL_VIRT, 1, JAILHOUSE_MEM_ROOTSHARED) },
	.devs = { SHM_DEVICE(1) },
};

/* A link of three peers at the start of fake_phys, 5 regions each. */
#define TRIO_PHYS	FAKE_PHYS_BASE
#define TRIO_REGION(n, writable)					\
	{ .phys_start = TRIO_PHYS + (n) * 0x1000,			\
	  .virt_start = TRIO_PHYS + (n) * 0x1000, .size = 0x1000,	\
	  .flags = JAILHOUSE_MEM_READ |					\
	  ((writable) ? JAILHOUSE_MEM_WRITE : 0), }
#define TRIO_CONFIG(id)							\
	{								\
		.desc = { .name = "trio" #id,				\
			  .cpu_set_size = sizeof(unsigned long),	\
			  .num_memory_regions = 5,			\
			  .num_pci_devices = 1, },			\
		.mem = { TRIO_REGION(0, 0), TRIO_REGION(1, 1),		\
			 TRIO_REGION(2, (id) == 0),			\
			 TRIO_REGION(3, (id) == 1),			\
			 TRIO_REGION(4, (id) == 2), },			\
		.devs = { { .type = JAILHOUSE_PCI_TYPE_IVSHMEM,		\
			    .bdf = DEV_BDF,				\
			    .bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX, \
			    .num_msix_vectors = 1, .shmem_dev_id = (id), \
			    .shmem_peers = 3, } },			\
	}

struct trio_config {
	struct jailhouse_cell_desc desc;
	unsigned long cpus[1];
	struct jailhouse_memory mem[5];
	struct jailhouse_pci_device devs[1];
} __attribute__((packed));

static const struct trio_config trio[3] = {
	TRIO_CONFIG(0), TRIO_CONFIG(1), TRIO_CONFIG(2),
};

static struct shm_config scratch;
static struct cell cell_a, cell_b, cell_c;
static struct page_pool saved_mem, saved_remap;

static const struct unit *ivshmem_unit(void)
{
	const struct unit *u;

	for (u = __start_units; u < __stop_units; u++)
		if (u->name && !strcmp(u->name, "ivshmem"))
			return u;
	return NULL;
}

static int add_cell_desc(struct cell *cell,
			 const struct jailhouse_cell_desc *desc)
{
	int err;

	*cell = (struct cell){ .config = desc };
	err = mmio_cell_init(cell);
	if (err)
		return err;
	err = ivshmem_unit()->cell_init(cell);
	if (err) {
		ivshmem_unit()->cell_exit(cell);
		mmio_cell_exit(cell);
	}
	return err;
}

static int add_cell(struct cell *cell, const struct shm_config *cfg)
{
	return add_cell_desc(cell, &cfg->desc);
}

static void remove_cell(struct cell *cell)
{
	ivshmem_unit()->cell_exit(cell);
	mmio_cell_exit(cell);
}

static void pools_up(void)
{
	saved_mem = mem_pool;
	saved_remap = remap_pool;
	test_pool_create(&mem_pool, 16, 0x200000);
	test_pool_create(&remap_pool, 4, 0);
	memset(fake_phys, 0, sizeof(fake_phys));
	dbg_output_reset();
	arch_msi_count = 0;
}

static void pools_down(void)
{
	EXPECT_EQ(mem_pool.used_pages, 0);
	test_pool_destroy(&mem_pool);
	test_pool_destroy(&remap_pool);
	mem_pool = saved_mem;
	remap_pool = saved_remap;
}

static void setup(bool with_b)
{
	pools_up();
	if (add_cell(&cell_a, &cfg_a))
		unit_fail(__FILE__, __LINE__, "peer a refused");
	if (with_b && add_cell(&cell_b, &cfg_b))
		unit_fail(__FILE__, __LINE__, "peer b refused");
}

static void teardown(bool with_b)
{
	if (with_b)
		remove_cell(&cell_b);
	remove_cell(&cell_a);
	pools_down();
}

static u32 cfg_read(struct cell *cell, u16 reg, unsigned int size)
{
	u32 value = 0xdeadbeef;

	EXPECT_TRUE(ivshmem_pci_cfg_read(cell, DEV_BDF, reg, size, &value));
	return value;
}

static void cfg_write(struct cell *cell, u16 reg, u32 value,
		      unsigned int size)
{
	EXPECT_TRUE(ivshmem_pci_cfg_write(cell, DEV_BDF, reg, value, size));
}

static enum mmio_result mmio(struct cell *cell, u64 addr, unsigned int size,
			     bool write, u64 *value)
{
	struct mmio_access acc = {
		.address = addr, .size = size, .is_write = write,
		.value = write ? *value : 0,
	};
	enum mmio_result res = mmio_handle_access(cell, &acc);

	if (!write)
		*value = acc.value;
	return res;
}

static void mmio_write32(struct cell *cell, u64 addr, u32 v)
{
	u64 value = v;

	EXPECT_EQ(mmio(cell, addr, 4, true, &value), MMIO_HANDLED);
}

static u32 mmio_read32(struct cell *cell, u64 addr)
{
	u64 value = 0;

	EXPECT_EQ(mmio(cell, addr, 4, false, &value), MMIO_HANDLED);
	return value;
}

/* What a driver does: BARs, decoding, MSI-X vector, interrupts on. */
static void bring_up(struct cell *cell, unsigned int vector)
{
	cfg_write(cell, 0x10, BAR0, 4);
	cfg_write(cell, 0x14, BAR1, 4);
	cfg_write(cell, 0x04, 0x6, 2);
	cfg_write(cell, IVSHMEM_CFG_MSIX_CAP + 2, 0x8000, 2);
	mmio_write32(cell, BAR1 + vector * 16, MSI_ADDR);
	mmio_write32(cell, BAR1 + vector * 16 + 4, 0);
	mmio_write32(cell, BAR1 + vector * 16 + 8, MSI_DATA + vector);
	mmio_write32(cell, BAR1 + vector * 16 + 12, 0);
	mmio_write32(cell, BAR0 + IVSHMEM_REG_INT_CTRL, IVSHMEM_INT_ENABLE);
}

static u32 state_entry(unsigned int id)
{
	u32 v;

	memcpy(&v, fake_phys + (SHM_PHYS - FAKE_PHYS_BASE) + 4 * id, 4);
	return v;
}

TEST(ivshmem_config_space_identity_and_layout)
{
	setup(true);
	EXPECT_EQ(cfg_read(&cell_a, 0x00, 4), 0x4106110a);
	/* Status: capability list; class 0xff, protocol 0x4001, rev 2. */
	EXPECT_EQ(cfg_read(&cell_a, 0x06, 2) & 0x10, 0x10);
	EXPECT_EQ(cfg_read(&cell_a, 0x08, 4), 0xff400102);
	EXPECT_EQ(cfg_read(&cell_a, 0x34, 1), IVSHMEM_CFG_VNDR_CAP);
	/* Vendor capability: id 9, next MSI-X, length 0x20. */
	EXPECT_EQ(cfg_read(&cell_a, 0x40, 4), 0x00200009 |
		  IVSHMEM_CFG_MSIX_CAP << 8);
	EXPECT_EQ(cfg_read(&cell_a, 0x44, 4), 0x1000);
	EXPECT_EQ(cfg_read(&cell_a, 0x48, 4), 0x1000);
	EXPECT_EQ(cfg_read(&cell_a, 0x50, 4), 0x1000);
	EXPECT_EQ(cfg_read(&cell_a, 0x58, 4), SHM_PHYS);
	EXPECT_EQ(cfg_read(&cell_a, 0x5c, 4), 0);
	/* Each peer sees its own guest address of the sections. */
	EXPECT_EQ(cfg_read(&cell_b, 0x58, 4), SHM_CELL_VIRT);
	/* MSI-X: 2 vectors, table and PBA in BAR1. */
	EXPECT_EQ(cfg_read(&cell_a, 0x60, 4), 0x00010011);
	EXPECT_EQ(cfg_read(&cell_a, 0x64, 4), 1);
	EXPECT_EQ(cfg_read(&cell_a, 0x68, 4), IVSHMEM_MSIX_PBA | 1);
	EXPECT_EQ(cfg_read(&cell_a, 0x100, 4), 0);
	/* Not a device of a cell without it. */
	EXPECT_FALSE(ivshmem_pci_cfg_read(&cell_a, DEV_BDF + 1, 0, 4,
					  &(u32){ 0 }));
	teardown(true);
}

TEST(ivshmem_config_writes_only_where_writable)
{
	setup(false);
	/* BAR sizing reads back the mask: 4 KiB each. */
	cfg_write(&cell_a, 0x10, 0xffffffff, 4);
	EXPECT_EQ(cfg_read(&cell_a, 0x10, 4), 0xfffff000);
	cfg_write(&cell_a, 0x18, 0xffffffff, 4);
	EXPECT_EQ(cfg_read(&cell_a, 0x18, 4), 0);
	/* Identity, capabilities and the vendor fields stay. */
	cfg_write(&cell_a, 0x00, 0x12345678, 4);
	cfg_write(&cell_a, 0x44, 0x12345678, 4);
	cfg_write(&cell_a, 0x58, 0, 4);
	EXPECT_EQ(cfg_read(&cell_a, 0x00, 4), 0x4106110a);
	EXPECT_EQ(cfg_read(&cell_a, 0x44, 4), 0x1000);
	EXPECT_EQ(cfg_read(&cell_a, 0x58, 4), SHM_PHYS);
	/* Command: memory, master, INTx disable only; status kept. */
	cfg_write(&cell_a, 0x04, 0xffffffff, 4);
	EXPECT_EQ(cfg_read(&cell_a, 0x04, 4), 0x00100406);
	/* MSI-X: enable and function mask only, table size kept. */
	cfg_write(&cell_a, 0x62, 0xffff, 2);
	EXPECT_EQ(cfg_read(&cell_a, 0x62, 2), 0xc001);
	/* Interrupt line, byte-wise. */
	cfg_write(&cell_a, 0x3c, 0x0b, 1);
	EXPECT_EQ(cfg_read(&cell_a, 0x3c, 4), 0x0b);
	teardown(false);
}

TEST(ivshmem_bars_follow_memory_decoding)
{
	u64 value = 0;

	setup(false);
	cfg_write(&cell_a, 0x10, BAR0, 4);
	cfg_write(&cell_a, 0x14, BAR1, 4);
	/* Not decoded while the memory bit is off. */
	EXPECT_EQ(mmio(&cell_a, BAR0, 4, false, &value), MMIO_UNHANDLED);
	cfg_write(&cell_a, 0x04, 0x2, 2);
	EXPECT_EQ(mmio_read32(&cell_a, BAR0 + IVSHMEM_REG_ID), 0);
	EXPECT_EQ(mmio_read32(&cell_a, BAR0 + IVSHMEM_REG_MAX_PEERS), 2);
	/* Moving BAR0 while decoding moves the region. */
	cfg_write(&cell_a, 0x10, BAR0 + 0x10000, 4);
	EXPECT_EQ(mmio(&cell_a, BAR0, 4, false, &value), MMIO_UNHANDLED);
	EXPECT_EQ(mmio_read32(&cell_a, BAR0 + 0x10000 + 4), 2);
	/* BAR0 onto BAR1: refused with a note, BAR1 still there. */
	cfg_write(&cell_a, 0x10, BAR1, 4);
	EXPECT_TRUE(strstr(dbg_output, "ivshmem BAR0 at 0xfe001000 overlaps"));
	EXPECT_EQ(mmio(&cell_a, BAR0 + 0x10000, 4, false, &value),
		  MMIO_UNHANDLED);
	EXPECT_EQ(mmio_read32(&cell_a, BAR1 + IVSHMEM_MSIX_PBA), 0);
	/* Back where it was, then decoding off: both gone. */
	cfg_write(&cell_a, 0x10, BAR0, 4);
	EXPECT_EQ(mmio_read32(&cell_a, BAR0 + IVSHMEM_REG_MAX_PEERS), 2);
	cfg_write(&cell_a, 0x04, 0x0, 2);
	EXPECT_EQ(mmio(&cell_a, BAR0, 4, false, &value), MMIO_UNHANDLED);
	EXPECT_EQ(mmio(&cell_a, BAR1, 4, false, &value), MMIO_UNHANDLED);
	teardown(false);
}

TEST(ivshmem_register_and_msix_access_widths)
{
	u64 value = 0x55;

	setup(false);
	bring_up(&cell_a, 1);
	/* Registers: other widths read zero and write nothing. */
	EXPECT_EQ(mmio(&cell_a, BAR0 + IVSHMEM_REG_MAX_PEERS, 1, false,
		       &value), MMIO_HANDLED);
	EXPECT_EQ(value, 0);
	value = 0;
	EXPECT_EQ(mmio(&cell_a, BAR0 + IVSHMEM_REG_INT_CTRL, 2, true, &value),
		  MMIO_HANDLED);
	EXPECT_EQ(mmio_read32(&cell_a, BAR0 + IVSHMEM_REG_INT_CTRL), 1);
	/* MSI-X table: 8-byte access, entry beyond the vectors reads 0. */
	EXPECT_EQ(mmio(&cell_a, BAR1 + 16, 8, false, &value), MMIO_HANDLED);
	EXPECT_EQ(value, MSI_ADDR);
	mmio_write32(&cell_a, BAR1 + 32, 0x1234);
	EXPECT_EQ(mmio_read32(&cell_a, BAR1 + 32), 0);
	EXPECT_EQ(mmio_read32(&cell_a, BAR1 + IVSHMEM_MSIX_PBA), 0);
	/* Odd widths and misalignment are refused. */
	EXPECT_EQ(mmio(&cell_a, BAR1, 2, false, &value), MMIO_ERROR);
	EXPECT_EQ(mmio(&cell_a, BAR1 + 4, 8, false, &value), MMIO_ERROR);
	teardown(false);
}

TEST(ivshmem_doorbell_reaches_the_target_vector_only_when_open)
{
	setup(true);
	bring_up(&cell_a, 0);
	/* Peer b: nothing set up yet, so nothing is delivered. */
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 1);
	EXPECT_EQ(arch_msi_count, 0);
	bring_up(&cell_b, 1);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 1);
	ASSERT_EQ(arch_msi_count, 1);
	EXPECT_TRUE(arch_msi_calls[0].cell == &cell_b);
	EXPECT_EQ(arch_msi_calls[0].address, MSI_ADDR);
	EXPECT_EQ(arch_msi_calls[0].data, MSI_DATA + 1);
	/* Vector 0 of b is masked, vector 2 does not exist, no peer 5. */
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 0);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 2);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 5 << 16 | 1);
	EXPECT_EQ(arch_msi_count, 1);
	/* Masked by the vector control, by INT_CTRL, by bus master. */
	mmio_write32(&cell_b, BAR1 + 16 + 12, 1);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 1);
	mmio_write32(&cell_b, BAR1 + 16 + 12, 0);
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_INT_CTRL, 0);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 1);
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_INT_CTRL, 1);
	cfg_write(&cell_b, 0x04, 0x2, 2);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 1);
	EXPECT_EQ(arch_msi_count, 1);
	/* And back the other way: b rings a's vector 0. */
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_DOORBELL, 0);
	ASSERT_EQ(arch_msi_count, 2);
	EXPECT_TRUE(arch_msi_calls[1].cell == &cell_a);
	EXPECT_EQ(arch_msi_calls[1].data, MSI_DATA);
	teardown(true);
}

/* Peers a and b without MSI-X: INTx, where the arch has it. */
static struct shm_config intx_a, intx_b;

static void setup_intx(void)
{
	intx_a = cfg_a;
	intx_b = cfg_b;
	intx_a.devs[0].num_msix_vectors = 0;
	intx_b.devs[0].num_msix_vectors = 0;
	intx_a.devs[0].bar_mask[1] = 0;
	intx_b.devs[0].bar_mask[1] = 0;
	arch_intx_supported = true;
	arch_intx_count = 0;
	pools_up();
	if (add_cell(&cell_a, &intx_a) || add_cell(&cell_b, &intx_b))
		unit_fail(__FILE__, __LINE__, "INTx peers refused");
	cfg_write(&cell_b, 0x10, BAR0, 4);
	cfg_write(&cell_b, 0x04, 0x2, 2);
	cfg_write(&cell_a, 0x10, BAR0, 4);
	cfg_write(&cell_a, 0x04, 0x2, 2);
}

TEST(ivshmem_intx_pin_rotates_with_the_slot_and_obeys_its_controls)
{
	setup_intx();
	/* Slot 0x0e: pin (14 % 4) + 1 = INTC; no MSI-X capability. */
	EXPECT_EQ(cfg_read(&cell_b, 0x3d, 1), 3);
	EXPECT_EQ(cfg_read(&cell_b, IVSHMEM_CFG_VNDR_CAP + 1, 1), 0);
	/* The pin is read-only; INT_CTRL still off: nothing. */
	cfg_write(&cell_b, 0x3c, 0xffff, 2);
	EXPECT_EQ(cfg_read(&cell_b, 0x3d, 1), 3);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16);
	EXPECT_EQ(arch_intx_count, 0);
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_INT_CTRL, IVSHMEM_INT_ENABLE);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16);
	EXPECT_EQ(arch_intx_count, 1);
	EXPECT_TRUE(arch_intx_cell == &cell_b);
	EXPECT_EQ(arch_intx_pin, 3);
	/* One line only: vector 1 is lost; so is all with INTx disable. */
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16 | 1);
	cfg_write(&cell_b, 0x04, 0x402, 2);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16);
	EXPECT_EQ(arch_intx_count, 1);
	EXPECT_EQ(arch_msi_count, 0);
	teardown(true);
	arch_intx_supported = false;
}

TEST(ivshmem_state_goes_to_the_table_and_signals_the_others)
{
	setup(true);
	bring_up(&cell_a, 0);
	bring_up(&cell_b, 0);
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_STATE, 0xabcd);
	EXPECT_EQ(state_entry(1), 0xabcd);
	EXPECT_EQ(state_entry(0), 0);
	EXPECT_EQ(mmio_read32(&cell_b, BAR0 + IVSHMEM_REG_STATE), 0xabcd);
	ASSERT_EQ(arch_msi_count, 1);
	EXPECT_TRUE(arch_msi_calls[0].cell == &cell_a);
	EXPECT_EQ(arch_msi_calls[0].data, MSI_DATA);
	teardown(true);
}

TEST(ivshmem_leaving_peer_leaves_state_zero_and_an_interrupt)
{
	setup(true);
	bring_up(&cell_a, 0);
	bring_up(&cell_b, 0);
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_STATE, 3);
	arch_msi_count = 0;
	remove_cell(&cell_b);
	EXPECT_EQ(state_entry(1), 0);
	ASSERT_EQ(arch_msi_count, 1);
	EXPECT_TRUE(arch_msi_calls[0].cell == &cell_a);
	/* Doorbells to the gone peer go nowhere; the id is free again. */
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 1 << 16);
	EXPECT_EQ(arch_msi_count, 1);
	EXPECT_EQ(add_cell(&cell_b, &cfg_b), 0);
	teardown(true);
}

static int check_scratch(void)
{
	return ivshmem_check_device(&scratch.desc, &scratch.devs[0]);
}

TEST(ivshmem_refuses_device_entries_that_break_isolation)
{
	dbg_output_reset();
	scratch = cfg_b;
	EXPECT_EQ(check_scratch(), 0);
	/* Writing the other peer's output section, or the state table. */
	scratch.mem[2].flags |= JAILHOUSE_MEM_WRITE;
	EXPECT_EQ(check_scratch(), -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "another peer's output section"));
	scratch = cfg_b;
	scratch.mem[0].flags |= JAILHOUSE_MEM_WRITE;
	EXPECT_EQ(check_scratch(), -EINVAL);
	/* Gaps, unequal outputs, a state table too small for the peers. */
	scratch = cfg_b;
	scratch.mem[3].virt_start += 0x1000;
	EXPECT_EQ(check_scratch(), -EINVAL);
	scratch = cfg_b;
	scratch.mem[3].size = 0x2000;
	EXPECT_EQ(check_scratch(), -EINVAL);
	scratch = cfg_b;
	scratch.mem[0].size = 4;
	EXPECT_EQ(check_scratch(), -EINVAL);
	/* Peer id, peer count, vectors, BAR masks, regions. */
	scratch = cfg_b;
	scratch.devs[0].shmem_dev_id = 2;
	EXPECT_EQ(check_scratch(), -EINVAL);
	scratch = cfg_b;
	scratch.devs[0].shmem_peers = 1;
	EXPECT_EQ(check_scratch(), -EINVAL);
	scratch = cfg_b;
	scratch.devs[0].num_msix_vectors = 0;
	EXPECT_EQ(check_scratch(), -EINVAL);
	arch_intx_supported = true;
	EXPECT_EQ(check_scratch(), 0);
	arch_intx_supported = false;
	scratch = cfg_b;
	scratch.devs[0].num_msix_vectors = IVSHMEM_MAX_VECTORS + 1;
	EXPECT_EQ(check_scratch(), -EINVAL);
	scratch = cfg_b;
	scratch.devs[0].bar_mask[0] = 0xfffff800;
	EXPECT_EQ(check_scratch(), -EINVAL);
	scratch = cfg_b;
	scratch.devs[0].bar_mask[1] = 0xff00f000;
	EXPECT_EQ(check_scratch(), -EINVAL);
	scratch = cfg_b;
	scratch.desc.num_memory_regions = 3;
	EXPECT_EQ(check_scratch(), -EINVAL);
}

TEST(ivshmem_links_only_matching_peers)
{
	unsigned int n;

	setup(false);
	/* Other memory, other protocol, a taken peer id: refused. */
	scratch = cfg_b;
	for (n = 0; n < 4; n++)
		scratch.mem[n].phys_start += 0x4000;
	EXPECT_EQ(add_cell(&cell_b, &scratch), -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "memory or protocol differs"));
	scratch = cfg_b;
	scratch.devs[0].shmem_protocol = 1;
	EXPECT_EQ(add_cell(&cell_b, &scratch), -EINVAL);
	scratch = cfg_a;
	EXPECT_EQ(add_cell(&cell_b, &scratch), -EINVAL);
	EXPECT_TRUE(strstr(dbg_output, "peer id taken"));
	/* None of them left an endpoint behind. */
	EXPECT_FALSE(ivshmem_pci_cfg_read(&cell_b, DEV_BDF, 0, 4,
					  &(u32){ 0 }));
	EXPECT_EQ(add_cell(&cell_b, &cfg_b), 0);
	teardown(true);
}

TEST(ivshmem_three_peers_each_reach_the_others)
{
	struct cell *cells[3] = { &cell_a, &cell_b, &cell_c };
	unsigned int n;

	pools_up();
	for (n = 0; n < 3; n++) {
		ASSERT_EQ(add_cell_desc(cells[n], &trio[n].desc), 0);
		bring_up(cells[n], 0);
	}
	EXPECT_EQ(mmio_read32(&cell_c, BAR0 + IVSHMEM_REG_ID), 2);
	EXPECT_EQ(mmio_read32(&cell_c, BAR0 + IVSHMEM_REG_MAX_PEERS), 3);
	/* Peer 1 rings peer 2, then peer 0. */
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_DOORBELL, 2 << 16);
	mmio_write32(&cell_b, BAR0 + IVSHMEM_REG_DOORBELL, 0 << 16);
	ASSERT_EQ(arch_msi_count, 2);
	EXPECT_TRUE(arch_msi_calls[0].cell == &cell_c);
	EXPECT_TRUE(arch_msi_calls[1].cell == &cell_a);
	/* A state change reaches both others, and lands in entry 2. */
	arch_msi_count = 0;
	mmio_write32(&cell_c, BAR0 + IVSHMEM_REG_STATE, 7);
	EXPECT_EQ(memcmp(fake_phys + 8, &(u32){ 7 }, 4), 0);
	ASSERT_EQ(arch_msi_count, 2);
	EXPECT_TRUE(arch_msi_calls[0].cell == &cell_a);
	EXPECT_TRUE(arch_msi_calls[1].cell == &cell_b);
	/* Peer 1 leaves: 0 and 2 hear of it, 0 and 2 still talk. */
	arch_msi_count = 0;
	remove_cell(&cell_b);
	EXPECT_EQ(arch_msi_count, 2);
	mmio_write32(&cell_a, BAR0 + IVSHMEM_REG_DOORBELL, 2 << 16);
	ASSERT_EQ(arch_msi_count, 3);
	EXPECT_TRUE(arch_msi_calls[2].cell == &cell_c);
	remove_cell(&cell_c);
	remove_cell(&cell_a);
	pools_down();
}
