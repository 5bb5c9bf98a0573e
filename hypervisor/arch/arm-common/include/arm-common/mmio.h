/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest MMIO that traps as a stage-2 data abort: the syndrome decoded
 * into the core's struct mmio_access (core/mmio.h, which dispatches it)
 * and the read result put back into the target register.
 */
#ifndef _ARM_COMMON_MMIO_H
#define _ARM_COMMON_MMIO_H

#include <core/mmio.h>
#include <core/types.h>

struct trap_frame;

/*
 * Decode the instruction syndrome of a data abort (ISS of ESR_EL2 or
 * HSR) into acc, taking the value of a write from the guest registers.
 * -EINVAL when the syndrome carries no instruction details (ISV clear).
 */
int mmio_decode(unsigned long iss, const struct trap_frame *f,
		struct mmio_access *acc, unsigned int *reg);

/* Put a read result into the target register as the load would have. */
void mmio_complete_read(unsigned long iss, struct trap_frame *f,
			const struct mmio_access *acc, unsigned int reg);

#endif /* !_ARM_COMMON_MMIO_H */
