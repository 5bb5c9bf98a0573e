/* SPDX-License-Identifier: GPL-2.0 */
/* Reading guest memory from the hypervisor (guest_mem.c). */
#ifndef _X86_GUEST_MEM_H
#define _X86_GUEST_MEM_H

#include <core/types.h>

struct per_cpu;

/* The per-CPU mapping slots and their tables (first CPU, early). */
int guest_mem_init(void);

/*
 * Copy len bytes at the guest-linear address addr of cpu's guest:
 * -EFAULT where nothing or a device window is mapped, -EINVAL for paging
 * modes not walked.
 */
int guest_read_linear(struct per_cpu *cpu, u64 addr, void *buf,
		      unsigned int len);

#endif /* _X86_GUEST_MEM_H */
