// SPDX-License-Identifier: GPL-2.0
/*
 * The nested page fault path: the instruction behind a trapped access is
 * decoded once, the cell's MMIO dispatcher (core/mmio.h) carries out the
 * access, a read is completed into its register and the guest moves on.
 *
 * The SVM of the test machines has no decode assists, so the bytes come
 * from guest memory. Only the moves drivers use for device registers are
 * understood: MOV to or from a register (0x88-0x8b), MOV of an immediate
 * (0xc6/0xc7 /0), MOVZX (0x0f 0xb6/0xb7) and MOV between the accumulator
 * and an absolute address (0xa0-0xa3). The memory operand's address is
 * not needed, the fault gives it, so only its length is worked out. In
 * 64-bit code the address-size prefix (0x67, which compilers emit for
 * pointers they know to be 32-bit) changes no lengths but the absolute
 * address's; elsewhere it would switch to 16-bit addressing, and is not
 * understood.
 */
#include <jailhouse/hypercall.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/mmio.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <x86/apic.h>
#include <x86/exits.h>
#include <x86/guest_mem.h>
#include <x86/iommu.h>
#include <x86/vcpu.h>

#define MAX_INSN_LENGTH		15
#define REX_W			BIT(3)
#define REX_R			BIT(2)

#define REG_RSP			4

/* A decoded instruction: the access and, for reads, where it goes. */
struct mmio_insn {
	bool write;
	unsigned int length;	/* of the instruction */
	unsigned int size;	/* of the memory access: 1, 2, 4 or 8 */
	u64 value;		/* written value */
	/* Reads: the destination register, its width, its REX prefix. */
	unsigned int reg;
	unsigned int reg_size;
	bool rex;
};

/* Where a general register lives; RSP is the vendor's (vcpu_get_rsp). */
static unsigned long *reg_slot(struct guest_regs *regs, unsigned int reg)
{
	switch (reg) {
	case 0: return &regs->rax;
	case 1: return &regs->rcx;
	case 2: return &regs->rdx;
	case 3: return &regs->rbx;
	case 5: return &regs->rbp;
	case 6: return &regs->rsi;
	case 7: return &regs->rdi;
	case 8: return &regs->r8;
	case 9: return &regs->r9;
	case 10: return &regs->r10;
	case 11: return &regs->r11;
	case 12: return &regs->r12;
	case 13: return &regs->r13;
	case 14: return &regs->r14;
	default: return &regs->r15;
	}
}

/* Byte registers 4-7 without REX are AH, CH, DH and BH. */
static bool is_high_byte(unsigned int reg, unsigned int size, bool rex)
{
	return size == 1 && !rex && reg >= 4 && reg < 8;
}

/* The register holding operand reg: AH-BH are bits 8-15 of RAX-RBX. */
static unsigned int holder(unsigned int reg, unsigned int size, bool rex)
{
	return is_high_byte(reg, size, rex) ? reg - 4 : reg;
}

static u64 get_reg(struct per_cpu *cpu, struct guest_regs *regs,
		   unsigned int reg)
{
	return reg == REG_RSP ? vcpu_get_rsp(cpu) : *reg_slot(regs, reg);
}

static void set_reg(struct per_cpu *cpu, struct guest_regs *regs,
		    unsigned int reg, u64 value)
{
	if (reg == REG_RSP)
		vcpu_set_rsp(cpu, value);
	else
		*reg_slot(regs, reg) = value;
}

static u64 read_reg(struct per_cpu *cpu, const struct guest_regs *regs,
		    unsigned int reg, unsigned int size, bool rex)
{
	/* get_reg does not write; the cast keeps one lookup table. */
	u64 value = get_reg(cpu, (struct guest_regs *)regs,
			    holder(reg, size, rex));

	if (is_high_byte(reg, size, rex))
		return (value >> 8) & 0xff;
	return size == 8 ? value : value & ((1ULL << (8 * size)) - 1);
}

