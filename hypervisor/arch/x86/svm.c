// SPDX-License-Identifier: GPL-2.0
/*
 * AMD SVM: turning it on, one VMCB per CPU that starts as a copy of the
 * CPU's Linux state, the exit dispatcher, and turning it off again.
 *
 * The root cell runs with nested paging, ASID 1 and a VMCB without clean
 * bits (QEMU's TCG SVM has neither clean bits nor flush-by-ASID, so the TLB
 * is flushed with TLB_CONTROL=1 whenever mappings changed).
 */
#include <jailhouse/hypercall.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <x86/apic.h>
#include <x86/processor.h>
#include <x86/vmcb.h>
#include <x86/x86.h>

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

#define ASID_ROOT		1
#define NPF_WRITE		BIT(1)
#define VMMCALL_LENGTH		3
#define CPUID_LENGTH		2
#define X86_VEC_UD		6

/* Long mode with a 64-bit code segment: hypercall arguments are 64 bits. */
#define SEG_ATTR_L		BIT(9)

int svm_check_features(void)
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
	struct vmcb *vmcb = &cpu->arch.vmcb;

	memset(vmcb, 0, sizeof(*vmcb));

	/* NMIs kick CPUs into the hypervisor; Linux gets its own back. */
	vmcb->general1_intercepts = SVM_INTERCEPT_NMI | SVM_INTERCEPT_CPUID |
		SVM_INTERCEPT_IOIO_PROT | SVM_INTERCEPT_MSR_PROT |
		SVM_INTERCEPT_SHUTDOWN;
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

int svm_cpu_init(struct per_cpu *cpu)
{
	write_msr(MSR_EFER, read_msr(MSR_EFER) | EFER_SVME);
	write_msr(MSR_VM_HSAVE_PA, x86_hv_phys(cpu->arch.host_save_area));
	cpu->arch.svm_enabled = true;
	cpu->arch.vmcb_pa = x86_hv_phys(&cpu->arch.vmcb);
	vmcb_init(cpu);
	return 0;
}

void svm_cpu_exit(struct per_cpu *cpu)
{
	write_msr(MSR_VM_HSAVE_PA, 0);
	write_msr(MSR_EFER, read_msr(MSR_EFER) & ~EFER_SVME);
	cpu->arch.svm_enabled = false;
}

void __noreturn arch_cpu_activate_vmm(void)
{
	struct per_cpu *cpu = this_cpu();
	const struct linux_state *l = &cpu->arch.linux_state;
	/* Not on the stack: the loop builds its frame where this would be. */
	struct guest_regs *regs = &cpu->arch.initial_regs;

	memset(regs, 0, sizeof(*regs));
	regs->rbx = l->rbx;
	regs->rbp = l->rbp;
	regs->r12 = l->r12;
	regs->r13 = l->r13;
	regs->r14 = l->r14;
	regs->r15 = l->r15;

	svm_vmrun_loop(cpu->arch.vmcb_pa, cpu->stack + X86_STACK_SIZE, regs);
}

void svm_inject_exception(struct per_cpu *cpu, unsigned int vector,
			  bool has_error, u32 error)
{
	u64 event = vector | SVM_EVENT_TYPE_EXCEPTION | SVM_EVENT_VALID;

	if (has_error)
		event |= SVM_EVENT_ERROR_VALID | ((u64)error << 32);
	cpu->arch.vmcb.eventinj = event;
}

/*
 * The guest on cpu did something it may not or that cannot be handled.
 * A root cell CPU stops for good (the root's Linux cannot go on without
 * it); a CPU of another cell parks, its cell is marked failed, and the
 * rest of the system keeps running.
 */
static void svm_fatal(struct per_cpu *cpu, const struct guest_regs *regs,
		      const char *why)
{
	const struct vmcb *vmcb = &cpu->arch.vmcb;

	if (cpu->cell != &root_cell)
		printk("FATAL: CPU %u of cell \"%s\": %s\n", cpu->cpu_id,
		       cpu->cell->config->name, why);
	else
		printk("FATAL: CPU %u: %s\n", cpu->cpu_id, why);
	printk("exit reason 0x%llx, exitinfo1 0x%llx, address/exitinfo2 "
	       "0x%llx, exitintinfo 0x%llx\n", vmcb->exitcode,
	       vmcb->exitinfo1, vmcb->exitinfo2, vmcb->exitintinfo);
	printk("RIP: 0x%016llx RSP: 0x%016llx FLAGS: 0x%llx CPL: %u\n",
	       vmcb->rip, vmcb->rsp, vmcb->rflags, vmcb->cpl);
	printk("RAX: 0x%016lx RBX: 0x%016lx RCX: 0x%016lx\n",
	       regs->rax, regs->rbx, regs->rcx);
	printk("RDX: 0x%016lx RSI: 0x%016lx RDI: 0x%016lx\n",
	       regs->rdx, regs->rsi, regs->rdi);
	printk("RBP: 0x%016lx R8:  0x%016lx R9:  0x%016lx\n",
	       regs->rbp, regs->r8, regs->r9);
	printk("R10: 0x%016lx R11: 0x%016lx R12: 0x%016lx\n",
	       regs->r10, regs->r11, regs->r12);
	printk("R13: 0x%016lx R14: 0x%016lx R15: 0x%016lx\n",
	       regs->r13, regs->r14, regs->r15);
	printk("CR0: 0x%llx CR3: 0x%llx CR4: 0x%llx EFER: 0x%llx\n",
	       vmcb->cr0, vmcb->cr3, vmcb->cr4, vmcb->efer);
	cell_cpu_failed(cpu);
	if (cpu->cell == &root_cell)
		x86_halt_forever();
	printk("Cell \"%s\" failed; CPU %u parked\n", cpu->cell->config->name,
	       cpu->cpu_id);
	cpu->parked = true;
}

