/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 ways into PCI config space (pci.c; MMCONFIG is a unit there). */
#ifndef _X86_PCI_H
#define _X86_PCI_H

#include <core/types.h>

struct per_cpu;

/* The hypervisor's view of MMCONFIG (arch_init_early). */
int pci_init(void);
/*
 * An access of cpu's guest to port (mechanism #1 ports); value is the
 * source of OUT and the result of IN. -EPERM for other ports.
 */
int pci_conf1_access(struct per_cpu *cpu, u16 port, unsigned int size,
		     bool in, u32 *value);

#endif /* _X86_PCI_H */
