// SPDX-License-Identifier: GPL-2.0
/*
 * The fatal report of a guest's CPU (x86/exits.h): who, why, the vendor's
 * view of the exit, then the guest's registers.
 */
#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <x86/exits.h>
#include <x86/setup.h>
#include <x86/vcpu.h>

static void dump_guest(struct per_cpu *cpu, const struct guest_regs *regs)
{
	printk("RIP: 0x%016llx RSP: 0x%016llx FLAGS: 0x%llx CPL: %u\n",
	       vcpu_get_rip(cpu), vcpu_get_rsp(cpu), vcpu_get_rflags(cpu),
	       vcpu_get_cpl(cpu));
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
	       vcpu_get_cr0(cpu), vcpu_get_cr3(cpu), vcpu_get_cr4(cpu),
	       vcpu_get_efer(cpu));
}

void vcpu_fatal(struct per_cpu *cpu, const struct guest_regs *regs,
		const char *why)
{
	if (cpu->cell != &root_cell)
		printk("FATAL: CPU %u of cell \"%s\": %s\n", cpu->cpu_id,
		       cpu->cell->config->name, why);
	else
		printk("FATAL: CPU %u: %s\n", cpu->cpu_id, why);
	vcpu_vendor_dump_exit(cpu);
	dump_guest(cpu, regs);
	cell_cpu_failed(cpu);
	if (cpu->cell == &root_cell)
		x86_halt_forever();
	printk("Cell \"%s\" failed; CPU %u parked\n", cpu->cell->config->name,
	       cpu->cpu_id);
	cpu->parked = true;
}
