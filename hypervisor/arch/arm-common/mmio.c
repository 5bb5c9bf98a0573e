// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 data aborts as MMIO accesses. The load/store syndrome layout
 * (ARM ARM D17.2.40, ISS of a data abort) is the same in ESR_EL2 and the
 * ARMv7 HSR (<arm-common/syndrome.h>).
 */
#include <core/cell.h>
#include <core/errno.h>
#include <arm-common/cell.h>
#include <arm-common/mmio.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>

int mmio_region_register(struct cell *cell, u64 start, u64 size,
			 mmio_handler_t handler, void *arg)
{
	struct arch_cell *ac = cell->arch;

	if (ac->num_mmio >= MMIO_MAX_REGIONS)
		return -ENOSPC;
	ac->mmio[ac->num_mmio++] = (struct mmio_region){
		.start = start,
		.size = size,
		.handler = handler,
		.arg = arg,
	};
	return 0;
}

int mmio_dispatch(struct cell *cell, struct mmio_access *acc)
{
	struct arch_cell *ac = cell->arch;
	const struct mmio_region *r;
	unsigned int n;

	for (n = 0; n < ac->num_mmio; n++) {
		r = &ac->mmio[n];
		/* The whole access must lie in the region. */
		if (acc->address >= r->start &&
		    acc->address - r->start <= r->size - acc->size) {
			acc->address -= r->start;
			return r->handler(r->arg, acc);
		}
	}
	return -ENOENT;
}

static u64 size_mask(unsigned int size)
{
	return size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

int mmio_decode(unsigned long iss, const struct trap_frame *f,
		struct mmio_access *acc, unsigned int *reg)
{
	if (!(iss & ISS_DABT_ISV))
		return -EINVAL;

	acc->size = 1U << ISS_DABT_SAS(iss);
	acc->is_write = !!(iss & ISS_DABT_WNR);
	*reg = ISS_DABT_SRT(iss);
	acc->value = acc->is_write ?
		trap_reg(f, *reg) & size_mask(acc->size) : 0;
	return 0;
}

void mmio_complete_read(unsigned long iss, struct trap_frame *f,
			const struct mmio_access *acc, unsigned int reg)
{
	u64 val = acc->value & size_mask(acc->size);
	u64 sign = 1ULL << (acc->size * 8 - 1);

	if ((iss & ISS_DABT_SSE) && (val & sign))
		val |= ~size_mask(acc->size);
	/* A 32-bit target register is zero-extended. */
	if (!(iss & ISS_DABT_SF))
		val &= 0xffffffffULL;
	trap_set_reg(f, reg, (unsigned long)val);
}

void mmio_perform(void *base, struct mmio_access *acc)
{
	void *addr = (char *)base + acc->address;

	if (acc->is_write) {
		switch (acc->size) {
		case 1:
			*(volatile u8 *)addr = (u8)acc->value;
			break;
		case 2:
			*(volatile u16 *)addr = (u16)acc->value;
			break;
		case 4:
			*(volatile u32 *)addr = (u32)acc->value;
			break;
		default:
			*(volatile u64 *)addr = acc->value;
			break;
		}
		return;
	}

	switch (acc->size) {
	case 1:
		acc->value = *(volatile u8 *)addr;
		break;
	case 2:
		acc->value = *(volatile u16 *)addr;
		break;
	case 4:
		acc->value = *(volatile u32 *)addr;
		break;
	default:
		acc->value = *(volatile u64 *)addr;
		break;
	}
}
