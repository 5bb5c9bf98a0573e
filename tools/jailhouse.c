// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse`: command line tool of the hypervisor. This file
 * holds the command tree, dispatch and help; each command lives in cli/.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

#ifndef JH_VERSION
#define JH_VERSION "unknown"
#endif

static const struct jh_command commands[] = {
	{
		.name = "enable",
		.synopsis = "SYSCONFIG",
		.summary = "Start the hypervisor with a system config",
		.details =
"Loads the hypervisor firmware and starts it on all online CPUs; the\n"
"running Linux becomes the root cell described by SYSCONFIG (a .cell\n"
"file with signature JHSYS).",
		.run = jh_cmd_enable,
	},
	{
		.name = "disable",
		.summary = "Stop the hypervisor and return to plain Linux",
		.details =
"Fails while a cell refuses to be shut down.",
		.run = jh_cmd_disable,
	},
	{
		.name = "cell",
		.synopsis = "COMMAND ...",
		.summary = "Create, load, start, stop, list and watch cells",
		.details =
"A cell is named by its id (a number, as in 'jailhouse cell list') or\n"
"by the name in its config.",
		.subs = jh_cell_commands,
	},
	{
		.name = "console",
		.synopsis = "[-f|--follow]",
		.summary = "Print the hypervisor console",
		.details =
"Prints what the hypervisor has written to its console buffer.\n"
"  -f, --follow   keep waiting for new output until interrupted",
		.run = jh_cmd_console,
	},
	{
		.name = "config",
		.synopsis = "COMMAND ...",
		.summary = "Work with config files",
		.subs = jh_config_commands,
	},
	{
		.name = "hardware",
		.synopsis = "COMMAND ...",
		.summary = "Check this machine",
		.subs = jh_hardware_commands,
	},
	{ .name = NULL },
};

static const struct jh_command *current;
static char current_name[64] = "jailhouse";

const char *jh_cmd_name(void)
{
	return current_name;
}

static void enter(const struct jh_command *cmd)
{
	size_t len = strlen(current_name);

	snprintf(current_name + len, sizeof(current_name) - len, " %s",
		 cmd->name);
	current = cmd;
}

static void list_commands(const char *prefix, const struct jh_command *table)
{
	char words[64];

	for (; table->name; table++) {
		if (table->subs) {
			snprintf(words, sizeof(words), "%s%s ", prefix,
				 table->name);
			list_commands(words, table->subs);
		} else {
			printf("  %s%-*s %s\n", prefix,
			       (int)(18 - strlen(prefix)), table->name,
			       table->summary);
		}
	}
}

static void top_help(void)
{
	printf("Usage: jailhouse COMMAND [ARGUMENTS]\n"
	       "       jailhouse --help | --version\n\n"
	       "Manage the Stockade partitioning hypervisor (compatible with Jailhouse).\n\n"
	       "Commands:\n");
	list_commands("", commands);
	printf("\nRun 'jailhouse COMMAND --help' for the arguments of a command.\n"
	       "Exit status: 0 success, 1 the request failed, 2 usage error.\n");
}

/* --help of the command being run: its synopsis, summary and details, or
 * for a group the list of its commands. */
int jh_show_help(void)
{
	if (!current) {
		top_help();
		return EXIT_OK;
	}
	printf("Usage: %s%s%s\n\n%s.\n", current_name,
	       current->synopsis ? " " : "",
	       current->synopsis ? current->synopsis : "", current->summary);
	if (current->details)
		printf("\n%s\n", current->details);
	if (current->subs) {
		printf("\nCommands:\n");
		list_commands("", current->subs);
		printf("\nRun '%s COMMAND --help' for the arguments of a command.\n",
		       current_name);
	}
	return EXIT_OK;
}

static int dispatch(const struct jh_command *table, int argc, char **argv)
{
	const struct jh_command *cmd;

	if (argc < 1)
		return jh_usage("missing command");
	if (jh_is_help(argv[0]) || (!current && strcmp(argv[0], "help") == 0))
		return jh_show_help();
	if (!current && strcmp(argv[0], "--version") == 0) {
		printf("jailhouse (Stockade) %s\n", JH_VERSION);
		return EXIT_OK;
	}

	for (cmd = table; cmd->name; cmd++)
		if (strcmp(cmd->name, argv[0]) == 0)
			break;
	if (!cmd->name) {
		if (jh_is_option(argv[0]))
			return jh_usage("unknown option '%s'", argv[0]);
		return jh_usage("unknown command '%s'", argv[0]);
	}

	enter(cmd);
	if (cmd->subs)
		return dispatch(cmd->subs, argc - 1, argv + 1);
	if (argc > 1 && jh_is_help(argv[1]))
		return jh_show_help();
	return cmd->run(argc, argv);
}

int main(int argc, char **argv)
{
	return dispatch(commands, argc - 1, argv + 1);
}
