// SPDX-License-Identifier: GPL-2.0
/*
 * x86 MSI messages of the core's device models (arch/x86/msi.c): which
 * messages become interrupts, and of which destination. The file is
 * compiled here under another name for its entry point, since the core
 * under test links the recording arch_send_msi of arch_stubs.c; the
 * APIC below it records what it was asked to send.
 */
#define arch_send_msi x86_send_msi
#define arch_vpci_intx x86_vpci_intx
#define arch_send_intx x86_send_intx
#include "../../hypervisor/arch/x86/msi.c"
#undef arch_send_msi
#undef arch_vpci_intx
#undef arch_send_intx

#include "unit.h"

static struct {
	unsigned int calls;
	const struct cell *cell;
	bool logical, lowest;
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
