// SPDX-License-Identifier: GPL-2.0
/*
 * AMD SVM behind the vendor seam (x86/vcpu.h): turning it on, one VMCB
 * per CPU that starts as a copy of the CPU's Linux state, the accessors
 * of the guest state, the exit dispatcher, and turning it off again.
 *
 * The root cell runs with nested paging, ASID 1 and a VMCB without clean
 * bits (QEMU's TCG SVM has neither clean bits nor flush-by-ASID, so the TLB
 * is flushed with TLB_CONTROL=1 whenever mappings changed).
 */
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <x86/cell.h>
#include <x86/exits.h>
#include <x86/paging_formats.h>
#include <x86/processor.h>
#include <x86/setup.h>
#include <x86/vcpu.h>
#include <x86/vmcb.h>

BUILD_BUG_ON(offsetof(struct vmcb, iopm_base_pa) != 0x040);
BUILD_BUG_ON(offsetof(struct vmcb, guest_asid) != 0x058);
BUILD_BUG_ON(offsetof(struct vmcb, exitcode) != 0x070);
BUILD_BUG_ON(offsetof(struct vmcb, np_control) != 0x090);
BUILD_BUG_ON(offsetof(struct vmcb, eventinj) != 0x0a8);
BUILD_BUG_ON(offsetof(struct vmcb, n_cr3) != 0x0b0);
BUILD_BUG_ON(offsetof(struct vmcb, next_rip) != 0x0c8);
BUILD_BUG_ON(offsetof(struct vmcb, es) != 0x400);
BUILD_BUG_ON(offsetof(struct vmcb, tr) != 0x490);
BUILD_BUG_ON(offsetof(struct vmcb, cpl) != 0x4cb);
BUILD_BUG_ON(offsetof(struct vmcb, efer) != 0x4d0);
BUILD_BUG_ON(offsetof(struct vmcb, cr4) != 0x548);
BUILD_BUG_ON(offsetof(struct vmcb, rip) != 0x578);
BUILD_BUG_ON(offsetof(struct vmcb, rsp) != 0x5d8);
BUILD_BUG_ON(offsetof(struct vmcb, rax) != 0x5f8);
BUILD_BUG_ON(offsetof(struct vmcb, cr2) != 0x640);
BUILD_BUG_ON(offsetof(struct vmcb, g_pat) != 0x668);
BUILD_BUG_ON(sizeof(struct vmcb) != 0x1000);

/* The vendor state of a CPU, in struct arch_per_cpu's vendor_state. */
struct svm_cpu {
	struct vmcb vmcb __aligned(PAGE_SIZE);
	u8 host_save_area[PAGE_SIZE] __aligned(PAGE_SIZE);
	u64 vmcb_pa;
	bool enabled;
	/* Next VMRUN must flush the guest's TLB entries. */
	bool flush_tlb;
};

BUILD_BUG_ON(sizeof(struct svm_cpu) > X86_VENDOR_STATE_SIZE);

#define ASID_ROOT		1
#define NPF_WRITE		BIT(1)

/* Size in pages of the I/O and MSR permission maps. */
const unsigned int vcpu_iopm_pages = SVM_IOPM_PAGES;
const unsigned int vcpu_msrpm_pages = SVM_MSRPM_PAGES;

const struct paging_format *const vcpu_npt_format = &amd_npt_paging;

/* NPT walks the same formats as the CPU's own paging. */
unsigned long vcpu_npt_max_page_size(void)
{
	return x86_max_page_size;
}

/* entry.S of SVM */
void __noreturn svm_vmrun_loop(u64 vmcb_pa, void *stack_top,
			       const struct guest_regs *initial);
void svm_handle_exit(struct guest_regs *regs);

static struct svm_cpu *svm(struct per_cpu *cpu)
{
	return (struct svm_cpu *)cpu->arch.vendor_state;
}

