// SPDX-License-Identifier: GPL-2.0
/*
 * Stand-in for the driver in host tests of the `jailhouse` tool: linked
 * with --wrap=ioctl, it writes each request the tool makes to the file
 * named by JH_FAKE_LOG, in a form the tests can compare, and fails it
 * with the errno named by JH_FAKE_ERRNO (a name such as EBUSY, or a
 * number) if that is set: every request, or with JH_FAKE_FAIL_AT=N only
 * the Nth of the process (1 the first), for commands that make several.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/ioctl.h>

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "EINTR", EINTR },
	{ "EIO", EIO }, { "E2BIG", E2BIG }, { "ENOEXEC", ENOEXEC },
	{ "ENOMEM", ENOMEM }, { "EACCES", EACCES }, { "EFAULT", EFAULT },
	{ "EBUSY", EBUSY }, { "EEXIST", EEXIST }, { "ENODEV", ENODEV },
	{ "EINVAL", EINVAL }, { "ENOTTY", ENOTTY }, { "ENOSYS", ENOSYS },
	{ "ERANGE", ERANGE }, { "ENXIO", ENXIO },
};

static int wanted_errno(void)
{
	const char *text = getenv("JH_FAKE_ERRNO");
	const char *at = getenv("JH_FAKE_FAIL_AT");
	static int requests;
	size_t n;

	requests++;
	if (!text || !*text || (at && atoi(at) != requests))
		return 0;
	for (n = 0; n < sizeof(errnos) / sizeof(errnos[0]); n++)
		if (strcmp(text, errnos[n].name) == 0)
			return errnos[n].value;
	return atoi(text);
}

/* Bytes as text: printable ones as they are, others as \xNN. */
static void put_bytes(FILE *log, const void *data, size_t size, size_t max)
{
	const unsigned char *p = data;
	size_t n;

	for (n = 0; n < size && n < max; n++) {
		if (p[n] >= 0x20 && p[n] < 0x7f && p[n] != '\\')
			fputc(p[n], log);
		else
			fprintf(log, "\\x%02x", p[n]);
	}
	if (size > max)
		fputs("...", log);
}

static void put_cell(FILE *log, const struct jailhouse_cell_id *cell)
{
	fprintf(log, " id=%d name=", cell->id);
	put_bytes(log, cell->name, strnlen(cell->name, sizeof(cell->name)),
		  sizeof(cell->name));
}

static void record(FILE *log, unsigned long request, void *arg)
{
	const struct jailhouse_cell_create *create = arg;
	const struct jailhouse_cell_load *load = arg;
	__u32 n;

	switch (request) {
	case JAILHOUSE_ENABLE:
		fputs("ENABLE data=", log);
		put_bytes(log, arg, 8, 8);
		break;
	case JAILHOUSE_DISABLE:
		fputs("DISABLE", log);
		break;
	case JAILHOUSE_CELL_CREATE:
		fprintf(log, "CREATE size=%u data=", create->config_size);
		put_bytes(log, (void *)(uintptr_t)create->config_address,
			  create->config_size, 16);
		break;
	case JAILHOUSE_CELL_LOAD:
		fputs("LOAD", log);
		put_cell(log, &load->cell_id);
		fprintf(log, " images=%u", load->num_preload_images);
		for (n = 0; n < load->num_preload_images; n++) {
			const struct jailhouse_preload_image *img =
				&load->image[n];

			fprintf(log, "\nIMAGE size=%llu target=0x%llx data=",
				(unsigned long long)img->size,
				(unsigned long long)img->target_address);
			put_bytes(log, (void *)(uintptr_t)img->source_address,
				  img->size, 32);
		}
		break;
	case JAILHOUSE_CELL_START:
		fputs("START", log);
		put_cell(log, arg);
		break;
	case JAILHOUSE_CELL_DESTROY:
		fputs("DESTROY", log);
		put_cell(log, arg);
		break;
	default:
		fprintf(log, "UNKNOWN 0x%lx", request);
	}
	fputc('\n', log);
}

int __wrap_ioctl(int fd, unsigned long request, ...);

int __wrap_ioctl(int fd, unsigned long request, ...)
{
	const char *path = getenv("JH_FAKE_LOG");
	void *arg;
	va_list ap;
	int err;

	(void)fd;
	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);

	if (path) {
		FILE *log = fopen(path, "a");

		if (log) {
			record(log, request, arg);
			fclose(log);
		}
	}
	err = wanted_errno();
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}
