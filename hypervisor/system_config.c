// SPDX-License-Identifier: GPL-2.0
/*
 * Finding the system config: the driver copied it behind the last
 * per-CPU area of the hypervisor memory region.
 */
#include <core/hypervisor.h>

const struct jailhouse_system *system_config_location(void)
{
	unsigned long offset = hypervisor_header.core_size +
		(unsigned long)hypervisor_header.max_cpus *
		hypervisor_header.percpu_size;

	return (const struct jailhouse_system *)(__image_start + offset);
}
