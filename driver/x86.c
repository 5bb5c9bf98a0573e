// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver, x86 part: virtualization checks, firmware choice and
 * where the hypervisor is mapped (at its link address; hv_map.c maps).
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/bits.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/cpufeature.h>
#include <asm/msr.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/svm.h>
#include <asm/tlbflush.h>

#include <asm/jailhouse_base.h>

#include "driver.h"

/* Read by the hypercall helpers of <jailhouse/hypercall.h>. */
bool jailhouse_use_vmcall;

/* Hygon builds AMD's Zen design, SVM included. */
static bool cpu_is_amd(void)
{
	return boot_cpu_data.x86_vendor == X86_VENDOR_AMD ||
	       boot_cpu_data.x86_vendor == X86_VENDOR_HYGON;
}

int jailhouse_arch_init(void)
{
	jailhouse_use_vmcall = !cpu_is_amd();

	jailhouse_hv_map_init();
	return 0;
}

void jailhouse_arch_exit(void)
{
}

/* AMD APM vol. 3, CPUID Fn8000_0001 ECX bit 2 and Fn8000_000A EDX bit 0. */
#define CPUID_EXT_FEATURES	0x80000001
#define CPUID_SVM_FEATURES	0x8000000a
#define CPUID_EXT_ECX_SVM	BIT(2)
#define CPUID_SVM_EDX_NPT	BIT(0)

/*
 * Asked of the CPU, not of boot_cpu_data: a CPU that Linux brought up under
 * the hypervisor saw SVM hidden, and Linux keeps only the features all its
 * CPUs reported, so boot_cpu_data lacks SVM from then on. Enable only runs
 * while the hypervisor is off, when CPUID tells the truth.
 */
static bool cpu_has_svm_npt(bool *npt)
{
	*npt = false;
	if (cpuid_eax(0x80000000) < CPUID_SVM_FEATURES ||
	    !(cpuid_ecx(CPUID_EXT_FEATURES) & CPUID_EXT_ECX_SVM))
		return false;
	*npt = cpuid_edx(CPUID_SVM_FEATURES) & CPUID_SVM_EDX_NPT;
	return true;
}

/* Intel SDM vol. 2A, CPUID leaf 1 ECX bit 5. */
#define CPUID_1_ECX_VMX		BIT(5)

/*
 * Asked of the CPU for the same reason as SVM above: a CPU brought up
 * under the hypervisor saw VMX hidden (disable with a CPU offline does
 * that), and boot_cpu_data lacks VMX from then on.
 */
static bool cpu_has_vmx(void)
{
	return cpuid_ecx(1) & CPUID_1_ECX_VMX;
}

/* Locked without VMX outside SMX: the firmware switched VMX off. */
static bool vmx_locked_off(void)
{
	u64 fc;

	if (rdmsrl_safe(MSR_IA32_FEAT_CTL, &fc))
		return false;
	return (fc & FEAT_CTL_LOCKED) &&
		!(fc & FEAT_CTL_VMX_ENABLED_OUTSIDE_SMX);
}

int jailhouse_arch_check_cpu(void)
{
	bool npt;
	u64 val;

	if (cpu_is_amd()) {
		if (!cpu_has_svm_npt(&npt)) {
			pr_err("the CPU has no AMD-V (SVM)\n");
			return -ENODEV;
		}
		if (!npt) {
			pr_err("the CPU has AMD-V but no nested paging (NPT)\n");
			return -ENODEV;
		}
		/* Without VM_CR (emulators) nothing can have locked SVM. */
		if (!rdmsrl_safe(MSR_VM_CR, &val) &&
		    (val & BIT_ULL(SVM_VM_CR_SVM_DISABLE))) {
			pr_err("AMD-V (SVM) is disabled by the firmware\n");
			return -ENODEV;
		}
		rdmsrl(MSR_EFER, val);
		if (val & EFER_SVME) {
			pr_err("AMD-V (SVM) is in use by another hypervisor (KVM?)\n");
			return -EBUSY;
		}
		return 0;
	}

	if (!cpu_has_vmx()) {
		pr_err("the CPU has neither Intel VT-x (VMX) nor AMD-V (SVM)\n");
		return -ENODEV;
	}
	if (vmx_locked_off()) {
		pr_err("Intel VT-x (VMX) is disabled by the firmware (IA32_FEATURE_CONTROL locked)\n");
		return -ENODEV;
	}
	if (cr4_read_shadow() & X86_CR4_VMXE) {
		pr_err("Intel VT-x (VMX) is in use by another hypervisor (KVM?)\n");
		return -EBUSY;
	}
	return 0;
}

const char *jailhouse_arch_firmware_name(void)
{
	return cpu_is_amd() ? "jailhouse-amd.bin" : "jailhouse-intel.bin";
}

/*
 * The image is linked to run at JAILHOUSE_BASE, in the top of the module
 * area, until it has its own page tables. Everything above MODULES_END is
 * fixmap, which the vmalloc allocator does not know about, so the size is
 * checked here rather than left to it (hv_map.c maps it).
 */
void *jailhouse_arch_map(phys_addr_t phys, unsigned long size)
{
	unsigned long base = JAILHOUSE_BASE;

	if (size > MODULES_END - base - PAGE_SIZE) {
		pr_err("invalid config: hypervisor memory of 0x%lx bytes does not fit at 0x%lx (at most 0x%lx)\n",
		       size, base, MODULES_END - base - PAGE_SIZE);
		return ERR_PTR(-EINVAL);
	}

	/* The end includes the guard page that every vmalloc area gets. */
	return jailhouse_hv_map(phys, size, base, base + size + PAGE_SIZE,
				VM_IOREMAP);
}

void jailhouse_arch_image_loaded(struct jailhouse_header *header,
				 void *mem, unsigned long size)
{
}

/* Linux on x86 cannot give up its boot CPU. */
bool jailhouse_arch_cpu_may_leave_root(unsigned int cpu)
{
	return cpu != 0;
}

/* The hypervisor's PCI devices sit on the root's physical buses here. */
void jailhouse_arch_vpci_prepare(const struct jailhouse_system *sys)
{
}

void jailhouse_arch_vpci_add(void)
{
}

void jailhouse_arch_vpci_remove(void)
{
}