static struct vmcb *vmcb_of(struct per_cpu *cpu)
{
	return &svm(cpu)->vmcb;
}

int vcpu_vendor_init(void)
{
	if (!(cpuid_ecx(X86_CPUID_EXT_FEATURES) & X86_FEATURE_SVM)) {
		printk("SVM not supported by this CPU\n");
		return -ENODEV;
	}
	if (!(cpuid_edx(X86_CPUID_SVM_FEATURES) & X86_FEATURE_NPT)) {
		printk("SVM without nested paging is not supported\n");
		return -ENODEV;
	}
	if (read_msr(MSR_VM_CR) & VM_CR_SVMDIS) {
		printk("SVM disabled by the firmware\n");
		return -ENODEV;
	}
	return 0;
}

static void set_segment(struct vmcb_segment *dst, const struct segment *src)
{
	dst->selector = src->selector;
	dst->attrib = src->attrib;
	dst->limit = src->limit;
	dst->base = src->base;
}

static void vmcb_init(struct per_cpu *cpu)
{
	const struct linux_state *l = &cpu->arch.linux_state;
	const struct arch_cell *ac = cpu->cell->arch;
	struct vmcb *vmcb = vmcb_of(cpu);

	memset(vmcb, 0, sizeof(*vmcb));

	/*
	 * NMIs kick CPUs into the hypervisor; Linux gets its own back. SMIs
	 * are taken outside the guest (see handle_smi).
	 */
	vmcb->general1_intercepts = SVM_INTERCEPT_NMI | SVM_INTERCEPT_SMI |
		SVM_INTERCEPT_CPUID | SVM_INTERCEPT_IOIO_PROT |
		SVM_INTERCEPT_MSR_PROT | SVM_INTERCEPT_SHUTDOWN;
	/* SVM stays the hypervisor's: every SVM instruction traps. */
	vmcb->general2_intercepts = SVM_INTERCEPT_VMRUN |
		SVM_INTERCEPT_VMMCALL | SVM_INTERCEPT_VMLOAD |
		SVM_INTERCEPT_VMSAVE | SVM_INTERCEPT_STGI |
		SVM_INTERCEPT_CLGI | SVM_INTERCEPT_SKINIT;
	/* XCR0 is not switched by VMRUN: only valid values may get there. */
	vmcb->general2_intercepts |= SVM_INTERCEPT_XSETBV;
	vmcb->iopm_base_pa = x86_hv_phys(ac->iopm);
	vmcb->msrpm_base_pa = x86_hv_phys(ac->msrpm);
	vmcb->guest_asid = ASID_ROOT;
	vmcb->np_control = SVM_NP_ENABLE;
	vmcb->n_cr3 = paging_root_phys(&ac->npt);
	vmcb->tlb_control = SVM_TLB_FLUSH_ALL;

	set_segment(&vmcb->cs, &l->cs);
	set_segment(&vmcb->ss, &l->ss);
	set_segment(&vmcb->ds, &l->ds);
	set_segment(&vmcb->es, &l->es);
	set_segment(&vmcb->fs, &l->fs);
	set_segment(&vmcb->gs, &l->gs);
	set_segment(&vmcb->tr, &l->tr);
	set_segment(&vmcb->ldtr, &l->ldtr);
	vmcb->gdtr.base = l->gdtr.base;
	vmcb->gdtr.limit = l->gdtr.limit;
	vmcb->idtr.base = l->idtr.base;
	vmcb->idtr.limit = l->idtr.limit;
	vmcb->cpl = 0;

	/* VMRUN insists on EFER.SVME in the guest; reads of EFER hide it. */
	vmcb->efer = l->efer | EFER_SVME;
	vmcb->cr0 = l->cr0;
	vmcb->cr3 = l->cr3;
	vmcb->cr4 = l->cr4;
	vmcb->cr2 = read_cr2();
	vmcb->dr6 = 0xffff0ff0;
	vmcb->dr7 = 0x400;
	vmcb->rflags = l->rflags;
	vmcb->rip = l->rip;
	vmcb->rsp = l->rsp;
	/* The entry call returns 0 to every CPU. */
	vmcb->rax = 0;

	vmcb->star = l->star;
	vmcb->lstar = l->lstar;
	vmcb->cstar = l->cstar;
	vmcb->sfmask = l->sfmask;
	vmcb->kernel_gs_base = l->kernel_gs_base;
	vmcb->sysenter_cs = l->sysenter_cs;
	vmcb->sysenter_esp = l->sysenter_esp;
	vmcb->sysenter_eip = l->sysenter_eip;
	vmcb->g_pat = l->pat;
}

