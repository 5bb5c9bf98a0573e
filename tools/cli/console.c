// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: console, the hypervisor's console buffer as
 * the driver streams it from /dev/jailhouse.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static int write_all(const char *buf, size_t len)
{
	ssize_t done;

	while (len > 0) {
		done = write(STDOUT_FILENO, buf, len);
		if (done < 0 && errno == EINTR)
			continue;
		if (done < 0)
			return jh_fail("cannot write the console output: %s",
				       strerror(errno));
		buf += done;
		len -= done;
	}
	return EXIT_OK;
}

int jh_cmd_console(int argc, char **argv)
{
	bool follow = false;
	char buf[4096];
	ssize_t got;
	int n, fd, ret = EXIT_OK;

	for (n = 1; n < argc; n++) {
		if (strcmp(argv[n], "-f") == 0 ||
		    strcmp(argv[n], "--follow") == 0)
			follow = true;
		else if (jh_is_option(argv[n]))
			return jh_usage("unknown option '%s'", argv[n]);
		else
			return jh_usage("too many arguments");
	}

	/* The driver reads as empty while the hypervisor is off, which
	 * would look like a silent hypervisor; --follow waits for it. */
	if (!follow && jh_hv_state() == JH_HV_DISABLED)
		return jh_fail("Jailhouse is not enabled");

	/* Without --follow, "no data right now" is the end of the output. */
	fd = jh_open_device(O_RDONLY | (follow ? 0 : O_NONBLOCK));
	if (fd < 0)
		return EXIT_FAIL;
	for (;;) {
		got = read(fd, buf, sizeof(buf));
		if (got > 0) {
			ret = write_all(buf, got);
			if (ret)
				break;
			continue;
		}
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 && errno != EAGAIN) {
			jh_explain(JH_OP_CONSOLE, errno, NULL, NULL);
			ret = EXIT_FAIL;
			break;
		}
		if (!follow)
			break;
		/* A driver that reports end-of-data instead of blocking
		 * must not turn this loop into a busy one. */
		poll(NULL, 0, 200);
	}
	close(fd);
	return ret;
}