/*
 * Give the CPU back to Linux in the state the guest has now: leave SVM,
 * load the guest's control registers and tables, IRET to its RIP.
 */
static void __noreturn svm_deactivate(struct per_cpu *cpu,
				      const struct guest_regs *regs)
{
	const struct vmcb *vmcb = &cpu->arch.vmcb;
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
	svm_cpu_exit(cpu);
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

/*
 * Kicks are NMIs. One may still be pending when the target has already
 * done the work it asked for elsewhere (e.g. INIT and STARTUP handled in
 * one wait); its NMI exit must then not be reflected into the guest as an
 * NMI of its own, which would hit a freshly reset real-mode CPU through
 * the firmware's NMI vector. Counting the kicks tells them apart.
 */
void x86_kick(struct per_cpu *target)
{
	__atomic_fetch_add(&target->arch.kicks, 1, __ATOMIC_RELEASE);
	apic_send_nmi(target->arch.apic_id);
}

void x86_send_init(struct per_cpu *target)
{
	u32 old = __atomic_exchange_n(&target->arch.init_state, X86_CPU_INIT,
				      __ATOMIC_ACQ_REL);

	/* A CPU already waiting polls; one in its guest needs a kick. */
	if (old == X86_CPU_RUNNING)
		x86_kick(target);
}

void x86_send_sipi(struct per_cpu *target, unsigned int vector)
{
	u32 expected = X86_CPU_INIT;

	/* Like a real CPU: STARTUP counts only after an INIT. */
	target->arch.sipi_vector = vector;
	if (__atomic_compare_exchange_n(&target->arch.init_state, &expected,
					X86_CPU_SIPI, false, __ATOMIC_ACQ_REL,
					__ATOMIC_ACQUIRE))
		/* It sleeps until kicked. */
		x86_kick(target);
}

void svm_load_cell(struct per_cpu *cpu)
{
	const struct arch_cell *ac = cpu->cell->arch;
	struct vmcb *vmcb = &cpu->arch.vmcb;

	vmcb->iopm_base_pa = x86_hv_phys(ac->iopm);
	vmcb->msrpm_base_pa = x86_hv_phys(ac->msrpm);
	vmcb->n_cr3 = paging_root_phys(&ac->npt);
	cpu->arch.flush_tlb = true;
}

/*
 * An NMI exit is a kick of another CPU (management, INIT, STARTUP) or an
 * NMI meant for the guest. The NMI is still pending (GIF is clear):
 * taking it here, through the hypervisor's IDT, keeps it from hitting the
 * next VMRUN again.
 */
static void handle_nmi(struct per_cpu *cpu)
{
	struct vmcb *vmcb = &cpu->arch.vmcb;
	bool kicked = __atomic_exchange_n(&cpu->arch.kicks, 0,
					  __ATOMIC_ACQ_REL) != 0;

	asm volatile("stgi; clgi" : : : "memory");

	if (!vcpu_handle_events(cpu) && !kicked &&
	    !(vmcb->eventinj & SVM_EVENT_VALID))
		vmcb->eventinj = X86_VEC_NMI | SVM_EVENT_TYPE_NMI |
			SVM_EVENT_VALID;
}

static void handle_npf(struct per_cpu *cpu, struct guest_regs *regs)
{
	struct vmcb *vmcb = &cpu->arch.vmcb;
	u64 gpa = vmcb->exitinfo2;
	int err = -EPERM;
	char why[96];

	if ((gpa & PAGE_MASK) == XAPIC_BASE && (vmcb->exitinfo1 & NPF_WRITE)) {
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_XAPIC]++;
		err = apic_handle_write(cpu, regs, gpa);
	} else {
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO]++;
		err = pci_mmconfig_access(cpu, regs, gpa);
		if (err == -ENOENT)
			err = ioapic_access(cpu, regs, gpa);
		if (err == -ENOENT)
			err = -EPERM;
	}
	if (err) {
		snprintk(why, sizeof(why), "%s: %s at 0x%llx",
			 err == -EPERM ?
			 "access to unassigned guest-physical memory" :
			 "MMIO access not understood",
			 (vmcb->exitinfo1 & NPF_WRITE) ? "write" : "read",
			 gpa);
		svm_fatal(cpu, regs, why);
	}
}

