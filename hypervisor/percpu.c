// SPDX-License-Identifier: GPL-2.0
/*
 * Finding a CPU's per-CPU area: the areas follow the image in the
 * hypervisor memory region, one of percpu_size bytes per possible CPU,
 * as the driver laid them out from the image header.
 */
#include <core/hypervisor.h>
#include <core/percpu.h>

struct per_cpu *per_cpu(unsigned int cpu)
{
	return (struct per_cpu *)(__image_start +
				  hypervisor_header.core_size +
				  cpu * hypervisor_header.percpu_size);
}
