// SPDX-License-Identifier: GPL-2.0
/*
 * VT-d interrupt remapping entries: what the hypervisor accepts from a
 * guest's table and what it builds for a cell's MSI, bit by bit against
 * the VT-d specification's IRTE and remappable MSI layouts.
 */
#include <string.h>

#include <core/errno.h>
#include <x86/vtd_irte.h>

#include "unit.h"

/* A cell with the CPUs of x2APIC IDs 0 and 1 and device 00:05.0. */
static bool dest_ok(const void *ctx, bool logical, u32 dest)
{
	(void)ctx;
	/* Logical: cluster 0, members 0 and 1. */
	if (logical)
		return dest && !(dest & ~0x3U);
	return dest <= 1;
}

static bool sid_ok(const void *ctx, u16 sid)
{
	(void)ctx;
	return sid == 0x28;
}

static const struct vtd_irte_rules rules = {
	.dest_ok = dest_ok,
	.sid_ok = sid_ok,
};

/* Linux's entry: fixed, physical, vector 0x22 at APIC 1, SID 00:05.0. */
static struct vtd_irte linux_entry(void)
{
	return (struct vtd_irte){
		.lo = 0x0000000100220001ULL,
		.hi = 0x0000000000040028ULL,
	};
}

static int check(struct vtd_irte in, struct vtd_irte *out, const char **why)
{
	return vtd_irte_check(&in, &rules, out, why);
}

TEST(vtd_irte_accepts_a_fixed_physical_entry)
{
	struct vtd_irte out;
	const char *why;

	EXPECT_EQ(check(linux_entry(), &out, &why), 0);
	EXPECT_EQ(out.lo, linux_entry().lo);
	EXPECT_EQ(out.hi, linux_entry().hi);
}

TEST(vtd_irte_drops_software_and_reserved_bits)
{
	struct vtd_irte in = linux_entry(), out;
	const char *why;

	/* AVAIL (11:8), reserved 14:12 and 31:24, high reserved bits. */
	in.lo |= 0xff007f00ULL;
	in.hi |= 0xffff000000f00000ULL;
	EXPECT_EQ(check(in, &out, &why), 0);
	EXPECT_EQ(out.lo, linux_entry().lo);
	EXPECT_EQ(out.hi, linux_entry().hi);
}

TEST(vtd_irte_not_present_gives_zero)
{
	struct vtd_irte in = linux_entry(), out = { 1, 1 };
	const char *why;

	in.lo &= ~VTD_IRTE_P;
	/* Whatever else it holds: a present bit of 0 blocks. */
	in.lo |= 7ULL << VTD_IRTE_DLM_SHIFT;
	EXPECT_EQ(check(in, &out, &why), 0);
	EXPECT_EQ(out.lo, 0ULL);
	EXPECT_EQ(out.hi, 0ULL);
}

TEST(vtd_irte_refuses_foreign_destinations)
{
	struct vtd_irte in = linux_entry(), out;
	const char *why;

	in.lo = (in.lo & 0xffffffffULL) | 2ULL << 32;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	EXPECT_STREQ(why, "destination CPU outside the cell");
	EXPECT_EQ(out.lo, 0ULL);
	/* Logical, cluster 0 member 2 is foreign; 0 and 1 are not. */
	in.lo = (in.lo & 0xffffffffULL) | VTD_IRTE_DM_LOGICAL | 4ULL << 32;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	in.lo = (in.lo & 0xffffffffULL) | 3ULL << 32;
	EXPECT_EQ(check(in, &out, &why), 0);
	/* A different cluster with the same member bits. */
	in.lo = (in.lo & 0xffffffffULL) | 0x10001ULL << 32;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
}

TEST(vtd_irte_refuses_low_vectors_and_other_delivery_modes)
{
	struct vtd_irte in, out;
	const char *why;
	unsigned int dlm;

	in = linux_entry();
	in.lo = (in.lo & ~(0xffULL << 16)) | 0x0fULL << 16;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	EXPECT_STREQ(why, "vector below 16");
	in.lo = (in.lo & ~(0xffULL << 16)) | 0x10ULL << 16;
	EXPECT_EQ(check(in, &out, &why), 0);
	in.lo = (in.lo & ~(0xffULL << 16)) | 0xffULL << 16;
	EXPECT_EQ(check(in, &out, &why), 0);
	/* SMI 2, NMI 4, INIT 5, ExtINT 7 and the reserved 3 and 6. */
	for (dlm = 2; dlm < 8; dlm++) {
		in = linux_entry();
		in.lo |= (u64)dlm << VTD_IRTE_DLM_SHIFT;
		EXPECT_EQ(check(in, &out, &why), -EPERM);
	}
	in = linux_entry();
	in.lo |= (u64)VTD_DLM_LOWEST << VTD_IRTE_DLM_SHIFT | VTD_IRTE_RH;
	EXPECT_EQ(check(in, &out, &why), 0);
}

