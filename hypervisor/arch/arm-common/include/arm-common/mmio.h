/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest MMIO that traps as a stage-2 data abort: syndrome decoding and a
 * per-cell table of emulated regions. A handler decides what one access
 * does: pass it to the device, emulate it, or refuse it (the CPU of the
 * cell then fails).
 */
#ifndef _ARM_COMMON_MMIO_H
#define _ARM_COMMON_MMIO_H

#include <core/types.h>

struct cell;
struct trap_frame;

struct mmio_access {
	/* Guest-physical address; handlers get it relative to their region. */
	u64 address;
	/* 1, 2, 4 or 8 bytes */
	unsigned int size;
	bool is_write;
	/* Written value, or the value a handler returns for a read. */
	u64 value;
};

/* Returns 0 when the access is done, a negative errno to refuse it. */
typedef int (*mmio_handler_t)(void *arg, struct mmio_access *acc);

struct mmio_region {
	u64 start;
	u64 size;
	mmio_handler_t handler;
	void *arg;
};

#define MMIO_MAX_REGIONS	32

/* Add a region to the cell's table; -ENOSPC when it is full. */
int mmio_region_register(struct cell *cell, u64 start, u64 size,
			 mmio_handler_t handler, void *arg);

/*
 * Run the handler of the region holding acc->address. -ENOENT if no
 * region does, otherwise the handler's result.
 */
int mmio_dispatch(struct cell *cell, struct mmio_access *acc);

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

/* Carry out acc on device registers mapped at base + acc->address. */
void mmio_perform(void *base, struct mmio_access *acc);

#endif /* !_ARM_COMMON_MMIO_H */
