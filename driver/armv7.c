// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver, ARMv7 part: taking over HYP mode is not implemented
 * yet; enable fails with -ENOSYS and one log line after the config and
 * the image were checked, before anything is mapped or called.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/printk.h>

#include "driver.h"

int jailhouse_arch_init(void)
{
	return 0;
}

int jailhouse_arch_check_cpu(void)
{
	return 0;
}

void *jailhouse_arch_map(phys_addr_t phys, unsigned long size)
{
	pr_err("enabling the hypervisor on ARMv7 is not implemented yet\n");
	return ERR_PTR(-ENOSYS);
}

void jailhouse_arch_image_loaded(struct jailhouse_header *header,
				 void *mem, unsigned long size)
{
}
