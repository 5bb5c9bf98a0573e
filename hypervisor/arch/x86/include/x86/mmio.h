/* SPDX-License-Identifier: GPL-2.0 */
/* Decoded MMIO accesses of a guest. */
#ifndef _X86_MMIO_H
#define _X86_MMIO_H

#include <core/types.h>

struct per_cpu;
struct guest_regs;

struct mmio_write {
	unsigned int length;	/* of the instruction */
	unsigned int size;	/* of the access: 1, 2, 4 or 8 */
	u64 value;
};

/* A read or a write, as mmio_decode understands it. */
struct mmio_access {
	bool write;
	unsigned int length;	/* of the instruction */
	unsigned int size;	/* of the memory access: 1, 2, 4 or 8 */
	u64 value;		/* written value */
	/* Reads: the destination register, its width, its REX prefix. */
	unsigned int reg;
	unsigned int reg_size;
	bool rex;
};

/*
 * Decode the instruction at the guest's RIP as a memory access: MOV to or
 * from a register (0x88-0x8b), MOV of an immediate (0xc6/0xc7 /0) and
 * MOVZX (0x0f 0xb6/0xb7), what drivers and Linux's config space accessors
 * use. -EINVAL for anything else, -EFAULT if the bytes cannot be read.
 */
int mmio_decode(struct per_cpu *cpu, const struct guest_regs *regs,
		struct mmio_access *a);

/* Put what a decoded read got into its destination register. */
void mmio_complete_read(struct per_cpu *cpu, struct guest_regs *regs,
			const struct mmio_access *a, u64 value);

/* mmio_decode for an access that must be a write of 2 bytes or more. */
int mmio_decode_write(struct per_cpu *cpu, const struct guest_regs *regs,
		      struct mmio_write *w);

#endif /* _X86_MMIO_H */
