// SPDX-License-Identifier: GPL-2.0
/*
 * Reading guest memory from the hypervisor: guest-linear addresses through
 * the guest's page tables, guest-physical ones through the cell's nested
 * page tables, and each page through a per-CPU slot of the remap pool.
 *
 * The slots and the hypervisor tables behind them are created once on the
 * first CPU, so that CPUs later only rewrite their own leaf entry.
 */
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/string.h>
#include <x86/cell.h>
#include <x86/guest_mem.h>
#include <x86/processor.h>
#include <x86/setup.h>
#include <x86/vcpu.h>

#define PTE_PRESENT	BIT_ULL(0)
#define PTE_PS		BIT_ULL(7)
#define PTE_ADDR	GENMASK_ULL(51, 12)

static u8 *slots;

int guest_mem_init(void)
{
	unsigned int cpus = hypervisor_header.max_cpus;

	slots = page_alloc(&remap_pool, cpus);
	if (!slots)
		return -ENOMEM;
	/* Any page will do for now: it only builds the tables. */
	return paging_map(&hv_paging, (unsigned long)slots,
			  x86_hv_phys(__image_start), cpus * PAGE_SIZE,
			  PAGE_FLAG_READ | PAGE_FLAG_NO_HUGE);
}

/* Copy len bytes at guest-physical gpa, all in one page. */
static int read_phys(struct per_cpu *cpu, u64 gpa, void *buf,
		     unsigned int len)
{
	u8 *slot = slots + cpu->cpu_id * PAGE_SIZE;
	struct paging_walk walk;
	int err;

	err = paging_walk(&cpu->cell->arch->npt, gpa, &walk);
	if (err)
		return -EFAULT;
	/*
	 * Code and page tables never live in device windows (the xAPIC page
	 * among them): reading one here, through a cached mapping, could
	 * touch a device register on the guest's behalf.
	 */
	if (walk.flags & PAGE_FLAG_DEVICE)
		return -EFAULT;
	err = paging_map(&hv_paging, (unsigned long)slot,
			 walk.phys & PAGE_MASK, PAGE_SIZE,
			 PAGE_FLAG_READ | PAGE_FLAG_NO_HUGE);
	if (err)
		return err;
	asm volatile("invlpg (%0)" : : "r" (slot) : "memory");
	memcpy(buf, slot + (walk.phys & ~PAGE_MASK), len);
	return 0;
}

static int linear_to_phys(struct per_cpu *cpu, u64 addr, u64 *gpa)
{
	u64 table, pte, size;
	unsigned int level;
	int err;

	if (!(vcpu_get_cr0(cpu) & X86_CR0_PG)) {
		*gpa = addr;
		return 0;
	}
	/* Linux runs its code that touches devices in long mode only. */
	if (!(vcpu_get_efer(cpu) & EFER_LMA))
		return -EINVAL;

	table = vcpu_get_cr3(cpu) & PTE_ADDR;
	for (level = 0; level < 4; level++) {
		err = read_phys(cpu, table + ((addr >> (39 - 9 * level)) &
					      0x1ff) * 8, &pte, sizeof(pte));
		if (err)
			return err;
		if (!(pte & PTE_PRESENT))
			return -EFAULT;
		if ((level == 1 || level == 2) && (pte & PTE_PS)) {
			size = 1ULL << (39 - 9 * level);
			*gpa = (pte & PTE_ADDR & ~(size - 1)) |
				(addr & (size - 1));
			return 0;
		}
		table = pte & PTE_ADDR;
	}
	*gpa = table | (addr & ~PAGE_MASK);
	return 0;
}

int guest_read_linear(struct per_cpu *cpu, u64 addr, void *buf,
		      unsigned int len)
{
	unsigned int chunk;
	u8 *dst = buf;
	u64 gpa;
	int err;

	while (len) {
		chunk = PAGE_SIZE - (addr & ~PAGE_MASK);
		if (chunk > len)
			chunk = len;
		err = linear_to_phys(cpu, addr, &gpa);
		if (!err)
			err = read_phys(cpu, gpa, dst, chunk);
		if (err)
			return err;
		addr += chunk;
		dst += chunk;
		len -= chunk;
	}
	return 0;
}
