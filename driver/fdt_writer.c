// SPDX-License-Identifier: GPL-2.0
/*
 * The flattened device tree writer of fdt_writer.h. The format (the
 * Devicetree Specification's "flattened devicetree"): a header, an empty
 * memory reservation map, the structure block (tokens, node names and
 * property values, each padded to 4 bytes) and the strings block of
 * property names. The kernel's libfdt is not exported to modules, so the
 * few lines needed are here.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "fdt_writer.h"

#define FDT_MAGIC		0xd00dfeed
#define FDT_VERSION		17
#define FDT_LAST_COMP_VERSION	16

#define FDT_BEGIN_NODE		1
#define FDT_END_NODE		2
#define FDT_PROP		3
#define FDT_END			9

struct fdt_header_words {
	__be32 magic, totalsize, off_dt_struct, off_dt_strings;
	__be32 off_mem_rsvmap, version, last_comp_version, boot_cpuid_phys;
	__be32 size_dt_strings, size_dt_struct;
};

/* One terminating entry (address 0, size 0). */
#define FDT_RSVMAP_SIZE		16

void jailhouse_fdt_init(struct jailhouse_fdt *fdt)
{
	memset(fdt, 0, sizeof(*fdt));
}

static void put_word(struct jailhouse_fdt *fdt, u32 word)
{
	if (fdt->words >= ARRAY_SIZE(fdt->structure)) {
		fdt->overflow = true;
		return;
	}
	fdt->structure[fdt->words++] = cpu_to_be32(word);
}

/* @len bytes, zero-padded to whole words. */
static void put_bytes(struct jailhouse_fdt *fdt, const void *data,
		      unsigned int len)
{
	unsigned int words = DIV_ROUND_UP(len, 4);

	if (words > ARRAY_SIZE(fdt->structure) - fdt->words) {
		fdt->overflow = true;
		return;
	}
	memset(&fdt->structure[fdt->words], 0, words * 4);
	memcpy(&fdt->structure[fdt->words], data, len);
	fdt->words += words;
}

/* Offset of @name in the strings block, added there. */
static u32 add_string(struct jailhouse_fdt *fdt, const char *name)
{
	unsigned int len = strlen(name) + 1;
	u32 offset = fdt->strings_len;

	if (len > sizeof(fdt->strings) - fdt->strings_len) {
		fdt->overflow = true;
		return 0;
	}
	memcpy(fdt->strings + offset, name, len);
	fdt->strings_len += len;
	return offset;
}

void jailhouse_fdt_begin_node(struct jailhouse_fdt *fdt, const char *name)
{
	put_word(fdt, FDT_BEGIN_NODE);
	put_bytes(fdt, name, strlen(name) + 1);
}

void jailhouse_fdt_end_node(struct jailhouse_fdt *fdt)
{
	put_word(fdt, FDT_END_NODE);
}

void jailhouse_fdt_prop(struct jailhouse_fdt *fdt, const char *name,
			const void *value, unsigned int len)
{
	put_word(fdt, FDT_PROP);
	put_word(fdt, len);
	put_word(fdt, add_string(fdt, name));
	put_bytes(fdt, value, len);
}

void jailhouse_fdt_prop_u32(struct jailhouse_fdt *fdt, const char *name,
			    u32 value)
{
	__be32 cell = cpu_to_be32(value);

	jailhouse_fdt_prop(fdt, name, &cell, sizeof(cell));
}

void jailhouse_fdt_prop_string(struct jailhouse_fdt *fdt, const char *name,
			       const char *value)
{
	jailhouse_fdt_prop(fdt, name, value, strlen(value) + 1);
}

void *jailhouse_fdt_finish(struct jailhouse_fdt *fdt)
{
	u32 struct_off = sizeof(struct fdt_header_words) + FDT_RSVMAP_SIZE;
	u32 struct_size, strings_off, total;
	struct fdt_header_words *hdr;
	u8 *blob;

	put_word(fdt, FDT_END);
	if (fdt->overflow)
		return NULL;
	struct_size = fdt->words * 4;
	strings_off = struct_off + struct_size;
	total = strings_off + fdt->strings_len;
	blob = kzalloc(total, GFP_KERNEL);
	if (!blob)
		return NULL;
	hdr = (struct fdt_header_words *)blob;
	hdr->magic = cpu_to_be32(FDT_MAGIC);
	hdr->totalsize = cpu_to_be32(total);
	hdr->off_dt_struct = cpu_to_be32(struct_off);
	hdr->off_dt_strings = cpu_to_be32(strings_off);
	hdr->off_mem_rsvmap = cpu_to_be32(sizeof(*hdr));
	hdr->version = cpu_to_be32(FDT_VERSION);
	hdr->last_comp_version = cpu_to_be32(FDT_LAST_COMP_VERSION);
	hdr->size_dt_strings = cpu_to_be32(fdt->strings_len);
	hdr->size_dt_struct = cpu_to_be32(struct_size);
	memcpy(blob + struct_off, fdt->structure, struct_size);
	memcpy(blob + strings_off, fdt->strings, fdt->strings_len);
	return blob;
}
