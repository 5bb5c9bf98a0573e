/* SPDX-License-Identifier: GPL-2.0 */
/* A decoded MMIO write of a guest. */
#ifndef _X86_MMIO_H
#define _X86_MMIO_H

#include <core/types.h>

struct per_cpu;
struct guest_regs;

struct mmio_write {
	unsigned int length;	/* of the instruction */
	unsigned int size;	/* of the access: 2, 4 or 8 */
	u64 value;
};

/*
 * Decode the instruction at the guest's RIP as a write to memory. -EINVAL
 * for instructions outside the supported set, -EFAULT if the bytes cannot
 * be read.
 */
int mmio_decode_write(struct per_cpu *cpu, const struct guest_regs *regs,
		      struct mmio_write *w);

#endif /* _X86_MMIO_H */
