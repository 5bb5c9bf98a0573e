// SPDX-License-Identifier: GPL-2.0
/*
 * MSR intercepts. Guests run with EFER.SVME set (VMRUN requires it), so
 * EFER is trapped to hide that bit, and the SVM control MSRs are trapped
 * so that a guest cannot see or move the host save area. Writes to
 * APIC_BASE are checked: in x2APIC mode IPIs would bypass the trapped
 * xAPIC page.
 */
#include <core/errno.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/string.h>
#include <x86/processor.h>
#include <x86/vmcb.h>
#include <x86/x86.h>

#define RDMSR_WRMSR_LENGTH	2

/* The three MSR ranges of the permission map and where they start. */
static const struct {
	u32 first_msr;
	u32 offset;
} msrpm_ranges[] = {
	{ 0x00000000, 0x0000 },
	{ 0xc0000000, 0x0800 },
	{ 0xc0010000, 0x1000 },
};

#define MSRPM_RANGE_MSRS	0x2000

/* Two bits per MSR, read then write: set = trap. */
static int set_msr_intercept(u8 *msrpm, u32 msr, bool intercept)
{
	unsigned int n, bit;

	for (n = 0; n < ARRAY_ELEMS(msrpm_ranges); n++) {
		if (msr - msrpm_ranges[n].first_msr >= MSRPM_RANGE_MSRS)
			continue;
		bit = (msr - msrpm_ranges[n].first_msr) * 2;
		if (intercept)
			msrpm[msrpm_ranges[n].offset + bit / 8] |=
				3 << (bit % 8);
		else
			msrpm[msrpm_ranges[n].offset + bit / 8] &=
				~(3 << (bit % 8));
		return 0;
	}
	return -EINVAL;
}

static int intercept_msr(u8 *msrpm, u32 msr)
{
	return set_msr_intercept(msrpm, msr, true);
}

/*
 * What a non-root cell may touch directly: state that lives in its own
 * CPU and matters to nobody else (segment bases, syscall entry, PAT,
 * the memory type ranges the inmate start code sets up).
 */
static const u32 cell_msrs[] = {
	MSR_IA32_SYSENTER_CS, MSR_IA32_SYSENTER_ESP, MSR_IA32_SYSENTER_EIP,
	MSR_IA32_PAT, MSR_MTRR_DEF_TYPE, MSR_STAR, MSR_LSTAR, MSR_CSTAR,
	MSR_SFMASK, MSR_FS_BASE, MSR_GS_BASE, MSR_KERNEL_GS_BASE,
	MSR_TSC_AUX,
};

int msr_init_bitmap_cell(struct arch_cell *ac)
{
	unsigned int n;
	u32 msr;

	ac->msrpm = page_alloc(&mem_pool, SVM_MSRPM_PAGES);
	if (!ac->msrpm)
		return -ENOMEM;
	memset(ac->msrpm, 0xff, SVM_MSRPM_PAGES * PAGE_SIZE);
	for (n = 0; n < ARRAY_ELEMS(cell_msrs); n++)
		if (set_msr_intercept(ac->msrpm, cell_msrs[n], false))
			return -EINVAL;
	/* Variable and fixed-range MTRRs of its own CPU. */
	for (msr = MSR_MTRR_FIRST; msr <= MSR_MTRR_LAST; msr++)
		set_msr_intercept(ac->msrpm, msr, false);
	return 0;
}

int msr_init_bitmap(struct arch_cell *ac)
{
	ac->msrpm = page_zalloc(&mem_pool, SVM_MSRPM_PAGES);
	if (!ac->msrpm)
		return -ENOMEM;
	if (intercept_msr(ac->msrpm, MSR_EFER) ||
	    intercept_msr(ac->msrpm, MSR_IA32_APIC_BASE) ||
	    intercept_msr(ac->msrpm, MSR_VM_CR) ||
	    intercept_msr(ac->msrpm, MSR_VM_HSAVE_PA))
		return -EINVAL;
	return 0;
}

static int msr_read(struct per_cpu *cpu, u32 msr, u64 *value)
{
	switch (msr) {
	case MSR_EFER:
		*value = cpu->arch.vmcb.efer & ~EFER_SVME;
		return 0;
	case MSR_IA32_APIC_BASE:
		*value = read_msr(msr);
		return 0;
	case MSR_VM_CR:
		/* What a CPU with SVM locked off by its firmware reports. */
		*value = VM_CR_SVMDIS | VM_CR_LOCK;
		return 0;
	case MSR_VM_HSAVE_PA:
		*value = 0;
		return 0;
	}
	return -EINVAL;
}

static int msr_write(struct per_cpu *cpu, u32 msr, u64 value)
{
	switch (msr) {
	case MSR_EFER:
		if (value & EFER_SVME)
			return -EPERM;
		cpu->arch.vmcb.efer = value | EFER_SVME;
		cpu->arch.flush_tlb = true;
		return 0;
	case MSR_IA32_APIC_BASE:
		/* The APIC stays where it is, in xAPIC mode. */
		if ((value ^ read_msr(msr)) & (APIC_BASE_X2APIC | PAGE_MASK))
			return -EPERM;
		write_msr(msr, value);
		return 0;
	case MSR_VM_CR:
	case MSR_VM_HSAVE_PA:
		/* Locked: writes are dropped. */
		return 0;
	}
	return -EINVAL;
}

int msr_handle_exit(struct per_cpu *cpu, struct guest_regs *regs)
{
	struct vmcb *vmcb = &cpu->arch.vmcb;
	u32 msr = (u32)regs->rcx;
	u64 value;
	int err;

	if (vmcb->exitinfo1 == 0) {
		err = msr_read(cpu, msr, &value);
		if (!err) {
			regs->rax = (u32)value;
			regs->rdx = value >> 32;
		}
	} else {
		value = ((u64)(u32)regs->rdx << 32) | (u32)regs->rax;
		err = msr_write(cpu, msr, value);
	}

	if (err == -EPERM) {
		svm_inject_exception(cpu, X86_VEC_GP, true, 0);
		return 0;
	}
	if (!err)
		vmcb->rip += RDMSR_WRMSR_LENGTH;
	return err;
}
