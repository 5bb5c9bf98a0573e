// SPDX-License-Identifier: GPL-2.0
/*
 * Stockade `jailhouse` tool: setting properties of top-level nodes of a
 * flattened device tree (the /memory and /chosen nodes that `cell linux`
 * fills in from the cell config and its arguments).
 *
 * The blob is rebuilt rather than patched in place: the header, the
 * reserve map and the strings are copied, the structure block is copied
 * token by token, leaving out each property that gets a new value and
 * adding the new ones where the node's properties end. A node that does
 * not exist yet is added at the end of the root node. The input comes
 * from the user, so every offset and length is checked against the blob.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fdt_edit.h"

#define FDT_MAGIC	0xd00dfeed
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9
#define FDT_HEADER_SIZE	40

struct fdt_in {
	const uint8_t *base;
	size_t total;
	uint32_t off_struct, size_struct;
	uint32_t off_strings, size_strings;
	uint32_t off_rsvmap;
};

struct fdt_out {
	uint8_t *buf;
	size_t len, cap;
	char *strings;
	size_t strings_len;
};

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static size_t align4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static bool in_range(size_t off, size_t len, size_t limit)
{
	return off <= limit && len <= limit - off;
}

static int parse_header(const struct jh_blob *blob, struct fdt_in *in)
{
	const uint8_t *h = blob->data;

	if (blob->size < FDT_HEADER_SIZE || get_be32(h) != FDT_MAGIC)
		return -1;
	in->base = h;
	in->total = get_be32(h + 4);
	in->off_struct = get_be32(h + 8);
	in->off_strings = get_be32(h + 12);
	in->off_rsvmap = get_be32(h + 16);
	in->size_strings = get_be32(h + 32);
	in->size_struct = get_be32(h + 36);
	/* Version 17 is the one with the structure block's size. */
	if (get_be32(h + 20) < 17 || get_be32(h + 24) > 17)
		return -1;
	if (in->total > blob->size ||
	    !in_range(in->off_struct, in->size_struct, in->total) ||
	    !in_range(in->off_strings, in->size_strings, in->total) ||
	    in->off_rsvmap % 8 || !in_range(in->off_rsvmap, 16, in->total))
		return -1;
	return 0;
}

static int out_reserve(struct fdt_out *out, size_t more)
{
	uint8_t *bigger;
	size_t cap = out->cap ? out->cap : 4096;

	while (cap - out->len < more)
		cap *= 2;
	if (cap == out->cap)
		return 0;
	bigger = realloc(out->buf, cap);
	if (!bigger)
		return -1;
	out->buf = bigger;
	out->cap = cap;
	return 0;
}

static int out_bytes(struct fdt_out *out, const void *data, size_t len)
{
	size_t padded = align4(len);

	if (out_reserve(out, padded))
		return -1;
	memcpy(out->buf + out->len, data, len);
	memset(out->buf + out->len + len, 0, padded - len);
	out->len += padded;
	return 0;
}

static int out_token(struct fdt_out *out, uint32_t token)
{
	uint8_t be[4];

	put_be32(be, token);
	return out_bytes(out, be, 4);
}

/* Offset of `name` in the strings block, appending it when missing. */
static long string_offset(struct fdt_out *out, const char *name)
{
	size_t len = strlen(name) + 1, off;
	char *bigger;

	for (off = 0; off + len <= out->strings_len; off++)
		if (memcmp(out->strings + off, name, len) == 0)
			return off;
	bigger = realloc(out->strings, out->strings_len + len);
	if (!bigger)
		return -1;
	memcpy(bigger + out->strings_len, name, len);
	out->strings = bigger;
	off = out->strings_len;
	out->strings_len += len;
	return off;
}

static int out_prop(struct fdt_out *out, const struct jh_fdt_prop *prop)
{
	long name = string_offset(out, prop->name);
	uint8_t head[12];

	if (name < 0)
		return -1;
	put_be32(head, FDT_PROP);
	put_be32(head + 4, prop->len);
	put_be32(head + 8, name);
	if (out_reserve(out, sizeof(head)))
		return -1;
	memcpy(out->buf + out->len, head, sizeof(head));
	out->len += sizeof(head);
	return out_bytes(out, prop->value, prop->len);
}

struct token {
	uint32_t type;
	const char *name;	/* node name, or property name */
	const uint8_t *data;	/* property value */
	uint32_t len, name_off;
	size_t start, next;	/* offsets in the blob */
};

