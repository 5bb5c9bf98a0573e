// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver, ARMv7 part: the hypervisor memory is mapped cached and
 * executable in vmalloc space (hv_map.c); the image's entry runs there in
 * SVC mode, position independent, and reaches HYP mode through the
 * kernel's hyp stub (HVC_SOFT_RESTART), whose vectors the driver tells
 * it for the way back.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/err.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/cputype.h>

#include "driver.h"

/*
 * The image's boot tables map its memory with 2 MiB blocks in one 1 GiB
 * slot, not the last one (the hypervisor's own addresses are there).
 */
#define HV_MEM_ALIGN	SZ_2M
#define HV_MEM_MAX	(192 * SZ_1M)
#define HV_SLOT_BUSY	3

/* ID_PFR1.Virtualization and ID_MMFR0.VMSA (5: long descriptors). */
#define ID_PFR1_VIRT(r)	(((r) >> 12) & 0xf)
#define ID_MMFR0_VMSA(r)	((r) & 0xf)

static void *hyp_stub_vectors;

/*
 * A CPU the hypervisor switches on for Linux enters Linux in SVC mode.
 * Linux then counts its CPUs' boot modes as mixed and, from then on,
 * leaves its hyp stub out on every CPU it switches on itself, although
 * firmware starts them in HYP mode. Enable would jump into such a CPU's
 * missing stub and hang, so the driver remembers those CPUs (only what
 * happened while it was loaded: Linux's own flag is not visible to
 * modules) and enable names them instead.
 */
static bool boot_modes_mixed;
static cpumask_t stubless_cpus;
static int hotplug_state;

static int cpu_came_online(unsigned int cpu)
{
	if (jailhouse_enabled) {
		/* Disable returns it to the stub like every root CPU. */
		boot_modes_mixed = true;
		cpumask_clear_cpu(cpu, &stubless_cpus);
	} else if (boot_modes_mixed) {
		cpumask_set_cpu(cpu, &stubless_cpus);
	}
	return 0;
}

int jailhouse_arch_init(void)
{
	/* Missing symbols only make enable fail; the rest keeps working. */
	hyp_stub_vectors = jailhouse_ksym("__hyp_stub_vectors");
	jailhouse_hv_map_init();
	hotplug_state = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN,
						  "jailhouse/armv7:online",
						  cpu_came_online, NULL);
	return hotplug_state < 0 ? hotplug_state : 0;
}

void jailhouse_arch_exit(void)
{
	cpuhp_remove_state_nocalls(hotplug_state);
}

static int check_stubs(void)
{
	unsigned int cpu;

	for_each_cpu_and(cpu, &stubless_cpus, cpu_online_mask) {
		pr_err("CPU %u has no hyp stub: Linux switched it on after a CPU had started under the hypervisor (in SVC mode) and then leaves the stub out; take CPU %u offline (or reboot) before enabling\n",
		       cpu, cpu);
		return -ENXIO;
	}
	return 0;
}

int jailhouse_arch_check_cpu(void)
{
	u32 pfr1, mmfr0;

	asm volatile("mrc p15, 0, %0, c0, c1, 1" : "=r" (pfr1));
	asm volatile("mrc p15, 0, %0, c0, c1, 4" : "=r" (mmfr0));
	if (!ID_PFR1_VIRT(pfr1)) {
		pr_err("the CPU has no virtualization extensions (HYP mode)\n");
		return -ENODEV;
	}
	if (ID_MMFR0_VMSA(mmfr0) < 5) {
		pr_err("the CPU has no large physical address extension (LPAE)\n");
		return -ENODEV;
	}
	if (!hyp_stub_vectors) {
		pr_err("the kernel's hyp stub (__hyp_stub_vectors) was not found; is the kernel booted in HYP mode?\n");
		return -ENOSYS;
	}
	return check_stubs();
}

/* Anywhere in vmalloc space; the image runs position independent. */
void *jailhouse_arch_map(phys_addr_t phys, unsigned long size)
{
	u64 end = (u64)phys + size - 1;

	if (!IS_ALIGNED(phys, HV_MEM_ALIGN) || !size || size > HV_MEM_MAX ||
	    ((u64)phys >> 30) != (end >> 30) ||
	    ((u64)phys >> 30) >= HV_SLOT_BUSY) {
		pr_err("invalid config: hypervisor memory at 0x%llx, size 0x%lx, must start on a 2 MiB boundary, be at most 192 MiB and lie within one 1 GiB slot below 3 GiB on ARMv7\n",
		       (unsigned long long)phys, size);
		return ERR_PTR(-EINVAL);
	}
	return jailhouse_hv_map(phys, size, VMALLOC_START, VMALLOC_END,
				VM_ALLOC);
}

void jailhouse_arch_image_loaded(struct jailhouse_header *header,
				 void *mem, unsigned long size)
{
	header->arm_linux_hyp_vectors = virt_to_phys(hyp_stub_vectors);
	header->arm_linux_hyp_abi = JAILHOUSE_HYP_STUB_ABI_OPCODE;
	/* The entry runs from here in SVC mode; HYP cleans to memory. */
	flush_icache_range((unsigned long)mem,
			   (unsigned long)mem + header->core_size);
}
