// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver, ARM part (ARMv7 and arm64).
 *
 * arm64: the hypervisor memory is mapped cached and executable at a
 * kernel address of vmalloc space; the image's entry runs there at EL1, position
 * independent, and reaches EL2 through the kernel's hyp stub
 * (HVC_SET_VECTORS), whose vectors the driver tells it for the way back.
 * ARMv7: taking over HYP mode is not implemented yet; enable fails with
 * -ENOSYS before anything is mapped or called.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <asm/cacheflush.h>
#include <asm/virt.h>

#include "driver.h"

#ifdef CONFIG_ARM64

#include <asm/kvm_host.h>

/* The image maps its memory with 2 MiB blocks until it has own tables. */
#define HV_MEM_ALIGN	SZ_2M
#define HV_MEM_MAX	SZ_1G

static void *hyp_stub_vectors;
static enum kvm_mode (*kvm_mode_of)(void);
static struct vm_struct *(*get_vm_area_range)(unsigned long size,
					       unsigned long flags,
					       unsigned long start,
					       unsigned long end,
					       const void *caller);
static int (*map_page_range)(unsigned long addr, unsigned long end,
			     phys_addr_t phys_addr, pgprot_t prot);
static int (*make_executable)(unsigned long addr, int numpages);
static struct vm_struct *hv_area;

int jailhouse_arch_init(void)
{
	/* Missing symbols only make enable fail; the rest keeps working. */
	hyp_stub_vectors = jailhouse_ksym("__hyp_stub_vectors");
	kvm_mode_of = jailhouse_ksym("kvm_get_mode");
	get_vm_area_range = jailhouse_ksym("__get_vm_area_caller");
	map_page_range = jailhouse_ksym("ioremap_page_range");
	make_executable = jailhouse_ksym("set_memory_x");
	return 0;
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
 * Like x86: a vmalloc area of our own, filled with ioremap_page_range
 * page by page (so that no block mapping appears, which set_memory_x
 * could not split), then made executable, since 6.1 maps ioremap'ed
 * memory non-executable whatever the requested protection. set_memory_x
 * accepts only VM_ALLOC areas; nothing ever frees pages of this one.
 */
void *jailhouse_arch_map(phys_addr_t phys, unsigned long size)
{
	unsigned long base, off;
	int err = 0;

	if (!IS_ALIGNED(phys, HV_MEM_ALIGN) || size > HV_MEM_MAX ||
	    (phys >> 30) != ((phys + size - 1) >> 30)) {
		pr_err("invalid config: hypervisor memory at 0x%llx, size 0x%lx, must start on a 2 MiB boundary and lie within one 1 GiB slot on arm64\n",
		       (unsigned long long)phys, size);
		return ERR_PTR(-EINVAL);
	}
	if (!get_vm_area_range || !map_page_range || !make_executable) {
		pr_err("cannot map the hypervisor: kernel functions are missing\n");
		return ERR_PTR(-ENOSYS);
	}

	hv_area = get_vm_area_range(size, VM_ALLOC, VMALLOC_START,
				     VMALLOC_END, __builtin_return_address(0));
	if (!hv_area) {
		pr_err("cannot reserve kernel addresses for the hypervisor\n");
		return ERR_PTR(-ENOMEM);
	}
	base = (unsigned long)hv_area->addr;
	for (off = 0; off < size && !err; off += PAGE_SIZE)
		err = map_page_range(base + off, base + off + PAGE_SIZE,
				     phys + off, PAGE_KERNEL_EXEC);
	if (!err)
		err = make_executable(base, size >> PAGE_SHIFT);
	if (err) {
		pr_err("cannot map the hypervisor memory (%d)\n", err);
		free_vm_area(hv_area);
		hv_area = NULL;
		return ERR_PTR(err);
	}
	return hv_area->addr;
}

void jailhouse_arch_unmap(void *virt)
{
	if (hv_area && hv_area->addr == virt) {
		free_vm_area(hv_area);
		hv_area = NULL;
	}
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

#else /* !CONFIG_ARM64 */

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

void jailhouse_arch_unmap(void *virt)
{
}

void jailhouse_arch_image_loaded(struct jailhouse_header *header,
				 void *mem, unsigned long size)
{
}

#endif /* !CONFIG_ARM64 */

const char *jailhouse_arch_firmware_name(void)
{
	return "jailhouse.bin";
}

bool jailhouse_arch_cpu_may_leave_root(unsigned int cpu)
{
	return true;
}
