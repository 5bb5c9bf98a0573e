// SPDX-License-Identifier: GPL-2.0
/*
 * Cells on ARM have no MSI target (no virtual ITS); ivshmem there will
 * signal through INTx of the virtual PCI host, which does not exist yet.
 * Until then a message has nowhere to go and is dropped, and no device a
 * cell owns may enable MSI.
 */
#include <core/arch.h>

void arch_send_msi(const struct cell *cell, u64 address, u32 data)
{
	(void)cell;
	(void)address;
	(void)data;
}

bool arch_msi_confined(const struct cell *cell, u64 address, u32 data,
		       unsigned int vectors)
{
	(void)cell;
	(void)address;
	(void)data;
	(void)vectors;
	return false;
}
