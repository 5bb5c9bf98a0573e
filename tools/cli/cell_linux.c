// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: cell linux, booting a Linux kernel in a new
 * non-root cell (ARM64; the arm64 boot protocol wants the Image, a device
 * tree in x0 and the MMU off, which the linux-loader inmate provides).
 *
 * The tool creates the cell, fills the device tree's /memory from the
 * cell's RAM regions and /chosen from the command line and initrd, loads
 * loader, its parameters, kernel, device tree and initrd in one request
 * and starts the cell. With --write-params it only writes the device
 * tree and prints the equivalent create, load and start commands.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fdt_edit.h"
#include "linux_layout.h"

#define LOADER_PATH	"/usr/libexec/jailhouse/linux-loader.bin"
#define MAX_RAM_REGIONS	32

struct linux_args {
	const char *config, *kernel, *dtb, *initrd, *cmdline, *params_out;
};

struct linux_files {
	struct jh_blob config, kernel, dtb, initrd, loader, edited;
	char params[80];
};

static int set_option(int argc, char **argv, int *n, struct linux_args *a)
{
	static const struct {
		const char *shrt, *lng;
		size_t field;
	} opts[] = {
		{ "-d", "--dtb", offsetof(struct linux_args, dtb) },
		{ "-i", "--initrd", offsetof(struct linux_args, initrd) },
		{ "-c", "--cmdline", offsetof(struct linux_args, cmdline) },
		{ "-w", "--write-params",
		  offsetof(struct linux_args, params_out) },
	};
	const char *arg = argv[*n], *value;
	bool missing;
	size_t i;

	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
		value = jh_option_value(argc, argv, n, opts[i].shrt,
					opts[i].lng, &missing);
		if (missing)
			return jh_usage("'%s' needs a value", arg);
		if (value) {
			*(const char **)((char *)a + opts[i].field) = value;
			return EXIT_OK;
		}
	}
	return jh_usage("unknown option '%s'", arg);
}

static int parse_args(int argc, char **argv, struct linux_args *a)
{
	int n, ret;

	for (n = 1; n < argc; n++) {
		if (jh_is_option(argv[n])) {
			ret = set_option(argc, argv, &n, a);
			if (ret)
				return ret;
		} else if (!a->config) {
			a->config = argv[n];
		} else if (!a->kernel) {
			a->kernel = argv[n];
		} else {
			return jh_usage("too many arguments");
		}
	}
	if (!a->config)
		return jh_usage("missing CELLCONFIG (the cell's .cell file)");
	if (!a->kernel)
		return jh_usage("missing KERNEL (the Linux Image to boot)");
	if (!a->dtb)
		return jh_usage("missing -d DTB: an ARM kernel needs a device tree");
	return EXIT_OK;
}

static int read_files(const struct linux_args *a, struct linux_files *f)
{
	int ret;

	ret = jh_read_file(a->config, "config file", &f->config);
	if (!ret)
		ret = jh_check_config(a->config, &f->config, false);
	if (!ret)
		ret = jh_read_file(a->kernel, "kernel", &f->kernel);
	if (!ret)
		ret = jh_read_file(a->dtb, "device tree", &f->dtb);
	if (!ret && a->initrd)
		ret = jh_read_file(a->initrd, "initrd", &f->initrd);
	if (!ret && !a->params_out)
		ret = jh_read_file(jh_path(LOADER_PATH), "linux loader",
				   &f->loader);
	return ret;
}

static void put_cells(uint8_t *p, uint64_t v, uint32_t cells)
{
	uint32_t n;

	for (n = 0; n < cells * 4; n++)
		p[n] = v >> (8 * (cells * 4 - 1 - n));
}

/* /memory's reg: the cell's RAM but a region holding only the loader. */
static size_t memory_reg(const struct jailhouse_cell_desc *cell,
			 const struct jh_linux_layout *layout,
			 uint32_t acells, uint32_t scells, uint8_t *reg)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(cell);
	size_t len = 0, entry = (acells + scells) * 4;
	unsigned int n;

	for (n = 0; n < cell->num_memory_regions; n++, mem++) {
		if (!jh_is_cell_ram(mem) || len / entry >= MAX_RAM_REGIONS)
			continue;
		if (mem != layout->ram && layout->loader >= mem->virt_start &&
		    layout->loader - mem->virt_start < mem->size)
			continue;
		put_cells(reg + len, mem->virt_start, acells);
		put_cells(reg + len + acells * 4, mem->size, scells);
		len += entry;
	}
	return len;
}

