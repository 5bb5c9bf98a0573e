// SPDX-License-Identifier: GPL-2.0
/*
 * The MMIO decoder's reads of guest memory (hypervisor/arch/x86/
 * guest_mem.c): instruction bytes and guest page tables that lie in a
 * device window of the cell (the xAPIC page here, mapped read-only) are
 * never read. Reading one would map the device through the hypervisor's
 * cached slot and touch its registers on the guest's behalf; the read
 * fails instead (-EFAULT), which mmio.c turns into the cell's failure.
 *
 * The file is compiled in here with its vCPU accessors renamed: other
 * tests define those names for their own fake guests. Past the device
 * check the host could not go on (the slot's INVLPG is privileged), so a
 * read that gets there is caught and reported as the failure it is.
 */
#include <setjmp.h>
#include <signal.h>
#include <string.h>

#include <core/cell.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <x86/cell.h>
#include <x86/paging_formats.h>
#include <x86/setup.h>

/* The image's place in physical memory (x86/setup.c, not linked here). */
static u64 gm_hv_phys(const void *addr)
{
	(void)addr;
	return 0x100000;
}

#define vcpu_get_cr0 gm_get_cr0
#define vcpu_get_cr3 gm_get_cr3
#define vcpu_get_efer gm_get_efer
#define x86_hv_phys gm_hv_phys
#define guest_mem_init gm_init
#define guest_read_linear gm_read_linear
#include "../../hypervisor/arch/x86/guest_mem.c"
#undef vcpu_get_cr0
#undef vcpu_get_cr3
#undef vcpu_get_efer
#undef x86_hv_phys
#undef guest_mem_init
#undef guest_read_linear

#include "test_pool.h"
#include "unit.h"

#define XAPIC_PAGE		0xfee00000ULL
#define RAM_GPA			0x1000ULL
#define RAM_PHYS		0x5000ULL

static struct {
	u64 cr0, cr3, efer;
} guest;

u64 gm_get_cr0(struct per_cpu *c)
{
	(void)c;
	return guest.cr0;
}

u64 gm_get_cr3(struct per_cpu *c)
{
	(void)c;
	return guest.cr3;
}

u64 gm_get_efer(struct per_cpu *c)
{
	(void)c;
	return guest.efer;
}

static sigjmp_buf past_check;

static void reached_mapping(int sig)
{
	siglongjmp(past_check, sig);
}

/* guest_read_linear()'s result, or 1 where it went on past the check. */
static int read_guarded(struct per_cpu *cpu, u64 addr)
{
	struct sigaction catch = { .sa_handler = reached_mapping };
	struct sigaction old_segv, old_ill;
	u8 buf[16];
	int ret;

	sigaction(SIGSEGV, &catch, &old_segv);
	sigaction(SIGILL, &catch, &old_ill);
	if (sigsetjmp(past_check, 1))
		ret = 1;
	else
		ret = gm_read_linear(cpu, addr, buf, sizeof(buf));
	sigaction(SIGSEGV, &old_segv, NULL);
	sigaction(SIGILL, &old_ill, NULL);
	return ret;
}

TEST(x86_guest_mem_never_reads_device_windows)
{
	struct page_pool saved_mem = mem_pool, saved_remap = remap_pool;
	struct paging_structures saved_hv = hv_paging;
	u32 saved_cpus = hypervisor_header.max_cpus;
	struct arch_cell ac = { 0 };
	struct cell cell = { .arch = &ac };
	struct per_cpu cpu = { .cpu_id = 0, .cell = &cell };
	struct paging_walk walk;

	test_pool_create(&mem_pool, 32, 0x200000);
	test_pool_create(&remap_pool, 4, 0);
	hypervisor_header.max_cpus = 1;
	EXPECT_EQ(paging_init(&hv_paging, &x86_64_paging, &mem_pool), 0);
	EXPECT_EQ(gm_init(), 0);
	EXPECT_EQ(paging_init(&ac.npt, &amd_npt_paging, &mem_pool), 0);
	/* As cell.c maps it, and some RAM for contrast. */
	EXPECT_EQ(paging_map(&ac.npt, XAPIC_PAGE, XAPIC_PAGE, PAGE_SIZE,
			     PAGE_FLAG_READ | PAGE_FLAG_DEVICE), 0);
	EXPECT_EQ(paging_map(&ac.npt, RAM_GPA, RAM_PHYS, PAGE_SIZE,
			     PAGE_FLAG_READ | PAGE_FLAG_WRITE), 0);
	/* The walk finds the page: what refuses it is its device flag. */
	EXPECT_EQ(paging_walk(&ac.npt, XAPIC_PAGE, &walk), 0);
	EXPECT_TRUE(walk.flags & PAGE_FLAG_DEVICE);
	EXPECT_EQ(paging_walk(&ac.npt, RAM_GPA, &walk), 0);
	EXPECT_FALSE(walk.flags & PAGE_FLAG_DEVICE);

	/* Paging off: RIP in the window is the instruction's address. */
	guest.cr0 = 0;
	EXPECT_EQ(read_guarded(&cpu, XAPIC_PAGE + 0x20), -EFAULT);
	/* Long mode with CR3 in the window: the first table is refused. */
	guest.cr0 = X86_CR0_PG;
	guest.efer = EFER_LMA;
	guest.cr3 = XAPIC_PAGE;
	EXPECT_EQ(read_guarded(&cpu, 0x400000), -EFAULT);
	/* Nothing mapped: refused by the walk already. */
	guest.cr0 = 0;
	EXPECT_EQ(read_guarded(&cpu, 0x200000), -EFAULT);

	test_pool_destroy(&mem_pool);
	test_pool_destroy(&remap_pool);
	mem_pool = saved_mem;
	remap_pool = saved_remap;
	hv_paging = saved_hv;
	hypervisor_header.max_cpus = saved_cpus;
}