static void complete_read(struct per_cpu *cpu, struct guest_regs *regs,
			  const struct mmio_insn *a, u64 value)
{
	unsigned int reg = holder(a->reg, a->reg_size, a->rex);
	u64 old = get_reg(cpu, regs, reg);

	switch (a->reg_size) {
	case 8:
		break;
	case 4:
		/* 32-bit results clear the upper half, as on the CPU. */
		value = (u32)value;
		break;
	case 2:
		value = (old & ~0xffffULL) | (u16)value;
		break;
	default:
		if (is_high_byte(a->reg, 1, a->rex))
			value = (old & ~0xff00ULL) | ((value & 0xff) << 8);
		else
			value = (old & ~0xffULL) | (u8)value;
		break;
	}
	set_reg(cpu, regs, reg, value);
}

static bool is_legacy_prefix(u8 b)
{
	return b == 0x26 || b == 0x2e || b == 0x36 || b == 0x3e ||
		b == 0x64 || b == 0x65 || b == 0xf0;
}

/* Length of ModRM, SIB and displacement starting at insn[0]. */
static unsigned int modrm_length(const u8 *insn)
{
	unsigned int mod = insn[0] >> 6, rm = insn[0] & 7, len = 1;

	if (rm == 4) {
		/* SIB; base 5 without displacement byte means disp32. */
		if (mod == 0 && (insn[1] & 7) == 5)
			len += 4;
		len++;
	} else if (mod == 0 && rm == 5) {
		/* RIP-relative (or absolute) disp32 */
		len += 4;
	}
	if (mod == 1)
		len += 1;
	else if (mod == 2)
		len += 4;
	return len;
}

/*
 * MOV between the accumulator and an absolute address (0xa0-0xa3), which
 * compilers pick for constant addresses such as the xAPIC's. The address
 * takes 8 bytes in 64-bit code (4 after 0x67), 4 or 2 by the code
 * segment's D bit otherwise (no 0x67 prefix: it stopped the prefix scan).
 */
static int decode_moffs(struct per_cpu *cpu, const struct guest_regs *regs,
			struct mmio_insn *a, u8 op, unsigned int i,
			bool addr32)
{
	unsigned int addr_size;
	struct segment cs;

	vcpu_get_cs(cpu, &cs);
	if (vcpu_long_mode(cpu))
		addr_size = addr32 ? 4 : 8;
	else
		addr_size = (cs.attrib & SEG_ATTR_DB) ? 4 : 2;
	if (!(op & 1))
		a->reg_size = 1;
	a->size = a->reg_size;
	a->reg = 0;
	if (op & 2) {
		a->write = true;
		a->value = read_reg(cpu, regs, 0, a->size, a->rex);
	}
	a->length = i + addr_size;
	return a->length > MAX_INSN_LENGTH ? -EINVAL : 0;
}

/*
 * Fetch the instruction at the guest's RIP: what its page holds, then the
 * rest from the next page if that one can be read. An instruction may end
 * right before an unmapped page; the bytes past the readable ones read as
 * zero, and *avail tells the decoder how many are real.
 */
static int fetch(struct per_cpu *cpu, u8 *insn, unsigned int *avail)
{
	struct segment cs;
	unsigned int first;
	u64 addr;
	int err;

	vcpu_get_cs(cpu, &cs);
	addr = cs.base + vcpu_get_rip(cpu);
	first = PAGE_SIZE - (addr & ~PAGE_MASK);
	if (first > MAX_INSN_LENGTH)
		first = MAX_INSN_LENGTH;
	memset(insn, 0, MAX_INSN_LENGTH);
	err = guest_read_linear(cpu, addr, insn, first);
	if (err)
		return err;
	*avail = first;
	if (first < MAX_INSN_LENGTH &&
	    !guest_read_linear(cpu, addr + first, insn + first,
			       MAX_INSN_LENGTH - first))
		*avail = MAX_INSN_LENGTH;
	return 0;
}

/* Decode the bytes at insn; every index stays below MAX_INSN_LENGTH. */
static int decode_bytes(struct per_cpu *cpu, const struct guest_regs *regs,
			struct mmio_insn *a, const u8 *insn)
{
	unsigned int i = 0, size = 4, imm_size, reg, n;
	u8 rex = 0, op, modrm;
	bool addr32 = false;
	u64 value;

	for (; i < 4; i++) {
		if (insn[i] == 0x66)
			size = 2;
		else if (insn[i] == 0x67 && vcpu_long_mode(cpu))
			addr32 = true;
		else if (!is_legacy_prefix(insn[i]))
			break;
	}
	if ((insn[i] & 0xf0) == 0x40 && vcpu_long_mode(cpu))
		rex = insn[i++];
	if (rex & REX_W)
		size = 8;

