/* SPDX-License-Identifier: GPL-2.0 */
/* Port I/O of the hypervisor itself. */
#ifndef _X86_IO_H
#define _X86_IO_H

#include <core/types.h>

static inline void outb(u8 value, u16 port)
{
	asm volatile("outb %0, %1" : : "a" (value), "Nd" (port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	asm volatile("inb %1, %0" : "=a" (value) : "Nd" (port));
	return value;
}

static inline u32 inl(u16 port)
{
	u32 value;

	asm volatile("inl %1, %0" : "=a" (value) : "Nd" (port));
	return value;
}

/* One IN or OUT of size 1, 2 or 4 bytes by the hypervisor itself. */
static inline u32 port_in(u16 port, unsigned int size)
{
	u16 w;

	if (size == 1)
		return inb(port);
	if (size == 2) {
		asm volatile("inw %1, %0" : "=a" (w) : "Nd" (port));
		return w;
	}
	return inl(port);
}

static inline void port_out(u16 port, unsigned int size, u32 value)
{
	if (size == 1)
		outb(value, port);
	else if (size == 2)
		asm volatile("outw %0, %1" : : "a" ((u16)value), "Nd" (port));
	else
		asm volatile("outl %0, %1" : : "a" (value), "Nd" (port));
}

#endif /* _X86_IO_H */