int vcpu_cpu_init(struct per_cpu *cpu)
{
	struct svm_cpu *s = svm(cpu);

	write_msr(MSR_EFER, read_msr(MSR_EFER) | EFER_SVME);
	write_msr(MSR_VM_HSAVE_PA, x86_hv_phys(s->host_save_area));
	s->enabled = true;
	s->vmcb_pa = x86_hv_phys(&s->vmcb);
	vmcb_init(cpu);
	return 0;
}

void vcpu_cpu_exit(struct per_cpu *cpu)
{
	if (!svm(cpu)->enabled)
		return;
	write_msr(MSR_VM_HSAVE_PA, 0);
	write_msr(MSR_EFER, read_msr(MSR_EFER) & ~EFER_SVME);
	svm(cpu)->enabled = false;
}

void __noreturn vcpu_activate_vmm(struct per_cpu *cpu,
				  const struct guest_regs *regs)
{
	svm_vmrun_loop(svm(cpu)->vmcb_pa, cpu->stack + sizeof(cpu->stack),
		       regs);
}

u64 vcpu_get_rip(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->rip;
}

/* SVM without NRIPS gives no length: the callers' figure is the one. */
void vcpu_skip_instruction(struct per_cpu *cpu, unsigned int length)
{
	vmcb_of(cpu)->rip += length;
}

u64 vcpu_get_rsp(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->rsp;
}

void vcpu_set_rsp(struct per_cpu *cpu, u64 value)
{
	vmcb_of(cpu)->rsp = value;
}

u64 vcpu_get_rflags(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->rflags;
}

u64 vcpu_get_cr0(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->cr0;
}

u64 vcpu_get_cr3(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->cr3;
}

u64 vcpu_get_cr4(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->cr4;
}

u64 vcpu_get_efer(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->efer & ~EFER_SVME;
}

void vcpu_set_efer(struct per_cpu *cpu, u64 value)
{
	vmcb_of(cpu)->efer = value | EFER_SVME;
	vcpu_tlb_flush(cpu);
}

void vcpu_get_cs(struct per_cpu *cpu, struct segment *cs)
{
	const struct vmcb_segment *seg = &vmcb_of(cpu)->cs;

	*cs = (struct segment){
		.selector = seg->selector,
		.attrib = seg->attrib,
		.limit = seg->limit,
		.base = seg->base,
	};
}

unsigned int vcpu_get_cpl(struct per_cpu *cpu)
{
	return vmcb_of(cpu)->cpl;
}

void vcpu_inject_exception(struct per_cpu *cpu, unsigned int vector,
			   bool has_error, u32 error)
{
	u64 event = vector | SVM_EVENT_TYPE_EXCEPTION | SVM_EVENT_VALID;

	if (has_error)
		event |= SVM_EVENT_ERROR_VALID | ((u64)error << 32);
	vmcb_of(cpu)->eventinj = event;
}

void vcpu_inject_nmi(struct per_cpu *cpu)
{
	struct vmcb *vmcb = vmcb_of(cpu);

	if (!(vmcb->eventinj & SVM_EVENT_VALID))
		vmcb->eventinj = X86_VEC_NMI | SVM_EVENT_TYPE_NMI |
			SVM_EVENT_VALID;
}

