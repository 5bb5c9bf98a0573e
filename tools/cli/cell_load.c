// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: cell load.
 *
 * All images go to the driver in one request, so that the cell is stopped
 * and made loadable once and either gets every image or none.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct item {
	const char *source;	/* file name, or the string itself */
	bool is_string;
	bool has_address;
	uint64_t address;
	struct jh_blob blob;
};

static int parse_items(int argc, char **argv, struct item *items, int *count)
{
	struct item *last = NULL;
	const char *value;
	bool missing;
	int n;

	*count = 0;
	for (n = 2; n < argc; n++) {
		const char *arg = argv[n];

		value = jh_option_value(argc, argv, &n, "-a", "--address",
				     &missing);
		if (missing)
			return jh_usage("'%s' needs an address", arg);
		if (value) {
			if (!last)
				return jh_usage("'%s' must follow an IMAGE or STRING",
						arg);
			if (last->has_address)
				return jh_usage("two addresses given for '%s'",
						last->source);
			if (jh_parse_u64(value, &last->address))
				return jh_usage("invalid address '%s'", value);
			last->has_address = true;
			continue;
		}

		value = jh_option_value(argc, argv, &n, "-s", "--string",
				     &missing);
		if (missing)
			return jh_usage("'%s' needs a string", arg);
		if (!value && jh_is_option(arg))
			return jh_usage("unknown option '%s'", arg);

		last = &items[(*count)++];
		last->source = value ? value : arg;
		last->is_string = value != NULL;
	}
	if (*count == 0)
		return jh_usage("missing IMAGE ('jailhouse cell shutdown' stops a cell without loading)");
	return EXIT_OK;
}

static int read_items(struct item *items, int count)
{
	int n, ret;

	for (n = 0; n < count; n++) {
		struct item *item = &items[n];

		if (item->is_string) {
			/* The NUL goes along: the guest reads a C string. */
			item->blob.size = strlen(item->source) + 1;
			item->blob.data = strdup(item->source);
			if (!item->blob.data)
				return jh_fail("out of memory");
			continue;
		}
		ret = jh_read_file(item->source, "image file", &item->blob);
		if (ret)
			return ret;
		if (item->blob.size == 0)
			return jh_fail("image file '%s' is empty", item->source);
	}
	return EXIT_OK;
}

int jh_cmd_cell_load(int argc, char **argv)
{
	struct jailhouse_cell_load *load = NULL;
	struct item *items;
	int n, count = 0, ret;

	if (argc < 2)
		return jh_usage("missing NAME|ID of the cell");
	if (jh_is_option(argv[1]))
		return jh_usage("unknown option '%s'", argv[1]);

	/* There are never more items than arguments. */
	items = calloc(argc, sizeof(*items));
	if (!items)
		return jh_fail("out of memory");

	ret = parse_items(argc, argv, items, &count);
	if (ret)
		goto out;
	load = calloc(1, sizeof(*load) + count * sizeof(load->image[0]));
	if (!load) {
		ret = jh_fail("out of memory");
		goto out;
	}
	ret = jh_parse_cell(argv[1], &load->cell_id);
	if (ret)
		goto out;
	ret = read_items(items, count);
	if (ret)
		goto out;

	load->num_preload_images = count;
	for (n = 0; n < count; n++) {
		load->image[n].source_address = (uintptr_t)items[n].blob.data;
		load->image[n].size = items[n].blob.size;
		load->image[n].target_address = items[n].address;
	}
	ret = jh_request(JH_OP_CELL_LOAD, JAILHOUSE_CELL_LOAD, load,
			 &load->cell_id);

out:
	for (n = 0; n < count; n++)
		jh_free_blob(&items[n].blob);
	free(items);
	free(load);
	return ret;
}
