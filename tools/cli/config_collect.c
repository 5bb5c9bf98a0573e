// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: `config collect FILE.tar` packs the files
 * `config create` reads, so that a target without Python can have its
 * config written elsewhere (`config create -r FILE.tar`). The archive is
 * plain ustar: one 512-byte header per file, the data padded to 512
 * bytes, two zero blocks at the end.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define BLOCK 512

static const char *const fixed_files[] = {
	"proc/cmdline", "proc/cpuinfo", "proc/iomem", "proc/ioports",
};

/* Tables a machine may lack: packed when they exist. */
static const char *const acpi_tables[] = {
	"APIC", "MCFG", "FACP", "DMAR", "IVRS",
};

struct ustar {
	char name[100], mode[8], uid[8], gid[8], size[12], mtime[12];
	char chksum[8], typeflag, linkname[100], magic[6], version[2];
	char uname[32], gname[32], devmajor[8], devminor[8], prefix[155];
	char pad[12];
};

_Static_assert(sizeof(struct ustar) == BLOCK, "ustar header size");

static int write_all(int fd, const void *data, size_t size)
{
	const char *p = data;
	ssize_t done;

	while (size) {
		done = write(fd, p, size);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			return -1;
		p += done;
		size -= done;
	}
	return 0;
}

static void fill_header(struct ustar *h, const char *name, size_t size)
{
	const unsigned char *bytes = (const unsigned char *)h;
	unsigned int sum = 0, n;

	memset(h, 0, sizeof(*h));
	snprintf(h->name, sizeof(h->name), "%s", name);
	memcpy(h->mode, "0000644", 8);
	memcpy(h->uid, "0000000", 8);
	memcpy(h->gid, "0000000", 8);
	snprintf(h->size, sizeof(h->size), "%011zo", size);
	snprintf(h->mtime, sizeof(h->mtime), "%011lo",
		 (unsigned long)time(NULL));
	h->typeflag = '0';
	memcpy(h->magic, "ustar", 6);
	memcpy(h->version, "00", 2);
	/* The checksum is taken with its own field read as blanks. */
	memset(h->chksum, ' ', sizeof(h->chksum));
	for (n = 0; n < sizeof(*h); n++)
		sum += bytes[n];
	snprintf(h->chksum, sizeof(h->chksum), "%06o", sum);
}

/* Append the file at rel (below the system root) as rel. */
static int pack_file(int fd, const char *rel)
{
	static const char zeros[BLOCK];
	struct jh_blob blob;
	struct ustar h;
	int err;

	err = jh_read_file(jh_pathf("/%s", rel), "file to collect", &blob);
	if (err)
		return err;
	fill_header(&h, rel, blob.size);
	err = write_all(fd, &h, sizeof(h)) ||
	      write_all(fd, blob.data, blob.size) ||
	      write_all(fd, zeros, (BLOCK - blob.size % BLOCK) % BLOCK);
	jh_free_blob(&blob);
	return err ? jh_fail("cannot write the archive: %s",
			     strerror(errno)) : 0;
}

static int pack_optional(int fd, const char *rel)
{
	return access(jh_pathf("/%s", rel), R_OK) ? 0 : pack_file(fd, rel);
}

static int pack_pci(int fd)
{
	const char *dir = "sys/bus/pci/devices";
	char rel[256];
	struct dirent *d;
	DIR *devs;
	int err = 0;

	devs = opendir(jh_pathf("/%s", dir));
	if (!devs)
		return 0;
	while (!err && (d = readdir(devs))) {
		if (d->d_name[0] == '.')
			continue;
		/* A ustar name has 100 bytes; PCI names are far shorter. */
		if (snprintf(rel, sizeof(rel), "%s/%s/config", dir,
			     d->d_name) >= (int)sizeof(((struct ustar *)0)->name))
			continue;
		err = pack_optional(fd, rel);
	}
	closedir(devs);
	return err;
}

static int pack_all(int fd)
{
	char rel[64];
	unsigned int n;
	int err = 0;

	for (n = 0; !err && n < sizeof(fixed_files) / sizeof(*fixed_files);
	     n++)
		err = pack_file(fd, fixed_files[n]);
	for (n = 0; !err && n < sizeof(acpi_tables) / sizeof(*acpi_tables);
	     n++) {
		snprintf(rel, sizeof(rel), "sys/firmware/acpi/tables/%s",
			 acpi_tables[n]);
		err = pack_optional(fd, rel);
	}
	return err ? err : pack_pci(fd);
}

int jh_cmd_config_collect(int argc, char **argv)
{
	static const char end[2 * BLOCK];
	int fd, err;

	if (argc != 2 || jh_is_option(argv[1]))
		return jh_usage("expects one argument, the archive to write");
	fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return jh_fail("cannot create %s: %s", argv[1],
			       strerror(errno));
	err = pack_all(fd);
	if (!err && write_all(fd, end, sizeof(end)))
		err = jh_fail("cannot write %s: %s", argv[1], strerror(errno));
	if (close(fd) && !err)
		err = jh_fail("cannot write %s: %s", argv[1], strerror(errno));
	if (err)
		unlink(argv[1]);
	return err;
}
