// SPDX-License-Identifier: GPL-2.0
/* The x2APIC MSR and IPI destination rules of x86/apic_rules.h. */
#include <x86/apic_rules.h>

#include "unit.h"

TEST(x2apic_msr_access_follows_the_register_map)
{
	EXPECT_EQ(X2APIC_READ, x2apic_msr_access(X2APIC_MSR_ID));
	EXPECT_EQ(X2APIC_READ, x2apic_msr_access(X2APIC_MSR_LDR));
	EXPECT_EQ(X2APIC_WRITE, x2apic_msr_access(X2APIC_MSR_EOI));
	EXPECT_EQ(X2APIC_WRITE, x2apic_msr_access(X2APIC_MSR_SELF_IPI));
	EXPECT_EQ(X2APIC_READ | X2APIC_WRITE,
		  x2apic_msr_access(X2APIC_MSR_ICR));
	EXPECT_EQ(X2APIC_READ | X2APIC_WRITE, x2apic_msr_access(0x838));
	EXPECT_EQ(X2APIC_READ, x2apic_msr_access(0x810));
	EXPECT_EQ(X2APIC_READ, x2apic_msr_access(0x827));
	/* DFR, ICR high half, arbitration priority, reserved: #GP. */
	EXPECT_EQ(0, x2apic_msr_access(0x80e));
	EXPECT_EQ(0, x2apic_msr_access(0x831));
	EXPECT_EQ(0, x2apic_msr_access(0x809));
	EXPECT_EQ(0, x2apic_msr_access(0x800));
	EXPECT_EQ(0, x2apic_msr_access(0x840));
	EXPECT_EQ(0, x2apic_msr_access(0x8ff));
	/* CMCI: QEMU's APIC has none, and no cell needs it. */
	EXPECT_EQ(0, x2apic_msr_access(0x82f));
	EXPECT_EQ(0x300, x2apic_msr_to_reg(X2APIC_MSR_ICR));
	EXPECT_EQ(0x0b0, x2apic_msr_to_reg(X2APIC_MSR_EOI));
}

TEST(x2apic_cells_reach_only_their_own_cpu_directly)
{
	EXPECT_TRUE(x2apic_msr_passes(X2APIC_MSR_EOI));
	EXPECT_TRUE(x2apic_msr_passes(X2APIC_MSR_TPR));
	EXPECT_TRUE(x2apic_msr_passes(0x832));	/* LVT timer */
	EXPECT_TRUE(x2apic_msr_passes(0x838));	/* initial count */
	EXPECT_TRUE(x2apic_msr_passes(0x839));	/* current count */
	/* Read-only: the CPU raises #GP on writes itself. */
	EXPECT_TRUE(x2apic_msr_passes(X2APIC_MSR_ID));
	EXPECT_TRUE(x2apic_msr_passes(X2APIC_MSR_LDR));
	/* Reaching other CPUs or the PIC: trapped. */
	EXPECT_FALSE(x2apic_msr_passes(X2APIC_MSR_ICR));
	EXPECT_FALSE(x2apic_msr_passes(X2APIC_MSR_LVT_LINT0));
	EXPECT_FALSE(x2apic_msr_passes(X2APIC_MSR_LVT_LINT1));
	/* Its vector is checked (a vector below 16 is dropped). */
	EXPECT_FALSE(x2apic_msr_passes(X2APIC_MSR_SELF_IPI));
	/* Nonexistent: the #GP comes from the hypervisor, not the APIC. */
	EXPECT_FALSE(x2apic_msr_passes(0x800));
	EXPECT_FALSE(x2apic_msr_passes(0x82f));
	EXPECT_FALSE(x2apic_msr_passes(0x8ff));
}

TEST(local_pins_may_not_take_extint)
{
	EXPECT_TRUE(apic_lint_allowed(APIC_LVT_MASKED | ICR_DM_EXTINT));
	EXPECT_TRUE(apic_lint_allowed(ICR_DM_NMI));
	EXPECT_TRUE(apic_lint_allowed(ICR_DM_FIXED | 0x30));
	EXPECT_FALSE(apic_lint_allowed(ICR_DM_EXTINT));
	EXPECT_FALSE(apic_lint_allowed(ICR_DM_EXTINT | 0x30));
}

