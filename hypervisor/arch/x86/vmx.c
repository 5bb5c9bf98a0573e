// SPDX-License-Identifier: GPL-2.0
/*
 * Intel VT-x behind the vendor seam (x86/vcpu.h): the feature checks,
 * VMXON and one VMCS per CPU that starts as a copy of the CPU's Linux
 * state, the accessors of the guest state, the exit dispatcher, and VMXOFF
 * with Linux's state given back.
 *
 * Guests run with EPT and unrestricted guest (real-mode starts of cells
 * need no emulation). Where the CPU has VPID, each CPU's guest has its own
 * tag (CPU ID + 1), so entries and exits keep its TLB; INVVPID drops it
 * whenever the guest starts over (enable, reset, another cell), INVEPT
 * whenever its mappings changed. Without VPID, every entry and exit
 * flushes the guest's linear translations. Only VMXE in CR4 and the bits
 * VMX fixes in CR0 are owned by the hypervisor; the guest sees its own
 * values through the read shadows.
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
#include <x86/vmx.h>
#include <x86/vmx_rules.h>

/* Linux's GDT size: its TSS selector (0x40) lies within. */
#define TR_GDT_ENTRIES		16

/* The vendor state of a CPU, in struct arch_per_cpu's vendor_state. */
struct vmx_cpu {
	u8 vmxon_region[PAGE_SIZE] __aligned(PAGE_SIZE);
	u8 vmcs[PAGE_SIZE] __aligned(PAGE_SIZE);
	bool vmxon;
	/* The VMCS is current: the NMI handler may write it. */
	bool vmcs_ready;
	/* Next entry must drop the guest's EPT-derived translations. */
	bool flush_tlb;
	/* An NMI for the guest waits for its NMI window (virtual NMIs). */
	bool nmi_pending;
	/* The exits' GDT with Linux's TSS available: where disable loads TR. */
	u64 tr_gdt[TR_GDT_ENTRIES] __aligned(16);
};

BUILD_BUG_ON(sizeof(struct vmx_cpu) > X86_VENDOR_STATE_SIZE);

/* What the feature checks found, the same for every CPU. */
static struct {
	u32 revision;
	u32 pin, cpu, cpu2, exit, entry;
	struct vmx_fixed_bits fixed;
	u64 ept_cap;
	unsigned long ept_max_page;
} vmx_caps;

/* One 4 KiB bitmap: read low, read high, write low, write high MSRs. */
const unsigned int vcpu_iopm_pages = 2;
const unsigned int vcpu_msrpm_pages = 1;

const struct paging_format *const vcpu_npt_format = &intel_ept_paging;

/* vmx_entry.S */
void __noreturn vmx_vmrun_loop(void *regs_on_stack,
			       const struct guest_regs *initial);
extern const u8 vmx_vmexit[];
void vmx_handle_exit(struct guest_regs *regs);
void vmx_entry_failed(struct guest_regs *regs);
static void prepare_entry(struct per_cpu *cpu);

static struct vmx_cpu *vmx(struct per_cpu *cpu)
{
	return (struct vmx_cpu *)cpu->arch.vendor_state;
}

unsigned long vcpu_npt_max_page_size(void)
{
	return vmx_caps.ept_max_page;
}

/* --- Feature checks --- */

/*
 * A control word from its capability MSR: the bits the CPU requires,
 * plus the wanted ones it allows; *missing gets wanted bits it lacks.
 */
static u32 adjust_controls(u32 msr, u32 wanted, u32 *missing)
{
	u64 cap = read_msr(msr);
	u32 must = (u32)cap, may = cap >> 32;

	*missing = wanted & ~may;
	return (wanted | must) & may;
}

static u32 true_msr(u32 plain, u32 true_variant)
{
	return (read_msr(MSR_IA32_VMX_BASIC) & VMX_BASIC_TRUE_CTLS) ?
		true_variant : plain;
}

static int check_feature_control(void)
{
	u64 fc = read_msr(MSR_IA32_FEATURE_CONTROL);

	if (!(fc & FEATURE_CONTROL_LOCKED))
		return 0;
	if (!(fc & FEATURE_CONTROL_VMX_OUTSIDE_SMX)) {
		printk("VMX is disabled by the firmware (IA32_FEATURE_CONTROL "
		       "locked without VMX outside SMX)\n");
		return -ENODEV;
	}
	return 0;
}

static int check_missing(u32 missing, u32 bit, const char *sentence)
{
	if (!(missing & bit))
		return 0;
	printk("%s\n", sentence);
	return -ENODEV;
}

static int check_primary_controls(void)
{
	u32 wanted = CPU_USE_IO_BITMAPS | CPU_USE_MSR_BITMAPS |
		CPU_SECONDARY_CONTROLS, missing;
	int err = 0;

	vmx_caps.cpu = adjust_controls(true_msr(MSR_IA32_VMX_PROCBASED_CTLS,
				MSR_IA32_VMX_TRUE_PROCBASED_CTLS), wanted,
				&missing);
	/* Guests change CR3 freely: EPT protects the host. */
	vmx_caps.cpu &= ~(CPU_CR3_LOAD_EXITING | CPU_CR3_STORE_EXITING);
	err |= check_missing(missing, CPU_USE_IO_BITMAPS,
			     "VMX without I/O bitmaps is not supported");
	err |= check_missing(missing, CPU_USE_MSR_BITMAPS,
			     "VMX without MSR bitmaps is not supported");
	err |= check_missing(missing, CPU_SECONDARY_CONTROLS,
			     "VMX without secondary controls is not supported");
	return err ? -ENODEV : 0;
}

static int check_secondary_controls(void)
{
	u32 wanted = CPU2_ENABLE_EPT | CPU2_UNRESTRICTED_GUEST, missing;
	u32 optional = CPU2_ENABLE_RDTSCP | CPU2_ENABLE_INVPCID |
		CPU2_ENABLE_XSAVES | CPU2_ENABLE_VPID, absent;
	int err = 0;

	vmx_caps.cpu2 = adjust_controls(MSR_IA32_VMX_PROCBASED_CTLS2, wanted,
					&missing);
	/* Instructions Linux uses if CPUID offers them: allow them. */
	vmx_caps.cpu2 |= adjust_controls(MSR_IA32_VMX_PROCBASED_CTLS2,
					 optional, &absent);
	err |= check_missing(missing, CPU2_ENABLE_EPT,
			     "VMX without EPT is not supported");
	err |= check_missing(missing, CPU2_UNRESTRICTED_GUEST,
			     "VMX without unrestricted guest is not supported");
	return err ? -ENODEV : 0;
}