void vcpu_tlb_flush(struct per_cpu *cpu)
{
	svm(cpu)->flush_tlb = true;
}

void vcpu_load_cell(struct per_cpu *cpu)
{
	const struct arch_cell *ac = cpu->cell->arch;
	struct vmcb *vmcb = vmcb_of(cpu);

	vmcb->iopm_base_pa = x86_hv_phys(ac->iopm);
	vmcb->msrpm_base_pa = x86_hv_phys(ac->msrpm);
	vmcb->n_cr3 = paging_root_phys(&ac->npt);
	vcpu_tlb_flush(cpu);
}

static void set_real_mode_segment(struct vmcb_segment *seg, u16 selector,
				  u16 attrib)
{
	struct segment real = segment_real_mode(selector, attrib);

	set_segment(seg, &real);
}

/*
 * AMD APM vol. 2, table 14-1. VMLOAD puts the reset values of FS, GS, TR,
 * LDTR and the syscall MSRs into the CPU itself, since VMRUN does not.
 */
void vcpu_vendor_reset(struct per_cpu *cpu, unsigned int sipi_vector)
{
	struct vmcb *vmcb = vmcb_of(cpu);

	memset(&vmcb->es, 0, offsetof(struct vmcb, dbgctl) + sizeof(u64) -
	       offsetof(struct vmcb, es));

	set_real_mode_segment(&vmcb->cs, sipi_vector << 8, 0x9b);
	set_real_mode_segment(&vmcb->ss, 0, 0x93);
	set_real_mode_segment(&vmcb->ds, 0, 0x93);
	set_real_mode_segment(&vmcb->es, 0, 0x93);
	set_real_mode_segment(&vmcb->fs, 0, 0x93);
	set_real_mode_segment(&vmcb->gs, 0, 0x93);
	set_real_mode_segment(&vmcb->ldtr, 0, 0x82);
	set_real_mode_segment(&vmcb->tr, 0, 0x8b);
	vmcb->gdtr.limit = 0xffff;
	vmcb->idtr.limit = 0xffff;

	vmcb->cr0 = X86_CR0_ET | X86_CR0_NW | X86_CR0_CD;
	vmcb->efer = EFER_SVME;
	vmcb->rflags = X86_RFLAGS_FIXED;
	vmcb->dr6 = 0xffff0ff0;
	vmcb->dr7 = 0x400;
	vmcb->g_pat = PAT_RESET_VALUE;
	vmcb->eventinj = 0;
	vmcb->interrupt_shadow = 0;

	asm volatile("vmload %%rax" : : "a" (svm(cpu)->vmcb_pa) : "memory");
	vcpu_tlb_flush(cpu);
}

/*
 * The NMI is still pending (GIF is clear): taking it here, through the
 * hypervisor's IDT, keeps it from hitting the next VMRUN again.
 */
void vcpu_vendor_take_nmi(void)
{
	asm volatile("stgi; clgi" : : : "memory");
}

/* Exits run with GIF clear: NMIs wait for the next VMRUN's exit. */
void vcpu_vendor_nmi_in_hypervisor(struct per_cpu *cpu)
{
	(void)cpu;
}

void vcpu_vendor_dump_exit(struct per_cpu *cpu)
{
	const struct vmcb *vmcb = vmcb_of(cpu);

	printk("exit reason 0x%llx, exitinfo1 0x%llx, address/exitinfo2 "
	       "0x%llx, exitintinfo 0x%llx\n", vmcb->exitcode,
	       vmcb->exitinfo1, vmcb->exitinfo2, vmcb->exitintinfo);
}

/* A set bit intercepts the port; ports are bits in order. */
void vcpu_iopm_set(u8 *iopm, u16 port, bool intercept)
{
	if (intercept)
		iopm[port / 8] |= 1 << (port % 8);
	else
		iopm[port / 8] &= ~(1 << (port % 8));
}

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
int vcpu_msrpm_set(u8 *msrpm, u32 msr, bool intercept)
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

