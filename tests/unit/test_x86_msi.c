// SPDX-License-Identifier: GPL-2.0
/*
 * x86 MSI messages (arch/x86/msi.c): which messages of the core's device
 * models become interrupts, and of which destination; which messages a
 * cell may enable in its own device. The file is
 * compiled here under other names for its entry points, since the core
 * under test links the recording ones of arch_stubs.c; the
 * APIC below it records what it was asked to send.
 */
#define arch_send_msi x86_send_msi
#define arch_msi_confined x86_msi_confined
#define arch_vpci_intx x86_vpci_intx
#define arch_send_intx x86_send_intx
#define arch_msi_remap x86_msi_remap
#define arch_msi_root_checked x86_msi_root_checked
/* The real one is test_x86_apic.c's; this file asks a recording one. */
#define apic_dest_confined recorded_dest_confined
#include "../../hypervisor/arch/x86/msi.c"
#undef arch_send_msi
#undef arch_msi_confined
#undef arch_vpci_intx
#undef arch_send_intx
#undef arch_msi_remap

#include "unit.h"

static struct {
	unsigned int calls;
	const struct cell *cell;
	bool logical, lowest, x2apic;
	u32 dest;
	u8 vector;
} sent;

void apic_send_cell_irq(const struct cell *cell, bool logical, u32 dest,
			u8 vector, bool lowest)
{
	sent.calls++;
	sent.cell = cell;
	sent.logical = logical;
	sent.dest = dest;
	sent.vector = vector;
	sent.lowest = lowest;
	sent.x2apic = false;
}

void apic_send_cell_x2apic_irq(const struct cell *cell, bool logical,
			       u32 dest, u8 vector, bool lowest)
{
	apic_send_cell_irq(cell, logical, dest, vector, lowest);
	sent.x2apic = true;
}

static const struct cell *const target = (const struct cell *)0x1000;

TEST(x86_msi_fixed_and_lowest_priority_reach_the_apic)
{
	sent.calls = 0;
	/* Physical destination 3, fixed, vector 0x41. */
	x86_send_msi(target, 0xfee03000, 0x0041);
	ASSERT_EQ(sent.calls, 1);
	EXPECT_TRUE(sent.cell == target);
	EXPECT_FALSE(sent.logical);
	EXPECT_EQ(sent.dest, 3);
	EXPECT_EQ(sent.vector, 0x41);
	EXPECT_FALSE(sent.lowest);
	/* Logical destination 0x0c, lowest priority. */
	x86_send_msi(target, 0xfee0c004, 0x0150);
	ASSERT_EQ(sent.calls, 2);
	EXPECT_TRUE(sent.logical);
	EXPECT_EQ(sent.dest, 0x0c);
	EXPECT_EQ(sent.vector, 0x50);
	EXPECT_TRUE(sent.lowest);
}

TEST(x86_msi_drops_what_is_no_plain_interrupt)
{
	sent.calls = 0;
	/* Outside the APIC window, or above 4 GiB. */
	x86_send_msi(target, 0xfed03000, 0x41);
	x86_send_msi(target, 0x1fee03000ULL, 0x41);
	/* Exception vectors. */
	x86_send_msi(target, 0xfee03000, 0x0e);
	/* SMI, NMI, INIT, ExtINT delivery modes. */
	x86_send_msi(target, 0xfee03000, 0x0241);
	x86_send_msi(target, 0xfee03000, 0x0441);
	x86_send_msi(target, 0xfee03000, 0x0541);
	x86_send_msi(target, 0xfee03000, 0x0741);
	EXPECT_EQ(sent.calls, 0);
}

static struct {
	unsigned int calls;
	bool logical;
	u32 dest;
	bool answer;
} asked;

bool recorded_dest_confined(const struct cell *cell, bool logical, u32 dest)
{
	(void)cell;
	asked.calls++;
	asked.logical = logical;
	asked.dest = dest;
	return asked.answer;
}

