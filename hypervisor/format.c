// SPDX-License-Identifier: GPL-2.0
/*
 * vsnprintk: the printf subset the hypervisor needs. Numbers are divided
 * by shifting and subtracting so that 32-bit ARM needs no libgcc helper
 * for 64-bit division.
 */
#include <core/printk.h>

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int count)
{
	while (count-- > 0)
		put(o, c);
}

/* n /= base, returning the remainder; base is at most 16. */
static unsigned int div_small(u64 *n, unsigned int base)
{
	u64 quot = 0, rem = 0;
	int bit;

	if ((base & (base - 1)) == 0) {
		rem = *n & (base - 1);
		*n >>= __builtin_ctz(base);
		return rem;
	}
	for (bit = 63; bit >= 0; bit--) {
		rem = (rem << 1) | ((*n >> bit) & 1);
		if (rem >= base) {
			rem -= base;
			quot |= 1ULL << bit;
		}
	}
	*n = quot;
	return rem;
}

struct spec {
	bool left;
	bool zero;
	int width;
	int precision;
	int length;	/* -2 hh, -1 h, 0, 1 l, 2 ll, 3 z */
};

static void put_number(struct out *o, u64 n, bool negative,
		       unsigned int base, bool upper,
		       const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int count = 0, len;

	do {
		tmp[count++] = digits[div_small(&n, base)];
	} while (n);
	len = count + negative;

	if (!sp->left && !sp->zero)
		pad(o, ' ', sp->width - len);
	if (negative)
		put(o, '-');
	if (!sp->left && sp->zero)
		pad(o, '0', sp->width - len);
	while (count)
		put(o, tmp[--count]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

static void put_string(struct out *o, const char *s, const struct spec *sp)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (sp->precision < 0 || len < sp->precision))
		len++;
	if (!sp->left)
		pad(o, ' ', sp->width - len);
	for (int n = 0; n < len; n++)
		put(o, s[n]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

static u64 fetch_unsigned(va_list *ap, int length)
{
	switch (length) {
	case -2:
		return (unsigned char)va_arg(*ap, unsigned int);
	case -1:
		return (unsigned short)va_arg(*ap, unsigned int);
	case 0:
		return va_arg(*ap, unsigned int);
	case 1:
		return va_arg(*ap, unsigned long);
	case 3:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned long long);
	}
}

static s64 fetch_signed(va_list *ap, int length)
{
	switch (length) {
	case -2:
		return (signed char)va_arg(*ap, int);
	case -1:
		return (short)va_arg(*ap, int);
	case 0:
		return va_arg(*ap, int);
	case 1:
		return va_arg(*ap, long);
	case 3:
		/* ssize_t has the width of size_t everywhere we run. */
		return (s64)(long)va_arg(*ap, size_t);
	default:
		return va_arg(*ap, long long);
	}
}

/* Parses flags, width, precision and length; returns the conversion. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };

	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + *f++ - '0';
	if (*f == '.') {
		f++;
		sp->precision = 0;
		if (*f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			sp->precision = sp->precision * 10 + *f++ - '0';
	}
	for (;; f++) {
		if (*f == 'h')
			sp->length--;
		else if (*f == 'l')
			sp->length++;
		else if (*f == 'z')
			sp->length = 3;
		else
			break;
	}
	return f;
}

int vsnprintk(char *buf, size_t size, const char *fmt, va_list ap_in)
{
	struct out o = { .buf = buf, .size = size };
	struct spec sp;
	const char *f;
	va_list ap;
	s64 val;

	va_copy(ap, ap_in);
	for (f = fmt; *f; f++) {
		if (*f != '%') {
			put(&o, *f);
			continue;
		}
		f = parse_spec(f + 1, &sp, &ap);
		switch (*f) {
		case 'd':
		case 'i':
			val = fetch_signed(&ap, sp.length);
			put_number(&o, val < 0 ? -(u64)val : (u64)val,
				   val < 0, 10, false, &sp);
			break;
		case 'u':
			put_number(&o, fetch_unsigned(&ap, sp.length), false,
				   10, false, &sp);
			break;
		case 'x':
		case 'X':
			put_number(&o, fetch_unsigned(&ap, sp.length), false,
				   16, *f == 'X', &sp);
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			sp.zero = true;
			sp.width = 2 * sizeof(void *);
			put_number(&o, (unsigned long)va_arg(ap, void *),
				   false, 16, false, &sp);
			break;
		case 's':
			put_string(&o, va_arg(ap, const char *), &sp);
			break;
		case 'c':
			pad(&o, ' ', sp.left ? 0 : sp.width - 1);
			put(&o, (char)va_arg(ap, int));
			pad(&o, ' ', sp.left ? sp.width - 1 : 0);
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			/* A lone '%' at the end: print it, then stop. */
			put(&o, '%');
			f--;
			break;
		default:
			put(&o, '%');
			put(&o, *f);
			break;
		}
	}
	va_end(ap);

	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintk(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintk(buf, size, fmt, ap);
	va_end(ap);
	return len;
}
