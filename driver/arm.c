// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver, ARM part (ARMv7 and arm64).
 *
 * Taking over EL2/HYP from the kernel's hyp stub is not implemented yet:
 * enable runs every architecture-neutral step (config checks, memory
 * reservation, firmware and image header checks) and then fails with
 * -ENOSYS here, before anything is mapped or called.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <asm/virt.h>

#include "driver.h"

int jailhouse_arch_init(void)
{
	return 0;
}

int jailhouse_arch_check_cpu(void)
{
#ifdef CONFIG_ARM64
	/* With VHE the kernel itself owns EL2; there is no stub to replace. */
	if (is_kernel_in_hyp_mode()) {
		pr_err("the kernel runs in EL2 (VHE); boot it with kvm-arm.mode=none and a CPU without VHE\n");
		return -EBUSY;
	}
#endif
	return 0;
}

const char *jailhouse_arch_firmware_name(void)
{
	return "jailhouse.bin";
}

void *jailhouse_arch_map(phys_addr_t phys, unsigned long size)
{
	pr_err("enabling the hypervisor on ARM is not implemented yet\n");
	return ERR_PTR(-ENOSYS);
}

void jailhouse_arch_unmap(void *virt)
{
}

bool jailhouse_arch_cpu_may_leave_root(unsigned int cpu)
{
	return true;
}