static const char *string_at(const struct fdt_in *in, uint32_t off)
{
	const char *s = (const char *)in->base + in->off_strings;

	if (off >= in->size_strings ||
	    !memchr(s + off, 0, in->size_strings - off))
		return NULL;
	return s + off;
}

/* Reads the token at *pos; -1 when it does not fit the structure block. */
static int read_token(const struct fdt_in *in, size_t pos, struct token *t)
{
	size_t end = in->off_struct + in->size_struct;
	const uint8_t *p = in->base + pos;
	const char *nul;

	if (pos + 4 > end)
		return -1;
	t->type = get_be32(p);
	t->start = pos;
	t->next = pos + 4;
	if (t->type == FDT_BEGIN_NODE) {
		t->name = (const char *)p + 4;
		nul = memchr(t->name, 0, end - pos - 4);
		if (!nul)
			return -1;
		t->next = pos + 4 + align4(nul - t->name + 1);
	} else if (t->type == FDT_PROP) {
		if (pos + 12 > end)
			return -1;
		t->len = get_be32(p + 4);
		t->name_off = get_be32(p + 8);
		t->data = p + 12;
		t->name = string_at(in, t->name_off);
		if (!t->name || t->len > end - pos - 12)
			return -1;
		t->next = pos + 12 + align4(t->len);
	} else if (t->type != FDT_END_NODE && t->type != FDT_NOP &&
		   t->type != FDT_END) {
		return -1;
	}
	return t->next <= end ? 0 : -1;
}

int jh_fdt_root_u32(const struct jh_blob *blob, const char *name,
		    uint32_t *value)
{
	struct fdt_in in;
	struct token t;
	size_t pos;
	int depth = 0;

	if (parse_header(blob, &in))
		return -1;
	for (pos = in.off_struct; !read_token(&in, pos, &t); pos = t.next) {
		if (t.type == FDT_BEGIN_NODE && ++depth > 1)
			return -1;	/* the root's properties come first */
		if (t.type == FDT_END_NODE || t.type == FDT_END)
			return -1;
		if (t.type == FDT_PROP && depth == 1 &&
		    strcmp(t.name, name) == 0) {
			if (t.len != 4)
				return -1;
			*value = get_be32(t.data);
			return 0;
		}
	}
	return -1;
}

/* "memory" names the node "memory" and every "memory@UNIT". */
static bool node_matches(const char *node, const char *target)
{
	size_t len = strlen(target);

	return strncmp(node, target, len) == 0 &&
	       (node[len] == 0 || node[len] == '@');
}

struct edit {
	const struct jh_fdt_prop *props;
	int count;
	bool *placed;		/* per prop: written out */
	const char *node;	/* target of the top-level node we are in */
	bool node_done;		/* its new properties are out */
};

static int emit_props(struct fdt_out *out, struct edit *e, const char *node)
{
	int n;

	for (n = 0; n < e->count; n++) {
		if (e->placed[n] || strcmp(e->props[n].node, node))
			continue;
		if (out_prop(out, &e->props[n]))
			return -1;
		e->placed[n] = true;
	}
	return 0;
}

static const char *target_of(const struct edit *e, const char *node)
{
	int n;

	for (n = 0; n < e->count; n++)
		if (node_matches(node, e->props[n].node))
			return e->props[n].node;
	return NULL;
}

static bool is_replaced(const struct edit *e, const char *name)
{
	int n;

	for (n = 0; n < e->count; n++)
		if (strcmp(e->props[n].node, e->node) == 0 &&
		    strcmp(e->props[n].name, name) == 0)
			return true;
	return false;
}

/* Nodes that the blob lacks go at the end of the root node. */
static int emit_missing_nodes(struct fdt_out *out, struct edit *e)
{
	const char *node;
	int n;

	for (n = 0; n < e->count; n++) {
		if (e->placed[n])
			continue;
		node = e->props[n].node;
		if (out_token(out, FDT_BEGIN_NODE) ||
		    out_bytes(out, node, strlen(node) + 1) ||
		    emit_props(out, e, node) || out_token(out, FDT_END_NODE))
			return -1;
	}
	return 0;
}

/* A second node of one target (two memory@ nodes) loses the replaced
 * properties and gets none: Linux skips a memory node without type. */
static void enter_node(struct edit *e, const char *name)
{
	int n;

	e->node = target_of(e, name);
	e->node_done = true;
	for (n = 0; e->node && n < e->count; n++)
		if (strcmp(e->props[n].node, e->node) == 0 && !e->placed[n])
			e->node_done = false;
}

