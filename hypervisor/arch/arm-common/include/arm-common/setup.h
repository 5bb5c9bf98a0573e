/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shared part of taking over a CPU (arm-common/setup.c), for the
 * sub-arch's own setup: the start of a CPU and the way back to Linux.
 */
#ifndef _ARM_COMMON_SETUP_H
#define _ARM_COMMON_SETUP_H

struct per_cpu;

/* Stage 2 of the CPU's cell on, HCR as cells run. */
void arm_cell_activate(struct per_cpu *cpu);
/* Linux's HCR, VTCR and VTTBR back; nothing if they were never saved. */
void arm_cell_deactivate(struct per_cpu *cpu);

#endif /* !_ARM_COMMON_SETUP_H */
