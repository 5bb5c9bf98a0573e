// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * Command line: blank-separated "key=value" or bare "key" words in the
 * string at guest-physical 0x1000 (see cmdline-buf.c). Later words win,
 * so that a string appended by `jailhouse cell load -s` can override a
 * default placed earlier.
 */
#include <inmate.h>

/* A loaded string need not be terminated inside the reserved page. */
#define CMDLINE_MAX	4096

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Finds the last word naming `key`; val and len get the text after '='
 * (NULL and 0 for a bare word). Returns false if absent.
 */
static bool cmdline_find(const char *key, const char **val, size_t *len)
{
	const char *s = inmate_cmdline;
	size_t klen = strlen(key);
	bool found = false;
	size_t i = 0;

	if (!s || !klen)
		return false;

	while (i < CMDLINE_MAX && s[i]) {
		size_t start, end;

		while (i < CMDLINE_MAX && s[i] && is_blank(s[i]))
			i++;
		start = i;
		while (i < CMDLINE_MAX && s[i] && !is_blank(s[i]))
			i++;
		end = i;
		if (end - start < klen || strncmp(s + start, key, klen))
			continue;
		if (start + klen == end) {
			*val = NULL;
			*len = 0;
			found = true;
		} else if (s[start + klen] == '=') {
			*val = s + start + klen + 1;
			*len = end - start - klen - 1;
			found = true;
		}
	}
	return found;
}

bool cmdline_parse_str(const char *key, char *buf, size_t size)
{
	const char *val;
	size_t len;

	if (!cmdline_find(key, &val, &len) || !val || !size)
		return false;
	len = MIN(len, size - 1);
	memcpy(buf, val, len);
	buf[len] = 0;
	return true;
}

long long cmdline_parse_int(const char *key, long long def)
{
	unsigned long long v;
	const char *val;
	bool neg;
	size_t len;

	if (!cmdline_find(key, &val, &len) || !val)
		return def;
	neg = len && val[0] == '-';
	if (neg) {
		val++;
		len--;
	}
	if (!parse_ull(val, len, &v))
		return def;
	return neg ? -(long long)v : (long long)v;
}

bool cmdline_parse_bool(const char *key)
{
	const char *val;
	size_t len;

	if (!cmdline_find(key, &val, &len))
		return false;
	if (!val)
		return true;
	return !((len == 1 && val[0] == '0') ||
		 (len == 2 && !strncmp(val, "no", 2)) ||
		 (len == 3 && !strncmp(val, "off", 3)) ||
		 (len == 5 && !strncmp(val, "false", 5)));
}
