/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stockade: declarations shared by the parts of the `jailhouse` command
 * line tool.
 */
#ifndef _JAILHOUSE_CLI_H
#define _JAILHOUSE_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jailhouse/ioctl.h>
#include <jailhouse/cell-config.h>

/* The config architecture this build of the tool manages. */
#if defined(__x86_64__) || defined(__i386__)
#define HOST_CONFIG_ARCH	JAILHOUSE_X86
#elif defined(__aarch64__)
#define HOST_CONFIG_ARCH	JAILHOUSE_ARM64
#elif defined(__arm__)
#define HOST_CONFIG_ARCH	JAILHOUSE_ARM
#else
#error "unsupported architecture"
#endif

/* Exit codes: scripts tell a refused request from a mistyped one. */
#define EXIT_OK		0
#define EXIT_FAIL	1
#define EXIT_USAGE	2

/*
 * One command or command group. Groups (cell, config, hardware) have
 * `subs`, leaves have `run`, called with argv[0] being the command word.
 */
struct jh_command {
	const char *name;
	const char *synopsis;	/* arguments after the command words */
	const char *summary;	/* one line for the command list */
	const char *details;	/* text for --help, may be NULL */
	int (*run)(int argc, char **argv);
	const struct jh_command *subs;	/* ends with a NULL name */
};

extern const struct jh_command jh_cell_commands[];
extern const struct jh_command jh_config_commands[];
extern const struct jh_command jh_hardware_commands[];

/* Leaf commands (argv[0] is the command word). */
int jh_cmd_enable(int argc, char **argv);
int jh_cmd_disable(int argc, char **argv);
int jh_cmd_console(int argc, char **argv);
int jh_cmd_cell_load(int argc, char **argv);
int jh_cmd_cell_list(int argc, char **argv);
int jh_cmd_cell_stats(int argc, char **argv);
int jh_cmd_cell_linux(int argc, char **argv);
int jh_cmd_config_collect(int argc, char **argv);

/* jailhouse.c: the running command, for messages and --help. */
const char *jh_cmd_name(void);
int jh_show_help(void);

/* report.c: one sentence on stderr, prefixed with the command. */
int jh_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int jh_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* args.c */
bool jh_is_help(const char *arg);
bool jh_is_option(const char *arg);
int jh_parse_u64(const char *text, uint64_t *value);
int jh_parse_cell(const char *text, struct jailhouse_cell_id *cell);
const char *jh_cell_label(const struct jailhouse_cell_id *cell);
/* Value of "-x VALUE", "--long VALUE" or "--long=VALUE" at argv[*n]
 * (advancing *n past a separate value); NULL if argv[*n] is another
 * word, with *missing set when the value is absent. */
const char *jh_option_value(int argc, char **argv, int *n, const char *shrt,
			    const char *lng, bool *missing);

/* paths.c: every system path goes through here (see paths.c for why). */
const char *jh_path(const char *path);
const char *jh_pathf(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

/* file.c */
struct jh_blob {
	void *data;
	size_t size;
};

int jh_read_file(const char *path, const char *role, struct jh_blob *blob);
void jh_free_blob(struct jh_blob *blob);
int jh_check_config(const char *path, const struct jh_blob *blob,
		    bool system);

/* device.c: ioctls on /dev/jailhouse with their failures explained. */
enum jh_op {
	JH_OP_ENABLE,
	JH_OP_DISABLE,
	JH_OP_CELL_CREATE,
	JH_OP_CELL_LOAD,
	JH_OP_CELL_SHUTDOWN,
	JH_OP_CELL_START,
	JH_OP_CELL_DESTROY,
	JH_OP_CONSOLE,
};

int jh_open_device(int flags);
int jh_request(enum jh_op op, unsigned long request, void *arg,
	       const struct jailhouse_cell_id *cell);

/* errors.c; arg is what the request passed (for enable the system
 * config, whose hypervisor memory the explanation looks up). */
void jh_explain(enum jh_op op, int err, const void *arg,
		const struct jailhouse_cell_id *cell);
void jh_explain_open(int err);

/* sysfs.c */
#define JH_SYSFS	"/sys/devices/jailhouse"

int jh_sysfs_read(const char *rel, char *buf, size_t size);
int jh_hv_state(void);
int jh_require_enabled(void);
int jh_cell_ids(int **ids);
int jh_find_cell(const struct jailhouse_cell_id *cell, int *id);

enum {
	JH_HV_NO_DRIVER = -1,
	JH_HV_DISABLED = 0,
	JH_HV_ENABLED = 1,
};

#endif /* !_JAILHOUSE_CLI_H */