static int check_exit_entry_controls(void)
{
	u32 exit_wanted = EXIT_HOST_ADDR_SPACE_SIZE | EXIT_SAVE_PAT |
		EXIT_LOAD_PAT | EXIT_SAVE_EFER | EXIT_LOAD_EFER;
	u32 entry_wanted = ENTRY_LOAD_PAT | ENTRY_LOAD_EFER, missing;
	u32 entry_missing;

	vmx_caps.exit = adjust_controls(true_msr(MSR_IA32_VMX_EXIT_CTLS,
				MSR_IA32_VMX_TRUE_EXIT_CTLS), exit_wanted,
				&missing);
	vmx_caps.entry = adjust_controls(true_msr(MSR_IA32_VMX_ENTRY_CTLS,
				MSR_IA32_VMX_TRUE_ENTRY_CTLS), entry_wanted,
				&entry_missing);
	if (missing || entry_missing) {
		printk("VMX without PAT and EFER switching on VM entry and "
		       "exit is not supported\n");
		return -ENODEV;
	}
	return 0;
}

static int check_ept(void)
{
	u64 cap = read_msr(MSR_IA32_VMX_EPT_VPID_CAP);

	vmx_caps.ept_cap = cap;
	if (!(cap & EPT_CAP_WALK_4) || !(cap & EPT_CAP_WB)) {
		printk("EPT without 4-level write-back tables is not "
		       "supported\n");
		return -ENODEV;
	}
	if (!(cap & EPT_CAP_INVEPT) ||
	    !(cap & (EPT_CAP_INVEPT_SINGLE | EPT_CAP_INVEPT_ALL))) {
		printk("EPT without INVEPT is not supported\n");
		return -ENODEV;
	}
	/* Tagged entries the hypervisor cannot drop must not exist. */
	if (!(cap & VPID_CAP_INVVPID) ||
	    !(cap & (VPID_CAP_INVVPID_SINGLE | VPID_CAP_INVVPID_ALL)))
		vmx_caps.cpu2 &= ~CPU2_ENABLE_VPID;
	vmx_caps.ept_max_page = PAGE_SIZE;
	if (cap & EPT_CAP_2M)
		vmx_caps.ept_max_page = 2UL << 20;
	if ((cap & EPT_CAP_1G) && x86_max_page_size >= (1UL << 30))
		vmx_caps.ept_max_page = 1UL << 30;
	return 0;
}

static void read_fixed_bits(void)
{
	vmx_caps.revision = read_msr(MSR_IA32_VMX_BASIC) &
		VMX_BASIC_REVISION_MASK;
	vmx_caps.fixed.cr0_fixed0 = read_msr(MSR_IA32_VMX_CR0_FIXED0);
	vmx_caps.fixed.cr0_fixed1 = read_msr(MSR_IA32_VMX_CR0_FIXED1);
	vmx_caps.fixed.cr4_fixed0 = read_msr(MSR_IA32_VMX_CR4_FIXED0);
	vmx_caps.fixed.cr4_fixed1 = read_msr(MSR_IA32_VMX_CR4_FIXED1);
}

static bool control_allowed(u32 msr, u32 bit)
{
	return (read_msr(msr) >> 32) & bit;
}

/*
 * Virtual NMIs are required. With NMI exiting, a guest's IRET no longer
 * ends the blocking an injected NMI starts (SDM vol. 3, changes to IRET
 * in VMX non-root operation): without them, the first NMI given to a
 * guest would hold back every later NMI of that CPU, kicks included, and
 * the CPU would never come back to the hypervisor. With them, the CPU
 * tracks the guest's NMI handler apart, and NMI-window exits say when the
 * next NMI may go in. Every CPU with unrestricted guest has both.
 */
static int check_virtual_nmis(void)
{
	if (control_allowed(true_msr(MSR_IA32_VMX_PINBASED_CTLS,
				     MSR_IA32_VMX_TRUE_PINBASED_CTLS),
			    PIN_VIRTUAL_NMIS) &&
	    control_allowed(true_msr(MSR_IA32_VMX_PROCBASED_CTLS,
				     MSR_IA32_VMX_TRUE_PROCBASED_CTLS),
			    CPU_NMI_WINDOW_EXITING)) {
		vmx_caps.pin |= PIN_VIRTUAL_NMIS;
		return 0;
	}
	printk("VMX without virtual NMIs and NMI-window exits is not "
	       "supported\n");
	return -ENODEV;
}

int vcpu_vendor_init(void)
{
	u32 missing;
	int err;

	if (!(cpuid_ecx(X86_CPUID_FEATURES) & X86_FEATURE_VMX)) {
		printk("VMX not supported by this CPU\n");
		return -ENODEV;
	}
	err = check_feature_control();
	if (err)
		return err;
	vmx_caps.pin = adjust_controls(true_msr(MSR_IA32_VMX_PINBASED_CTLS,
				MSR_IA32_VMX_TRUE_PINBASED_CTLS),
				PIN_NMI_EXITING | PIN_PREEMPTION_TIMER, &missing);
	/* The timer is armed only to come back for kicks (see below). */
	vmx_caps.pin &= ~PIN_PREEMPTION_TIMER;
	if (check_missing(missing, PIN_NMI_EXITING,
			  "VMX without NMI exiting is not supported") ||
	    check_missing(missing, PIN_PREEMPTION_TIMER,
			  "VMX without the preemption timer is not supported"))
		return -ENODEV;
	err = check_virtual_nmis();
	if (!err)
		err = check_primary_controls();
	if (!err)
		err = check_secondary_controls();
	if (!err)
		err = check_exit_entry_controls();
	if (!err)
		err = check_ept();
	read_fixed_bits();
	if (!err)
		printk("VMX: EPT, unrestricted guest, %s, virtual NMIs wait "
		       "for their window\n",
		       (vmx_caps.cpu2 & CPU2_ENABLE_VPID) ?
		       "VPID tags guest TLB entries" :
		       "no VPID (TLB flushed on every exit)");
	return err;
}

/* --- VMXON and the VMCS --- */

/* VMXON, VMCLEAR, VMPTRLD on a physical address; false on VMfail. */
#define DEFINE_VMX_PA_INSN(insn)					\
static bool insn(u64 pa)						\
{									\
	bool ok;							\
									\
	asm volatile(#insn " %1\n\tsetnbe %0"				\
		     : "=qm" (ok) : "m" (pa) : "cc", "memory");		\
	return ok;							\
}

DEFINE_VMX_PA_INSN(vmxon)
DEFINE_VMX_PA_INSN(vmclear)
DEFINE_VMX_PA_INSN(vmptrld)

