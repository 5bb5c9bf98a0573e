// SPDX-License-Identifier: GPL-2.0
/*
 * x86 bring-up around the vendor's code: the hypervisor's own address space,
 * GDT and IDT, taking over a CPU from Linux and giving it back when setup
 * fails, and exceptions that hit the hypervisor itself.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <x86/apic.h>
#include <x86/cell.h>
#include <x86/clock.h>
#include <x86/guest_mem.h>
#include <x86/paging_formats.h>
#include <x86/pci.h>
#include <x86/processor.h>
#include <x86/setup.h>
#include <x86/vcpu.h>
#include <x86/wait.h>

const u8 arch_config_architecture = JAILHOUSE_X86;

struct paging_structures hv_paging;
u64 x86_max_page_size = 2UL << 20;

/* A PML4 slot of its own, far from the image at JAILHOUSE_BASE. */
const unsigned long arch_remap_base = 0xffffff0000000000UL;

static u64 hv_phys_start;

/* null, null, 64-bit code at 0x10, data at 0x18 */
static const u64 hv_gdt[4] __aligned(16) = {
	0, 0, 0x00af9b000000ffffULL, 0x00cf93000000ffffULL,
};

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

#define IDT_VECTORS		32
#define DRAIN_IDT_VECTORS	256
#define IDT_INTERRUPT_GATE	0x8e
#define EXCEPTION_STUB_SIZE	16

static struct idt_gate hv_idt[IDT_VECTORS] __aligned(16);
/*
 * Loaded only around the windows in which apic_cpu_reset() takes the
 * interrupts pending for a CPU: there every vector is an external
 * interrupt (a cell can have its APIC accept vectors 16-31 too, which
 * the exception stubs would take for faults; a chaos cell left 18, the
 * machine check's), except NMI.
 */
static struct idt_gate drain_idt[DRAIN_IDT_VECTORS] __aligned(16);

const struct desc_table_reg hv_gdtr = {
	.limit = sizeof(hv_gdt) - 1,
	.base = (u64)hv_gdt,
};

static const struct desc_table_reg hv_idtr = {
	.limit = sizeof(hv_idt) - 1,
	.base = (u64)hv_idt,
};

static const struct desc_table_reg drain_idtr = {
	.limit = sizeof(drain_idt) - 1,
	.base = (u64)drain_idt,
};

struct per_cpu *this_cpu(void)
{
	unsigned long rsp, areas;

	asm volatile("mov %%rsp, %0" : "=r" (rsp));
	areas = (unsigned long)__image_start + hypervisor_header.core_size;
	return per_cpu((rsp - areas) / hypervisor_header.percpu_size);
}

u64 x86_hv_phys(const void *addr)
{
	return hv_phys_start + ((const char *)addr - __image_start);
}

void __noreturn x86_halt_forever(void)
{
	for (;;)
		asm volatile("cli; hlt");
}

void x86_load_segments(const struct desc_table_reg *gdtr,
		       const struct desc_table_reg *idtr, u16 cs, u16 ss,
		       u16 ds, u16 es)
{
	write_gdtr(gdtr);
	/* A far return is the way to reload CS in 64-bit mode. */
	asm volatile("lea 1f(%%rip), %%rax\n\t"
		     "push %q0\n\t"
		     "push %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "mov %1, %%ss\n\t"
		     "mov %2, %%ds\n\t"
		     "mov %3, %%es"
		     : : "r" ((unsigned long)cs), "r" (ss), "r" (ds), "r" (es)
		     : "rax", "memory");
	write_idtr(idtr);
}

static struct idt_gate gate_to(unsigned long handler)
{
	return (struct idt_gate){
		.offset_low = handler & 0xffff,
		.selector = HV_GDT_CS,
		.type = IDT_INTERRUPT_GATE,
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_high = handler >> 32,
	};
}

static unsigned long exception_stub(unsigned int vec)
{
	return (unsigned long)x86_exception_stubs + vec * EXCEPTION_STUB_SIZE;
}

static void build_idt(void)
{
	unsigned int vec;

	for (vec = 0; vec < IDT_VECTORS; vec++)
		hv_idt[vec] = gate_to(exception_stub(vec));
	for (vec = 0; vec < DRAIN_IDT_VECTORS; vec++)
		drain_idt[vec] = vec == X86_VEC_NMI ? hv_idt[vec] :
			gate_to((unsigned long)x86_irq_stub);
}