static int copy_token(struct fdt_out *out, const struct fdt_in *in,
		      const struct token *t)
{
	if (out_reserve(out, t->next - t->start))
		return -1;
	memcpy(out->buf + out->len, in->base + t->start, t->next - t->start);
	out->len += t->next - t->start;
	return 0;
}

static int finish_node_props(struct fdt_out *out, struct edit *e)
{
	if (!e->node || e->node_done)
		return 0;
	e->node_done = true;
	return emit_props(out, e, e->node);
}

static int edit_token(struct fdt_out *out, const struct fdt_in *in,
		      struct edit *e, const struct token *t, int *depth)
{
	switch (t->type) {
	case FDT_BEGIN_NODE:
		if (*depth == 2 && finish_node_props(out, e))
			return -1;
		if (++*depth == 2)
			enter_node(e, t->name);
		break;
	case FDT_END_NODE:
		if (*depth == 2 && finish_node_props(out, e))
			return -1;
		if (*depth == 1 && emit_missing_nodes(out, e))
			return -1;
		if (--*depth < 0)
			return -1;
		break;
	case FDT_PROP:
		if (*depth == 2 && e->node && is_replaced(e, t->name))
			return 0;
		if (*depth < 1)
			return -1;
		break;
	case FDT_NOP:
		return 0;
	}
	return copy_token(out, in, t);
}

static int edit_struct(struct fdt_out *out, const struct fdt_in *in,
		       struct edit *e)
{
	struct token t;
	size_t pos;
	int depth = 0;

	for (pos = in->off_struct; !read_token(in, pos, &t); pos = t.next) {
		if (t.type == FDT_END)
			return depth == 0 ? out_token(out, FDT_END) : -1;
		if (edit_token(out, in, e, &t, &depth))
			return -1;
	}
	return -1;
}

/* The reserve map up to and with its terminating all-zero entry. */
static int copy_rsvmap(struct fdt_out *out, const struct fdt_in *in)
{
	static const uint8_t zero[16];
	size_t pos = in->off_rsvmap;

	for (; in_range(pos, 16, in->total); pos += 16)
		if (memcmp(in->base + pos, zero, 16) == 0)
			return out_bytes(out, in->base + in->off_rsvmap,
					 pos + 16 - in->off_rsvmap);
	return -1;
}

static void write_header(struct fdt_out *out, size_t off_struct,
			 size_t off_strings, const struct fdt_in *in)
{
	uint8_t *h = out->buf;

	put_be32(h, FDT_MAGIC);
	put_be32(h + 4, out->len);
	put_be32(h + 8, off_struct);
	put_be32(h + 12, off_strings);
	put_be32(h + 16, FDT_HEADER_SIZE);
	put_be32(h + 20, 17);
	put_be32(h + 24, 16);
	put_be32(h + 28, get_be32(in->base + 28));	/* boot CPU */
	put_be32(h + 32, out->strings_len);
	put_be32(h + 36, off_strings - off_struct);
}

static int rebuild(struct fdt_out *out, const struct fdt_in *in,
		   struct edit *e)
{
	size_t off_struct, off_strings;

	out->strings = malloc(in->size_strings + 1);
	if (!out->strings)
		return -1;
	memcpy(out->strings, in->base + in->off_strings, in->size_strings);
	out->strings_len = in->size_strings;

	if (out_reserve(out, FDT_HEADER_SIZE))
		return -1;
	memset(out->buf, 0, FDT_HEADER_SIZE);
	out->len = FDT_HEADER_SIZE;
	if (copy_rsvmap(out, in))
		return -1;
	off_struct = out->len;
	if (edit_struct(out, in, e))
		return -1;
	off_strings = out->len;
	if (out_reserve(out, out->strings_len))
		return -1;
	memcpy(out->buf + out->len, out->strings, out->strings_len);
	out->len += out->strings_len;
	write_header(out, off_struct, off_strings, in);
	return 0;
}

int jh_fdt_set_props(const struct jh_blob *in_blob,
		     const struct jh_fdt_prop *props, int count,
		     struct jh_blob *result)
{
	struct fdt_out out = { 0 };
	struct edit e = { .props = props, .count = count };
	struct fdt_in in;
	int ret = -1;

	if (parse_header(in_blob, &in))
		return -1;
	e.placed = calloc(count ? count : 1, sizeof(*e.placed));
	if (e.placed && rebuild(&out, &in, &e) == 0) {
		result->data = out.buf;
		result->size = out.len;
		out.buf = NULL;
		ret = 0;
	}
	free(out.buf);
	free(out.strings);
	free(e.placed);
	return ret;
}