static int root_cells(const char *path, const struct jh_blob *dtb,
		      uint32_t *acells, uint32_t *scells)
{
	if (jh_fdt_root_u32(dtb, "#address-cells", acells) ||
	    jh_fdt_root_u32(dtb, "#size-cells", scells))
		return jh_fail("device tree '%s' is not a valid blob with #address-cells and #size-cells in its root",
			       path);
	if (*acells < 1 || *acells > 2 || *scells < 1 || *scells > 2)
		return jh_fail("device tree '%s' has #address-cells %u and #size-cells %u; 1 or 2 are supported",
			       path, *acells, *scells);
	return EXIT_OK;
}

/*
 * The edited blob's size decides where the initrd goes, and the initrd's
 * address is in the blob: the first pass places with the unedited size
 * plus room for the new properties, which the second pass must not exceed.
 */
#define EDIT_ROOM	(4096 + MAX_RAM_REGIONS * 16)

static int edit_dtb(const struct linux_args *a, struct linux_files *f,
		    struct jh_linux_layout *layout)
{
	const struct jailhouse_cell_desc *cell = f->config.data;
	static const char memory_type[] = "memory";
	uint8_t reg[MAX_RAM_REGIONS * 16], start[8], end[8];
	struct jh_fdt_prop props[5];
	struct jh_kernel_image image;
	uint32_t acells, scells;
	size_t room = EDIT_ROOM + (a->cmdline ? strlen(a->cmdline) + 16 : 0);
	int count = 0, ret;

	ret = jh_kernel_image_parse(a->kernel, &f->kernel, &image);
	if (!ret)
		ret = root_cells(a->dtb, &f->dtb, &acells, &scells);
	if (!ret)
		ret = jh_linux_layout(cell, &image, f->dtb.size + room,
				      f->initrd.size, layout);
	if (ret)
		return ret;

	props[count++] = (struct jh_fdt_prop){ "memory", "device_type",
		memory_type, sizeof(memory_type) };
	props[count++] = (struct jh_fdt_prop){ "memory", "reg", reg,
		memory_reg(cell, layout, acells, scells, reg) };
	if (a->cmdline)
		props[count++] = (struct jh_fdt_prop){ "chosen", "bootargs",
			a->cmdline, strlen(a->cmdline) + 1 };
	if (a->initrd) {
		put_cells(start, layout->initrd, acells);
		put_cells(end, layout->initrd + f->initrd.size, acells);
		props[count++] = (struct jh_fdt_prop){ "chosen",
			"linux,initrd-start", start, acells * 4 };
		props[count++] = (struct jh_fdt_prop){ "chosen",
			"linux,initrd-end", end, acells * 4 };
	}
	if (jh_fdt_set_props(&f->dtb, props, count, &f->edited))
		return jh_fail("device tree '%s' is not a valid version 17 blob",
			       a->dtb);
	if (f->edited.size > f->dtb.size + room)
		return jh_fail("device tree '%s' grew too much when edited",
			       a->dtb);
	/* The loader runs uncached: nothing of it is left dirty in a cache. */
	snprintf(f->params, sizeof(f->params), "kernel=0x%" PRIx64
		 " dtb=0x%" PRIx64 " mmu=off", layout->kernel, layout->dtb);
	return EXIT_OK;
}

