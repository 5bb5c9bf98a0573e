// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: the cell command group, and the cell
 * requests that take no more than a config or a cell name.
 */
#include <stdint.h>
#include <string.h>

#include "cli.h"

/* Exactly one NAME|ID after the command word. */
static int cell_argument(int argc, char **argv, struct jailhouse_cell_id *cell)
{
	if (argc < 2)
		return jh_usage("missing NAME|ID of the cell");
	if (jh_is_option(argv[1]))
		return jh_usage("unknown option '%s'", argv[1]);
	if (argc > 2)
		return jh_usage("too many arguments");
	return jh_parse_cell(argv[1], cell);
}

static int cell_create(int argc, char **argv)
{
	struct jailhouse_cell_create create;
	struct jh_blob config;
	int ret;

	if (argc < 2)
		return jh_usage("missing CELLCONFIG (the cell's .cell file)");
	if (jh_is_option(argv[1]))
		return jh_usage("unknown option '%s'", argv[1]);
	if (argc > 2)
		return jh_usage("too many arguments");

	ret = jh_read_file(argv[1], "config file", &config);
	if (ret)
		return ret;
	ret = jh_check_config(argv[1], &config, false);
	if (!ret) {
		memset(&create, 0, sizeof(create));
		create.config_address = (uintptr_t)config.data;
		create.config_size = config.size;
		ret = jh_request(JH_OP_CELL_CREATE, JAILHOUSE_CELL_CREATE,
				 &create, NULL);
	}
	jh_free_blob(&config);
	return ret;
}

static int cell_start(int argc, char **argv)
{
	struct jailhouse_cell_id cell;
	int ret = cell_argument(argc, argv, &cell);

	if (ret)
		return ret;
	return jh_request(JH_OP_CELL_START, JAILHOUSE_CELL_START, &cell, &cell);
}

/* Shutting down is loading zero images: the cell stops and its memory
 * becomes loadable again, without the cell going away. */
static int cell_shutdown(int argc, char **argv)
{
	struct jailhouse_cell_load load;
	int ret;

	memset(&load, 0, sizeof(load));
	ret = cell_argument(argc, argv, &load.cell_id);
	if (ret)
		return ret;
	return jh_request(JH_OP_CELL_SHUTDOWN, JAILHOUSE_CELL_LOAD, &load,
			  &load.cell_id);
}

static int cell_destroy(int argc, char **argv)
{
	struct jailhouse_cell_id cell;
	int ret = cell_argument(argc, argv, &cell);

	if (ret)
		return ret;
	return jh_request(JH_OP_CELL_DESTROY, JAILHOUSE_CELL_DESTROY, &cell,
			  &cell);
}

const struct jh_command jh_cell_commands[] = {
	{
		.name = "create",
		.synopsis = "CELLCONFIG",
		.summary = "Create a cell from its config",
		.details =
"Takes the cell's CPUs and memory from the root cell. CELLCONFIG is a\n"
"cell .cell file (signature JHCLL). The new cell is stopped; load and\n"
"start it next.",
		.run = cell_create,
	},
	{
		.name = "load",
		.synopsis = "NAME|ID IMAGE [-a ADDR] [IMAGE [-a ADDR]]... [-s STRING [-a ADDR]]...",
		.summary = "Load images into a stopped cell",
		.details =
"Stops the cell and copies each IMAGE file, or each STRING with a\n"
"terminating NUL, into the cell's loadable memory at ADDR (a guest\n"
"physical address, decimal or 0x-hex; 0 when not given).\n"
"  -a, --address ADDR   load address of the preceding image or string\n"
"  -s, --string STRING  load STRING instead of a file (e.g. a command line)",
		.run = jh_cmd_cell_load,
	},
	{
		.name = "linux",
		.synopsis = "CELLCONFIG KERNEL -d DTB [-i INITRD] [-c \"CMDLINE\"] [-w FILE]",
		.summary = "Boot a Linux kernel in a new cell",
		.details =
"Creates the cell from CELLCONFIG, loads the linux-loader inmate, the\n"
"kernel Image, the device tree (its /memory set to the cell's RAM, its\n"
"/chosen to the command line and initrd) and the initrd, and starts it.\n"
"ARM64 only: KERNEL is an uncompressed arm64 Image.\n"
"  -d, --dtb DTB           device tree blob for the kernel\n"
"  -i, --initrd INITRD     initrd or initramfs\n"
"  -c, --cmdline CMDLINE   kernel command line (/chosen/bootargs)\n"
"  -w, --write-params FILE only write the edited device tree to FILE and\n"
"                          print the create, load and start commands",
		.run = jh_cmd_cell_linux,
	},
	{
		.name = "start",
		.synopsis = "NAME|ID",
		.summary = "Start a loaded cell",
		.details =
"Resets the cell's CPUs to the reset address of its config.",
		.run = cell_start,
	},
	{
		.name = "shutdown",
		.synopsis = "NAME|ID",
		.summary = "Stop a cell, keeping its resources",
		.details =
"The cell is asked to stop; it can be loaded and started again.",
		.run = cell_shutdown,
	},
	{
		.name = "destroy",
		.synopsis = "NAME|ID",
		.summary = "Stop a cell and give its resources back to the root cell",
		.run = cell_destroy,
	},
	{
		.name = "list",
		.summary = "List all cells with their state and CPUs",
		.run = jh_cmd_cell_list,
	},
	{
		.name = "stats",
		.synopsis = "NAME|ID [-1|--once]",
		.summary = "Show the VM exit counters of a cell",
		.details =
"Refreshes every second with the rate of each counter; press q or\n"
"Ctrl-C to leave.\n"
"  -1, --once   print the counters once and exit (for scripts)",
		.run = jh_cmd_cell_stats,
	},
	{ .name = NULL },
};