	*a = (struct mmio_insn){ .rex = !!rex, .reg_size = size };
	op = insn[i++];
	if (op >= 0xa0 && op <= 0xa3)
		return decode_moffs(cpu, regs, a, op, i, addr32);
	if (op == 0x0f) {
		/* MOVZX: byte or word from memory, widened to the register. */
		op = insn[i++];
		if (op != 0xb6 && op != 0xb7)
			return -EINVAL;
		a->size = op == 0xb6 ? 1 : 2;
	} else if (op == 0x88 || op == 0x8a || op == 0xc6) {
		a->size = 1;
		a->reg_size = 1;
	} else if (op == 0x89 || op == 0x8b || op == 0xc7) {
		a->size = size;
	} else {
		return -EINVAL;
	}
	modrm = insn[i];
	reg = ((modrm >> 3) & 7) | ((rex & REX_R) ? 8 : 0);
	/* A register operand is no memory access. */
	if ((modrm >> 6) == 3)
		return -EINVAL;
	i += modrm_length(&insn[i]);

	if (op == 0xc6 || op == 0xc7) {
		if ((modrm >> 3) & 7)
			return -EINVAL;
		imm_size = a->size == 8 ? 4 : a->size;
		value = 0;
		for (n = 0; n < imm_size && i + n < MAX_INSN_LENGTH; n++)
			value |= (u64)insn[i + n] << (8 * n);
		/* imm32 is sign-extended to 64 bits. */
		if (a->size == 8 && (value & BIT(31)))
			value |= ~0xffffffffULL;
		i += imm_size;
		a->write = true;
		a->value = value;
	} else if (op == 0x88 || op == 0x89) {
		a->write = true;
		a->value = read_reg(cpu, regs, reg, a->size, a->rex);
	} else {
		a->reg = reg;
	}
	if (i > MAX_INSN_LENGTH)
		return -EINVAL;
	a->length = i;
	return 0;
}

static int decode(struct per_cpu *cpu, const struct guest_regs *regs,
		  struct mmio_insn *a)
{
	u8 insn[MAX_INSN_LENGTH];
	unsigned int avail;
	int err;

	err = fetch(cpu, insn, &avail);
	if (err)
		return err;
	err = decode_bytes(cpu, regs, a, insn);
	/* Zeros from beyond the readable bytes were no part of it. */
	if (!err && a->length > avail)
		return -EFAULT;
	return err;
}

static const char *refusal(enum mmio_result res)
{
	return res == MMIO_UNHANDLED ?
		"access to unassigned guest-physical memory" :
		"MMIO access refused";
}

void mmio_handle_npf(struct per_cpu *cpu, struct guest_regs *regs,
		     const struct vcpu_npf_intercept *npf)
{
	struct mmio_access acc = { .address = npf->gpa };
	enum mmio_result res;
	struct mmio_insn insn;
	char why[112];

	/*
	 * The root cell's CPUs pick up DMA faults here: its APIC writes
	 * make these exits frequent, and cells come and go only while they
	 * are suspended, so the device's owner is stable.
	 */
	if (cpu->cell == &root_cell)
		iommu_poll();
	if ((npf->gpa & PAGE_MASK) == XAPIC_BASE)
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_XAPIC]++;
	else
		cpu->stats[JAILHOUSE_CPU_STAT_VMEXITS_MMIO]++;

	if (decode(cpu, regs, &insn)) {
		snprintk(why, sizeof(why), "MMIO access not understood: %s "
			 "at 0x%llx", npf->is_write ? "write" : "read",
			 npf->gpa);
		vcpu_fatal(cpu, regs, why);
		return;
	}
	acc.size = insn.size;
	acc.is_write = insn.write;
	acc.value = insn.value;
	res = mmio_handle_access(cpu->cell, &acc);
	if (res != MMIO_HANDLED) {
		snprintk(why, sizeof(why), "%s: %s at 0x%llx (%u bytes)",
			 refusal(res), insn.write ? "write" : "read",
			 npf->gpa, insn.size);
		vcpu_fatal(cpu, regs, why);
		return;
	}
	if (!insn.write)
		complete_read(cpu, regs, &insn, acc.value);
	vcpu_skip_instruction(cpu, insn.length);
}
