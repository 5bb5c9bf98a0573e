// SPDX-License-Identifier: GPL-2.0
/*
 * Cells on ARM have no MSI target (no virtual ITS); ivshmem there will
 * signal through INTx of the virtual PCI host, which does not exist yet.
 * Until then a message has nowhere to go and is dropped.
 */
#include <core/arch.h>

void arch_send_msi(const struct cell *cell, u64 address, u32 data)
{
	(void)cell;
	(void)address;
	(void)data;
}
