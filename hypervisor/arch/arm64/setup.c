// SPDX-License-Identifier: GPL-2.0
/*
 * AArch64 bring-up: the hypervisor's own address space, taking a CPU
 * over from the kernel's hyp stub and giving it back, and the start of a
 * CPU that PSCI switches on for the root cell.
 */
#include <jailhouse/cell-config.h>
#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/hypervisor.h>
#include <core/page_pool.h>
#include <core/paging.h>
#include <core/percpu.h>
#include <core/printk.h>
#include <core/string.h>
#include <arm-common/cell.h>
#include <arm-common/gic.h>
#include <arm-common/hv.h>
#include <arm-common/paging_formats.h>
#include <asm/entry.h>
#include <asm/layout.h>
#include <asm/sysregs.h>
#include <asm/trap_frame.h>

BUILD_BUG_ON(offsetof(struct per_cpu, stack) != 0);
BUILD_BUG_ON(PERCPU_STACK_SIZE != PERCPU_STACK_BYTES);
BUILD_BUG_ON(sizeof(struct trap_frame) != FRAME_SIZE);
BUILD_BUG_ON(offsetof(struct jailhouse_header, arm_linux_hyp_vectors) !=
	     HEADER_HYP_VECTORS);
BUILD_BUG_ON(offsetof(struct jailhouse_header, arm_linux_hyp_abi) !=
	     HEADER_HYP_ABI);

const u8 arch_config_architecture = JAILHOUSE_ARM64;
const unsigned long arch_remap_base = HV_REMAP_BASE;

struct paging_structures hv_paging;

static u64 hv_phys;
/* Filled on the first CPU only, before the others use the tables. */
static unsigned long device_next = HV_DEVICE_BASE;

struct per_cpu *this_cpu(void)
{
	return (struct per_cpu *)read_sysreg(tpidr_el2);
}

u64 hv_virt2phys(const void *addr)
{
	return hv_phys + ((unsigned long)addr - HV_BASE);
}

void *hv_map_device(u64 phys, u64 size)
{
	u64 start = phys & PAGE_MASK;
	u64 len = ALIGN_UP(phys + size, (u64)PAGE_SIZE) - start;
	unsigned long virt = device_next;

	if (len > HV_DEVICE_BASE + HV_DEVICE_SIZE - virt)
		return NULL;
	if (paging_map(&hv_paging, virt, start, len,
		       PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_DEVICE))
		return NULL;
	device_next += len;
	return (void *)(virt + (phys - start));
}

/* Both the boot tables and these map the running code alike. */
static void switch_to_hv_tables(void)
{
	write_sysreg(ttbr0_el2, paging_root_phys(&hv_paging));
	isb();
	flush_hyp_tlb_local();
}

/*
 * The remap window is in the tables all CPUs share; another CPU may have
 * walked to an old mapping speculatively, so the TLB maintenance is
 * broadcast.
 */
static void flush_hv_range(unsigned long virt, unsigned long size)
{
	unsigned long off;

	asm volatile("dsb ishst" : : : "memory");
	for (off = 0; off < size; off += PAGE_SIZE)
		asm volatile("tlbi vae2is, %0"
			     : : "r" ((virt + off) >> 12) : "memory");
	asm volatile("dsb ish\n\tisb" : : : "memory");
}

/* Break-before-make in the hypervisor's tables (page-table library). */
static void hv_invalidate(const struct paging_structures *pg, u64 virt,
			  u64 size)
{
	(void)pg;
	if (size <= 64 * PAGE_SIZE) {
		flush_hv_range(virt, size);
		return;
	}
	asm volatile("dsb ishst\n\t"
		     "tlbi alle2is\n\t"
		     "dsb ish\n\t"
		     "isb" : : : "memory");
}

/* Tables of the hypervisor: its memory twice, then its devices. */
int arch_init_early(void)
{
	const struct jailhouse_system *sys = system_config_location();
	u64 size = sys->hypervisor_memory.size;
	int err;

	hv_phys = sys->hypervisor_memory.phys_start;

	err = paging_init(&hv_paging, &arm64_hyp_paging, &mem_pool);
	if (err)
		return err;
	hv_paging.invalidate = hv_invalidate;
	err = paging_map(&hv_paging, HV_BASE, hv_phys, size,
			 PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_EXEC);
	if (err)
		return err;
	err = paging_map(&hv_paging, hv_phys, hv_phys, size,
			 PAGE_FLAG_READ | PAGE_FLAG_WRITE | PAGE_FLAG_EXEC);
	if (err)
		return err;

	/* Devices are mapped in the new tables only. */
	switch_to_hv_tables();

	err = arm_dbg_map();
	if (err)
		return err;
	return gic_init();
}

static void save_linux_state(struct arch_per_cpu *a)
{
	a->linux_hcr = read_sysreg(hcr_el2);
	a->linux_vtcr = read_sysreg(vtcr_el2);
	a->linux_vttbr = read_sysreg(vttbr_el2);
	a->cnthctl = read_sysreg(cnthctl_el2);
	a->cntvoff = read_sysreg(cntvoff_el2);
	a->midr = read_sysreg(midr_el1);
	a->mpidr = read_sysreg(mpidr_el1);
}

