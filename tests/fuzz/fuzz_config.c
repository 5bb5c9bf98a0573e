// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness: the input is a config image, checked by the
 * hypervisor's own validation (config_check.c) as a system config and as
 * a cell config, for each architecture. Oracles: nothing reads outside
 * the image (AddressSanitizer), and whatever is accepted really has the
 * properties the checks promise, verified here the slow, obvious way.
 */
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <core/config_check.h>

#define XAPIC		0xfee00000ULL
#define PAGE		0x1000ULL

static void require(bool ok)
{
	if (!ok)
		__builtin_trap();
}

static bool overlap(u64 a, u64 a_size, u64 b, u64 b_size)
{
	return a_size && b_size && a < b + b_size && b < a + a_size;
}

/* What an accepted cell (root or not) must look like. */
static void accepted_cell(const struct jailhouse_cell_desc *cell, u8 arch,
			  bool platform)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	unsigned int n, m;

	require(cell->num_memory_regions <= CONFIG_MAX_MEM_REGIONS);
	require(cell->num_irqchips <= CONFIG_MAX_IRQCHIPS);
	require(memchr(cell->name, 0, sizeof(cell->name)) != NULL);
	for (n = 0; n < cell->num_memory_regions; n++) {
		require(mem[n].phys_start + mem[n].size >= mem[n].phys_start);
		require(mem[n].virt_start + mem[n].size >= mem[n].virt_start);
		if (!JAILHOUSE_MEMORY_IS_SUBPAGE(&mem[n]))
			require(!(mem[n].phys_start & (PAGE - 1)));
		for (m = 0; m < n; m++)
			require(!overlap(mem[m].virt_start, mem[m].size,
					 mem[n].virt_start, mem[n].size));
		if (platform && arch == JAILHOUSE_X86)
			require(!overlap(mem[n].virt_start, mem[n].size,
					 XAPIC, PAGE));
	}
}

static void accepted_system(const struct jailhouse_system *sys, u8 arch)
{
	const struct jailhouse_memory *hv = &sys->hypervisor_memory;
	const struct jailhouse_memory *mem =
		jailhouse_cell_mem_regions(&sys->root_cell);
	unsigned int n;

	require(hv->size && !((hv->phys_start | hv->size) & (PAGE - 1)));
	require(hv->phys_start + hv->size <= 1ULL << 52);
	for (n = 0; n < sys->root_cell.num_memory_regions; n++)
		require(!overlap(mem[n].phys_start, mem[n].size,
				 hv->phys_start, hv->size));
	accepted_cell(&sys->root_cell, arch, true);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static const u8 arches[] = { JAILHOUSE_X86, JAILHOUSE_ARM64,
				     JAILHOUSE_ARM };
	/* An exact-size copy: reading one byte beyond it is caught. */
	void *copy = malloc(size ? size : 1);
	unsigned int n;

	memcpy(copy, data, size);
	for (n = 0; n < sizeof(arches); n++) {
		if (config_check_system(copy, size, arches[n]) == 0)
			accepted_system(copy, arches[n]);
		if (config_check_cell(copy, size, arches[n]) == 0)
			accepted_cell(copy, arches[n], false);
	}
	free(copy);
	return 0;
}
