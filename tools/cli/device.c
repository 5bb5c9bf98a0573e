// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: talking to the driver through /dev/jailhouse.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"

#define JH_DEVICE	"/dev/jailhouse"

int jh_open_device(int flags)
{
	int fd = open(jh_path(JH_DEVICE), flags | O_CLOEXEC);

	if (fd < 0)
		jh_explain_open(errno);
	return fd;
}

/*
 * Issues one ioctl; a failure is explained here, with the errno read in
 * the light of the operation, so that callers only pass the result on.
 */
int jh_request(enum jh_op op, unsigned long request, void *arg,
	       const struct jailhouse_cell_id *cell)
{
	int fd, ret, err;

	fd = jh_open_device(O_RDWR);
	if (fd < 0)
		return EXIT_FAIL;
	ret = ioctl(fd, request, arg);
	err = errno;
	close(fd);
	if (ret < 0) {
		jh_explain(op, err, arg, cell);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