/*
 * Stage 2 of the CPU's cell, with HCR_EL2 trapping what we handle,
 * physical interrupts included (IMO/FMO); SErrors stay with the guest.
 */
static void activate_cell(struct per_cpu *cpu)
{
	u64 hcr = (cpu->arch.linux_hcr & ~HCR_AMO) | HCR_IMO | HCR_FMO |
		HCR_VM | HCR_SWIO | HCR_TSC | HCR_RW;

	write_sysreg(vtcr_el2, VTCR_EL2_CELL);
	write_sysreg(vttbr_el2, arm_cell_vttbr(cpu->cell));
	write_sysreg(hcr_el2, hcr);
	isb();
	/* Translations made without stage 2 must not survive. */
	flush_guest_tlb_local();
}

int arch_cpu_init(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;
	int err;

	save_linux_state(a);
	a->hyp_saved = true;

	switch_to_hv_tables();

	err = gic_cpu_init(cpu);
	if (err)
		return err;
	activate_cell(cpu);
	a->power = ARM_CPU_ON;
	a->known = true;
	return 0;
}

/* Undo activate_cell: the stub's view of EL1 and no stage 2. */
static void deactivate_cell(struct per_cpu *cpu)
{
	struct arch_per_cpu *a = &cpu->arch;

	if (!a->hyp_saved)
		return;
	gic_cpu_shutdown(cpu);
	write_sysreg(hcr_el2, a->linux_hcr);
	write_sysreg(vttbr_el2, a->linux_vttbr);
	write_sysreg(vtcr_el2, a->linux_vtcr);
	isb();
	flush_guest_tlb_local();
	a->hyp_saved = false;
}

void arch_cpu_restore(struct per_cpu *cpu)
{
	deactivate_cell(cpu);
}

int arch_init_late(void)
{
	return 0;
}

int arm64_el2_init(unsigned int cpu_id, u64 linux_sctlr,
		   struct trap_frame *frame)
{
	struct per_cpu *cpu = per_cpu(cpu_id);

	(void)frame;
	write_sysreg(tpidr_el2, cpu);
	write_sysreg(vbar_el2, el2_vectors);
	isb();
	cpu->arch.linux_sctlr = linux_sctlr;

	/* The stub may have refused a CPU that is not here yet. */
	while (__atomic_load_n(&el1_arrived, __ATOMIC_ACQUIRE) <
	       hypervisor_header.online_cpus)
		;
	if (__atomic_load_n(&el1_failed, __ATOMIC_RELAXED))
		return -EBUSY;

	return entry(cpu_id);
}

void __noreturn arm64_leave(struct per_cpu *cpu, struct trap_frame *frame)
{
	deactivate_cell(cpu);
	write_sysreg(vbar_el2, hypervisor_header.arm_linux_hyp_vectors);
	isb();
	arm64_leave_el2(frame, cpu->arch.linux_sctlr, hv_phys - HV_BASE);
}

void __noreturn arm64_init_failed(struct trap_frame *frame)
{
	/* hv_phys may not be set yet if early setup failed. */
	hv_phys = system_config_location()->hypervisor_memory.phys_start;
	arm64_leave(this_cpu(), frame);
}

void arm_cpu_start(struct per_cpu *cpu, struct trap_frame *frame,
		   unsigned long entry, unsigned long context)
{
	struct arch_per_cpu *a = &cpu->arch;

	/* Timer access as Linux's boot code gave EL1, timers stopped. */
	write_sysreg(cnthctl_el2, a->cnthctl);
	write_sysreg(cntvoff_el2, a->cntvoff);
	write_sysreg(cntv_ctl_el0, 0);
	write_sysreg(cntp_ctl_el0, 0);
	write_sysreg(vpidr_el2, a->midr);
	write_sysreg(vmpidr_el2, a->mpidr);
	write_sysreg(sctlr_el1, SCTLR_EL1_RESET);
	activate_cell(cpu);
	gic_cpu_reset(cpu);

	memset(frame, 0, sizeof(*frame));
	frame->x[0] = context;
	write_sysreg(elr_el2, entry);
	write_sysreg(spsr_el2, SPSR_EL1H_MASKED);
}

static int map_hv(unsigned long virt, u64 phys, unsigned long size,
		  unsigned long flags)
{
	int err = paging_map(&hv_paging, virt, phys, size,
			     PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			     PAGE_FLAG_NO_HUGE | flags);

	flush_hv_range(virt, size);
	return err;
}

int arch_map_hv(unsigned long virt, u64 phys, unsigned long size)
{
	return map_hv(virt, phys, size, 0);
}

/* Device-nGnRE: what the registers of a sub-page region need. */
int arch_map_device_hv(unsigned long virt, u64 phys, unsigned long size)
{
	return map_hv(virt, phys, size, PAGE_FLAG_DEVICE);
}

void arch_unmap_hv(unsigned long virt, unsigned long size)
{
	paging_unmap(&hv_paging, virt, size);
	flush_hv_range(virt, size);
}
