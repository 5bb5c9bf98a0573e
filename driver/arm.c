// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver, what ARMv7 and arm64 share: one firmware image name,
 * and every CPU may leave Linux (PSCI takes any of them offline). The
 * rest is in arm64.c and armv7.c.
 */
#include "driver.h"

const char *jailhouse_arch_firmware_name(void)
{
	return "jailhouse.bin";
}

bool jailhouse_arch_cpu_may_leave_root(unsigned int cpu)
{
	return true;
}
