// SPDX-License-Identifier: GPL-2.0
/* The arch_* hooks for the fuzzers (see fuzz_arch.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <core/arch.h>
#include <core/cell.h>
#include <core/errno.h>
#include <core/unit.h>
#include <core/management.h>
#include <core/page_pool.h>
#include <core/percpu.h>

#include "fuzz_arch.h"

#define LOW_PAGES	(FUZZ_LOW_SIZE / PAGE_SIZE)
#define RES_PAGES	(FUZZ_RES_SIZE / PAGE_SIZE)

const u8 arch_config_architecture = JAILHOUSE_X86;
const unsigned long arch_remap_base = 0xffffff0000000000UL;

char fuzz_region[FUZZ_CORE_SIZE + FUZZ_CPUS * sizeof(struct per_cpu) +
		 0x10000] __attribute__((aligned(4096)));
asm(".globl __image_start\n.set __image_start, fuzz_region\n"
    ".globl __core_size\n.set __core_size, fuzz_region\n"
    ".globl __entry_offset\n.set __entry_offset, fuzz_region\n"
    ".globl __console_offset\n.set __console_offset, fuzz_region\n");

unsigned char fuzz_low[FUZZ_LOW_SIZE] __attribute__((aligned(4096)));
const char *fuzz_violation;

static bool low_mapped[LOW_PAGES], res_mapped[RES_PAGES];

static bool *shadow_page(u64 phys)
{
	if (phys - FUZZ_LOW_BASE < FUZZ_LOW_SIZE)
		return &low_mapped[(phys - FUZZ_LOW_BASE) / PAGE_SIZE];
	if (phys - FUZZ_RES_BASE < FUZZ_RES_SIZE)
		return &res_mapped[(phys - FUZZ_RES_BASE) / PAGE_SIZE];
	return NULL;
}

bool fuzz_root_maps(u64 phys)
{
	bool *page = shadow_page(phys);

	return page && *page;
}

void fuzz_shadow_reset(void)
{
	memset(low_mapped, 1, sizeof(low_mapped));
	memset(res_mapped, 1, sizeof(res_mapped));
}

static bool hits_hv(const struct jailhouse_memory *mem)
{
	return mem->phys_start < FUZZ_HV_BASE + FUZZ_HV_SIZE &&
		FUZZ_HV_BASE < mem->phys_start + mem->size;
}

static void root_shadow(const struct jailhouse_memory *mem, bool mapped)
{
	u64 phys;
	bool *page;

	for (phys = mem->phys_start; phys < mem->phys_start + mem->size;
	     phys += PAGE_SIZE) {
		page = shadow_page(phys);
		if (page)
			*page = mapped;
		else if (mapped)
			fuzz_violation = "root cell maps memory it has not";
	}
}

static bool covers(const struct jailhouse_memory *mem, u64 page)
{
	return (mem->phys_start < page + PAGE_SIZE &&
		page < mem->phys_start + mem->size) ||
		(mem->virt_start < page + PAGE_SIZE &&
		 page < mem->virt_start + mem->size);
}

/*
 * A cell's only page of hypervisor memory is its comm region; the
 * interrupt controllers the hypervisor filters are nobody's.
 */
static void check_cell_map(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	u64 comm = page_pool_virt2phys(&mem_pool, cell->comm_region);

	if (covers(mem, FUZZ_IOAPIC) || covers(mem, FUZZ_XAPIC))
		fuzz_violation = "a cell's table maps the IOAPIC or xAPIC";
	if (hits_hv(mem) &&
	    (mem->phys_start != comm || mem->size != PAGE_SIZE))
		fuzz_violation = "a cell's table maps hypervisor memory";
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	if (cell == &root_cell) {
		if (hits_hv(mem))
			fuzz_violation = "the root's table maps hypervisor memory";
		root_shadow(mem, true);
	} else {
		check_cell_map(cell, mem);
	}
	return 0;
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	if (cell == &root_cell)
		root_shadow(mem, false);
	return 0;
}

/* Configs are read from the low region only (the root's RAM here). */
int arch_map_hv(unsigned long virt, u64 phys, unsigned long size)
{
	if (phys < FUZZ_LOW_BASE || phys - FUZZ_LOW_BASE > FUZZ_LOW_SIZE ||
	    size > FUZZ_LOW_SIZE - (phys - FUZZ_LOW_BASE))
		return -EINVAL;
	memcpy((void *)virt, fuzz_low + (phys - FUZZ_LOW_BASE), size);
	return 0;
}