/* A guest must neither see nor move the host save area. */
const u32 vcpu_vendor_msrs[] = { MSR_VM_CR, MSR_VM_HSAVE_PA };
const unsigned int vcpu_vendor_num_msrs = ARRAY_ELEMS(vcpu_vendor_msrs);

int vcpu_vendor_msr_read(struct per_cpu *cpu, u32 msr, u64 *value)
{
	(void)cpu;
	switch (msr) {
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

int vcpu_vendor_msr_write(struct per_cpu *cpu, u32 msr, u64 value)
{
	(void)cpu;
	(void)value;
	switch (msr) {
	case MSR_VM_CR:
	case MSR_VM_HSAVE_PA:
		/* Locked: writes are dropped. */
		return 0;
	}
	return -EINVAL;
}

/*
 * Give the CPU back to Linux in the state the guest has now: leave SVM,
 * load the guest's control registers and tables, IRET to its RIP.
 */
static void __noreturn svm_deactivate(struct per_cpu *cpu,
				      const struct guest_regs *regs)
{
	const struct vmcb *vmcb = vmcb_of(cpu);
	struct desc_table_reg gdtr = {
		.limit = vmcb->gdtr.limit, .base = vmcb->gdtr.base,
	};
	struct desc_table_reg idtr = {
		.limit = vmcb->idtr.limit, .base = vmcb->idtr.base,
	};
	u64 frame[5] = {
		vmcb->rip, vmcb->cs.selector, vmcb->rflags, vmcb->rsp,
		vmcb->ss.selector,
	};

	/*
	 * GIF is clear since the #VMEXIT and would keep blocking interrupts
	 * once SVM is off; STGI needs EFER.SVME, so it comes first. IF stays
	 * clear until the IRET.
	 */
	asm volatile("stgi" : : : "memory");
	vcpu_cpu_exit(cpu);
	write_msr(MSR_EFER, vmcb->efer & ~EFER_SVME);
	write_msr(MSR_IA32_PAT, vmcb->g_pat);
	write_cr0(vmcb->cr0);
	write_cr4(vmcb->cr4);
	write_cr3(vmcb->cr3);
	write_cr2(vmcb->cr2);
	write_gdtr(&gdtr);
	write_idtr(&idtr);
	asm volatile("mov %0, %%ds\n\t"
		     "mov %1, %%es"
		     : : "r" (vmcb->ds.selector), "r" (vmcb->es.selector));
	x86_leave(regs, frame);
}

static void handle_io(struct per_cpu *cpu, struct guest_regs *regs)
{
	const struct vmcb *vmcb = vmcb_of(cpu);
	u64 info = vmcb->exitinfo1;
	/* EXITINFO2 is the address of the next instruction. */
	struct vcpu_io_intercept io = {
		.port = info >> SVM_IOIO_PORT_SHIFT,
		.size = (info & SVM_IOIO_SIZE_MASK) >> SVM_IOIO_SIZE_SHIFT,
		.length = vmcb->exitinfo2 - vmcb->rip,
		.in = info & SVM_IOIO_IN,
		.string_or_rep = info & (SVM_IOIO_STR | SVM_IOIO_REP),
	};

	pio_handle_exit(cpu, regs, &io);
}

static void handle_npf(struct per_cpu *cpu, struct guest_regs *regs)
{
	const struct vmcb *vmcb = vmcb_of(cpu);
	struct vcpu_npf_intercept npf = {
		.gpa = vmcb->exitinfo2,
		.is_write = vmcb->exitinfo1 & NPF_WRITE,
	};

	mmio_handle_npf(cpu, regs, &npf);
}

/* Reported SMIs, all CPUs: a device can send them without end. */
#define SMI_REPORTS		8
static unsigned int smis_reported;

/*
 * An SMI taken in the guest would run the firmware's SMM handler under
 * the cell's nested page tables, which do not map SMRAM's neighbourhood
 * (and must not): the intercepted SMI stays pending while GIF is clear,
 * and opening GIF here takes it with the hypervisor's view of memory
 * (AMD APM vol. 2, 15.13.3). Any CPU may get one: the root's chipset
 * raises them, and so can a device's interrupt message.
 */
static void handle_smi(struct per_cpu *cpu)
{
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
	asm volatile("stgi; clgi" : : : "memory");
	if (__atomic_fetch_add(&smis_reported, 1, __ATOMIC_RELAXED) <
	    SMI_REPORTS)
		printk("CPU %u (cell \"%s\"): SMI taken in the hypervisor, "
		       "not in the guest\n", cpu->cpu_id,
		       cpu->cell->config->name);
}

static void dispatch_exit(struct per_cpu *cpu, struct guest_regs *regs)
{
	struct vmcb *vmcb = vmcb_of(cpu);

	switch (vmcb->exitcode) {
	case SVM_EXIT_NMI:
		vcpu_handle_nmi(cpu);
		break;
	case SVM_EXIT_SMI:
		handle_smi(cpu);
		break;
	case SVM_EXIT_CPUID:
		cpuid_handle_exit(cpu, regs);
		break;
	case SVM_EXIT_VMMCALL:
		hypercall_handle_exit(cpu, regs);
		break;
	case SVM_EXIT_IOIO:
		handle_io(cpu, regs);
		break;
	case SVM_EXIT_MSR:
		msr_handle_exit(cpu, regs, vmcb->exitinfo1 != 0);
		break;
	case SVM_EXIT_VMRUN:
	case SVM_EXIT_VMLOAD:
	case SVM_EXIT_VMSAVE:
	case SVM_EXIT_STGI:
	case SVM_EXIT_CLGI:
	case SVM_EXIT_SKINIT:
		/* As on a CPU without SVM. */
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_EXCEPTION]++;
		vcpu_inject_exception(cpu, X86_VEC_UD, false, 0);
		break;
	case SVM_EXIT_XSETBV:
		xsetbv_handle_exit(cpu, regs);
		break;
	case SVM_EXIT_NPF:
		handle_npf(cpu, regs);
		break;
	case SVM_EXIT_SHUTDOWN:
		vcpu_fatal(cpu, regs, "guest shutdown (triple fault)");
		break;
	case SVM_EXIT_INVALID:
		vcpu_fatal(cpu, regs, "VMRUN refused the guest state");
		break;
	default:
		vcpu_fatal(cpu, regs, "unhandled exit");
		break;
	}
}

void svm_handle_exit(struct guest_regs *regs)
{
	struct per_cpu *cpu = this_cpu();
	struct vmcb *vmcb = vmcb_of(cpu);

	cpu->arch.regs = regs;
	regs->rax = vmcb->rax;
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;

	/*
	 * An event whose delivery the exit interrupted is delivered again,
	 * except software interrupts: RIP still points to their INTn.
	 */
	vmcb->eventinj = 0;
	if ((vmcb->exitintinfo & SVM_EVENT_VALID) &&
	    (vmcb->exitintinfo & SVM_EVENT_TYPE_MASK) != SVM_EVENT_TYPE_SOFT)
		vmcb->eventinj = vmcb->exitintinfo;

	dispatch_exit(cpu, regs);

	if (cpu->shutdown)
		svm_deactivate(cpu, regs);
	/* A failed CPU waits here until its cell is restarted or destroyed. */
	if (cpu->parked)
		vcpu_handle_events(cpu);

	vmcb->rax = regs->rax;
	vmcb->tlb_control = svm(cpu)->flush_tlb ? SVM_TLB_FLUSH_ALL :
		SVM_TLB_FLUSH_NONE;
	svm(cpu)->flush_tlb = false;
}
