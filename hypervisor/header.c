// SPDX-License-Identifier: GPL-2.0
/*
 * The image header at offset 0 of the firmware file. Sizes and offsets
 * come from absolute symbols of the linker script; the driver fills
 * max_cpus, online_cpus and debug_console_base.
 */
#include <core/hypervisor.h>
#include <core/percpu.h>

struct jailhouse_header hypervisor_header
	__attribute__((section(".header"), used)) = {
	.signature = JAILHOUSE_SIGNATURE,
	.core_size = (unsigned long)__core_size,
	.percpu_size = sizeof(struct per_cpu),
	.entry = (unsigned long)__entry_offset,
	.console_page = (unsigned long)__console_offset,
};
