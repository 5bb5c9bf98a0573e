// SPDX-License-Identifier: GPL-2.0
/*
 * The hypercall instruction (VMMCALL on AMD, VMCALL on Intel, both three
 * bytes): code in RAX, arguments in RDI and RSI, result in RAX
 * (Documentation/jailhouse-abi.md, hypercalls). Outside 64-bit code all
 * of them are 32 bits wide.
 */
#include <jailhouse/hypercall.h>
#include <core/control.h>
#include <core/errno.h>
#include <core/percpu.h>
#include <x86/exits.h>
#include <x86/vcpu.h>

#define HYPERCALL_LENGTH	3

void hypercall_handle_exit(struct per_cpu *cpu, struct guest_regs *regs)
{
	bool long_mode = vcpu_long_mode(cpu);
	unsigned long arg1 = regs->rdi, arg2 = regs->rsi;
	u32 code = regs->rax;
	long result;

	cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL]++;
	if (!long_mode) {
		arg1 = (u32)arg1;
		arg2 = (u32)arg2;
	}
	/* First: a DISABLE returns to Linux behind the instruction. */
	vcpu_skip_instruction(cpu, HYPERCALL_LENGTH);
	if (vcpu_get_cpl(cpu) != 0)
		result = -EPERM;
	else
		result = hypercall(cpu, code, arg1, arg2);
	/* Cell management may have changed this CPU's mappings. */
	if (code >= JAILHOUSE_HC_CELL_CREATE &&
	    code <= JAILHOUSE_HC_CELL_DESTROY)
		vcpu_tlb_flush(cpu);
	regs->rax = long_mode ? (unsigned long)result : (u32)result;
}