TEST(x2apic_logical_ids_come_from_the_apic_id)
{
	EXPECT_EQ(0x00000001, x2apic_ldr(0));
	EXPECT_EQ(0x00000008, x2apic_ldr(3));
	EXPECT_EQ(0x00018000, x2apic_ldr(0x1f));
	EXPECT_TRUE(x2apic_logical_match(3, 0x00000008));
	EXPECT_TRUE(x2apic_logical_match(3, 0x0000000c));
	EXPECT_FALSE(x2apic_logical_match(2, 0x00000008));
	/* The same member bit in another cluster is someone else. */
	EXPECT_FALSE(x2apic_logical_match(3, 0x00010008));
	EXPECT_TRUE(x2apic_logical_match(0x13, 0x00010008));
	EXPECT_TRUE(x2apic_logical_match(5, X2APIC_BROADCAST));
	EXPECT_FALSE(x2apic_logical_match(5, 0));
}

TEST(xapic_logical_destinations_flat_and_cluster)
{
	EXPECT_TRUE(xapic_logical_match(0x04, true, 0x0c));
	EXPECT_FALSE(xapic_logical_match(0x04, true, 0x0b));
	EXPECT_TRUE(xapic_logical_match(0x21, false, 0x21));
	EXPECT_TRUE(xapic_logical_match(0x21, false, 0xf1));
	EXPECT_FALSE(xapic_logical_match(0x21, false, 0x11));
	EXPECT_FALSE(xapic_logical_match(0x21, false, 0x22));
}

TEST(physical_destinations_and_broadcasts_per_mode)
{
	EXPECT_TRUE(apic_physical_match(2, 2, true));
	EXPECT_FALSE(apic_physical_match(2, 3, true));
	EXPECT_TRUE(apic_physical_match(2, X2APIC_BROADCAST, true));
	/* 0xff is an ordinary x2APIC ID, the xAPIC broadcast. */
	EXPECT_FALSE(apic_physical_match(2, 0xff, true));
	EXPECT_TRUE(apic_physical_match(2, 0xff, false));
	EXPECT_FALSE(apic_physical_match(2, 0x102, true));
}

TEST(self_ipis_go_out_physical)
{
	/* Logical, self shorthand, fixed vector 0xf8 (Linux's reboot). */
	u32 icr = ICR_DEST_LOGICAL | ICR_TO_SELF | 0xf8;

	EXPECT_EQ(0xf8, icr_self_as_physical(icr));
	EXPECT_EQ(ICR_DM_NMI | ICR_ASSERT,
		  icr_self_as_physical(ICR_TO_SELF | ICR_DM_NMI | ICR_ASSERT |
				       ICR_DEST_LOGICAL));
}

/*
 * Reserved xAPIC registers never reach the APIC: QEMU's keeps the
 * illegal-register error for good, and the CPU's next owner fails to
 * start CPUs (scenario x86/67).
 */
TEST(xapic_page_registers_follow_the_register_map)
{
	EXPECT_EQ(X2APIC_READ | X2APIC_WRITE, xapic_reg_access(0x020));
	EXPECT_EQ(X2APIC_READ | X2APIC_WRITE, xapic_reg_access(0x0e0));
	EXPECT_EQ(X2APIC_READ | X2APIC_WRITE, xapic_reg_access(0x310));
	EXPECT_EQ(X2APIC_READ | X2APIC_WRITE, xapic_reg_access(0x280));
	EXPECT_EQ(X2APIC_READ | X2APIC_WRITE, xapic_reg_access(0x380));
	EXPECT_EQ(X2APIC_READ, xapic_reg_access(0x030));
	EXPECT_EQ(X2APIC_READ, xapic_reg_access(0x090));
	EXPECT_EQ(X2APIC_READ, xapic_reg_access(0x270));
	EXPECT_EQ(X2APIC_READ, xapic_reg_access(0x390));
	EXPECT_EQ(X2APIC_WRITE, xapic_reg_access(0x0b0));
	EXPECT_EQ(0, xapic_reg_access(0x000));
	EXPECT_EQ(0, xapic_reg_access(0x040));
	EXPECT_EQ(0, xapic_reg_access(0x0c0));
	EXPECT_EQ(0, xapic_reg_access(0x290));
	EXPECT_EQ(0, xapic_reg_access(0x2f0));
	EXPECT_EQ(0, xapic_reg_access(0x3a0));
	EXPECT_EQ(0, xapic_reg_access(0x3f0));
	EXPECT_EQ(0, xapic_reg_access(0x304));
	EXPECT_EQ(0, xapic_reg_access(0x400));
}
