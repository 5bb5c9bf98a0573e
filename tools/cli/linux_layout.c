// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: the memory layout of a Linux cell.
 *
 * The loader inmate runs at the cell's reset address and reads its
 * command line one page above. The kernel goes to the largest loadable
 * RAM region of the cell, at a 2 MiB boundary plus the Image's text
 * offset (the arm64 boot protocol), past the loader when the loader is in
 * the same region; the device tree follows the kernel's whole footprint
 * (.bss included, so that nothing clears it), the initrd the device tree.
 */
#include <inttypes.h>
#include <string.h>

#include "linux_layout.h"

#define SZ_4K		0x1000ULL
#define SZ_2M		0x200000ULL
#define SZ_1M		0x100000ULL
/* Image, page tables, .bss and stacks of the loader inmate. */
#define LOADER_FOOTPRINT	SZ_1M
#define IMAGE_MAGIC_OFFSET	56

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static uint64_t get_le64(const uint8_t *p)
{
	uint64_t v = 0;
	int n;

	for (n = 7; n >= 0; n--)
		v = v << 8 | p[n];
	return v;
}

int jh_kernel_image_parse(const char *path, const struct jh_blob *kernel,
			  struct jh_kernel_image *image)
{
	const uint8_t *p = kernel->data;

	if (kernel->size >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		return jh_fail("kernel '%s' is gzip-compressed; unpack it first (the arm64 boot protocol needs the plain Image)",
			       path);
	if (kernel->size < 64 ||
	    memcmp(p + IMAGE_MAGIC_OFFSET, "ARM\x64", 4) != 0)
		return jh_fail("kernel '%s' is not an arm64 Linux Image (no ARM\\x64 magic at byte 56)",
			       path);
	image->text_offset = get_le64(p + 8);
	image->image_size = get_le64(p + 16);
	/* Kernels before 3.17 leave the size 0: take the file's. */
	if (image->image_size == 0)
		image->image_size = kernel->size;
	if (image->image_size < kernel->size ||
	    image->text_offset % SZ_4K || image->text_offset >= SZ_2M)
		return jh_fail("kernel '%s' has an implausible Image header (size 0x%" PRIx64 ", text offset 0x%" PRIx64 ")",
			       path, image->image_size,
			       image->text_offset);
	return 0;
}

bool jh_is_cell_ram(const struct jailhouse_memory *mem)
{
	const uint64_t ram = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
			     JAILHOUSE_MEM_EXECUTE;

	return (mem->flags & ram) == ram &&
	       !(mem->flags & (JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION));
}

static const struct jailhouse_memory *
largest_loadable_ram(const struct jailhouse_cell_desc *cell)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	const struct jailhouse_memory *best = NULL;
	unsigned int n;

	for (n = 0; n < cell->num_memory_regions; n++, mem++)
		if (jh_is_cell_ram(mem) &&
		    (mem->flags & JAILHOUSE_MEM_LOADABLE) &&
		    (!best || mem->size > best->size))
			best = mem;
	return best;
}

static bool holds(const struct jailhouse_memory *mem, uint64_t addr)
{
	return addr >= mem->virt_start && addr - mem->virt_start < mem->size;
}

int jh_linux_layout(const struct jailhouse_cell_desc *cell,
		    const struct jh_kernel_image *image, uint64_t dtb_size,
		    uint64_t initrd_size, struct jh_linux_layout *layout)
{
	const struct jailhouse_memory *ram = largest_loadable_ram(cell);
	uint64_t start, end, need;

	if (!ram)
		return jh_fail("cell '%.*s' has no loadable RAM region for the kernel (flags READ, WRITE, EXECUTE and LOADABLE)",
			       JAILHOUSE_CELL_NAME_MAXLEN, cell->name);
	layout->ram = ram;
	layout->loader = cell->cpu_reset_address;
	layout->params = layout->loader + JH_LINUX_PARAMS_OFFSET;

	start = ram->virt_start;
	if (holds(ram, layout->loader))
		start = layout->loader + LOADER_FOOTPRINT;
	layout->kernel = align_up(start, SZ_2M) + image->text_offset;
	layout->dtb = align_up(layout->kernel + image->image_size, SZ_4K);
	layout->initrd = align_up(layout->dtb + dtb_size, SZ_4K);
	end = layout->initrd + initrd_size;

	if (end > ram->virt_start + ram->size) {
		need = end - ram->virt_start;
		return jh_fail("cell RAM too small: kernel, device tree and initrd need %llu MiB of the largest loadable RAM region (at 0x%llx), which has %llu MiB",
			       (unsigned long long)((need + SZ_1M - 1) / SZ_1M),
			       (unsigned long long)ram->virt_start,
			       (unsigned long long)ram->size / SZ_1M);
	}
	return 0;
}