/* VMXON needs IA32_FEATURE_CONTROL locked with VMX allowed. */
static void lock_feature_control(void)
{
	u64 fc = read_msr(MSR_IA32_FEATURE_CONTROL);

	if (!(fc & FEATURE_CONTROL_LOCKED))
		write_msr(MSR_IA32_FEATURE_CONTROL, fc |
			  FEATURE_CONTROL_LOCKED |
			  FEATURE_CONTROL_VMX_OUTSIDE_SMX);
}

static int vmx_on(struct per_cpu *cpu)
{
	struct vmx_cpu *v = vmx(cpu);
	u64 cr0 = read_cr0();

	lock_feature_control();
	if ((cr0 & vmx_caps.fixed.cr0_fixed0) != vmx_caps.fixed.cr0_fixed0) {
		printk("CPU %u: CR0 0x%llx lacks bits VMX needs\n",
		       cpu->cpu_id, cr0);
		return -EIO;
	}
	write_cr4(read_cr4() | X86_CR4_VMXE);
	*(u32 *)v->vmxon_region = vmx_caps.revision;
	if (!vmxon(x86_hv_phys(v->vmxon_region))) {
		write_cr4(read_cr4() & ~X86_CR4_VMXE);
		printk("CPU %u: VMXON failed\n", cpu->cpu_id);
		return -EIO;
	}
	v->vmxon = true;
	return 0;
}

static int vmcs_load(struct per_cpu *cpu)
{
	struct vmx_cpu *v = vmx(cpu);
	u64 pa = x86_hv_phys(v->vmcs);

	memset(v->vmcs, 0, PAGE_SIZE);
	*(u32 *)v->vmcs = vmx_caps.revision;
	if (!vmclear(pa) ||
	    !vmptrld(pa)) {
		printk("CPU %u: loading the VMCS failed\n", cpu->cpu_id);
		return -EIO;
	}
	return 0;
}

static bool write_segment(unsigned int n, const struct segment *seg,
			  bool null_unusable)
{
	bool ok = vmcs_write(GUEST_ES_SELECTOR + 2 * n, seg->selector);

	ok &= vmcs_write(GUEST_ES_LIMIT + 2 * n, seg->limit);
	ok &= vmcs_write(GUEST_ES_AR + 2 * n, vmx_segment_ar(seg, null_unusable));
	ok &= vmcs_write(GUEST_ES_BASE + 2 * n, seg->base);
	return ok;
}

static u64 cr0_mask(void)
{
	return vmx_cr0_mask(&vmx_caps.fixed);
}

static u64 cr4_mask(void)
{
	return vmx_cr4_mask(&vmx_caps.fixed);
}

static bool set_cr0(u64 value)
{
	return vmcs_write(GUEST_CR0, vmx_cr0_real(&vmx_caps.fixed, value)) &
		vmcs_write(CR0_READ_SHADOW, value);
}

static bool set_cr4(u64 value)
{
	return vmcs_write(GUEST_CR4, vmx_cr4_real(&vmx_caps.fixed, value)) &
		vmcs_write(CR4_READ_SHADOW, value);
}

/* EFER.LMA follows LME and CR0.PG; the entry control follows LMA. */
static bool set_guest_efer(u64 efer)
{
	u64 entry = vmcs_read(VM_ENTRY_CONTROLS) & ~ENTRY_IA32E_MODE;

	if ((efer & EFER_LME) && (vmcs_read(GUEST_CR0) & X86_CR0_PG))
		efer |= EFER_LMA;
	else
		efer &= ~EFER_LMA;
	if (efer & EFER_LMA)
		entry |= ENTRY_IA32E_MODE;
	return vmcs_write(GUEST_IA32_EFER, efer) &
		vmcs_write(VM_ENTRY_CONTROLS, entry);
}

static bool vmcs_host_state(struct per_cpu *cpu)
{
	const struct linux_state *l = &cpu->arch.linux_state;
	struct desc_table_reg gdtr, idtr;
	bool ok;

	read_gdtr(&gdtr);
	read_idtr(&idtr);
	ok = vmcs_write(HOST_CR0, read_cr0());
	ok &= vmcs_write(HOST_CR3, read_cr3());
	ok &= vmcs_write(HOST_CR4, read_cr4());
	ok &= vmcs_write(HOST_CS_SELECTOR, HV_GDT_CS);
	ok &= vmcs_write(HOST_SS_SELECTOR, HV_GDT_DS);
	ok &= vmcs_write(HOST_DS_SELECTOR, HV_GDT_DS);
	ok &= vmcs_write(HOST_ES_SELECTOR, HV_GDT_DS);
	/* FS, GS and TR stay Linux's (setup.c); the selectors must be 0. */
	ok &= vmcs_write(HOST_FS_SELECTOR, 0);
	ok &= vmcs_write(HOST_GS_SELECTOR, 0);
	ok &= vmcs_write(HOST_TR_SELECTOR, l->tr.selector);
	ok &= vmcs_write(HOST_FS_BASE, l->fs.base);
	ok &= vmcs_write(HOST_GS_BASE, l->gs.base);
	ok &= vmcs_write(HOST_TR_BASE, l->tr.base);
	ok &= vmcs_write(HOST_GDTR_BASE, gdtr.base);
	ok &= vmcs_write(HOST_IDTR_BASE, idtr.base);
	ok &= vmcs_write(HOST_IA32_SYSENTER_CS, 0);
	ok &= vmcs_write(HOST_IA32_SYSENTER_ESP, 0);
	ok &= vmcs_write(HOST_IA32_SYSENTER_EIP, 0);
	ok &= vmcs_write(HOST_IA32_PAT, read_msr(MSR_IA32_PAT));
	ok &= vmcs_write(HOST_IA32_EFER, read_msr(MSR_EFER));
	ok &= vmcs_write(HOST_RIP, (unsigned long)vmx_vmexit);
	return ok;
}

static bool vmcs_guest_segments(const struct linux_state *l)
{
	bool ok = write_segment(VMCS_SEG_ES, &l->es, true);

	ok &= write_segment(VMCS_SEG_CS, &l->cs, false);
	ok &= write_segment(VMCS_SEG_SS, &l->ss, true);
	ok &= write_segment(VMCS_SEG_DS, &l->ds, true);
	ok &= write_segment(VMCS_SEG_FS, &l->fs, true);
	ok &= write_segment(VMCS_SEG_GS, &l->gs, true);
	ok &= write_segment(VMCS_SEG_LDTR, &l->ldtr, true);
	ok &= write_segment(VMCS_SEG_TR, &l->tr, false);
	ok &= vmcs_write(GUEST_GDTR_BASE, l->gdtr.base);
	ok &= vmcs_write(GUEST_GDTR_LIMIT, l->gdtr.limit);
	ok &= vmcs_write(GUEST_IDTR_BASE, l->idtr.base);
	ok &= vmcs_write(GUEST_IDTR_LIMIT, l->idtr.limit);
	return ok;
}

