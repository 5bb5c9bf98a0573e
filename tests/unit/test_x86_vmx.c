// SPDX-License-Identifier: GPL-2.0
/* The guest-value rules of Intel VT-x (x86/vmx_rules.h). */
#include <x86/vmx_rules.h>

#include "unit.h"

/* What typical CPUs (and Bochs) report in the fixed-bit MSRs. */
static const struct vmx_fixed_bits fixed = {
	.cr0_fixed0 = 0x80000021,	/* PE, NE, PG */
	.cr0_fixed1 = 0xffffffff,
	.cr4_fixed0 = 0x2000,		/* VMXE */
	.cr4_fixed1 = 0x3727ff,
};

TEST(vmx_owns_ne_and_vmxe_only)
{
	EXPECT_EQ(vmx_cr0_mask(&fixed), 0x20);
	/* VMXE plus the CR4 bits this CPU lacks trap. */
	EXPECT_TRUE(vmx_cr4_mask(&fixed) & X86_CR4_VMXE);
	EXPECT_FALSE(vmx_cr4_mask(&fixed) & X86_CR4_PAE);
	/* Real mode at reset: the CPU runs with NE, the guest sees none. */
	EXPECT_EQ(vmx_cr0_real(&fixed, 0x60000010), 0x60000030);
	EXPECT_EQ(vmx_cr4_real(&fixed, 0), X86_CR4_VMXE);
}

TEST(vmx_refuses_cr4_vmxe_and_unsupported_bits)
{
	EXPECT_TRUE(vmx_cr4_valid(&fixed, X86_CR4_PAE, true));
	EXPECT_FALSE(vmx_cr4_valid(&fixed, X86_CR4_PAE | X86_CR4_VMXE,
				   true));
	EXPECT_FALSE(vmx_cr4_valid(&fixed, X86_CR4_VMXE, false));
	/* A bit outside FIXED1 (bit 23 here) */
	EXPECT_FALSE(vmx_cr4_valid(&fixed, X86_CR4_PAE | BIT(23), true));
	/* Long mode without PAE */
	EXPECT_FALSE(vmx_cr4_valid(&fixed, 0, true));
	EXPECT_TRUE(vmx_cr4_valid(&fixed, 0, false));
}

TEST(vmx_refuses_invalid_cr0)
{
	EXPECT_TRUE(vmx_cr0_valid(&fixed, X86_CR0_PE | X86_CR0_PG | 0x20));
	/* Unrestricted guest: protection and paging off */
	EXPECT_TRUE(vmx_cr0_valid(&fixed, 0x60000010));
	EXPECT_FALSE(vmx_cr0_valid(&fixed, X86_CR0_PG));
	EXPECT_FALSE(vmx_cr0_valid(&fixed, X86_CR0_PE | BIT_ULL(32)));
	EXPECT_FALSE(vmx_cr0_valid(&(struct vmx_fixed_bits){
		.cr0_fixed1 = 0x7fffffff }, X86_CR0_PG | X86_CR0_PE));
}

TEST(vmx_segment_access_rights)
{
	struct segment cs64 = { .selector = 0x10, .attrib = 0xa9b };
	struct segment null = { .selector = 0 };
	struct segment tss = { .selector = 0x40, .attrib = 0x8b };

	EXPECT_EQ(vmx_segment_ar(&cs64, false), 0xa09b);
	EXPECT_EQ(vmx_ar_to_attrib(0xa09b), 0xa9b);
	EXPECT_EQ(vmx_segment_ar(&null, true), VMX_AR_UNUSABLE);
	EXPECT_EQ(vmx_segment_ar(&tss, false), 0x8b);
	/* Real mode: selector 0, yet present and usable */
	null.attrib = 0x93;
	EXPECT_EQ(vmx_segment_ar(&null, true), 0x93);
}

/* Linux's TSS as VMX reports it (busy), back as an available descriptor. */
TEST(vmx_tss_descriptor_for_ltr)
{
	struct segment tss = {
		.selector = 0x40, .attrib = 0x8b, .limit = 0x206f,
		.base = 0xfffffe0000003000ULL,
	};
	struct segment paged = {
		.selector = 0x40, .attrib = 0x88b, .limit = 0x1ffff,
		.base = 0x12345678,
	};
	u64 desc[2];

	vmx_tss_descriptor(&tss, desc);
	EXPECT_EQ(desc[0], 0x000089003000206fULL);
	EXPECT_EQ(desc[1], 0xfffffe00ULL);
	/* Page granular: 0x1ffff bytes are 0x1f pages; base split 3 ways */
	vmx_tss_descriptor(&paged, desc);
	EXPECT_EQ(desc[0], 0x128089345678001fULL);
	EXPECT_EQ(desc[1], 0);
}

TEST(vmx_msr_bitmap_geometry)
{
	EXPECT_EQ(vmx_msrpm_read_bit(0), 0);
	EXPECT_EQ(vmx_msrpm_read_bit(0x3a), 0x3a);
	EXPECT_EQ(vmx_msrpm_read_bit(0x1fff), 0x1fff);
	EXPECT_EQ(vmx_msrpm_read_bit(0xc0000080), 1024 * 8 + 0x80);
	EXPECT_EQ(vmx_msrpm_read_bit(0xc0001fff), 1024 * 8 + 0x1fff);
	/* Outside both ranges: no bit, always an exit */
	EXPECT_EQ(vmx_msrpm_read_bit(0x2000), -1);
	EXPECT_EQ(vmx_msrpm_read_bit(0x40000000), -1);
	EXPECT_EQ(vmx_msrpm_read_bit(0xc0002000), -1);
	EXPECT_EQ(vmx_msrpm_read_bit(0xc0010114), -1);
	/* The write half fits the 4 KiB page */
	EXPECT_TRUE((1024 * 8 + 0x1fff + VMX_MSRPM_WRITE_BITS) / 8 < 4096);
}
