// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: enable and disable.
 */
#include "cli.h"

int jh_cmd_enable(int argc, char **argv)
{
	struct jh_blob config;
	int ret;

	if (argc < 2)
		return jh_usage("missing SYSCONFIG (the system .cell file)");
	if (jh_is_option(argv[1]))
		return jh_usage("unknown option '%s'", argv[1]);
	if (argc > 2)
		return jh_usage("too many arguments");

	ret = jh_read_file(argv[1], "config file", &config);
	if (ret)
		return ret;
	ret = jh_check_config(argv[1], &config, true);
	if (!ret)
		ret = jh_request(JH_OP_ENABLE, JAILHOUSE_ENABLE, config.data,
				 NULL);
	jh_free_blob(&config);
	return ret;
}

int jh_cmd_disable(int argc, char **argv)
{
	if (argc > 1)
		return jh_is_option(argv[1]) ?
			jh_usage("unknown option '%s'", argv[1]) :
			jh_usage("too many arguments");
	return jh_request(JH_OP_DISABLE, JAILHOUSE_DISABLE, NULL, NULL);
}
