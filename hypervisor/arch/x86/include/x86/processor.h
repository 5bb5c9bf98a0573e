/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control registers, MSRs, CPUID and descriptor tables of x86-64, as far as
 * the hypervisor touches them (AMD APM vol. 2, Intel SDM vol. 3).
 */
#ifndef _X86_PROCESSOR_H
#define _X86_PROCESSOR_H

#include <core/types.h>

#define X86_CR0_PE		BIT(0)
#define X86_CR0_ET		BIT(4)
#define X86_CR0_NW		BIT(29)
#define X86_CR0_CD		BIT(30)
#define X86_CR0_PG		BIT(31)

#define X86_CR4_PAE		BIT(5)
#define X86_CR4_PGE		BIT(7)

#define X86_RFLAGS_IF		BIT(9)
/* Bit 1 of RFLAGS reads as one. */
#define X86_RFLAGS_FIXED	BIT(1)

#define MSR_IA32_APIC_BASE	0x0000001b
#define MSR_IA32_TSC_DEADLINE	0x000006e0
#define MSR_IA32_SYSENTER_CS	0x00000174
#define MSR_IA32_SYSENTER_ESP	0x00000175
#define MSR_IA32_SYSENTER_EIP	0x00000176
#define MSR_IA32_PAT		0x00000277
/* MTRRs: variable ranges from 0x200, fixed ranges up to 0x26f. */
#define MSR_MTRR_FIRST		0x00000200
#define MSR_MTRR_LAST		0x0000026f
#define MSR_MTRR_DEF_TYPE	0x000002ff
#define MSR_EFER		0xc0000080
#define MSR_STAR		0xc0000081
#define MSR_LSTAR		0xc0000082
#define MSR_CSTAR		0xc0000083
#define MSR_SFMASK		0xc0000084
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102
#define MSR_TSC_AUX		0xc0000103
#define MSR_VM_CR		0xc0010114
#define MSR_VM_HSAVE_PA		0xc0010117

#define APIC_BASE_BSP		BIT(8)
#define APIC_BASE_X2APIC	BIT(10)
#define APIC_BASE_ENABLE	BIT(11)

#define EFER_SCE		BIT(0)
#define EFER_LME		BIT(8)
#define EFER_LMA		BIT(10)
#define EFER_NXE		BIT(11)
#define EFER_SVME		BIT(12)

#define VM_CR_LOCK		BIT(3)
#define VM_CR_SVMDIS		BIT(4)

/* Power-on value of IA32_PAT: WB, WT, UC-, UC, twice. */
#define PAT_RESET_VALUE		0x0007040600070406ULL

#define X86_CPUID_FEATURES		0x00000001
#define X86_CPUID_EXT_FEATURES		0x80000001
#define X86_CPUID_SVM_FEATURES		0x8000000a

/* CPUID 1 ECX: Intel VT-x; set by hypervisors for their guests. */
#define X86_FEATURE_VMX			BIT(5)
#define X86_FEATURE_X2APIC		BIT(21)
#define X86_FEATURE_HYPERVISOR		BIT(31)
/* CPUID 0x80000001 ECX */
#define X86_FEATURE_SVM			BIT(2)
/* CPUID 0x8000000a EDX */
#define X86_FEATURE_NPT			BIT(0)
#define X86_FEATURE_NRIPS		BIT(3)

/* Exception vectors the hypervisor raises itself. */
#define X86_VEC_NMI		2
#define X86_VEC_UD		6
#define X86_VEC_GP		13
/* Not a vector: what x86_irq_stub reports for any external interrupt. */
#define X86_VEC_EXTERNAL	256

struct desc_table_reg {
	u16 limit;
	u64 base;
} __packed;

/*
 * A segment register with the hidden part the CPU caches. attrib packs
 * descriptor bits 40-47 into bits 0-7 and bits 52-55 into bits 8-11 (the
 * layout SVM uses; other vendors convert at their interface).
 */
