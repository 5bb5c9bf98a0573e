/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Validation of configs handed to the hypervisor: the system config the
 * driver copied behind the per-CPU areas, and cell configs of
 * CELL_CREATE. A config is never trusted before it passed here. On
 * failure one line naming the cause is printed and -EINVAL returned.
 */
#ifndef _CORE_CONFIG_CHECK_H
#define _CORE_CONFIG_CHECK_H

#include <jailhouse/cell-config.h>
#include <core/types.h>

/*
 * What one config may ask for. Far above any real board's needs, low
 * enough that checks and cell creation stay quick (they run with root
 * CPUs suspended). More is refused with one line naming the array.
 */
#define CONFIG_MAX_MEM_REGIONS		1024
#define CONFIG_MAX_CACHE_REGIONS	64
#define CONFIG_MAX_IRQCHIPS		64
#define CONFIG_MAX_PIO_REGIONS		256
#define CONFIG_MAX_PCI_DEVICES		1024
#define CONFIG_MAX_PCI_CAPS		4096
#define CONFIG_MAX_STREAM_IDS		1024

/*
 * sys points to len readable bytes. arch is the JAILHOUSE_X86/ARM/ARM64
 * value this hypervisor was built for.
 */
int config_check_system(const struct jailhouse_system *sys, u64 len,
			u8 arch);
int config_check_cell(const struct jailhouse_cell_desc *cell, u64 len,
		      u8 arch);

/*
 * cell (the root cell or a new one, both checked already) against the
 * platform sys describes: no memory region covers a device the hypervisor
 * filters or uses itself (xAPIC, IOAPICs and MMCONFIG on x86, the GIC
 * frames on ARM, IOMMUs) and none lies beyond the physical address width.
 */
int config_check_platform(const struct jailhouse_system *sys,
			  const struct jailhouse_cell_desc *cell);

#endif /* _CORE_CONFIG_CHECK_H */
