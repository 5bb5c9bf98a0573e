/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stockade `jailhouse` tool: the little device tree editing that
 * `cell linux` needs (fdt_edit.c).
 */
#ifndef _JAILHOUSE_CLI_FDT_EDIT_H
#define _JAILHOUSE_CLI_FDT_EDIT_H

#include "cli.h"

/* Property `name` of the top-level node `node` ("chosen", "memory"). */
struct jh_fdt_prop {
	const char *node;
	const char *name;
	const void *value;
	size_t len;
};

/* A u32 property of the root node (#address-cells); -1 if absent. */
int jh_fdt_root_u32(const struct jh_blob *blob, const char *name,
		    uint32_t *value);

/* A new blob in *result with the properties set; -1 if `in` is not a
 * valid version 17 blob or memory ran out. */
int jh_fdt_set_props(const struct jh_blob *in,
		     const struct jh_fdt_prop *props, int count,
		     struct jh_blob *result);

#endif /* !_JAILHOUSE_CLI_FDT_EDIT_H */
