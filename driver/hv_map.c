// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade driver: the executable kernel mapping of the hypervisor
 * memory that the image's entry code runs from, for every architecture
 * that maps it (x86 at its link address, arm64 anywhere in vmalloc
 * space; each arch file says where).
 *
 * The kernel exports nothing for this: a vmalloc area of our own is
 * reserved, filled page by page with ioremap_page_range (so that no
 * block mapping appears, which set_memory_x could not split), then made
 * executable, since stock 6.1 kernels map ioremap'ed memory
 * non-executable whatever the requested protection.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/vmalloc.h>

#include "driver.h"

static struct vm_struct *(*get_vm_area_range)(unsigned long size,
					       unsigned long flags,
					       unsigned long start,
					       unsigned long end,
					       const void *caller);
static int (*map_page_range)(unsigned long addr, unsigned long end,
			     phys_addr_t phys_addr, pgprot_t prot);
static int (*make_executable)(unsigned long addr, int numpages);

static struct vm_struct *hv_area;

void jailhouse_hv_map_init(void)
{
	/* Missing helpers only make enable fail; the rest keeps working. */
	get_vm_area_range = jailhouse_ksym("__get_vm_area_caller");
	map_page_range = jailhouse_ksym("ioremap_page_range");
	make_executable = jailhouse_ksym("set_memory_x");
}

static int map_pages(unsigned long base, phys_addr_t phys,
		     unsigned long size)
{
	unsigned long off;
	int err = 0;

	for (off = 0; off < size && !err; off += PAGE_SIZE)
		err = map_page_range(base + off, base + off + PAGE_SIZE,
				     phys + off, PAGE_KERNEL_EXEC);
	return err ?: make_executable(base, size >> PAGE_SHIFT);
}

void *jailhouse_hv_map(phys_addr_t phys, unsigned long size,
		       unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	int err;

	if (!get_vm_area_range || !map_page_range || !make_executable) {
		pr_err("cannot map the hypervisor: kernel functions are missing\n");
		return ERR_PTR(-ENOSYS);
	}
	hv_area = get_vm_area_range(size, vm_flags, start, end,
				     __builtin_return_address(0));
	if (!hv_area) {
		pr_err("cannot reserve kernel addresses 0x%lx-0x%lx for the hypervisor\n",
		       start, end - 1);
		return ERR_PTR(-ENOMEM);
	}
	hv_area->phys_addr = phys;

	err = map_pages((unsigned long)hv_area->addr, phys, size);
	if (err) {
		pr_err("cannot map the hypervisor memory (%d)\n", err);
		free_vm_area(hv_area);
		hv_area = NULL;
		return ERR_PTR(err);
	}
	return hv_area->addr;
}

void jailhouse_hv_unmap(void *virt)
{
	if (hv_area && hv_area->addr == virt) {
		free_vm_area(hv_area);
		hv_area = NULL;
	}
}
