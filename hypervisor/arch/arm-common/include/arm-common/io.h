/* SPDX-License-Identifier: GPL-2.0 */
/* Device register accesses of the hypervisor, one access each. */
#ifndef _ARM_COMMON_IO_H
#define _ARM_COMMON_IO_H

#include <core/types.h>

static inline u32 mmio_read32(const void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void mmio_write32(void *addr, u32 val)
{
	*(volatile u32 *)addr = val;
}

static inline u64 mmio_read64(const void *addr)
{
	return *(const volatile u64 *)addr;
}

static inline void mmio_write8(void *addr, u8 val)
{
	*(volatile u8 *)addr = val;
}

#endif /* !_ARM_COMMON_IO_H */
