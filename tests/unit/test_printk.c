// SPDX-License-Identifier: GPL-2.0
/* printk formatting, the virtual console ring and the debug-console hook. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jailhouse/console.h>
#include <core/printk.h>

#include "arch_stubs.h"
#include "unit.h"

#define CHECK_FMT(expect, ...)						\
	do {								\
		char _b[128];						\
		int _n = snprintk(_b, sizeof(_b), __VA_ARGS__);		\
		EXPECT_STREQ(_b, expect);				\
		EXPECT_EQ(_n, strlen(expect));				\
	} while (0)

/* Without format checking, for inputs the compiler would refuse. */
static int unchecked_snprintk(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintk(buf, size, fmt, ap);
	va_end(ap);
	return len;
}

#define CHECK_UNCHECKED(expect, ...)					\
	do {								\
		char _b[128];						\
		int _n = unchecked_snprintk(_b, sizeof(_b), __VA_ARGS__); \
		EXPECT_STREQ(_b, expect);				\
		EXPECT_EQ(_n, strlen(expect));				\
	} while (0)

TEST(printk_basic_conversions)
{
	CHECK_FMT("plain", "plain");
	CHECK_FMT("a=5 b=-7 c=4294967295", "a=%d b=%i c=%u", 5, -7, -1);
	CHECK_FMT("ff FF 0", "%x %X %x", 255, 255, 0);
	CHECK_FMT("x=hello y=A 100%", "x=%s y=%c 100%%", "hello", 'A');
	CHECK_UNCHECKED("(null)", "%s", (char *)NULL);
	CHECK_FMT("fffffffff0000000", "%llx", 0xfffffffff0000000ULL);
	CHECK_FMT("18446744073709551615", "%llu", ~0ULL);
	CHECK_FMT("-9223372036854775808", "%lld", (long long)(1ULL << 63));
	CHECK_FMT("0x00000000deadbeef", "%p", (void *)0xdeadbeefUL);
	CHECK_UNCHECKED("%q", "%q");
	CHECK_UNCHECKED("end%", "end%");
	CHECK_FMT("255 -1 65535", "%hhu %hhd %hu", 0x1ff, 0xff, 0x1ffff);
	CHECK_FMT("12345", "%zu", (size_t)12345);
}

TEST(printk_width_and_padding)
{
	CHECK_FMT("   42|42   |00042", "%5d|%-5d|%05d", 42, 42, 42);
	CHECK_FMT("-0042|  -42", "%05d|%5d", -42, -42);
	CHECK_FMT("0000beef", "%08x", 0xbeef);
	CHECK_FMT("00ab", "%0*x", 4, 0xab);
	CHECK_FMT("ab  |", "%*x|", -4, 0xab);
	CHECK_FMT("  abc|ab|abc  ", "%5s|%.2s|%-5s", "abc", "abcdef", "abc");
	CHECK_FMT("    x|x    ", "%5c|%-5c", 'x', 'x');
	CHECK_FMT("123456", "%3d", 123456);
}

/* The number paths agree with the C library on a spread of values. */
TEST(printk_numbers_match_libc)
{
	static const long long vals[] = {
		0, 1, -1, 9, 10, 99, 100, 12345678, -2147483648LL,
		4294967296LL, 999999999999LL, 0x7fffffffffffffffLL,
	};
	static const char *const fmts[] = {
		"%lld", "%llu", "%llx", "%020lld", "%-20llX|", "%3llu",
	};
	char ours[64], libc[64];
	unsigned int v, f;

	for (v = 0; v < ARRAY_ELEMS(vals); v++) {
		for (f = 0; f < ARRAY_ELEMS(fmts); f++) {
			snprintk(ours, sizeof(ours), fmts[f], vals[v]);
			snprintf(libc, sizeof(libc), fmts[f], vals[v]);
			EXPECT_STREQ(ours, libc);
		}
	}
}

TEST(printk_truncation)
{
	char buf[8];

	memset(buf, 'z', sizeof(buf));
	EXPECT_EQ(snprintk(buf, 5, "%s-%d", "abcdef", 12), 9);
	EXPECT_STREQ(buf, "abcd");
	EXPECT_EQ(buf[5], 'z');
	EXPECT_EQ(snprintk(NULL, 0, "%d", 1234), 4);
	EXPECT_EQ(snprintk(buf, 1, "%d", 1234), 4);
	EXPECT_EQ(buf[0], '\0');
}

TEST(printk_reaches_both_consoles)
{
	static const char msg[] = "Initializing on CPU 3\n";

	dbg_output_reset();
	memset(&virt_console, 0, sizeof(virt_console));
	virt_console_enabled = false;
	printk("quiet %d\n", 1);
	EXPECT_EQ(virt_console.tail, 0);
	EXPECT_EQ(dbg_output_len, 8);

	virt_console_enabled = true;
	printk("Initializing on CPU %u\n", 3);
	EXPECT_EQ(virt_console.tail, strlen(msg));
	EXPECT_EQ(virt_console.busy, 0);
	EXPECT_EQ(memcmp(virt_console.content, msg, strlen(msg)), 0);
	EXPECT_EQ(dbg_output_len, 8 + strlen(msg));
	EXPECT_EQ(memcmp(dbg_output + 8, msg, strlen(msg)), 0);
	virt_console_enabled = false;
}

TEST(printk_long_message_is_cut)
{
	char big[PRINTK_MAX * 2];

	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	dbg_output_reset();
	printk("%s", big);
	EXPECT_EQ(dbg_output_len, PRINTK_MAX - 1);
}

TEST(virt_console_ring_wraps)
{
	struct jailhouse_virt_console con;
	char chunk[300];
	u32 total = 0, n;
	unsigned int i;

	memset(&con, 0, sizeof(con));
	/* 7 chunks of 300 distinct-ish bytes: 2100 > 2048, so it wraps. */
	for (i = 0; i < 7; i++) {
		for (n = 0; n < sizeof(chunk); n++)
			chunk[n] = (char)('A' + (total + n) % 53);
		virt_console_write(&con, chunk, sizeof(chunk));
		total += sizeof(chunk);
		EXPECT_EQ(con.tail, total);
		EXPECT_EQ(con.busy, 0);
	}
	/* Every byte still held sits at its running index modulo size. */
	for (n = total - JAILHOUSE_VIRT_CONSOLE_SIZE; n < total; n++)
		if (con.content[n % JAILHOUSE_VIRT_CONSOLE_SIZE] !=
		    (char)('A' + n % 53))
			break;
	EXPECT_EQ(n, total);
	/* The oldest bytes were overwritten by the newest. */
	EXPECT_EQ(con.content[0], (char)('A' + 2048 % 53));

	/* The 32-bit counter wraps without losing the ring position. */
	con.tail = 0xfffffffe;
	virt_console_write(&con, "xyz", 3);
	EXPECT_EQ(con.tail, 1);
	EXPECT_EQ(con.content[0xfffffffe % JAILHOUSE_VIRT_CONSOLE_SIZE], 'x');
	EXPECT_EQ(con.content[0], 'z');
}