/*
 * The harnesses link no arch unit (IOAPIC, GIC): one without hooks gives
 * the host linker the section, and so __start_units/__stop_units.
 */
DEFINE_UNIT(fuzz_placeholder, .name = "none");

/* Sub-page regions: device registers are low memory here too. */
int arch_map_device_hv(unsigned long virt, u64 phys, unsigned long size)
{
	return arch_map_hv(virt, phys, size);
}

void arch_unmap_hv(unsigned long virt, unsigned long size)
{
	memset((void *)virt, 0x5a, size);
}

static char arch_cell_token;

int arch_cell_create(struct cell *cell)
{
	cell->arch = (struct arch_cell *)&arch_cell_token;
	return 0;
}

void arch_cell_destroy(struct cell *cell)
{
	cell->arch = NULL;
}

/* Every CPU answers a kick at once, as the request loop would. */
void arch_send_management_ipi(struct per_cpu *target)
{
	if (__atomic_load_n(&target->suspend_cpu, __ATOMIC_ACQUIRE)) {
		target->cpu_suspended = true;
	} else if (target->cpu_suspended) {
		target->cpu_suspended = false;
		cpu_handle_requests(target);
	}
}

static u64 clock_ns;

u64 arch_time_ns(void)
{
	return clock_ns += 1000;
}

void arch_dbg_init(const struct jailhouse_console *con) { (void)con; }
/* FUZZ_VERBOSE=1 in the environment shows the hypervisor's messages. */
void arch_dbg_write(const char *s, size_t len)
{
	static int verbose = -1;

	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	if (verbose)
		fwrite(s, 1, len, stderr);
}
int arch_init_early(void) { return 0; }
int arch_cell_init(struct cell *cell) { (void)cell; return 0; }
int arch_cpu_init(struct per_cpu *cpu) { (void)cpu; return 0; }
void arch_cpu_restore(struct per_cpu *cpu) { (void)cpu; }
int arch_init_late(void) { return 0; }
void arch_flush_cell_memory(struct cell *cell) { (void)cell; }
void arch_cpu_wait(struct per_cpu *cpu) { (void)cpu; }
void arch_cpu_tlb_flush(struct per_cpu *cpu) { (void)cpu; }
void arch_park_cpu(struct per_cpu *cpu) { (void)cpu; }
void arch_reset_cpu(struct per_cpu *cpu) { (void)cpu; }

void arch_comm_region_init(struct cell *cell,
			   struct jailhouse_comm_region *comm)
{
	(void)cell;
	(void)comm;
}

u32 arch_pci_read_config(u16 bdf, u16 reg, unsigned int size)
{
	(void)bdf;
	(void)reg;
	(void)size;
	return ~0U;
}

void arch_pci_write_config(u16 bdf, u16 reg, u32 value, unsigned int size)
{
	(void)bdf;
	(void)reg;
	(void)value;
	(void)size;
}

/*
 * Device-model interrupts (ivshmem doorbells): the harnesses drive cell
 * creation and destruction, no guest rings a doorbell; nothing to deliver.
 */
void arch_send_msi(const struct cell *cell, u64 address, u32 data)
{
	(void)cell;
	(void)address;
	(void)data;
}

bool arch_msi_confined(const struct cell *cell, u64 address, u32 data,
		       unsigned int vectors)
{
	(void)cell;
	(void)address;
	(void)data;
	(void)vectors;
	return false;
}

/* The harnesses write no config space: the root's MSI is never seen. */
bool arch_msi_root_checked(void)
{
	return false;
}

int arch_msi_remap(const struct cell *cell, u16 bdf, unsigned int vector,
		   u64 *address, u32 *data)
{
	(void)cell;
	(void)bdf;
	(void)vector;
	(void)address;
	(void)data;
	return 0;
}

/* x86's answer: virtual devices signal by MSI only. */
bool arch_vpci_intx(void)
{
	return false;
}

void arch_send_intx(const struct cell *cell, unsigned int pin)
{
	(void)cell;
	(void)pin;
}
