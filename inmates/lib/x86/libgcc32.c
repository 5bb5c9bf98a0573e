// SPDX-License-Identifier: GPL-2.0 OR BSD-2-Clause
/*
 * 64-bit division helpers that gcc calls in 32-bit code. Debian's gcc has
 * no 32-bit libgcc without multilib, and a freestanding image must not
 * depend on one anyway.
 */
#include <inmate.h>

static __u64 udivmod64(__u64 n, __u64 d, __u64 *rem)
{
	__u64 q = 0, r = 0;

	/* Schoolbook binary long division; only a few call sites. */
	for (int bit = 63; bit >= 0; bit--) {
		r = (r << 1) | ((n >> bit) & 1);
		if (r >= d) {
			r -= d;
			q |= 1ULL << bit;
		}
	}
	if (rem)
		*rem = r;
	return q;
}

__u64 __udivmoddi4(__u64 n, __u64 d, __u64 *rem);
__u64 __udivdi3(__u64 n, __u64 d);
__u64 __umoddi3(__u64 n, __u64 d);
__s64 __divdi3(__s64 n, __s64 d);
__s64 __moddi3(__s64 n, __s64 d);

__u64 __udivmoddi4(__u64 n, __u64 d, __u64 *rem)
{
	return udivmod64(n, d, rem);
}

__u64 __udivdi3(__u64 n, __u64 d)
{
	return udivmod64(n, d, NULL);
}

__u64 __umoddi3(__u64 n, __u64 d)
{
	__u64 r;

	udivmod64(n, d, &r);
	return r;
}

__s64 __divdi3(__s64 n, __s64 d)
{
	__u64 q = udivmod64(n < 0 ? -(__u64)n : (__u64)n,
			    d < 0 ? -(__u64)d : (__u64)d, NULL);

	return (n < 0) != (d < 0) ? -(__s64)q : (__s64)q;
}

__s64 __moddi3(__s64 n, __s64 d)
{
	__u64 r;

	udivmod64(n < 0 ? -(__u64)n : (__u64)n,
		  d < 0 ? -(__u64)d : (__u64)d, &r);
	return n < 0 ? -(__s64)r : (__s64)r;
}
