/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal host test runner. A test is a function declared with TEST(); it
 * registers itself before main() runs. EXPECT_* records a failure and goes
 * on, ASSERT_* records it and leaves the test. Each failure prints
 * file:line, the expression and both values.
 */
#ifndef _UNIT_H
#define _UNIT_H

struct unit_test {
	const char *name;
	const char *file;
	void (*fn)(void);
	struct unit_test *next;
};

void unit_register(struct unit_test *test);
void unit_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define TEST(fname)							\
	static void fname(void);					\
	static struct unit_test unit_test_##fname = {			\
		.name = #fname, .file = __FILE__, .fn = fname,		\
	};								\
	__attribute__((constructor)) static void unit_reg_##fname(void) \
	{								\
		unit_register(&unit_test_##fname);			\
	}								\
	static void fname(void)

/* Integer comparison; values are shown in decimal and hex. */
#define UNIT_CMP(a, op, b, on_fail)					\
	do {								\
		unsigned long long _ua = (unsigned long long)(a);	\
		unsigned long long _ub = (unsigned long long)(b);	\
		if (!(_ua op _ub)) {					\
			unit_fail(__FILE__, __LINE__,			\
				  "%s %s %s: %lld (0x%llx) vs %lld (0x%llx)", \
				  #a, #op, #b, (long long)_ua, _ua,	\
				  (long long)_ub, _ub);			\
			on_fail;					\
		}							\
	} while (0)

#define EXPECT_EQ(a, b)	UNIT_CMP(a, ==, b, (void)0)
#define EXPECT_NE(a, b)	UNIT_CMP(a, !=, b, (void)0)
#define EXPECT_LT(a, b)	UNIT_CMP(a, <, b, (void)0)
#define EXPECT_LE(a, b)	UNIT_CMP(a, <=, b, (void)0)
#define EXPECT_TRUE(x)	UNIT_CMP(!!(x), ==, 1, (void)0)
#define EXPECT_FALSE(x)	UNIT_CMP(!!(x), ==, 0, (void)0)
#define ASSERT_EQ(a, b)	UNIT_CMP(a, ==, b, return)
#define ASSERT_NE(a, b)	UNIT_CMP(a, !=, b, return)
#define ASSERT_TRUE(x)	UNIT_CMP(!!(x), ==, 1, return)

#define UNIT_STR(a, b, on_fail)						\
	do {								\
		const char *_sa = (a), *_sb = (b);			\
		if (!_sa || !_sb || strcmp(_sa, _sb) != 0) {		\
			unit_fail(__FILE__, __LINE__,			\
				  "%s == %s: \"%s\" vs \"%s\"", #a, #b,	\
				  _sa ? _sa : "(null)",			\
				  _sb ? _sb : "(null)");		\
			on_fail;					\
		}							\
	} while (0)

#define EXPECT_STREQ(a, b)	UNIT_STR(a, b, (void)0)
#define ASSERT_STREQ(a, b)	UNIT_STR(a, b, return)

#endif /* _UNIT_H */
