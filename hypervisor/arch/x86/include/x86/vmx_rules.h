/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The rules vmx.c applies to guest values, without hardware access so
 * that the host tests exercise them (tests/unit/test_x86_vmx.c): which
 * CR0/CR4 bits the hypervisor owns and which guest writes it refuses,
 * segment access rights in VMX's layout, the TSS descriptor that gives
 * Linux its TR back, and where an MSR sits in the MSR bitmap.
 */
#ifndef _X86_VMX_RULES_H
#define _X86_VMX_RULES_H

#include <core/types.h>
#include <x86/processor.h>

#define X86_CR4_VMXE			BIT(13)

/* IA32_VMX_CR0/CR4_FIXED0 (bits that must be 1) and FIXED1 (may be 1). */
struct vmx_fixed_bits {
	u64 cr0_fixed0, cr0_fixed1, cr4_fixed0, cr4_fixed1;
};

/*
 * CR0 bits the hypervisor owns: those VMX fixes, except PE and PG, which
 * unrestricted guests may clear.
 */
static inline u64 vmx_cr0_mask(const struct vmx_fixed_bits *f)
{
	u64 owned = f->cr0_fixed0 & ~(u64)(X86_CR0_PE | X86_CR0_PG);

	return (owned | ~f->cr0_fixed1) & 0xffffffffULL;
}

static inline u64 vmx_cr4_mask(const struct vmx_fixed_bits *f)
{
	return (f->cr4_fixed0 | ~f->cr4_fixed1) & 0xffffffffULL;
}

/* The value the CPU runs with for what the guest wrote. */
static inline u64 vmx_cr0_real(const struct vmx_fixed_bits *f, u64 value)
{
	return value | (f->cr0_fixed0 & vmx_cr0_mask(f));
}

static inline u64 vmx_cr4_real(const struct vmx_fixed_bits *f, u64 value)
{
	return value | f->cr4_fixed0;
}

/* What the CPU would refuse with #GP (VM entry would fail on it). */
static inline bool vmx_cr0_valid(const struct vmx_fixed_bits *f, u64 value)
{
	if ((value >> 32) || (value & ~f->cr0_fixed1))
		return false;
	/* Paging without protection */
	return !(value & X86_CR0_PG) || (value & X86_CR0_PE);
}

/* VMXE is the hypervisor's; long mode needs PAE. */
static inline bool vmx_cr4_valid(const struct vmx_fixed_bits *f, u64 value,
				 bool long_mode)
{
	if ((value & X86_CR4_VMXE) || (value & ~f->cr4_fixed1))
		return false;
	return !long_mode || (value & X86_CR4_PAE);
}

#define VMX_AR_UNUSABLE			BIT(16)

/*
 * Access rights of VMX from struct segment's attrib: descriptor bits
 * 52-55 move to 12-15. A null selector without a present descriptor is
 * unusable where null_unusable says so (not for CS and TR).
 */
static inline u32 vmx_segment_ar(const struct segment *seg,
				 bool null_unusable)
{
	if (null_unusable && !(seg->selector & ~3U) && !(seg->attrib & 0x80))
		return VMX_AR_UNUSABLE;
	return (seg->attrib & 0xff) | ((seg->attrib & 0xf00) << 4);
}

static inline u16 vmx_ar_to_attrib(u32 ar)
{
	return (ar & 0xff) | ((ar >> 4) & 0xf00);
}

/*
 * The 16-byte long-mode GDT descriptor of a TSS (attrib and limit as
 * struct segment holds them, limit in bytes), marked available so that
 * LTR takes it: VM exits cut TR's limit to 0x67, and only reloading TR
 * brings the full one back.
 */
#define X86_TSS_AVAILABLE		0x9

static inline void vmx_tss_descriptor(const struct segment *tss,
				      u64 desc[2])
{
	u64 attrib = (tss->attrib & ~0xfULL) | X86_TSS_AVAILABLE;
	u64 limit = tss->limit;

	/* Granularity: the descriptor counts 4 KiB pages. */
	if (attrib & 0x800)
		limit >>= 12;
	desc[0] = (limit & 0xffff) | ((tss->base & 0xffffff) << 16) |
		((attrib & 0xff) << 40) | ((limit & 0xf0000) << 32) |
		((attrib & 0xf00) << 44) | ((tss->base & 0xff000000) << 32);
	desc[1] = tss->base >> 32;
}

/*
 * The 4 KiB MSR bitmap: read bits of MSRs 0-0x1fff, of 0xc0000000-
 * 0xc0001fff, then the write bits of both ranges. The bit of msr's read
 * half, or -1 for an MSR outside both ranges (those always exit).
 */
#define VMX_MSRPM_WRITE_BITS		(2048 * 8)

static inline int vmx_msrpm_read_bit(u32 msr)
{
	if (msr < 0x2000)
		return msr;
	if (msr - 0xc0000000U < 0x2000)
		return 1024 * 8 + (msr - 0xc0000000U);
	return -1;
}

#endif /* _X86_VMX_RULES_H */