static bool vmcs_guest_state(struct per_cpu *cpu)
{
	const struct linux_state *l = &cpu->arch.linux_state;
	bool ok = vmcs_guest_segments(l);

	ok &= set_cr0(l->cr0);
	ok &= vmcs_write(GUEST_CR3, l->cr3);
	ok &= set_cr4(l->cr4);
	ok &= vmcs_write(GUEST_DR7, 0x400);
	ok &= vmcs_write(GUEST_RSP, l->rsp);
	ok &= vmcs_write(GUEST_RIP, l->rip);
	ok &= vmcs_write(GUEST_RFLAGS, l->rflags);
	ok &= vmcs_write(GUEST_SYSENTER_CS, l->sysenter_cs);
	ok &= vmcs_write(GUEST_SYSENTER_ESP, l->sysenter_esp);
	ok &= vmcs_write(GUEST_SYSENTER_EIP, l->sysenter_eip);
	ok &= vmcs_write(GUEST_IA32_PAT, l->pat);
	ok &= vmcs_write(GUEST_IA32_DEBUGCTL, 0);
	ok &= vmcs_write(VMCS_LINK_POINTER, ~0ULL);
	ok &= vmcs_write(GUEST_INTERRUPTIBILITY, 0);
	ok &= vmcs_write(GUEST_ACTIVITY_STATE, 0);
	ok &= vmcs_write(GUEST_PENDING_DBG_EXCEPTIONS, 0);
	ok &= set_guest_efer(l->efer);
	return ok;
}

static bool vmcs_controls(struct per_cpu *cpu)
{
	bool ok = vmcs_write(PIN_BASED_VM_EXEC_CONTROL, vmx_caps.pin);

	/* VPID 0 is the host's. */
	if (vmx_caps.cpu2 & CPU2_ENABLE_VPID)
		ok &= vmcs_write(VIRTUAL_PROCESSOR_ID, cpu->cpu_id + 1);

	ok &= vmcs_write(CPU_BASED_VM_EXEC_CONTROL, vmx_caps.cpu);
	ok &= vmcs_write(SECONDARY_VM_EXEC_CONTROL, vmx_caps.cpu2);
	ok &= vmcs_write(VM_EXIT_CONTROLS, vmx_caps.exit);
	ok &= vmcs_write(VM_ENTRY_CONTROLS, vmx_caps.entry);
	ok &= vmcs_write(EXCEPTION_BITMAP, 0);
	ok &= vmcs_write(CR3_TARGET_COUNT, 0);
	ok &= vmcs_write(VM_EXIT_MSR_STORE_COUNT, 0);
	ok &= vmcs_write(VM_EXIT_MSR_LOAD_COUNT, 0);
	ok &= vmcs_write(VM_ENTRY_MSR_LOAD_COUNT, 0);
	ok &= vmcs_write(VM_ENTRY_INTR_INFO, 0);
	ok &= vmcs_write(CR0_GUEST_HOST_MASK, cr0_mask());
	ok &= vmcs_write(CR4_GUEST_HOST_MASK, cr4_mask());
	/* XSAVES of every state component runs without exits. */
	if (vmx_caps.cpu2 & CPU2_ENABLE_XSAVES)
		ok &= vmcs_write(XSS_EXIT_BITMAP, 0);
	return ok;
}

static u64 ept_pointer(const struct arch_cell *ac)
{
	return paging_root_phys(&ac->npt) | EPTP_WB | EPTP_WALK_4;
}

static bool vmcs_cell(const struct arch_cell *ac)
{
	bool ok = vmcs_write(IO_BITMAP_A, x86_hv_phys(ac->iopm));

	ok &= vmcs_write(IO_BITMAP_B, x86_hv_phys(ac->iopm) + PAGE_SIZE);
	ok &= vmcs_write(MSR_BITMAP, x86_hv_phys(ac->msrpm));
	ok &= vmcs_write(EPT_POINTER, ept_pointer(ac));
	return ok;
}

int vcpu_cpu_init(struct per_cpu *cpu)
{
	int err = vmx_on(cpu);

	if (!err)
		err = vmcs_load(cpu);
	if (err)
		return err;
	if (!vmcs_controls(cpu) || !vmcs_host_state(cpu) ||
	    !vmcs_cell(cpu->cell->arch) || !vmcs_guest_state(cpu)) {
		printk("CPU %u: VMCS setup failed (VM-instruction error %llu)"
		       "\n", cpu->cpu_id, vmcs_read(VM_INSTRUCTION_ERROR));
		return -EIO;
	}
	vmx(cpu)->flush_tlb = true;
	vmx(cpu)->vmcs_ready = true;
	return 0;
}

void vcpu_cpu_exit(struct per_cpu *cpu)
{
	if (!vmx(cpu)->vmxon)
		return;
	vmx(cpu)->vmcs_ready = false;
	asm volatile("vmxoff" : : : "cc", "memory");
	write_cr4(read_cr4() & ~X86_CR4_VMXE);
	vmx(cpu)->vmxon = false;
}

void __noreturn vcpu_activate_vmm(struct per_cpu *cpu,
				  const struct guest_regs *regs)
{
	/* Below the top slot of the stack, like SVM's loop. */
	void *frame = cpu->stack + sizeof(cpu->stack) - 16 -
		sizeof(struct guest_regs);

	vmcs_write(HOST_RSP, (unsigned long)frame);
	/* Tags of this VPID may be left from the last enable. */
	prepare_entry(cpu);
	vmx_vmrun_loop(frame, regs);
}

/* --- Accessors --- */

u64 vcpu_get_rip(struct per_cpu *cpu)
{
	(void)cpu;
	return vmcs_read(GUEST_RIP);
}

/*
 * The callers' figure: EPT violations report no instruction length. A
 * STI or MOV SS shadow ends with the instruction.
 */
void vcpu_skip_instruction(struct per_cpu *cpu, unsigned int length)
{
	u64 state = vmcs_read(GUEST_INTERRUPTIBILITY);

	(void)cpu;
	vmcs_write(GUEST_RIP, vmcs_read(GUEST_RIP) + length);
	vmcs_write(GUEST_INTERRUPTIBILITY, state &
		   ~(u64)(INTERRUPTIBILITY_STI | INTERRUPTIBILITY_MOV_SS));
}

u64 vcpu_get_rsp(struct per_cpu *cpu)
{
	(void)cpu;
	return vmcs_read(GUEST_RSP);
}

void vcpu_set_rsp(struct per_cpu *cpu, u64 value)
{
	(void)cpu;
	vmcs_write(GUEST_RSP, value);
}