TEST(x86_msi_of_a_cell_device_asks_the_apic_for_its_destination)
{
	asked = (typeof(asked)){ .answer = true };
	EXPECT_TRUE(x86_msi_confined(target, 0xfee02000, 0x0041, 1));
	EXPECT_EQ(asked.calls, 1);
	EXPECT_FALSE(asked.logical);
	EXPECT_EQ(asked.dest, 2);
	/* Logical, lowest priority, four vectors 0xf0-0xf3. */
	EXPECT_TRUE(x86_msi_confined(target, 0xfee0c00c, 0x01f0, 4));
	EXPECT_TRUE(asked.logical);
	EXPECT_EQ(asked.dest, 0x0c);
	asked.answer = false;
	EXPECT_FALSE(x86_msi_confined(target, 0xfee00000, 0x0041, 1));
}

TEST(x86_msi_of_a_cell_device_refused_by_form)
{
	asked = (typeof(asked)){ .answer = true };
	/* Not the APIC window, above 4 GiB, remappable format. */
	EXPECT_FALSE(x86_msi_confined(target, 0xfed02000, 0x41, 1));
	EXPECT_FALSE(x86_msi_confined(target, 0x1fee02000ULL, 0x41, 1));
	EXPECT_FALSE(x86_msi_confined(target, 0xfee02010, 0x41, 1));
	/* An exception vector; vectors running past 0xff. */
	EXPECT_FALSE(x86_msi_confined(target, 0xfee02000, 0x0f, 1));
	EXPECT_FALSE(x86_msi_confined(target, 0xfee02000, 0xfe, 4));
	/* NMI, INIT, ExtINT delivery. */
	EXPECT_FALSE(x86_msi_confined(target, 0xfee02000, 0x0441, 1));
	EXPECT_FALSE(x86_msi_confined(target, 0xfee02000, 0x0541, 1));
	EXPECT_FALSE(x86_msi_confined(target, 0xfee02000, 0x0741, 1));
	EXPECT_EQ(asked.calls, 0);
}

/* The unit's entries as the remapping code would answer: 0x21 only. */
static bool entry_target(const struct cell *cell, u64 address, u32 data,
			 struct msi_target *t)
{
	(void)cell;
	if (address != (0xfee00000ULL | 0x10 | 0x8 | 0x20ULL << 5) ||
	    data != 1)
		return false;
	*t = (struct msi_target){ .dest = 0x10002, .vector = 0x61,
				  .logical = true, .lowest = true };
	return true;
}

/*
 * Root Linux under interrupt remapping programs an ivshmem vector as
 * handle 0x20 + subhandle 1: the entry decides, in x2APIC format. Before,
 * the message itself was read as a plain one (vector = its data).
 */
TEST(x86_msi_remappable_goes_where_its_entry_says)
{
	u64 remappable = 0xfee00000ULL | 0x10 | 0x8 | 0x20ULL << 5;

	sent.calls = 0;
	iommu_dma.msi_target = entry_target;
	x86_send_msi(target, remappable, 1);
	ASSERT_EQ(sent.calls, 1);
	EXPECT_TRUE(sent.x2apic);
	EXPECT_TRUE(sent.logical);
	EXPECT_TRUE(sent.lowest);
	EXPECT_EQ(sent.dest, 0x10002U);
	EXPECT_EQ(sent.vector, 0x61);
	/* An entry the unit has not: nothing. */
	x86_send_msi(target, remappable, 0x41);
	EXPECT_EQ(sent.calls, 1);
	iommu_dma.msi_target = NULL;
}

TEST(x86_msi_remappable_without_remapping_is_dropped)
{
	sent.calls = 0;
	iommu_dma.msi_target = NULL;
	/* Data 0x41 would read as vector 0x41 to APIC ID 1 (address 19:12). */
	x86_send_msi(target, 0xfee01010ULL, 0x41);
	x86_send_msi(target, 0xfee01018ULL, 0x41);
	EXPECT_EQ(sent.calls, 0);
}

/*
 * The root's own MSI is checked by the core where its messages name CPUs,
 * and left to the remapping unit where they select its entries.
 */
TEST(x86_msi_root_checked_unless_remapped)
{
	iommu_dma.msi_target = NULL;
	EXPECT_TRUE(x86_msi_root_checked());
	iommu_dma.msi_target = entry_target;
	EXPECT_FALSE(x86_msi_root_checked());
	iommu_dma.msi_target = NULL;
}