void x86_drain_idt(bool on)
{
	write_idtr(on ? &drain_idtr : &hv_idtr);
}

int arch_init_early(void)
{
	const struct jailhouse_system *sys = system_config_location();
	u64 hv_size = sys->hypervisor_memory.size & PAGE_MASK;
	u32 eax, ebx, ecx, edx;
	int err;

	hv_phys_start = sys->hypervisor_memory.phys_start;

	err = vcpu_vendor_init();
	if (err)
		return err;

	cpuid(X86_CPUID_EXT_FEATURES, 0, &eax, &ebx, &ecx, &edx);
	if (edx & BIT(26))
		x86_max_page_size = 1UL << 30;

	err = paging_init(&hv_paging, &x86_64_paging, &mem_pool);
	if (err)
		return err;
	hv_paging.max_page_size = x86_max_page_size;
	err = paging_map(&hv_paging, (unsigned long)__image_start,
			 hv_phys_start, hv_size,
			 PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_EXEC);
	if (err)
		return err;

	err = apic_init();
	if (err)
		return err;
	err = guest_mem_init();
	if (err)
		return err;
	err = dbg_map_hv();
	if (err)
		return err;
	err = pci_init();
	if (err)
		return err;

	build_idt();
	return 0;
}

static void read_segment(struct segment *seg, u16 selector,
			 const struct desc_table_reg *gdtr)
{
	const u64 *gdt = (const u64 *)gdtr->base;
	unsigned int index = selector >> 3;
	u64 desc;

	*seg = (struct segment){ .selector = selector };
	/* Null selectors (and LDT ones, which Linux does not use here). */
	if (index == 0 || (selector & 4))
		return;

	desc = gdt[index];
	seg->limit = (desc & 0xffff) | ((desc >> 32) & 0xf0000);
	if (desc & BIT_ULL(55))
		seg->limit = (seg->limit << 12) | 0xfff;
	seg->base = ((desc >> 16) & 0xffffff) | ((desc >> 32) & 0xff000000);
	seg->attrib = ((desc >> 40) & 0xff) | ((desc >> 44) & 0xf00);
	/* System descriptors (TSS, LDT) take 16 bytes in long mode. */
	if (!(desc & BIT_ULL(44)))
		seg->base |= gdt[index + 1] << 32;
}

static void save_linux_state(struct per_cpu *cpu)
{
	struct linux_state *l = &cpu->arch.linux_state;
	/* Slot at the stack top: Linux's RSP after the pushes of entry.S. */
	const unsigned long *linux_stack = *(unsigned long **)
		(cpu->stack + sizeof(cpu->stack) - sizeof(unsigned long));

	l->r15 = linux_stack[0];
	l->r14 = linux_stack[1];
	l->r13 = linux_stack[2];
	l->r12 = linux_stack[3];
	l->rbx = linux_stack[4];
	l->rbp = linux_stack[5];
	l->rip = linux_stack[6];
	l->rsp = (unsigned long)&linux_stack[7];

	l->rflags = read_rflags();
	l->cr0 = read_cr0();
	l->cr3 = read_cr3();
	l->cr4 = read_cr4();
	l->efer = read_msr(MSR_EFER);
	l->pat = read_msr(MSR_IA32_PAT);
	read_gdtr(&l->gdtr);
	read_idtr(&l->idtr);

	read_segment(&l->cs, read_cs(), &l->gdtr);
	read_segment(&l->ss, read_ss(), &l->gdtr);
	read_segment(&l->ds, read_ds(), &l->gdtr);
	read_segment(&l->es, read_es(), &l->gdtr);
	read_segment(&l->fs, read_fs(), &l->gdtr);
	read_segment(&l->gs, read_gs(), &l->gdtr);
	read_segment(&l->tr, read_tr(), &l->gdtr);
	read_segment(&l->ldtr, read_ldtr(), &l->gdtr);
	l->fs.base = read_msr(MSR_FS_BASE);
	l->gs.base = read_msr(MSR_GS_BASE);

	l->kernel_gs_base = read_msr(MSR_KERNEL_GS_BASE);
	l->star = read_msr(MSR_STAR);
	l->lstar = read_msr(MSR_LSTAR);
	l->cstar = read_msr(MSR_CSTAR);
	l->sfmask = read_msr(MSR_SFMASK);
	l->sysenter_cs = read_msr(MSR_IA32_SYSENTER_CS);
	l->sysenter_esp = read_msr(MSR_IA32_SYSENTER_ESP);
	l->sysenter_eip = read_msr(MSR_IA32_SYSENTER_EIP);
}