u64 vcpu_get_rflags(struct per_cpu *cpu)
{
	(void)cpu;
	return vmcs_read(GUEST_RFLAGS);
}

/* What the guest sees: its own bits where the hypervisor owns them. */
u64 vcpu_get_cr0(struct per_cpu *cpu)
{
	u64 mask = cr0_mask();

	(void)cpu;
	return (vmcs_read(GUEST_CR0) & ~mask) |
		(vmcs_read(CR0_READ_SHADOW) & mask);
}

u64 vcpu_get_cr3(struct per_cpu *cpu)
{
	(void)cpu;
	return vmcs_read(GUEST_CR3);
}

u64 vcpu_get_cr4(struct per_cpu *cpu)
{
	u64 mask = cr4_mask();

	(void)cpu;
	return (vmcs_read(GUEST_CR4) & ~mask) |
		(vmcs_read(CR4_READ_SHADOW) & mask);
}

u64 vcpu_get_efer(struct per_cpu *cpu)
{
	(void)cpu;
	return vmcs_read(GUEST_IA32_EFER);
}

void vcpu_set_efer(struct per_cpu *cpu, u64 value)
{
	set_guest_efer(value);
	vcpu_tlb_flush(cpu);
}

void vcpu_get_cs(struct per_cpu *cpu, struct segment *cs)
{
	u32 ar = vmcs_read(GUEST_CS_AR);

	(void)cpu;
	*cs = (struct segment){
		.selector = vmcs_read(GUEST_CS_SELECTOR),
		.attrib = vmx_ar_to_attrib(ar),
		.limit = vmcs_read(GUEST_CS_LIMIT),
		.base = vmcs_read(GUEST_CS_BASE),
	};
}

/* VMX takes the CPL from SS.DPL. */
unsigned int vcpu_get_cpl(struct per_cpu *cpu)
{
	(void)cpu;
	return (vmcs_read(GUEST_SS_AR) >> 5) & 3;
}

void vcpu_inject_exception(struct per_cpu *cpu, unsigned int vector,
			   bool has_error, u32 error)
{
	u32 info = vector | INTR_TYPE_HW_EXCEPTION | INTR_INFO_VALID;

	(void)cpu;
	if (has_error) {
		info |= INTR_INFO_ERROR_VALID;
		vmcs_write(VM_ENTRY_EXCEPTION_ERROR, error);
	}
	vmcs_write(VM_ENTRY_INTR_INFO, info);
}

/* The NMI goes in when the guest can take it (prepare_entry). */
void vcpu_inject_nmi(struct per_cpu *cpu)
{
	vmx(cpu)->nmi_pending = true;
}

static void nmi_window_exiting(bool on)
{
	u64 ctl = vmcs_read(CPU_BASED_VM_EXEC_CONTROL);

	if (on)
		ctl |= CPU_NMI_WINDOW_EXITING;
	else
		ctl &= ~(u64)CPU_NMI_WINDOW_EXITING;
	vmcs_write(CPU_BASED_VM_EXEC_CONTROL, ctl);
}

/*
 * A pending NMI goes in when the guest is outside its NMI handler, not
 * in a STI or MOV SS shadow and no other event is due; otherwise the
 * CPU exits as soon as that is so (NMI window).
 */
static void deliver_pending_nmi(struct per_cpu *cpu)
{
	u64 blocked = INTERRUPTIBILITY_NMI | INTERRUPTIBILITY_STI |
		INTERRUPTIBILITY_MOV_SS;

	if (!vmx(cpu)->nmi_pending)
		return;
	if ((vmcs_read(GUEST_INTERRUPTIBILITY) & blocked) ||
	    (vmcs_read(VM_ENTRY_INTR_INFO) & INTR_INFO_VALID)) {
		nmi_window_exiting(true);
		return;
	}
	vmcs_write(VM_ENTRY_INTR_INFO, X86_VEC_NMI | INTR_TYPE_NMI |
		   INTR_INFO_VALID);
	vmx(cpu)->nmi_pending = false;
}

static void handle_nmi_window(struct per_cpu *cpu)
{
	(void)cpu;
	nmi_window_exiting(false);
}

void vcpu_tlb_flush(struct per_cpu *cpu)
{
	vmx(cpu)->flush_tlb = true;
}

void vcpu_load_cell(struct per_cpu *cpu)
{
	vmcs_cell(cpu->cell->arch);
	vcpu_tlb_flush(cpu);
}

static void write_real_mode_segment(unsigned int n, u16 selector,
				    u16 attrib)
{
	struct segment real = segment_real_mode(selector, attrib);

	write_segment(n, &real, false);
}

/*
 * Intel SDM vol. 3, table 10-1. The syscall MSRs and KERNEL_GS_BASE are
 * not switched by VMX: the CPU's own registers are the guest's.
 */
void vcpu_vendor_reset(struct per_cpu *cpu, unsigned int sipi_vector)
{
	write_real_mode_segment(VMCS_SEG_CS, sipi_vector << 8, 0x9b);
	write_real_mode_segment(VMCS_SEG_SS, 0, 0x93);
	write_real_mode_segment(VMCS_SEG_DS, 0, 0x93);
	write_real_mode_segment(VMCS_SEG_ES, 0, 0x93);
	write_real_mode_segment(VMCS_SEG_FS, 0, 0x93);
	write_real_mode_segment(VMCS_SEG_GS, 0, 0x93);
	write_real_mode_segment(VMCS_SEG_LDTR, 0, 0x82);
	write_real_mode_segment(VMCS_SEG_TR, 0, 0x8b);
	vmcs_write(GUEST_GDTR_BASE, 0);
	vmcs_write(GUEST_GDTR_LIMIT, 0xffff);
	vmcs_write(GUEST_IDTR_BASE, 0);
	vmcs_write(GUEST_IDTR_LIMIT, 0xffff);

	set_cr0(X86_CR0_ET | X86_CR0_NW | X86_CR0_CD);
	vmcs_write(GUEST_CR3, 0);
	set_cr4(0);
	set_guest_efer(0);
	vmcs_write(GUEST_RIP, 0);
	vmcs_write(GUEST_RSP, 0);
	vmcs_write(GUEST_RFLAGS, X86_RFLAGS_FIXED);
	vmcs_write(GUEST_DR7, 0x400);
	vmcs_write(GUEST_IA32_PAT, PAT_RESET_VALUE);
	vmcs_write(GUEST_SYSENTER_CS, 0);
	vmcs_write(GUEST_SYSENTER_ESP, 0);
	vmcs_write(GUEST_SYSENTER_EIP, 0);
	vmcs_write(GUEST_INTERRUPTIBILITY, 0);
	vmcs_write(GUEST_ACTIVITY_STATE, 0);
	vmcs_write(VM_ENTRY_INTR_INFO, 0);
	vmx(cpu)->nmi_pending = false;
	nmi_window_exiting(false);

	write_msr(MSR_STAR, 0);
	write_msr(MSR_LSTAR, 0);
	write_msr(MSR_CSTAR, 0);
	write_msr(MSR_SFMASK, 0);
	write_msr(MSR_KERNEL_GS_BASE, 0);
	vcpu_tlb_flush(cpu);
}

