// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * printf-style formatting: %d %i %u %x %X %o %c %s %p %%, flags '-' '0'
 * '+' ' ' '#', field width and precision (also '*'), length modifiers
 * hh h l ll z t j. Output goes through a callback so that printk can
 * stream straight to the UART without a buffer limit.
 */
#include <inmate.h>

struct spec {
	bool left, zero, plus, space, alt;
	int width;
	int prec;		/* -1: none given */
};

static void emit_padding(format_out_t out, void *ctx, char c, int n)
{
	while (n-- > 0)
		out(c, ctx);
}

static void emit_string(format_out_t out, void *ctx, const char *s,
			const struct spec *sp)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (sp->prec < 0 || len < sp->prec))
		len++;
	if (!sp->left)
		emit_padding(out, ctx, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		out(s[i], ctx);
	if (sp->left)
		emit_padding(out, ctx, ' ', sp->width - len);
}

static void emit_number(format_out_t out, void *ctx, unsigned long long v,
			bool negative, unsigned int base, bool upper,
			const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];		/* 2^64 in octal has 22 digits */
	const char *prefix = "";
	int n = 0, zeros, plen, total;

	do {
		buf[n++] = digits[v % base];
		v /= base;
	} while (v);
	/* An explicit precision of 0 prints nothing for the value 0. */
	if (sp->prec == 0 && n == 1 && buf[0] == '0')
		n = 0;

	if (negative)
		prefix = "-";
	else if (sp->plus)
		prefix = "+";
	else if (sp->space)
		prefix = " ";
	else if (sp->alt && base == 16)
		prefix = upper ? "0X" : "0x";
	else if (sp->alt && base == 8 && (n == 0 || buf[n - 1] != '0'))
		prefix = "0";
	plen = strlen(prefix);

	zeros = sp->prec > n ? sp->prec - n : 0;
	total = plen + zeros + n;
	/* '0' only pads with zeros when no precision is given, as in C. */
	if (sp->zero && !sp->left && sp->prec < 0 && sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}

	if (!sp->left)
		emit_padding(out, ctx, ' ', sp->width - total);
	while (*prefix)
		out(*prefix++, ctx);
	emit_padding(out, ctx, '0', zeros);
	while (n)
		out(buf[--n], ctx);
	if (sp->left)
		emit_padding(out, ctx, ' ', sp->width - total);
}

static int parse_int(const char **fmt)
{
	int v = 0;

	while (**fmt >= '0' && **fmt <= '9')
		v = v * 10 + *(*fmt)++ - '0';
	return v;
}

void format_emit(format_out_t out, void *ctx, const char *fmt, va_list ap)
{
	va_list args;

	/* A copy, so that an argument list passed down by value works on
	 * every ABI (on x86_64 va_list is an array). */
	va_copy(args, ap);
	for (; *fmt; fmt++) {
		struct spec sp = { .prec = -1 };
		unsigned long long uv;
		long long sv;
		int lng = 0;	/* -2 hh, -1 h, 0 int, 1 long, 2 long long */

		if (*fmt != '%') {
			out(*fmt, ctx);
			continue;
		}
		fmt++;

		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = true;
			else if (*fmt == '0')
				sp.zero = true;
			else if (*fmt == '+')
				sp.plus = true;
			else if (*fmt == ' ')
				sp.space = true;
			else if (*fmt == '#')
				sp.alt = true;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(args, int);
			if (sp.width < 0) {
				sp.left = true;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			sp.width = parse_int(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				sp.prec = va_arg(args, int);
				fmt++;
			} else {
				sp.prec = parse_int(&fmt);
			}
		}

		for (;; fmt++) {
			if (*fmt == 'h')
				lng--;
			else if (*fmt == 'l')
				lng++;
			else if (*fmt == 'z' || *fmt == 't')
				lng = sizeof(size_t) == sizeof(long) ? 1 : 2;
			else if (*fmt == 'j')
				lng = 2;
			else
				break;
		}

		switch (*fmt) {
		case 'd':
		case 'i':
			if (lng >= 2)
				sv = va_arg(args, long long);
			else if (lng == 1)
				sv = va_arg(args, long);
			else
				sv = va_arg(args, int);
			if (lng == -1)
				sv = (short)sv;
			else if (lng <= -2)
				sv = (signed char)sv;
			/* Negating in unsigned arithmetic handles LLONG_MIN. */
			uv = sv < 0 ? -(unsigned long long)sv : (unsigned long long)sv;
			emit_number(out, ctx, uv, sv < 0, 10, false, &sp);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng >= 2)
				uv = va_arg(args, unsigned long long);
			else if (lng == 1)
				uv = va_arg(args, unsigned long);
			else
				uv = va_arg(args, unsigned int);
			if (lng == -1)
				uv = (unsigned short)uv;
			else if (lng <= -2)
				uv = (unsigned char)uv;
			emit_number(out, ctx, uv, false,
				    *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16,
				    *fmt == 'X', &sp);
			break;
		case 'p':
			sp.alt = true;
			emit_number(out, ctx,
				    (unsigned long)va_arg(args, void *),
				    false, 16, false, &sp);
			break;
		case 'c': {
			char c[2] = { (char)va_arg(args, int), 0 };

			sp.prec = 1;
			/* Print a NUL character too, unlike %s. */
			if (!c[0]) {
				emit_padding(out, ctx, ' ',
					     sp.left ? 0 : sp.width - 1);
				out(0, ctx);
				emit_padding(out, ctx, ' ',
					     sp.left ? sp.width - 1 : 0);
			} else {
				emit_string(out, ctx, c, &sp);
			}
			break;
		}
		case 's':
			emit_string(out, ctx, va_arg(args, const char *), &sp);
			break;
		case '%':
			out('%', ctx);
			break;
		case '\0':
			/* A lone '%' at the end: print it, stop. */
			out('%', ctx);
			fmt--;
			break;
		default:
			/* Unknown conversion: show it verbatim. */
			out('%', ctx);
			out(*fmt, ctx);
			break;
		}
	}
	va_end(args);
}

struct sbuf {
	char *buf;
	size_t size;
	size_t len;
};

static void sbuf_out(char c, void *ctx)
{
	struct sbuf *sb = ctx;

	if (sb->len + 1 < sb->size)
		sb->buf[sb->len] = c;
	sb->len++;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sbuf sb = { .buf = buf, .size = size };

	format_emit(sbuf_out, &sb, fmt, ap);
	if (size)
		buf[MIN(sb.len, size - 1)] = 0;
	return (int)sb.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

bool parse_ull(const char *s, size_t len, unsigned long long *val)
{
	unsigned int base = 10;
	unsigned long long v = 0;
	size_t i = 0;

	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	}
	if (i == len)
		return false;
	for (; i < len; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return false;
		if (d >= base)
			return false;
		v = v * base + d;
	}
	*val = v;
	return true;
}
