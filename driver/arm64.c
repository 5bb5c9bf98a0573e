// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver, arm64 part: the hypervisor memory is mapped cached and
 * executable at a kernel address of vmalloc space (hv_map.c); the
 * image's entry runs there at EL1, position independent, and reaches EL2
 * through the kernel's hyp stub (HVC_SET_VECTORS), whose vectors the
 * driver tells it for the way back.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/kvm_host.h>
#include <asm/virt.h>

#include "driver.h"

/* The image maps its memory with 2 MiB blocks until it has own tables. */
#define HV_MEM_ALIGN	SZ_2M
#define HV_MEM_MAX	SZ_1G

static void *hyp_stub_vectors;
static enum kvm_mode (*kvm_mode_of)(void);

int jailhouse_arch_init(void)
{
	/* Missing symbols only make enable fail; the rest keeps working. */
	hyp_stub_vectors = jailhouse_ksym("__hyp_stub_vectors");
	kvm_mode_of = jailhouse_ksym("kvm_get_mode");
	jailhouse_hv_map_init();
	return 0;
}

void jailhouse_arch_exit(void)
{
}

int jailhouse_arch_check_cpu(void)
{
	/*
	 * With VHE the kernel itself owns EL2; there is no stub to replace.
	 * kvm-arm.mode=none alone leaves a VHE kernel in EL2, and
	 * kvm-arm.mode=nvhe moves it to EL1 but gives EL2 to KVM.
	 */
	if (is_kernel_in_hyp_mode()) {
		pr_err("the kernel runs in EL2 (VHE); boot it with id_aa64mmfr1.vh=0 kvm-arm.mode=none to keep it in EL1 and EL2 free\n");
		return -EBUSY;
	}
	if (kvm_mode_of && kvm_mode_of() != KVM_MODE_NONE) {
		pr_err("KVM holds EL2; boot the kernel with kvm-arm.mode=none\n");
		return -EBUSY;
	}
	if (!hyp_stub_vectors) {
		pr_err("the kernel's hyp stub (__hyp_stub_vectors) was not found\n");
		return -ENOSYS;
	}
	return 0;
}

/*
 * Anywhere in vmalloc space; set_memory_x accepts only VM_ALLOC areas,
 * and nothing ever frees pages of this one.
 */
void *jailhouse_arch_map(phys_addr_t phys, unsigned long size)
{
	if (!IS_ALIGNED(phys, HV_MEM_ALIGN) || size > HV_MEM_MAX ||
	    (phys >> 30) != ((phys + size - 1) >> 30)) {
		pr_err("invalid config: hypervisor memory at 0x%llx, size 0x%lx, must start on a 2 MiB boundary and lie within one 1 GiB slot on arm64\n",
		       (unsigned long long)phys, size);
		return ERR_PTR(-EINVAL);
	}
	return jailhouse_hv_map(phys, size, VMALLOC_START, VMALLOC_END,
				VM_ALLOC);
}

void jailhouse_arch_image_loaded(struct jailhouse_header *header,
				 void *mem, unsigned long size)
{
	header->arm_linux_hyp_vectors = __pa_symbol(hyp_stub_vectors);
	header->arm_linux_hyp_abi = JAILHOUSE_HYP_STUB_ABI_OPCODE;
	/* The entry runs from here at EL1; EL2 cleans to memory itself. */
	flush_icache_range((unsigned long)mem,
			   (unsigned long)mem + header->core_size);
}