/*
 * An NMI exit leaves NMIs blocked and the NMI consumed: the hypervisor's
 * handler counts it as if it had arrived there, and its IRET unblocks.
 * The caller handles the requests next, so the handler's timer is not
 * needed for this one; an NMI after this point arms it again.
 */
void vcpu_vendor_take_nmi(void)
{
	asm volatile("int $2" : : : "memory");
	vmcs_write(PIN_BASED_VM_EXEC_CONTROL, vmx_caps.pin);
}

/*
 * Exits run with NMIs deliverable: one that hits here is consumed, and
 * if it was a kick, nothing would look at the request until the next
 * exit. A preemption timer of 0 makes the next entry exit at once.
 */
void vcpu_vendor_nmi_in_hypervisor(struct per_cpu *cpu)
{
	if (!vmx(cpu)->vmcs_ready)
		return;
	vmcs_write(PREEMPTION_TIMER_VALUE, 0);
	vmcs_write(PIN_BASED_VM_EXEC_CONTROL, vmx_caps.pin |
		   PIN_PREEMPTION_TIMER);
}

/* The exit that timer causes: kicks are handled like on an NMI exit. */
static void handle_preemption_timer(struct per_cpu *cpu)
{
	vmcs_write(PIN_BASED_VM_EXEC_CONTROL, vmx_caps.pin);
	vcpu_handle_late_nmi(cpu);
}

void vcpu_vendor_dump_exit(struct per_cpu *cpu)
{
	(void)cpu;
	printk("exit reason %llu, qualification 0x%llx, guest-physical "
	       "0x%llx, linear 0x%llx\n", vmcs_read(VM_EXIT_REASON),
	       vmcs_read(EXIT_QUALIFICATION),
	       vmcs_read(GUEST_PHYSICAL_ADDRESS),
	       vmcs_read(GUEST_LINEAR_ADDRESS));
	printk("IDT vectoring 0x%llx, VM-instruction error %llu\n",
	       vmcs_read(IDT_VECTORING_INFO),
	       vmcs_read(VM_INSTRUCTION_ERROR));
}

/* --- Permission maps --- */

/* Bitmaps A and B back to back: one bit per port, in order. */
void vcpu_iopm_set(u8 *iopm, u16 port, bool intercept)
{
	if (intercept)
		iopm[port / 8] |= 1 << (port % 8);
	else
		iopm[port / 8] &= ~(1 << (port % 8));
}

static void msrpm_bit(u8 *map, unsigned int bit, bool set)
{
	if (set)
		map[bit / 8] |= 1 << (bit % 8);
	else
		map[bit / 8] &= ~(1 << (bit % 8));
}

/* One bit for reads, one in the write half: set = trap. */
int vcpu_msrpm_set(u8 *msrpm, u32 msr, bool intercept)
{
	int bit = vmx_msrpm_read_bit(msr);

	if (bit < 0)
		return -EINVAL;
	msrpm_bit(msrpm, bit, intercept);
	msrpm_bit(msrpm, bit + VMX_MSRPM_WRITE_BITS, intercept);
	return 0;
}

/*
 * A guest must neither see nor use VMX: the feature control and every
 * capability MSR trap.
 */
const u32 vcpu_vendor_msrs[] = {
	MSR_IA32_FEATURE_CONTROL,
	0x480, 0x481, 0x482, 0x483, 0x484, 0x485, 0x486, 0x487, 0x488,
	0x489, 0x48a, 0x48b, 0x48c, 0x48d, 0x48e, 0x48f, 0x490,
	MSR_IA32_VMX_VMFUNC,
};
const unsigned int vcpu_vendor_num_msrs = ARRAY_ELEMS(vcpu_vendor_msrs);

static bool is_vmx_msr(u32 msr)
{
	return msr >= MSR_IA32_VMX_BASIC && msr <= MSR_IA32_VMX_VMFUNC;
}

int vcpu_vendor_msr_read(struct per_cpu *cpu, u32 msr, u64 *value)
{
	(void)cpu;
	if (msr == MSR_IA32_FEATURE_CONTROL) {
		/* What a CPU with VMX locked off by its firmware reports. */
		*value = FEATURE_CONTROL_LOCKED;
		return 0;
	}
	/* CPUID hides VMX: its MSRs #GP as on a CPU without it. */
	return is_vmx_msr(msr) ? -EPERM : -EINVAL;
}

int vcpu_vendor_msr_write(struct per_cpu *cpu, u32 msr, u64 value)
{
	(void)cpu;
	(void)value;
	/* Locked, or absent: both #GP on hardware. */
	if (msr == MSR_IA32_FEATURE_CONTROL || is_vmx_msr(msr))
		return -EPERM;
	return -EINVAL;
}

/* --- Exits --- */

/*
 * The registers a VM exit loaded with the host's values at enable (FS and
 * GS base, SYSENTER): the guest's current ones go back into the CPU.
 */
static void restore_switched_msrs(void)
{
	write_msr(MSR_FS_BASE, vmcs_read(GUEST_FS_BASE));
	write_msr(MSR_GS_BASE, vmcs_read(GUEST_GS_BASE));
	write_msr(MSR_IA32_SYSENTER_CS, vmcs_read(GUEST_SYSENTER_CS));
	write_msr(MSR_IA32_SYSENTER_ESP, vmcs_read(GUEST_SYSENTER_ESP));
	write_msr(MSR_IA32_SYSENTER_EIP, vmcs_read(GUEST_SYSENTER_EIP));
}

static struct segment guest_tr(void)
{
	return (struct segment){
		.selector = vmcs_read(GUEST_TR_SELECTOR),
		.attrib = vmx_ar_to_attrib(vmcs_read(GUEST_TR_AR)),
		.limit = vmcs_read(GUEST_TR_LIMIT),
		.base = vmcs_read(GUEST_TR_BASE),
	};
}

/*
 * A VM exit left TR with a limit of 0x67, which cuts off the I/O bitmap
 * Linux keeps after the TSS: its next ioperm() user would take a #GP,
 * and Linux reloads TR only after KVM told it to. LTR needs an available
 * descriptor, and Linux's GDT is read-only: load TR from a copy of the
 * hypervisor's GDT (whose code and data segments an NMI's IRET needs)
 * with Linux's TSS at its own selector, before Linux's GDT comes back.
 */
