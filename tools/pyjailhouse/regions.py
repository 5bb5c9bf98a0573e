# SPDX-License-Identifier: GPL-2.0
"""Address range arithmetic for the memory checks (half-open ranges)."""


def overlaps(start_a, size_a, start_b, size_b):
    """Whether two non-empty ranges share at least one byte."""
    if size_a == 0 or size_b == 0:
        return False
    return start_a < start_b + size_b and start_b < start_a + size_a

