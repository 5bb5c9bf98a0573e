// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 data aborts as MMIO accesses for the core's dispatcher. The
 * load/store syndrome layout (ARM ARM D17.2.40, ISS of a data abort) is
 * the same in ESR_EL2 and the ARMv7 HSR (<arm-common/syndrome.h>).
 */
#include <core/errno.h>
#include <arm-common/mmio.h>
#include <arm-common/subarch.h>
#include <arm-common/syndrome.h>

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