static void reload_tr(struct per_cpu *cpu, const struct segment *tr)
{
	struct vmx_cpu *v = vmx(cpu);
	unsigned int index = tr->selector >> 3;
	struct desc_table_reg gdtr = {
		.limit = sizeof(v->tr_gdt) - 1,
		.base = (u64)v->tr_gdt,
	};
	size_t hv_size = (size_t)hv_gdtr.limit + 1;

	if (index * 8 < hv_size || index + 1 >= TR_GDT_ENTRIES) {
		printk("CPU %u: TR selector 0x%x out of reach, its limit "
		       "stays 0x67\n", cpu->cpu_id, tr->selector);
		return;
	}
	memset(v->tr_gdt, 0, sizeof(v->tr_gdt));
	memcpy(v->tr_gdt, (const void *)hv_gdtr.base, hv_size);
	vmx_tss_descriptor(tr, &v->tr_gdt[index]);
	write_gdtr(&gdtr);
	asm volatile("ltr %0" : : "rm" (tr->selector) : "memory");
}

/*
 * Give the CPU back to Linux in the state the guest has now: VMXOFF, load
 * the guest's control registers, tables, TR and the MSRs VM exits
 * overwrote, IRET to its RIP.
 */
static void __noreturn vmx_deactivate(struct per_cpu *cpu,
				      const struct guest_regs *regs)
{
	struct desc_table_reg gdtr = {
		.limit = vmcs_read(GUEST_GDTR_LIMIT),
		.base = vmcs_read(GUEST_GDTR_BASE),
	};
	struct desc_table_reg idtr = {
		.limit = vmcs_read(GUEST_IDTR_LIMIT),
		.base = vmcs_read(GUEST_IDTR_BASE),
	};
	u64 frame[5] = {
		vmcs_read(GUEST_RIP), vmcs_read(GUEST_CS_SELECTOR),
		vmcs_read(GUEST_RFLAGS), vmcs_read(GUEST_RSP),
		vmcs_read(GUEST_SS_SELECTOR),
	};
	u64 cr0 = vmcs_read(GUEST_CR0), cr3 = vmcs_read(GUEST_CR3);
	u64 cr4 = vmcs_read(GUEST_CR4) & ~(u64)X86_CR4_VMXE;
	u64 efer = vmcs_read(GUEST_IA32_EFER), pat = vmcs_read(GUEST_IA32_PAT);
	u16 ds = vmcs_read(GUEST_DS_SELECTOR), es = vmcs_read(GUEST_ES_SELECTOR);
	struct segment tr = guest_tr();

	restore_switched_msrs();
	vcpu_cpu_exit(cpu);
	write_msr(MSR_EFER, efer);
	write_msr(MSR_IA32_PAT, pat);
	write_cr0(cr0);
	/*
	 * Flipping PGE drops every TLB entry of every PCID: none of the
	 * hypervisor's translations from its exits survives into Linux.
	 */
	write_cr4(cr4 ^ X86_CR4_PGE);
	write_cr4(cr4);
	write_cr3(cr3);
	reload_tr(cpu, &tr);
	write_gdtr(&gdtr);
	write_idtr(&idtr);
	asm volatile("mov %0, %%ds\n\t"
		     "mov %1, %%es"
		     : : "r" (ds), "r" (es));
	x86_leave(regs, frame);
}

static unsigned long *gpr_of(struct guest_regs *regs, unsigned int n)
{
	static const u8 offsets[16] = {
		offsetof(struct guest_regs, rax) / 8,
		offsetof(struct guest_regs, rcx) / 8,
		offsetof(struct guest_regs, rdx) / 8,
		offsetof(struct guest_regs, rbx) / 8,
		0xff,
		offsetof(struct guest_regs, rbp) / 8,
		offsetof(struct guest_regs, rsi) / 8,
		offsetof(struct guest_regs, rdi) / 8,
		offsetof(struct guest_regs, r8) / 8,
		offsetof(struct guest_regs, r9) / 8,
		offsetof(struct guest_regs, r10) / 8,
		offsetof(struct guest_regs, r11) / 8,
		offsetof(struct guest_regs, r12) / 8,
		offsetof(struct guest_regs, r13) / 8,
		offsetof(struct guest_regs, r14) / 8,
		offsetof(struct guest_regs, r15) / 8,
	};

	return (unsigned long *)regs + offsets[n];
}

static u64 cr_source(struct per_cpu *cpu, struct guest_regs *regs,
		     unsigned int n)
{
	return n == 4 ? vcpu_get_rsp(cpu) : *gpr_of(regs, n);
}

/*
 * MOV to CR0 or CR4 of a bit the hypervisor owns. Values the CPU would
 * refuse are refused with #GP here (VM entry would fail on them).
 */
static void handle_cr_access(struct per_cpu *cpu, struct guest_regs *regs)
{
	u64 qual = vmcs_read(EXIT_QUALIFICATION);
	unsigned int cr = CR_QUAL_NUMBER(qual);
	u64 value;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_CR]++;
	if (CR_QUAL_TYPE(qual) != CR_ACCESS_MOV_TO || (cr != 0 && cr != 4)) {
		vcpu_fatal(cpu, regs, "unhandled control register access");
		return;
	}
	value = cr_source(cpu, regs, CR_QUAL_REG(qual));
	if (cr == 0 && vmx_cr0_valid(&vmx_caps.fixed, value)) {
		set_cr0(value);
		set_guest_efer(vmcs_read(GUEST_IA32_EFER));
	} else if (cr == 4 && vmx_cr4_valid(&vmx_caps.fixed, value,
						 vcpu_get_efer(cpu) & EFER_LMA)) {
		set_cr4(value);
	} else {
		vcpu_inject_exception(cpu, X86_VEC_GP, true, 0);
		return;
	}
	vcpu_tlb_flush(cpu);
	vcpu_skip_instruction(cpu, vmcs_read(VM_EXIT_INSTRUCTION_LEN));
}

static void handle_io(struct per_cpu *cpu, struct guest_regs *regs)
{
	u64 qual = vmcs_read(EXIT_QUALIFICATION);
	struct vcpu_io_intercept io = {
		.port = qual >> IO_QUAL_PORT_SHIFT,
		.size = (qual & IO_QUAL_SIZE_MASK) + 1,
		.length = vmcs_read(VM_EXIT_INSTRUCTION_LEN),
		.in = qual & IO_QUAL_IN,
		.string_or_rep = qual & (IO_QUAL_STRING | IO_QUAL_REP),
	};

	pio_handle_exit(cpu, regs, &io);
}

