// SPDX-License-Identifier: GPL-2.0
/*
 * Starting, parking and waking the virtual CPUs (AMD SVM): the reset
 * state of Documentation/inmate-interface.md, the hooks the core's CPU
 * management uses, and the one loop in which a CPU waits in the
 * hypervisor (parked, or waiting for STARTUP after INIT).
 */
#include <core/arch.h>
#include <core/cell.h>
#include <core/management.h>
#include <core/percpu.h>
#include <core/string.h>
#include <x86/apic.h>
#include <x86/processor.h>
#include <x86/vmcb.h>
#include <x86/x86.h>

static void set_real_mode_segment(struct vmcb_segment *seg, u16 selector,
				  u16 attrib)
{
	seg->selector = selector;
	seg->attrib = attrib;
	seg->limit = 0xffff;
	seg->base = (u64)selector << 4;
}

/*
 * The state of a CPU after INIT and STARTUP (AMD APM vol. 2, table 14-1):
 * real mode at vector:0000, which for vector 0 is also the state the
 * first CPU of a cell starts in. VMLOAD puts the reset values of FS, GS,
 * TR, LDTR and the syscall MSRs into the CPU itself, since VMRUN does not.
 */
static void vcpu_reset(struct per_cpu *cpu, unsigned int vector)
{
	struct vmcb *vmcb = &cpu->arch.vmcb;

	memset(cpu->arch.regs, 0, sizeof(*cpu->arch.regs));
	memset(&vmcb->es, 0, offsetof(struct vmcb, dbgctl) + sizeof(u64) -
	       offsetof(struct vmcb, es));

	set_real_mode_segment(&vmcb->cs, vector << 8, 0x9b);
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

	asm volatile("vmload %%rax" : : "a" (cpu->arch.vmcb_pa) : "memory");
	cpu->arch.flush_tlb = true;
}

void arch_send_management_ipi(struct per_cpu *target)
{
	x86_kick(target);
}

void arch_cpu_wait(struct per_cpu *cpu)
{
	(void)cpu;
	x86_wait_for_nmi();
}

void arch_cpu_tlb_flush(struct per_cpu *cpu)
{
	cpu->arch.flush_tlb = true;
}

void arch_park_cpu(struct per_cpu *cpu)
{
	svm_load_cell(cpu);
	/* A pending INIT of the old context means nothing any more. */
	__atomic_store_n(&cpu->arch.init_state, X86_CPU_RUNNING,
			 __ATOMIC_RELEASE);
}

void arch_reset_cpu(struct per_cpu *cpu)
{
	svm_load_cell(cpu);
	apic_cpu_reset();
	if (cpu->cpu_id == cell_first_cpu(cpu->cell)) {
		__atomic_store_n(&cpu->arch.init_state, X86_CPU_RUNNING,
				 __ATOMIC_RELEASE);
		vcpu_reset(cpu, 0);
	} else {
		/* Like an application processor: INIT done, STARTUP due. */
		__atomic_store_n(&cpu->arch.init_state, X86_CPU_INIT,
				 __ATOMIC_RELEASE);
	}
}

bool vcpu_handle_events(struct per_cpu *cpu)
{
	bool had_work = false;
	unsigned int vector;

	for (;;) {
		if (cpu_handle_requests(cpu))
			had_work = true;
		if (cpu->parked) {
			arch_cpu_wait(cpu);
			continue;
		}
		switch (__atomic_load_n(&cpu->arch.init_state,
					__ATOMIC_ACQUIRE)) {
		case X86_CPU_RUNNING:
			return had_work;
		case X86_CPU_SIPI:
			vector = cpu->arch.sipi_vector;
			__atomic_store_n(&cpu->arch.init_state,
					 X86_CPU_RUNNING, __ATOMIC_RELEASE);
			vcpu_reset(cpu, vector);
			return true;
		default:
			had_work = true;
			arch_cpu_wait(cpu);
		}
	}
}
