// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: small argument parsers shared by commands.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

bool jh_is_help(const char *arg)
{
	return strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0;
}

/* A lone "-" is a file name (by convention), anything else with a dash is
 * meant as an option. */
bool jh_is_option(const char *arg)
{
	return arg[0] == '-' && arg[1] != '\0';
}

/*
 * Addresses are written in hex by habit (0x...), sizes sometimes in
 * decimal. A leading zero is not octal here: nobody means 0100 == 64 when
 * naming a guest address.
 */
int jh_parse_u64(const char *text, uint64_t *value)
{
	unsigned long long v;
	int base = 10;
	char *end;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		text += 2;
		base = 16;
	}
	if (!isxdigit((unsigned char)text[0]))
		return -1;
	errno = 0;
	v = strtoull(text, &end, base);
	if (errno || *end != '\0')
		return -1;
	*value = v;
	return 0;
}

/* Digits only make an id; everything else is a name, as cells are named in
 * their configs and names like "linux-2" must not be taken for numbers. */
int jh_parse_cell(const char *text, struct jailhouse_cell_id *cell)
{
	size_t len = strlen(text);
	const char *p;

	memset(cell, 0, sizeof(*cell));
	if (len == 0)
		return jh_usage("the cell name or id is empty");

	for (p = text; isdigit((unsigned char)*p); p++)
		;
	if (*p == '\0') {
		unsigned long id;

		errno = 0;
		id = strtoul(text, NULL, 10);
		if (errno || id > INT32_MAX)
			return jh_usage("cell id %s is out of range", text);
		cell->id = (__s32)id;
		return EXIT_OK;
	}

	if (len > JAILHOUSE_CELL_ID_NAMELEN)
		return jh_usage("cell name '%s' is longer than %d characters",
				text, JAILHOUSE_CELL_ID_NAMELEN);
	cell->id = JAILHOUSE_CELL_ID_UNUSED;
	memcpy(cell->name, text, len);
	return EXIT_OK;
}

/* "cell 3" or "cell "linux"", for sentences about a cell. */
const char *jh_cell_label(const struct jailhouse_cell_id *cell)
{
	static char label[JAILHOUSE_CELL_ID_NAMELEN + 16];

	if (cell->id == JAILHOUSE_CELL_ID_UNUSED)
		snprintf(label, sizeof(label), "cell \"%s\"", cell->name);
	else
		snprintf(label, sizeof(label), "cell %d", cell->id);
	return label;
}

/* Value of an option given as "-x VALUE", "--long VALUE" or
 * "--long=VALUE"; NULL if the option is something else. */
const char *jh_option_value(int argc, char **argv, int *n, const char *shrt,
			    const char *lng, bool *missing)
{
	const char *arg = argv[*n];
	size_t len = strlen(lng);

	*missing = false;
	if (strncmp(arg, lng, len) == 0 && arg[len] == '=')
		return arg + len + 1;
	if (strcmp(arg, shrt) != 0 && strcmp(arg, lng) != 0)
		return NULL;
	if (*n + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*n];
}