int arch_cpu_init(struct per_cpu *cpu)
{
	int err;

	memset(&cpu->arch, 0, sizeof(cpu->arch));
	save_linux_state(cpu);

	/*
	 * From here on only the hypervisor memory is mapped. FS, GS, TR and
	 * LDTR keep Linux's values: the hypervisor never uses them (SVM's
	 * VMRUN and #VMEXIT leave them alone).
	 */
	write_cr3(paging_root_phys(&hv_paging));
	x86_load_segments(&hv_gdtr, &hv_idtr, HV_GDT_CS, HV_GDT_DS,
			  HV_GDT_DS, HV_GDT_DS);
	cpu->arch.own_tables_loaded = true;
	err = apic_cpu_init(cpu);
	if (err)
		return err;

	return vcpu_cpu_init(cpu);
}

/* entry.S, after a successful entry(): this CPU goes on as a guest. */
void __noreturn arch_cpu_activate_vmm(void)
{
	struct per_cpu *cpu = this_cpu();
	const struct linux_state *l = &cpu->arch.linux_state;
	/* Not on the stack: the entry loop builds its frame where this is. */
	struct guest_regs *regs = &cpu->arch.initial_regs;

	memset(regs, 0, sizeof(*regs));
	regs->rbx = l->rbx;
	regs->rbp = l->rbp;
	regs->r12 = l->r12;
	regs->r13 = l->r13;
	regs->r14 = l->r14;
	regs->r15 = l->r15;

	vcpu_activate_vmm(cpu, regs);
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	struct linux_state *l = &cpu->arch.linux_state;

	vcpu_cpu_exit(cpu);
	if (!cpu->arch.own_tables_loaded)
		return;
	write_cr3(l->cr3);
	x86_load_segments(&l->gdtr, &l->idtr, l->cs.selector,
			  l->ss.selector, l->ds.selector, l->es.selector);
	cpu->arch.own_tables_loaded = false;
}

int arch_cell_init(struct cell *cell)
{
	static struct arch_cell root_arch;
	struct arch_cell *ac = &root_arch;
	int err;

	if (cell != &root_cell)
		return -ENOSYS;

	err = npt_cell_init(cell, ac);
	if (err)
		return err;
	err = pio_init_bitmap(ac, cell->config);
	if (err)
		return err;
	err = msr_init_bitmap(ac);
	if (err)
		return err;
	cell->arch = ac;
	return 0;
}

int arch_init_late(void)
{
	/* Needs the hypervisor's own tables (the APIC mapping) loaded. */
	clock_measure();
	return 0;
}

void x86_exception(struct exception_frame *f)
{
	struct per_cpu *cpu = this_cpu();

	if (f->vector == X86_VEC_EXTERNAL) {
		apic_end_drained_irq();
		return;
	}
	/* SVM: only while the hypervisor waits (vcpu_vendor_wait). */
	if (f->vector == X86_VEC_NMI) {
		cpu->arch.nmis++;
		__atomic_store_n(&cpu->arch.nmi_woken, 1, __ATOMIC_RELEASE);
		vcpu_vendor_nmi_in_hypervisor(cpu);
		/* The kick is here: do not sleep through it. */
		f->rip = wait_nmi_resume(f->rip,
					 (unsigned long)vcpu_wait_armed,
					 (unsigned long)vcpu_wait_hlt);
		return;
	}

	printk("FATAL: exception %lu (error 0x%lx) in the hypervisor on "
	       "CPU %u\n", f->vector, f->error, cpu->cpu_id);
	printk("RIP: 0x%016lx RSP: 0x%016lx FLAGS: 0x%lx CR2: 0x%lx\n",
	       f->rip, f->rsp, f->rflags, read_cr2());
	printk("RAX: 0x%016lx RBX: 0x%016lx RCX: 0x%016lx\n",
	       f->rax, f->rbx, f->rcx);
	printk("RDX: 0x%016lx RSI: 0x%016lx RDI: 0x%016lx\n",
	       f->rdx, f->rsi, f->rdi);
	cpu->failed = true;
	x86_halt_forever();
}
