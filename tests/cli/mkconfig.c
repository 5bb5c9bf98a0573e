// SPDX-License-Identifier: GPL-2.0
/*
 * Writes small .cell files for the host tests of the `jailhouse` tool:
 *   mkconfig system|cell OUT [revision=N] [arch=N] [cut=BYTES] [name=NAME]
 *            [hvmem=START,SIZE] [ram=START,SIZE]...
 * A system config with one memory region for the root cell, or a cell
 * config with two; revision and architecture can be made wrong, and the
 * file cut short after BYTES to get a truncated config. hvmem places the
 * hypervisor memory of a system config (numbers in C notation). Each
 * ram= makes one of the cell's regions loadable RAM at START (1:1), in
 * order; with more than two the cell gets as many regions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>

static void fill_cell(struct jailhouse_cell_desc *cell, const char *name,
		      unsigned int regions)
{
	memcpy(cell->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
	       JAILHOUSE_SIGNATURE_LEN);
	cell->revision = JAILHOUSE_CONFIG_REVISION;
	cell->architecture = JAILHOUSE_X86;
	snprintf(cell->name, sizeof(cell->name), "%s", name);
	cell->cpu_set_size = 8;
	cell->num_memory_regions = regions;
}

/* "START,SIZE" */
static int parse_range(const char *text, unsigned long long *start,
		       unsigned long long *size)
{
	char *end;

	*start = strtoull(text, &end, 0);
	if (*end != ',')
		return 0;
	*size = strtoull(end + 1, &end, 0);
	return *end == '\0';
}

#define MAX_RAM	4

struct ram {
	unsigned long long start, size;
};

static void fill_ram(struct jailhouse_cell_desc *cell, const struct ram *ram,
		     unsigned int count)
{
	struct jailhouse_memory *mem =
		(struct jailhouse_memory *)jailhouse_cell_mem_regions(cell);
	unsigned int n;

	if (count > cell->num_memory_regions)
		cell->num_memory_regions = count;
	for (n = 0; n < count; n++, mem++) {
		mem->phys_start = ram[n].start;
		mem->virt_start = ram[n].start;
		mem->size = ram[n].size;
		mem->flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			     JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE;
	}
}

int main(int argc, char **argv)
{
	struct ram ram[MAX_RAM];
	unsigned int rams = 0;
	static unsigned char buf[4096];
	const char *name = NULL;
	unsigned long long hv_start = 0, hv_size = 0;
	long revision = -1, arch = -1, cut = -1;
	size_t size;
	FILE *out;
	int n;

	if (argc < 3)
		return 2;
	for (n = 3; n < argc; n++) {
		if (!strncmp(argv[n], "revision=", 9))
			revision = atol(argv[n] + 9);
		else if (!strncmp(argv[n], "arch=", 5))
			arch = atol(argv[n] + 5);
		else if (!strncmp(argv[n], "cut=", 4))
			cut = atol(argv[n] + 4);
		else if (!strncmp(argv[n], "name=", 5))
			name = argv[n] + 5;
		else if (!strncmp(argv[n], "hvmem=", 6) &&
			 parse_range(argv[n] + 6, &hv_start, &hv_size))
			continue;
		else if (!strncmp(argv[n], "ram=", 4) && rams < MAX_RAM &&
			 parse_range(argv[n] + 4, &ram[rams].start,
				     &ram[rams].size))
			rams++;
		else
			return 2;
	}

	if (!strcmp(argv[1], "system")) {
		struct jailhouse_system *sys = (void *)buf;

		memcpy(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		       JAILHOUSE_SIGNATURE_LEN);
		fill_cell(&sys->root_cell, name ? name : "RootCell", 1);
		sys->revision = revision < 0 ? JAILHOUSE_CONFIG_REVISION :
					       revision;
		sys->architecture = arch < 0 ? JAILHOUSE_X86 : arch;
		sys->hypervisor_memory.phys_start = hv_start;
		sys->hypervisor_memory.size = hv_size;
		size = jailhouse_system_config_size(sys);
	} else if (!strcmp(argv[1], "cell")) {
		struct jailhouse_cell_desc *cell = (void *)buf;

		fill_cell(cell, name ? name : "linux", 2);
		if (revision >= 0)
			cell->revision = revision;
		if (arch >= 0)
			cell->architecture = arch;
		fill_ram(cell, ram, rams);
		size = jailhouse_cell_config_size(cell);
	} else {
		return 2;
	}
	if (cut >= 0 && (size_t)cut < size)
		size = cut;

	out = fopen(argv[2], "wb");
	if (!out || fwrite(buf, 1, size, out) != size || fclose(out))
		return 1;
	return 0;
}
