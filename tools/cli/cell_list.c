// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: cell list, a table built from sysfs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define COLUMNS		5
#define FIELD_MAX	256

static const char *const heading[COLUMNS] = {
	"ID", "Name", "State", "Assigned CPUs", "Failed CPUs",
};

/* Attributes of cells/<id>/ shown in columns 1.. (column 0 is the id). */
static const char *const attribute[COLUMNS] = {
	NULL, "name", "state", "cpus_assigned_list", "cpus_failed_list",
};

struct row {
	char field[COLUMNS][FIELD_MAX];
};

/* Padded columns, but no blanks at the end of a line whose last fields
 * are empty (no failed CPUs is the usual case). */
static void print_row(const struct row *row, const size_t *width)
{
	char line[COLUMNS * (FIELD_MAX + 2)];
	size_t len = 0;
	int col;

	for (col = 0; col < COLUMNS; col++)
		len += snprintf(line + len, sizeof(line) - len, "%-*s  ",
				col < COLUMNS - 1 ? (int)width[col] : 0,
				row->field[col]);
	while (len > 0 && line[len - 1] == ' ')
		len--;
	printf("%.*s\n", (int)len, line);
}

/* False when the cell went away while being read (destroyed meanwhile). */
static bool read_row(int id, struct row *row)
{
	char rel[64];
	int col, ret;

	snprintf(row->field[0], FIELD_MAX, "%d", id);
	for (col = 1; col < COLUMNS; col++) {
		snprintf(rel, sizeof(rel), "cells/%d/%s", id, attribute[col]);
		ret = jh_sysfs_read(rel, row->field[col], FIELD_MAX);
		if (ret == -ENOENT)
			return false;
		if (ret)
			snprintf(row->field[col], FIELD_MAX, "?");
	}
	return true;
}

int jh_cmd_cell_list(int argc, char **argv)
{
	size_t width[COLUMNS];
	struct row *rows, head;
	int *ids, count, n, col, shown = 0;

	if (argc > 1)
		return jh_is_option(argv[1]) ?
			jh_usage("unknown option '%s'", argv[1]) :
			jh_usage("too many arguments");
	if (jh_require_enabled())
		return EXIT_FAIL;

	count = jh_cell_ids(&ids);
	if (count < 0)
		return jh_fail("cannot read the cell list from sysfs: %s",
			       strerror(-count));
	rows = calloc(count ? count : 1, sizeof(*rows));
	if (!rows) {
		free(ids);
		return jh_fail("out of memory");
	}

	for (col = 0; col < COLUMNS; col++) {
		snprintf(head.field[col], FIELD_MAX, "%s", heading[col]);
		width[col] = strlen(heading[col]);
	}
	for (n = 0; n < count; n++) {
		if (!read_row(ids[n], &rows[shown]))
			continue;
		for (col = 0; col < COLUMNS; col++)
			if (strlen(rows[shown].field[col]) > width[col])
				width[col] = strlen(rows[shown].field[col]);
		shown++;
	}

	print_row(&head, width);
	for (n = 0; n < shown; n++)
		print_row(&rows[n], width);
	free(rows);
	free(ids);
	return EXIT_OK;
}