static void handle_ept_violation(struct per_cpu *cpu,
				 struct guest_regs *regs)
{
	struct vcpu_npf_intercept npf = {
		.gpa = vmcs_read(GUEST_PHYSICAL_ADDRESS),
		.is_write = vmcs_read(EXIT_QUALIFICATION) & EPT_QUAL_WRITE,
	};

	mmio_handle_npf(cpu, regs, &npf);
}

/* A real INIT (not the trapped IPIs of apic.c): wait for STARTUP. */
static void handle_init_signal(struct per_cpu *cpu)
{
	__atomic_store_n(&cpu->arch.init_state, X86_CPU_INIT,
			 __ATOMIC_RELEASE);
	vcpu_handle_events(cpu);
}

static bool is_vmx_instruction(u32 reason)
{
	switch (reason) {
	case EXIT_VMCALL ... EXIT_VMXON:
	case EXIT_INVEPT:
	case EXIT_INVVPID:
	case EXIT_VMFUNC:
	case EXIT_GETSEC:
		return true;
	}
	return false;
}

static void dispatch_exit(struct per_cpu *cpu, struct guest_regs *regs,
			  u32 reason)
{
	switch (reason) {
	case EXIT_EXCEPTION_NMI:
		vcpu_handle_nmi(cpu);
		return;
	case EXIT_CPUID:
		cpuid_handle_exit(cpu, regs);
		return;
	case EXIT_VMCALL:
		hypercall_handle_exit(cpu, regs);
		return;
	case EXIT_IO:
		handle_io(cpu, regs);
		return;
	case EXIT_RDMSR:
	case EXIT_WRMSR:
		msr_handle_exit(cpu, regs, reason == EXIT_WRMSR);
		return;
	case EXIT_CR_ACCESS:
		handle_cr_access(cpu, regs);
		return;
	case EXIT_XSETBV:
		xsetbv_handle_exit(cpu, regs);
		return;
	case EXIT_EPT_VIOLATION:
		handle_ept_violation(cpu, regs);
		return;
	case EXIT_INIT:
		handle_init_signal(cpu);
		return;
	case EXIT_PREEMPTION_TIMER:
		handle_preemption_timer(cpu);
		return;
	case EXIT_NMI_WINDOW:
		handle_nmi_window(cpu);
		return;
	case EXIT_TRIPLE_FAULT:
		vcpu_fatal(cpu, regs, "guest shutdown (triple fault)");
		return;
	}
	if (is_vmx_instruction(reason)) {
		/* As on a CPU without VMX. */
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_EXCEPTION]++;
		vcpu_inject_exception(cpu, X86_VEC_UD, false, 0);
		return;
	}
	if (reason & EXIT_REASON_ENTRY_FAILED)
		vcpu_fatal(cpu, regs, "VM entry refused the guest state");
	else
		vcpu_fatal(cpu, regs, "unhandled exit");
}

/*
 * An event whose delivery the exit interrupted is delivered again, except
 * software interrupts and exceptions: RIP still points to their
 * instruction.
 */
static void redeliver_event(void)
{
	u32 info = vmcs_read(IDT_VECTORING_INFO);
	u32 type = info & INTR_INFO_TYPE_MASK;

	if (!(info & INTR_INFO_VALID) || type == INTR_TYPE_SW_INTERRUPT ||
	    type == INTR_TYPE_SW_EXCEPTION ||
	    type == INTR_TYPE_PRIV_SW_EXCEPTION)
		return;
	if (info & INTR_INFO_ERROR_VALID)
		vmcs_write(VM_ENTRY_EXCEPTION_ERROR,
			   vmcs_read(IDT_VECTORING_ERROR));
	vmcs_write(VM_ENTRY_INTR_INFO, info);
}

static void flush_ept(struct per_cpu *cpu)
{
	struct {
		u64 eptp, reserved;
	} desc = { ept_pointer(cpu->cell->arch), 0 };
	unsigned long type = (vmx_caps.ept_cap & EPT_CAP_INVEPT_SINGLE) ?
		INVEPT_SINGLE_CONTEXT : INVEPT_ALL_CONTEXTS;

	asm volatile("invept %0, %1" : : "m" (desc), "r" (type)
		     : "cc", "memory");
}

/* The linear translations tagged with this CPU's VPID, global ones too. */
static void flush_vpid(struct per_cpu *cpu)
{
	struct {
		u64 vpid, address;
	} desc = { cpu->cpu_id + 1, 0 };
	unsigned long type = (vmx_caps.ept_cap & VPID_CAP_INVVPID_SINGLE) ?
		INVVPID_SINGLE_CONTEXT : INVVPID_ALL_CONTEXTS;

	if (!(vmx_caps.cpu2 & CPU2_ENABLE_VPID))
		return;
	asm volatile("invvpid %0, %1" : : "m" (desc), "r" (type)
		     : "cc", "memory");
}

/* Before every entry: a pending NMI, the requested flush. */
static void prepare_entry(struct per_cpu *cpu)
{
	deliver_pending_nmi(cpu);
	if (!vmx(cpu)->flush_tlb)
		return;
	flush_ept(cpu);
	flush_vpid(cpu);
	vmx(cpu)->flush_tlb = false;
}

void vmx_handle_exit(struct guest_regs *regs)
{
	struct per_cpu *cpu = this_cpu();
	u32 reason = vmcs_read(VM_EXIT_REASON);

	cpu->arch.regs = regs;
	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL]++;

	redeliver_event();
	dispatch_exit(cpu, regs, reason & (0xffff | EXIT_REASON_ENTRY_FAILED));

	if (cpu->shutdown)
		vmx_deactivate(cpu, regs);
	/* A failed CPU waits here until its cell is restarted or destroyed. */
	if (cpu->parked)
		vcpu_handle_events(cpu);
	prepare_entry(cpu);
}

/*
 * VMLAUNCH or VMRESUME refused the state (VMfail): the CPU is failed like
 * on a fatal exit, and the VMCS is made launchable again for the restart
 * (vmx_entry.S goes on with VMLAUNCH).
 */
void vmx_entry_failed(struct guest_regs *regs)
{
	struct per_cpu *cpu = this_cpu();
	u64 pa = x86_hv_phys(vmx(cpu)->vmcs);
	char why[64];

	cpu->arch.regs = regs;
	snprintk(why, sizeof(why), "VM entry failed (VM-instruction error "
		 "%llu)", vmcs_read(VM_INSTRUCTION_ERROR));
	vcpu_fatal(cpu, regs, why);
	vmclear(pa);
	vmptrld(pa);
	vcpu_handle_events(cpu);
	prepare_entry(cpu);
}
