// SPDX-License-Identifier: GPL-2.0
/*
 * Decoding the instruction behind a trapped MMIO write. The SVM of the test
 * machines has no decode assists, so the bytes come from guest memory.
 * Only what device drivers use for register writes is understood: MOV
 * from a register (0x89) and MOV of an immediate (0xc7 /0), 16 to 64 bits.
 */
#include <core/errno.h>
#include <core/percpu.h>
#include <x86/mmio.h>
#include <x86/x86.h>

#define MAX_INSN_LENGTH		15
#define REX_W			BIT(3)
#define REX_R			BIT(2)

static unsigned long reg_value(const struct per_cpu *cpu,
			       const struct guest_regs *regs,
			       unsigned int reg)
{
	switch (reg) {
	case 0: return regs->rax;
	case 1: return regs->rcx;
	case 2: return regs->rdx;
	case 3: return regs->rbx;
	case 4: return cpu->arch.vmcb.rsp;
	case 5: return regs->rbp;
	case 6: return regs->rsi;
	case 7: return regs->rdi;
	case 8: return regs->r8;
	case 9: return regs->r9;
	case 10: return regs->r10;
	case 11: return regs->r11;
	case 12: return regs->r12;
	case 13: return regs->r13;
	case 14: return regs->r14;
	default: return regs->r15;
	}
}

static bool is_legacy_prefix(u8 b)
{
	return b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e ||
		b == 0x64 || b == 0x65 || b == 0xf0;
}

int mmio_decode_write(struct per_cpu *cpu, const struct guest_regs *regs,
		      struct mmio_write *w)
{
	const struct vmcb *vmcb = &cpu->arch.vmcb;
	u8 insn[MAX_INSN_LENGTH];
	unsigned int i = 0, mod, rm, size = 4, imm_size;
	u8 rex = 0, op, modrm;
	unsigned long value;
	int err;

	/* Fetch what the page holds, then the rest from the next one. */
	err = guest_read_linear(cpu, vmcb->cs.base + vmcb->rip, insn,
				sizeof(insn));
	if (err)
		return err;

	for (; i < 4; i++) {
		if (insn[i] == 0x66)
			size = 2;
		else if (!is_legacy_prefix(insn[i]))
			break;
	}
	if ((insn[i] & 0xf0) == 0x40 && (vmcb->efer & EFER_LMA))
		rex = insn[i++];
	if (rex & REX_W)
		size = 8;

	op = insn[i++];
	modrm = insn[i++];
	mod = modrm >> 6;
	rm = modrm & 7;
	if (mod == 3 || (op != 0x89 && op != 0xc7) ||
	    (op == 0xc7 && ((modrm >> 3) & 7) != 0))
		return -EINVAL;

	if (rm == 4) {
		/* SIB; base 5 without displacement byte means disp32. */
		if (mod == 0 && (insn[i] & 7) == 5)
			i += 4;
		i++;
	} else if (mod == 0 && rm == 5) {
		i += 4;
	}
	if (mod == 1)
		i += 1;
	else if (mod == 2)
		i += 4;

	if (op == 0xc7) {
		imm_size = size == 2 ? 2 : 4;
		value = 0;
		for (unsigned int n = 0; n < imm_size; n++)
			value |= (unsigned long)insn[i + n] << (8 * n);
		/* imm32 is sign-extended to 64 bits. */
		if (size == 8 && (value & BIT(31)))
			value |= ~0xffffffffUL;
		i += imm_size;
	} else {
		value = reg_value(cpu, regs, ((modrm >> 3) & 7) |
				  ((rex & REX_R) ? 8 : 0));
	}
	if (i > MAX_INSN_LENGTH)
		return -EINVAL;

	w->length = i;
	w->size = size;
	w->value = size == 8 ? value : value & ((1UL << (8 * size)) - 1);
	return 0;
}
