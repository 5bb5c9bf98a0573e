// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: what the driver publishes under
 * /sys/devices/jailhouse (hypervisor state, cells, statistics).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Reads one attribute, without its trailing newline. Returns 0 or a
 * negative errno. */
int jh_sysfs_read(const char *rel, char *buf, size_t size)
{
	ssize_t len;
	int fd;

	fd = open(jh_pathf(JH_SYSFS "/%s", rel), O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	len = read(fd, buf, size - 1);
	if (len < 0) {
		int err = errno;

		close(fd);
		return -err;
	}
	close(fd);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		len--;
	buf[len] = '\0';
	return 0;
}

int jh_hv_state(void)
{
	char value[16];

	if (access(jh_path(JH_SYSFS), F_OK) != 0)
		return JH_HV_NO_DRIVER;
	if (jh_sysfs_read("enabled", value, sizeof(value)) != 0)
		return JH_HV_NO_DRIVER;
	return strcmp(value, "1") == 0 ? JH_HV_ENABLED : JH_HV_DISABLED;
}

int jh_require_enabled(void)
{
	switch (jh_hv_state()) {
	case JH_HV_NO_DRIVER:
		return jh_fail("the jailhouse driver is not loaded (modprobe jailhouse)");
	case JH_HV_DISABLED:
		return jh_fail("Jailhouse is not enabled");
	default:
		return EXIT_OK;
	}
}

static int by_number(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The ids of all cells, ascending. Returns their number or a negative
 * errno. */
int jh_cell_ids(int **ids)
{
	int *list = NULL, *bigger;
	size_t count = 0, cap = 0;
	struct dirent *entry;
	DIR *dir;

	dir = opendir(jh_path(JH_SYSFS "/cells"));
	if (!dir)
		return -errno;
	while ((entry = readdir(dir))) {
		char *end;
		long id = strtol(entry->d_name, &end, 10);

		if (entry->d_name[0] < '0' || entry->d_name[0] > '9' || *end)
			continue;
		if (count == cap) {
			cap = cap ? cap * 2 : 8;
			bigger = realloc(list, cap * sizeof(*list));
			if (!bigger) {
				free(list);
				closedir(dir);
				return -ENOMEM;
			}
			list = bigger;
		}
		list[count++] = (int)id;
	}
	closedir(dir);
	qsort(list, count, sizeof(*list), by_number);
	*ids = list;
	return (int)count;
}

/* Resolves a cell given by name or id to its id via sysfs. Returns 0 or a
 * negative errno (-ENOENT: no such cell). */
int jh_find_cell(const struct jailhouse_cell_id *cell, int *id)
{
	char rel[64], name[JAILHOUSE_CELL_ID_NAMELEN + 2];
	int *ids, count, n, found = -ENOENT;

	if (cell->id != JAILHOUSE_CELL_ID_UNUSED) {
		if (access(jh_pathf(JH_SYSFS "/cells/%d", cell->id), F_OK))
			return -ENOENT;
		*id = cell->id;
		return 0;
	}

	count = jh_cell_ids(&ids);
	if (count < 0)
		return count;
	for (n = 0; n < count; n++) {
		snprintf(rel, sizeof(rel), "cells/%d/name", ids[n]);
		if (jh_sysfs_read(rel, name, sizeof(name)) == 0 &&
		    strcmp(name, cell->name) == 0) {
			*id = ids[n];
			found = 0;
			break;
		}
	}
	free(ids);
	return found;
}
