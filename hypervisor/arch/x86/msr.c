// SPDX-License-Identifier: GPL-2.0
/*
 * MSR intercepts. EFER is trapped so that the vendor can keep bits of its
 * own set (SVM's EFER.SVME) and hide them, the vendor's control MSRs are
 * trapped so that a guest cannot see or move them (x86/vcpu.h). APIC_BASE
 * is checked: the mode and the place of a cell's APIC are the
 * hypervisor's (apic.c), and a disabled APIC would take no kicks. Of the
 * x2APIC MSRs every cell traps the ICR; the rest pass where the CPU's
 * APIC is in x2APIC mode and are emulated where it is not (apic.c).
 */
#include <jailhouse/hypercall.h>
#include <core/errno.h>
#include <core/cell.h>
#include <core/page_pool.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/refusal.h>
#include <core/string.h>
#include <x86/apic.h>
#include <x86/apic_rules.h>
#include <x86/cell.h>
#include <x86/exits.h>
#include <x86/processor.h>
#include <x86/vcpu.h>

#define RDMSR_WRMSR_LENGTH	2

static int intercept_msr(u8 *msrpm, u32 msr)
{
	return vcpu_msrpm_set(msrpm, msr, true);
}

/*
 * What a non-root cell may touch directly: state that lives in its own
 * CPU and matters to nobody else (segment bases, syscall entry, PAT,
 * the memory type ranges the inmate start code sets up, the APIC timer's
 * TSC deadline).
 */
static const u32 cell_msrs[] = {
	MSR_IA32_SYSENTER_CS, MSR_IA32_SYSENTER_ESP, MSR_IA32_SYSENTER_EIP,
	MSR_IA32_PAT, MSR_MTRR_DEF_TYPE, MSR_STAR, MSR_LSTAR, MSR_CSTAR,
	MSR_SFMASK, MSR_FS_BASE, MSR_GS_BASE, MSR_KERNEL_GS_BASE,
	MSR_TSC_AUX, MSR_IA32_TSC_DEADLINE,
};

int msr_init_bitmap_cell(struct arch_cell *ac)
{
	unsigned int n;
	u32 msr;

	ac->msrpm = page_alloc(&mem_pool, vcpu_msrpm_pages);
	if (!ac->msrpm)
		return -ENOMEM;
	memset(ac->msrpm, 0xff, vcpu_msrpm_pages * PAGE_SIZE);
	for (n = 0; n < ARRAY_ELEMS(cell_msrs); n++)
		if (vcpu_msrpm_set(ac->msrpm, cell_msrs[n], false))
			return -EINVAL;
	/* Variable and fixed-range MTRRs of its own CPU. */
	for (msr = MSR_MTRR_FIRST; msr <= MSR_MTRR_LAST; msr++)
		vcpu_msrpm_set(ac->msrpm, msr, false);
	/*
	 * x2APIC mode: what acts on the own CPU only (EOI, TPR, timer...)
	 * passes; the rest, and all of it in emulation, traps.
	 */
	if (!apic_cells_x2apic)
		return 0;
	for (msr = X2APIC_MSR_FIRST; msr <= X2APIC_MSR_LAST; msr++)
		if (x2apic_msr_passes(msr))
			vcpu_msrpm_set(ac->msrpm, msr, false);
	return 0;
}

int msr_init_bitmap(struct arch_cell *ac)
{
	unsigned int n;

	ac->msrpm = page_zalloc(&mem_pool, vcpu_msrpm_pages);
	if (!ac->msrpm)
		return -ENOMEM;
	if (intercept_msr(ac->msrpm, MSR_EFER) ||
	    intercept_msr(ac->msrpm, MSR_IA32_APIC_BASE) ||
	    intercept_msr(ac->msrpm, X2APIC_MSR_ICR))
		return -EINVAL;
	for (n = 0; n < vcpu_vendor_num_msrs; n++)
		if (intercept_msr(ac->msrpm, vcpu_vendor_msrs[n]))
			return -EINVAL;
	return 0;
}

