// SPDX-License-Identifier: GPL-2.0
/*
 * Stage-2 data aborts as MMIO accesses for the core's dispatcher. The
 * load/store syndrome layout (ARM ARM D17.2.40, ISS of a data abort) is
 * the same in ESR_EL2 and the ARMv7 HSR: ISV 24, SAS 23:22, SSE 21,
 * SRT 20:16, SF 15, WnR 6.
 */
#include <core/errno.h>
#include <arm-common/mmio.h>
#include <asm/trap_frame.h>

#define ISS_ISV		BIT(24)
#define ISS_SAS(iss)	(((iss) >> 22) & 3)
#define ISS_SSE		BIT(21)
#define ISS_SRT(iss)	(((iss) >> 16) & 0x1f)
#define ISS_SF		BIT(15)
#define ISS_WNR		BIT(6)

static u64 size_mask(unsigned int size)
{
	return size == 8 ? ~0ULL : (1ULL << (size * 8)) - 1;
}

int mmio_decode(unsigned long iss, const struct trap_frame *f,
		struct mmio_access *acc, unsigned int *reg)
{
	if (!(iss & ISS_ISV))
		return -EINVAL;

	acc->size = 1U << ISS_SAS(iss);
	acc->is_write = !!(iss & ISS_WNR);
	*reg = ISS_SRT(iss);
	acc->value = acc->is_write ?
		trap_reg(f, *reg) & size_mask(acc->size) : 0;
	return 0;
}

void mmio_complete_read(unsigned long iss, struct trap_frame *f,
			const struct mmio_access *acc, unsigned int reg)
{
	u64 val = acc->value & size_mask(acc->size);
	u64 sign = 1ULL << (acc->size * 8 - 1);

	if ((iss & ISS_SSE) && (val & sign))
		val |= ~size_mask(acc->size);
	/* A 32-bit target register is zero-extended. */
	if (!(iss & ISS_SF))
		val &= 0xffffffffULL;
	trap_set_reg(f, reg, (unsigned long)val);
}
