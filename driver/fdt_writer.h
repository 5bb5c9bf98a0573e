/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small flattened device tree (FDT, version 17) written in memory, for
 * the few nodes the driver hands to the kernel's unflattener. Fixed-size
 * blocks: a tree that does not fit makes jailhouse_fdt_finish() fail.
 */
#ifndef _JAILHOUSE_FDT_WRITER_H
#define _JAILHOUSE_FDT_WRITER_H

#include <linux/types.h>

#define JAILHOUSE_FDT_STRUCT_WORDS	256
#define JAILHOUSE_FDT_STRINGS_SIZE	256

struct jailhouse_fdt {
	__be32 structure[JAILHOUSE_FDT_STRUCT_WORDS];
	char strings[JAILHOUSE_FDT_STRINGS_SIZE];
	unsigned int words;
	unsigned int strings_len;
	bool overflow;
};

void jailhouse_fdt_init(struct jailhouse_fdt *fdt);
void jailhouse_fdt_begin_node(struct jailhouse_fdt *fdt, const char *name);
void jailhouse_fdt_end_node(struct jailhouse_fdt *fdt);
void jailhouse_fdt_prop(struct jailhouse_fdt *fdt, const char *name,
			const void *value, unsigned int len);
void jailhouse_fdt_prop_u32(struct jailhouse_fdt *fdt, const char *name,
			    u32 value);
void jailhouse_fdt_prop_string(struct jailhouse_fdt *fdt, const char *name,
			       const char *value);
/* The blob (kmalloc'ed, the caller frees it), or NULL if it did not fit. */
void *jailhouse_fdt_finish(struct jailhouse_fdt *fdt);

#endif /* !_JAILHOUSE_FDT_WRITER_H */
