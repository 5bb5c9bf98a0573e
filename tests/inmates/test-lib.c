// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the architecture-independent inmate library: formatting
 * (against the C library's printf), string functions, command-line
 * parsing, comm region message handling and console selection. The
 * library files are built with their public names prefixed by inm_ so
 * they cannot be confused with the host's C library.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <limits.h>

#include <inmate.h>

int inm_snprintf(char *buf, size_t size, const char *fmt, ...);
int inm_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
void *inm_memset(void *s, int c, size_t n);
void *inm_memmove(void *dst, const void *src, size_t n);
int inm_memcmp(const void *a, const void *b, size_t n);
size_t inm_strlen(const char *s);
int inm_strcmp(const char *a, const char *b);
int inm_strncmp(const char *a, const char *b, size_t n);

static int failures;

#define EXPECT(cond, ...) do {						\
	if (!(cond)) {							\
		printf("  %s:%d: ", __FILE__, __LINE__);		\
		printf(__VA_ARGS__);					\
		printf("\n");						\
		failures++;						\
	}								\
} while (0)

static void report(const char *name, int before)
{
	if (failures == before)
		printf("PASS: %s\n", name);
	else
		printf("FAIL: %s: %d check(s) failed\n", name,
		       failures - before);
}

/* Host stand-ins for what the architecture provides. */
bool jailhouse_use_vmcall;
const char *inmate_cmdline;

static char out[4096];
static size_t out_len;
static int init_calls;
static unsigned long init_base;

static void fake_init(unsigned long base, __u16 flags, __u32 divider)
{
	init_calls++;
	init_base = base;
}

static void fake_putc(unsigned long base, __u16 flags, char c)
{
	if (out_len < sizeof(out) - 1)
		out[out_len++] = c;
}

const struct uart_driver arch_uart_drivers[] = {
	{ .name = "8250", .type = JAILHOUSE_CON_TYPE_8250,
	  .init = fake_init, .putc = fake_putc },
	{ .name = "PL011", .type = JAILHOUSE_CON_TYPE_PL011,
	  .init = fake_init, .putc = fake_putc },
	{ .name = NULL },
};

const struct jailhouse_console arch_default_console = {
	.address = 0x3f8,
	.type = JAILHOUSE_CON_TYPE_8250,
};

void inmate_lock(volatile int *lock) { *lock = 1; }
void inmate_unlock(volatile int *lock) { *lock = 0; }

/* Same text and return value as the C library for this format. */
static void check_fmt(const char *fmt, ...)
{
	char ours[256], libc[256];
	va_list a, b;
	int n1, n2;

	va_start(a, fmt);
	va_copy(b, a);
	n1 = inm_vsnprintf(ours, sizeof(ours), fmt, a);
	n2 = vsnprintf(libc, sizeof(libc), fmt, b);
	va_end(a);
	va_end(b);
	EXPECT(n1 == n2 && !strcmp(ours, libc),
	       "format \"%s\": got \"%s\" (%d), want \"%s\" (%d)",
	       fmt, ours, n1, libc, n2);
}