struct segment {
	u16 selector;
	u16 attrib;
	u32 limit;
	u64 base;
};

/* attrib: 64-bit code segment, default operand size 32 bits. */
#define SEG_ATTR_L		BIT(9)
#define SEG_ATTR_DB		BIT(10)

/* A real-mode segment as INIT and STARTUP leave it. */
static inline struct segment segment_real_mode(u16 selector, u16 attrib)
{
	return (struct segment){
		.selector = selector,
		.attrib = attrib,
		.limit = 0xffff,
		.base = (u64)selector << 4,
	};
}

static inline u64 read_msr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr));
	return ((u64)hi << 32) | lo;
}

static inline void write_msr(u32 msr, u64 value)
{
	asm volatile("wrmsr"
		     : : "c" (msr), "a" ((u32)value), "d" ((u32)(value >> 32))
		     : "memory");
}

static inline void cpuid(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx,
			 u32 *ecx, u32 *edx)
{
	asm volatile("cpuid"
		     : "=a" (*eax), "=b" (*ebx), "=c" (*ecx), "=d" (*edx)
		     : "a" (leaf), "c" (subleaf));
}

static inline u32 cpuid_ecx(u32 leaf)
{
	u32 eax, ebx, ecx, edx;

	cpuid(leaf, 0, &eax, &ebx, &ecx, &edx);
	return ecx;
}

static inline u32 cpuid_edx(u32 leaf)
{
	u32 eax, ebx, ecx, edx;

	cpuid(leaf, 0, &eax, &ebx, &ecx, &edx);
	return edx;
}

#define DEFINE_CR_ACCESS(n)						\
static inline unsigned long read_cr##n(void)				\
{									\
	unsigned long value;						\
									\
	asm volatile("mov %%cr" #n ", %0" : "=r" (value));		\
	return value;							\
}									\
static inline void write_cr##n(unsigned long value)			\
{									\
	asm volatile("mov %0, %%cr" #n : : "r" (value) : "memory");	\
}

DEFINE_CR_ACCESS(0)
DEFINE_CR_ACCESS(2)
DEFINE_CR_ACCESS(3)
DEFINE_CR_ACCESS(4)

static inline unsigned long read_dr7(void)
{
	unsigned long value;

	asm volatile("mov %%dr7, %0" : "=r" (value));
	return value;
}

static inline unsigned long read_rflags(void)
{
	unsigned long flags;

	asm volatile("pushfq; pop %0" : "=r" (flags));
	return flags;
}

static inline void read_gdtr(struct desc_table_reg *dtr)
{
	asm volatile("sgdt %0" : "=m" (*dtr));
}

static inline void read_idtr(struct desc_table_reg *dtr)
{
	asm volatile("sidt %0" : "=m" (*dtr));
}

static inline void write_gdtr(const struct desc_table_reg *dtr)
{
	asm volatile("lgdt %0" : : "m" (*dtr));
}

static inline void write_idtr(const struct desc_table_reg *dtr)
{
	asm volatile("lidt %0" : : "m" (*dtr));
}

#define DEFINE_SEG_READ(name)						\
static inline u16 read_##name(void)					\
{									\
	u16 sel;							\
									\
	asm volatile("mov %%" #name ", %0" : "=rm" (sel));		\
	return sel;							\
}

DEFINE_SEG_READ(cs)
DEFINE_SEG_READ(ss)
DEFINE_SEG_READ(ds)
DEFINE_SEG_READ(es)
DEFINE_SEG_READ(fs)
DEFINE_SEG_READ(gs)

static inline u16 read_tr(void)
{
	u16 sel;

	asm volatile("str %0" : "=rm" (sel));
	return sel;
}

static inline u16 read_ldtr(void)
{
	u16 sel;

	asm volatile("sldt %0" : "=rm" (sel));
	return sel;
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

#endif /* _X86_PROCESSOR_H */