static int write_params(const struct linux_args *a,
			const struct linux_files *f,
			const struct jh_linux_layout *l)
{
	const struct jailhouse_cell_desc *cell = f->config.data;
	int name_len = JAILHOUSE_CELL_NAME_MAXLEN;
	FILE *out = fopen(a->params_out, "wb");

	if (!out)
		return jh_fail("cannot write '%s'", a->params_out);
	if (fwrite(f->edited.data, 1, f->edited.size, out) != f->edited.size ||
	    fclose(out) != 0)
		return jh_fail("writing '%s' failed", a->params_out);

	printf("Device tree written to %s. The same boot by hand:\n\n",
	       a->params_out);
	printf("jailhouse cell create %s\n", a->config);
	printf("jailhouse cell load %.*s %s -a 0x%" PRIx64 " -s \"%s\" -a 0x%"
	       PRIx64 " %s -a 0x%" PRIx64 " %s -a 0x%" PRIx64, name_len,
	       cell->name, LOADER_PATH, l->loader, f->params, l->params,
	       a->kernel, l->kernel, a->params_out, l->dtb);
	if (a->initrd)
		printf(" %s -a 0x%" PRIx64, a->initrd, l->initrd);
	printf("\njailhouse cell start %.*s\n", name_len, cell->name);
	return EXIT_OK;
}

static void add_image(struct jailhouse_cell_load *load, const void *data,
		      size_t size, uint64_t address)
{
	struct jailhouse_preload_image *img =
		&load->image[load->num_preload_images++];

	img->source_address = (uintptr_t)data;
	img->size = size;
	img->target_address = address;
}

/* Loader, its parameters (with their NUL), kernel, device tree, initrd:
 * one request, so that the cell gets all of them or none. */
static int load_images(struct jailhouse_cell_id *id,
		       const struct linux_files *f,
		       const struct jh_linux_layout *l)
{
	struct jailhouse_cell_load *load;
	int ret;

	load = calloc(1, sizeof(*load) + 5 * sizeof(load->image[0]));
	if (!load)
		return jh_fail("out of memory");
	load->cell_id = *id;
	add_image(load, f->loader.data, f->loader.size, l->loader);
	add_image(load, f->params, strlen(f->params) + 1, l->params);
	add_image(load, f->kernel.data, f->kernel.size, l->kernel);
	add_image(load, f->edited.data, f->edited.size, l->dtb);
	if (f->initrd.size)
		add_image(load, f->initrd.data, f->initrd.size, l->initrd);
	ret = jh_request(JH_OP_CELL_LOAD, JAILHOUSE_CELL_LOAD, load, id);
	free(load);
	return ret;
}

/* A cell that could not be loaded or started goes away again, so that
 * the same command can simply be repeated after the fix. */
static int boot_cell(const struct linux_files *f,
		     const struct jh_linux_layout *l)
{
	const struct jailhouse_cell_desc *cell = f->config.data;
	struct jailhouse_cell_create create = {
		.config_address = (uintptr_t)f->config.data,
		.config_size = f->config.size,
	};
	struct jailhouse_cell_id id = { .id = JAILHOUSE_CELL_ID_UNUSED };
	int ret;

	memcpy(id.name, cell->name, sizeof(id.name) - 1);
	ret = jh_request(JH_OP_CELL_CREATE, JAILHOUSE_CELL_CREATE, &create,
			 NULL);
	if (ret)
		return ret;
	ret = load_images(&id, f, l);
	if (!ret)
		ret = jh_request(JH_OP_CELL_START, JAILHOUSE_CELL_START, &id,
				 &id);
	if (ret)
		jh_request(JH_OP_CELL_DESTROY, JAILHOUSE_CELL_DESTROY, &id,
			   &id);
	return ret;
}

int jh_cmd_cell_linux(int argc, char **argv)
{
	struct linux_args args = { 0 };
	struct linux_files files = { 0 };
	struct jh_linux_layout layout;
	int ret;

	ret = parse_args(argc, argv, &args);
	if (ret)
		return ret;
	if (HOST_CONFIG_ARCH != JAILHOUSE_ARM64)
		return jh_fail("Linux cells are supported on ARM64 only so far");
	ret = read_files(&args, &files);
	if (!ret)
		ret = edit_dtb(&args, &files, &layout);
	if (!ret)
		ret = args.params_out ? write_params(&args, &files, &layout) :
					boot_cell(&files, &layout);

	jh_free_blob(&files.config);
	jh_free_blob(&files.kernel);
	jh_free_blob(&files.dtb);
	jh_free_blob(&files.initrd);
	jh_free_blob(&files.loader);
	jh_free_blob(&files.edited);
	return ret;
}