static void test_format(void)
{
	int before = failures;
	char small[8];
	unsigned long long v;

	check_fmt("plain text");
	check_fmt("%d %i %u", 42, -42, 42u);
	check_fmt("%d", INT_MIN);
	check_fmt("%lld %llu", LLONG_MIN, ULLONG_MAX);
	check_fmt("%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
	check_fmt("%zu %zx", (size_t)12345, (size_t)0xabc);
	check_fmt("%x %X %#x %#X %o %#o", 0xbeef, 0xbeef, 0xbeef, 0xbeef,
		  8, 8);
	check_fmt("[%6d] [%-6d] [%06d] [%+d] [% d]", 42, 42, -42, 42, 42);
	check_fmt("[%6lld ns]", -123456LL);
	check_fmt("[%.3d] [%8.3d] [%-8.3x] [%.0d]", 5, 5, 5, 0);
	check_fmt("[%*d] [%-*d] [%.*s]", 5, 1, 5, 2, 3, "abcdef");
	check_fmt("[%s] [%10s] [%-10s] [%.2s]", "str", "str", "str", "str");
	check_fmt("[%c%c] [%3c]", 'o', 'k', 'x');
	check_fmt("%hhu %hu %hhd %hd", 300, 70000, 200, 40000);
	check_fmt("100%% %p", (void *)0x1234);
	check_fmt("%lu.%03lu MHz", 2301ul, 5ul);

	EXPECT(inm_snprintf(small, sizeof(small), "%s", "truncated") == 9 &&
	       !strcmp(small, "truncat"), "truncation: %s", small);
	EXPECT(inm_snprintf(NULL, 0, "%d", 12345) == 5, "size 0 counts");

	EXPECT(parse_ull("0x1F", 4, &v) && v == 0x1f, "hex");
	EXPECT(parse_ull("1234", 4, &v) && v == 1234, "decimal");
	EXPECT(!parse_ull("12a", 3, &v), "garbage decimal");
	EXPECT(!parse_ull("0x", 2, &v), "empty hex");
	EXPECT(!parse_ull("", 0, &v), "empty");
	report("format: printf conversions match the C library", before);
}

static void test_string(void)
{
	int before = failures;
	char buf[16] = "abcdefgh";

	inm_memmove(buf + 2, buf, 6);
	EXPECT(!memcmp(buf, "ababcdef", 8), "memmove up: %.8s", buf);
	strcpy(buf, "abcdefgh");
	inm_memmove(buf, buf + 2, 6);
	EXPECT(!memcmp(buf, "cdefghgh", 8), "memmove down: %.8s", buf);
	inm_memset(buf, 'z', 3);
	EXPECT(!memcmp(buf, "zzz", 3), "memset");
	EXPECT(inm_memcmp("abc", "abd", 3) < 0, "memcmp <");
	EXPECT(inm_strlen("hello") == 5 && inm_strlen("") == 0, "strlen");
	EXPECT(!inm_strcmp("x", "x") && inm_strcmp("a", "b") < 0 &&
	       inm_strcmp("b", "ab") > 0, "strcmp");
	EXPECT(!inm_strncmp("abcX", "abcY", 3) &&
	       inm_strncmp("abcX", "abcY", 4) < 0, "strncmp");
	report("string: mem*/str* behave like the C library's", before);
}

static void test_cmdline(void)
{
	int before = failures;
	char buf[32];

	inmate_cmdline = "con-base=0x2f8  ticks=5\tflag off=0 neg=-12 "
			 "ticks=7 con=bad name=abc";
	EXPECT(cmdline_parse_int("con-base", -1) == 0x2f8, "hex value");
	EXPECT(cmdline_parse_int("ticks", 0) == 7, "last word wins");
	EXPECT(cmdline_parse_int("neg", 0) == -12, "negative");
	EXPECT(cmdline_parse_int("missing", 99) == 99, "default");
	EXPECT(cmdline_parse_int("con", 5) == 5, "non-number gives default");
	EXPECT(cmdline_parse_int("con-", 5) == 5, "prefix is not a key");
	EXPECT(cmdline_parse_bool("flag"), "bare word is true");
	EXPECT(!cmdline_parse_bool("off"), "=0 is false");
	EXPECT(!cmdline_parse_bool("fla"), "prefix is not a bare key");
	EXPECT(cmdline_parse_str("name", buf, sizeof(buf)) &&
	       !strcmp(buf, "abc"), "string: %s", buf);
	EXPECT(cmdline_parse_str("name", buf, 3) && !strcmp(buf, "ab"),
	       "string truncated: %s", buf);
	EXPECT(!cmdline_parse_str("flag", buf, sizeof(buf)),
	       "bare word has no string value");
	inmate_cmdline = "";
	EXPECT(cmdline_parse_int("ticks", 3) == 3, "empty line");
	report("cmdline: key=value parsing", before);
}

static __u8 page[4096] __attribute__((aligned(4096)));

static void comm_reset(__u32 msg)
{
	memset(page, 0, sizeof(page));
	comm_region = (struct jailhouse_comm_region *)page;
	memcpy(comm_region->signature, "JHCOMM", 6);
	comm_region->revision = COMM_REGION_ABI_REVISION;
	comm_region->reply_from_cell = 0x55;
	comm_region->msg_to_cell = msg;
}

static void test_comm(void)
{
	int before = failures;

	comm_reset(JAILHOUSE_MSG_NONE);
	EXPECT(comm_region_valid(), "valid region");
	EXPECT(comm_region_poll(true) == JAILHOUSE_MSG_NONE &&
	       comm_region->reply_from_cell == 0x55, "no message: no reply");

	comm_reset(JAILHOUSE_MSG_SHUTDOWN_REQUEST);
	EXPECT(comm_region_poll(true) == JAILHOUSE_MSG_SHUTDOWN_REQUEST,
	       "shutdown seen");
	EXPECT(comm_region->msg_to_cell == JAILHOUSE_MSG_NONE &&
	       comm_region->reply_from_cell == JAILHOUSE_MSG_REQUEST_APPROVED,
	       "approved: msg %u reply %u", comm_region->msg_to_cell,
	       comm_region->reply_from_cell);

	comm_reset(JAILHOUSE_MSG_SHUTDOWN_REQUEST);
	comm_region_poll(false);
	EXPECT(comm_region->reply_from_cell == JAILHOUSE_MSG_REQUEST_DENIED,
	       "denied");

	comm_reset(JAILHOUSE_MSG_RECONFIG_COMPLETED);
	comm_region_poll(true);
	EXPECT(comm_region->reply_from_cell == JAILHOUSE_MSG_RECEIVED,
	       "reconfig received");

	comm_reset(77);
	comm_region_poll(true);
	EXPECT(comm_region->reply_from_cell == JAILHOUSE_MSG_UNKNOWN &&
	       comm_region->msg_to_cell == 0, "unknown message");

	comm_reset(0);
	comm_region->revision = 1;
	EXPECT(!comm_region_valid(), "old revision rejected");
	comm_reset(0);
	comm_region->signature[0] = 'X';
	EXPECT(!comm_region_valid(), "bad signature rejected");
	report("comm region: message replies follow the protocol", before);
}

static void console_case(const char *cmdline, bool comm, __u16 type,
			 unsigned long addr)
{
	comm_reset(0);
	if (!comm)
		page[0] = 0;
	comm_region->console.type = type;
	comm_region->console.address = addr;
	inmate_cmdline = cmdline;
	out_len = 0;
	init_calls = 0;
	console_init();
}

static void test_console(void)
{
	int before = failures;

	console_case("", false, 0, 0);
	EXPECT(init_base == 0x3f8 && !strcmp(console_name(), "8250"),
	       "no comm region: arch default");
	printk("a\nb %d", 1);
	out[out_len] = 0;
	EXPECT(!strcmp(out, "a\r\nb 1"), "CR LF and formatting: %s", out);

	console_case("", true, JAILHOUSE_CON_TYPE_PL011, 0x9000000);
	EXPECT(init_base == 0x9000000 && !strcmp(console_name(), "PL011"),
	       "comm region console: %s %lx", console_name(), init_base);

	console_case("con-type=8250 con-base=0x2f8", true,
		     JAILHOUSE_CON_TYPE_PL011, 0x9000000);
	EXPECT(init_base == 0x2f8 && !strcmp(console_name(), "8250"),
	       "command line wins: %s %lx", console_name(), init_base);

	console_case("con-type=none", true, JAILHOUSE_CON_TYPE_8250, 0x3f8);
	printk("dropped");
	EXPECT(out_len == 0 && !init_calls && !strcmp(console_name(), "none"),
	       "con-type=none prints nothing");

	console_case("", true, JAILHOUSE_CON_TYPE_NONE, 0);
	EXPECT(!strcmp(console_name(), "none"), "cell without console");
	report("console: command line, comm region, default", before);
}

int main(void)
{
	test_format();
	test_string();
	test_cmdline();
	test_comm();
	test_console();
	return failures ? 1 : 0;
}
