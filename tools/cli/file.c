// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: reading config and image files, and the
 * checks on a config that are cheap to do before the driver sees it.
 *
 * The driver's own verdict on a bad config is a bare errno with the
 * reason in the kernel log; catching the common mix-ups here (wrong file,
 * stale build, cut-off copy) gives a sentence that names the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jailhouse/cell-config.h>

#include "cli.h"


static int file_error(const char *path, const char *role, int err)
{
	switch (err) {
	case ENOENT:
		return jh_fail("%s '%s' not found", role, path);
	case EACCES:
	case EPERM:
		return jh_fail("%s '%s' is not readable (permission denied)",
			       role, path);
	case EISDIR:
		return jh_fail("'%s' is a directory, not a %s", path, role);
	case ENOMEM:
		return jh_fail("%s '%s' does not fit into memory", role, path);
	default:
		return jh_fail("cannot read %s '%s': %s", role, path,
			       strerror(err));
	}
}

/* Reads in chunks rather than trusting st_size, so that pipes and
 * process substitution (<(...)) work as image sources too. */
int jh_read_file(const char *path, const char *role, struct jh_blob *blob)
{
	size_t cap = 64 * 1024;
	char *data, *bigger;
	size_t size = 0;
	struct stat st;
	ssize_t got;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return file_error(path, role, errno);
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			close(fd);
			return file_error(path, role, EISDIR);
		}
		if (S_ISREG(st.st_mode) && (size_t)st.st_size >= cap)
			cap = st.st_size + 1;
	}

	data = malloc(cap);
	if (!data)
		goto nomem;
	for (;;) {
		if (size == cap) {
			bigger = realloc(data, cap * 2);
			if (!bigger)
				goto nomem;
			data = bigger;
			cap *= 2;
		}
		got = read(fd, data + size, cap - size);
		if (got == 0)
			break;
		if (got < 0) {
			int err = errno;

			if (err == EINTR)
				continue;
			free(data);
			close(fd);
			return file_error(path, role, err);
		}
		size += got;
	}
	close(fd);
	blob->data = data;
	blob->size = size;
	return EXIT_OK;

nomem:
	free(data);
	close(fd);
	return file_error(path, role, ENOMEM);
}

void jh_free_blob(struct jh_blob *blob)
{
	free(blob->data);
	blob->data = NULL;
	blob->size = 0;
}

static const char *arch_name(unsigned int arch)
{
	switch (arch) {
	case JAILHOUSE_X86:
		return "x86";
	case JAILHOUSE_ARM:
		return "ARM (32-bit)";
	case JAILHOUSE_ARM64:
		return "ARM64";
	default:
		return "an unknown architecture";
	}
}

static int check_signature(const char *path, const struct jh_blob *blob,
			   bool system)
{
	const char *want = system ? JAILHOUSE_SYSTEM_SIGNATURE :
				    JAILHOUSE_CELL_DESC_SIGNATURE;
	const char *other = system ? JAILHOUSE_CELL_DESC_SIGNATURE :
				     JAILHOUSE_SYSTEM_SIGNATURE;

	if (blob->size >= JAILHOUSE_SIGNATURE_LEN) {
		if (memcmp(blob->data, want, JAILHOUSE_SIGNATURE_LEN) == 0)
			return EXIT_OK;
		/* The usual mistake: the two kinds of .cell swapped. */
		if (memcmp(blob->data, other, JAILHOUSE_SIGNATURE_LEN) == 0)
			return system ?
				jh_fail("'%s' is a cell config, not a system config (use it with 'jailhouse cell create')",
					path) :
				jh_fail("'%s' is a system config, not a cell config (use it with 'jailhouse enable')",
					path);
	}
	if (blob->size == 0)
		return jh_fail("config file '%s' is empty", path);
	return jh_fail("'%s' is not a %s config (signature %s missing)", path,
		       system ? "system" : "cell", want);
}

int jh_check_config(const char *path, const struct jh_blob *blob, bool system)
{
	size_t header = system ? sizeof(struct jailhouse_system) :
				 sizeof(struct jailhouse_cell_desc);
	unsigned int revision, arch;
	__u64 declared;

	if (check_signature(path, blob, system))
		return EXIT_FAIL;
	if (blob->size < header)
		return jh_fail("'%s' is too short for a %s config: %zu bytes, the header alone needs %zu",
			       path, system ? "system" : "cell", blob->size,
			       header);

	if (system) {
		const struct jailhouse_system *sys = blob->data;

		revision = sys->revision;
		arch = sys->architecture;
		declared = jailhouse_system_config_size(sys);
	} else {
		const struct jailhouse_cell_desc *cell = blob->data;

		revision = cell->revision;
		arch = cell->architecture;
		declared = jailhouse_cell_config_size(cell);
	}

	if (revision != JAILHOUSE_CONFIG_REVISION)
		return jh_fail("'%s' has config revision %u but this Jailhouse needs revision %u (rebuild the config)",
			       path, revision, JAILHOUSE_CONFIG_REVISION);
	if (arch != HOST_CONFIG_ARCH)
		return jh_fail("'%s' is a config for %s, not for %s", path,
			       arch_name(arch), arch_name(HOST_CONFIG_ARCH));
	if (declared > blob->size)
		return jh_fail("'%s' is truncated: its header declares %llu bytes but the file has %zu",
			       path, (unsigned long long)declared, blob->size);
	return EXIT_OK;
}