/* The APIC_BASE a cell other than the root sees: enabled, x2APIC. */
static u64 cell_apic_base(struct per_cpu *cpu)
{
	u64 base = XAPIC_BASE | APIC_BASE_ENABLE | APIC_BASE_X2APIC;

	if (cpu->cpu_id == cell_first_cpu(cpu->cell))
		base |= APIC_BASE_BSP;
	return base;
}

static int msr_read(struct per_cpu *cpu, u32 msr, u64 *value)
{
	if (msr >= X2APIC_MSR_FIRST && msr <= X2APIC_MSR_LAST)
		return apic_x2apic_read(cpu, msr, value);
	switch (msr) {
	case MSR_EFER:
		*value = vcpu_get_efer(cpu);
		return 0;
	case MSR_IA32_APIC_BASE:
		*value = cpu->cell == &root_cell ? read_msr(msr) :
			cell_apic_base(cpu);
		return 0;
	}
	return vcpu_vendor_msr_read(cpu, msr, value);
}

/*
 * The APIC stays where it is, in its mode, and enabled: a disabled one
 * would take no kicks of the hypervisor. The root cell may flip the BSP
 * flag, nothing else (reserved bits included, which would make the
 * hypervisor's WRMSR fault); for other cells it means nothing.
 */
static int apic_base_write(struct per_cpu *cpu, u64 value)
{
	bool root = cpu->cell == &root_cell;
	u64 now = root ? read_msr(MSR_IA32_APIC_BASE) : cell_apic_base(cpu);
	u64 changed = value ^ now;

	if (changed & ~APIC_BASE_BSP) {
		refusal_printk(cpu->cell, "CPU %u: APIC_BASE write 0x%llx "
			       "refused\n", cpu->cpu_id, value);
		return -EPERM;
	}
	if (root)
		write_msr(MSR_IA32_APIC_BASE, value);
	return 0;
}

static int msr_write(struct per_cpu *cpu, u32 msr, u64 value, char *why,
		     size_t size)
{
	if (msr >= X2APIC_MSR_FIRST && msr <= X2APIC_MSR_LAST)
		return apic_x2apic_write(cpu, msr, value, why, size);
	switch (msr) {
	case MSR_EFER:
		/* Reserved on Intel, the extension's own on AMD. */
		if (value & EFER_SVME)
			return -EPERM;
		vcpu_set_efer(cpu, value);
		return 0;
	case MSR_IA32_APIC_BASE:
		return apic_base_write(cpu, value);
	}
	return vcpu_vendor_msr_write(cpu, msr, value);
}

void msr_handle_exit(struct per_cpu *cpu, struct guest_regs *regs,
		     bool write)
{
	u32 msr = (u32)regs->rcx;
	char why[64] = "";
	u64 value;
	int err;

	cpu->stats[write && msr == X2APIC_MSR_ICR ?
		   JAILHOUSE_CPU_STAT_VMEXITS_MSR_X2APIC_ICR :
		   JAILHOUSE_CPU_STAT_VMEXITS_MSR_OTHER]++;
	if (!write) {
		err = msr_read(cpu, msr, &value);
		if (!err) {
			regs->rax = (u32)value;
			regs->rdx = value >> 32;
		}
	} else {
		value = ((u64)(u32)regs->rdx << 32) | (u32)regs->rax;
		err = msr_write(cpu, msr, value, why, sizeof(why));
	}

	if (err == -EPERM) {
		vcpu_inject_exception(cpu, X86_VEC_GP, true, 0);
	} else if (err == -EACCES) {
		vcpu_fatal(cpu, regs, why);
	} else if (err) {
		snprintk(why, sizeof(why), "forbidden MSR %s 0x%x",
			 write ? "write to" : "read of", msr);
		vcpu_fatal(cpu, regs, why);
	} else {
		vcpu_skip_instruction(cpu, RDMSR_WRMSR_LENGTH);
	}
}