TEST(vtd_irte_needs_the_source_validated)
{
	struct vtd_irte in, out;
	const char *why;

	in = linux_entry();
	in.hi &= ~(VTD_IRTE_SVT_MASK << VTD_IRTE_SVT_SHIFT);
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	EXPECT_STREQ(why, "source not validated by its full requester id");
	/* Bus-range validation names no single device. */
	in.hi |= (u64)VTD_SVT_BUS << VTD_IRTE_SVT_SHIFT;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	/* Requester id with ignored function bits (SQ 3). */
	in = linux_entry();
	in.hi |= 3ULL << VTD_IRTE_SQ_SHIFT;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	in = linux_entry();
	in.hi = (in.hi & ~0xffffULL) | 0x30;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	EXPECT_STREQ(why, "source device not the cell's");
}

TEST(vtd_irte_refuses_posted_entries)
{
	struct vtd_irte in = linux_entry(), out;
	const char *why;

	in.lo |= VTD_IRTE_IM_POSTED;
	EXPECT_EQ(check(in, &out, &why), -EPERM);
	EXPECT_STREQ(why, "posted format");
}

TEST(vtd_irte_make_builds_a_checked_entry)
{
	struct vtd_irte e = vtd_irte_make(1, false, 0x31, false, 0x28), out;
	const char *why;

	EXPECT_EQ(e.lo, 0x0000000100310001ULL);
	EXPECT_EQ(e.hi, 0x0000000000040028ULL);
	EXPECT_EQ(vtd_irte_check(&e, &rules, &out, &why), 0);
	e = vtd_irte_make(3, true, 0x40, true, 0x28);
	/* P, DM logical, RH, DLM 1, vector 0x40, destination 3. */
	EXPECT_EQ(e.lo, 0x000000030040002dULL);
	EXPECT_EQ(vtd_irte_check(&e, &rules, &out, &why), 0);
}

TEST(vtd_msi_remappable_format)
{
	u64 address;
	u32 data;

	vtd_msi_remappable(0x101, &address, &data);
	EXPECT_EQ(address, 0xfee00000ULL | 0x10 | 0x101ULL << 5);
	EXPECT_EQ(data, 0U);
	/* Bit 15 of the handle goes to address bit 2. */
	vtd_msi_remappable(0x8003, &address, &data);
	EXPECT_EQ(address, 0xfee00000ULL | 0x10 | 0x4 | 0x3ULL << 5);
}

TEST(vtd_ioapic_remappable_format)
{
	/* Level, active low, unmasked, fixed to APIC ID 3, vector 0x39. */
	u32 lo = 0x0000a039, hi = 0x03000000;

	vtd_ioapic_remappable(0x101, &lo, &hi);
	/* Vector, polarity and trigger mode kept; the rest is the handle. */
	EXPECT_EQ(lo, 0x0000a039U);
	EXPECT_EQ(hi, 0x00010000U | 0x101U << 17);
	EXPECT_EQ(vtd_ioapic_handle(lo, hi), 0x101U);
	/* Delivery mode and logical bit go; bit 15 of the handle is bit 11. */
	lo = 0x00000931;
	vtd_ioapic_remappable(0x8002, &lo, &hi);
	EXPECT_EQ(lo, 0x00000831U);
	EXPECT_EQ(hi, 0x00010000U | 0x2U << 17);
	EXPECT_EQ(vtd_ioapic_handle(lo, hi), 0x8002U);
}

TEST(vtd_msi_entry_reads_handle_and_subhandle)
{
	u64 address;
	u32 data;

	vtd_msi_remappable(0x8103, &address, &data);
	EXPECT_EQ(vtd_msi_entry(address, data), 0x8103UL);
	/* Without SHV the data is no part of it; with SHV it is added. */
	EXPECT_EQ(vtd_msi_entry(0xfee00000ULL | 0x10 | 0x20ULL << 5, 5),
		  0x20UL);
	EXPECT_EQ(vtd_msi_entry(0xfee00000ULL | 0x18 | 0x20ULL << 5, 5),
		  0x25UL);
}