static void skip_instruction(struct vmcb *vmcb, unsigned int length)
{
	vmcb->rip += length;
}

static void handle_hypercall(struct per_cpu *cpu, struct guest_regs *regs)
{
	struct vmcb *vmcb = &cpu->arch.vmcb;
	bool long_mode = (vmcb->efer & EFER_LMA) &&
		(vmcb->cs.attrib & SEG_ATTR_L);
	unsigned long arg1 = regs->rdi, arg2 = regs->rsi;
	long result;

	if (!long_mode) {
		arg1 = (u32)arg1;
		arg2 = (u32)arg2;
	}
	skip_instruction(vmcb, VMMCALL_LENGTH);
	if (vmcb->cpl != 0)
		result = -EPERM;
	else
		result = hypercall(cpu, (u32)regs->rax, arg1, arg2);
	/* Cell management may have changed this CPU's mappings. */
	if ((u32)regs->rax >= JAILHOUSE_HC_CELL_CREATE &&
	    (u32)regs->rax <= JAILHOUSE_HC_CELL_DESTROY)
		cpu->arch.flush_tlb = true;
	regs->rax = long_mode ? (unsigned long)result : (u32)result;
}

void svm_handle_exit(struct guest_regs *regs)
{
	struct per_cpu *cpu = this_cpu();
	struct vmcb *vmcb = &cpu->arch.vmcb;
	u32 *stats = cpu->stats;
	char why[96];

	cpu->arch.regs = regs;
	regs->rax = vmcb->rax;
	stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;

	/*
	 * An event whose delivery the exit interrupted is delivered again,
	 * except software interrupts: RIP still points to their INTn.
	 */
	vmcb->eventinj = 0;
	if ((vmcb->exitintinfo & SVM_EVENT_VALID) &&
	    (vmcb->exitintinfo & SVM_EVENT_TYPE_MASK) != SVM_EVENT_TYPE_SOFT)
		vmcb->eventinj = vmcb->exitintinfo;

	switch (vmcb->exitcode) {
	case SVM_EXIT_NMI:
		stats[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT]++;
		handle_nmi(cpu);
		break;
	case SVM_EXIT_CPUID:
		stats[JAILHOUSE_CPU_STAT_VMEXITS_CPUID]++;
		cpuid_handle_exit(regs);
		skip_instruction(vmcb, CPUID_LENGTH);
		break;
	case SVM_EXIT_VMMCALL:
		stats[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL]++;
		handle_hypercall(cpu, regs);
		break;
	case SVM_EXIT_IOIO:
		stats[JAILHOUSE_CPU_STAT_VMEXITS_PIO]++;
		if (pio_handle_exit(cpu, regs)) {
			snprintk(why, sizeof(why), "forbidden port I/O: %s "
				 "port 0x%llx", (vmcb->exitinfo1 & SVM_IOIO_IN) ?
				 "in from" : "out to",
				 vmcb->exitinfo1 >> SVM_IOIO_PORT_SHIFT);
			svm_fatal(cpu, regs, why);
		}
		break;
	case SVM_EXIT_MSR:
		stats[JAILHOUSE_CPU_STAT_VMEXITS_MSR_OTHER]++;
		if (msr_handle_exit(cpu, regs)) {
			snprintk(why, sizeof(why), "forbidden MSR %s 0x%x",
				 vmcb->exitinfo1 ? "write to" : "read of",
				 (u32)regs->rcx);
			svm_fatal(cpu, regs, why);
		}
		break;
	case SVM_EXIT_VMRUN:
	case SVM_EXIT_VMLOAD:
	case SVM_EXIT_VMSAVE:
	case SVM_EXIT_STGI:
	case SVM_EXIT_CLGI:
	case SVM_EXIT_SKINIT:
		/* As on a CPU without SVM. */
		stats[JAILHOUSE_CPU_STAT_VMEXITS_EXCEPTION]++;
		svm_inject_exception(cpu, X86_VEC_UD, false, 0);
		break;
	case SVM_EXIT_XSETBV:
		xsetbv_handle_exit(cpu, regs);
		break;
	case SVM_EXIT_NPF:
		handle_npf(cpu, regs);
		break;
	case SVM_EXIT_SHUTDOWN:
		svm_fatal(cpu, regs, "guest shutdown (triple fault)");
		break;
	case SVM_EXIT_INVALID:
		svm_fatal(cpu, regs, "VMRUN refused the guest state");
		break;
	default:
		svm_fatal(cpu, regs, "unhandled exit");
		break;
	}

	if (cpu->shutdown)
		svm_deactivate(cpu, regs);
	/* A failed CPU waits here until its cell is restarted or destroyed. */
	if (cpu->parked)
		vcpu_handle_events(cpu);

	vmcb->rax = regs->rax;
	vmcb->tlb_control = cpu->arch.flush_tlb ? SVM_TLB_FLUSH_ALL :
		SVM_TLB_FLUSH_NONE;
	cpu->arch.flush_tlb = false;
}
