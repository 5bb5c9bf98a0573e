# SPDX-License-Identifier: GPL-2.0
"""Address range arithmetic for the memory checks (half-open ranges)."""


def overlaps(start_a, size_a, start_b, size_b):
    """Whether two non-empty ranges share at least one byte."""
    if size_a == 0 or size_b == 0:
        return False
    return start_a < start_b + size_b and start_b < start_a + size_a


def first_gap(start, size, covers):
    """The first part of [start, start + size) that none of the ranges in
    `covers` ([(start, size), ...]) contains, as (start, size); None when
    fully covered.  Several adjacent ranges may cover it together."""
    end = start + size
    pos = start
    for cover_start, cover_size in sorted(covers):
        if cover_size == 0 or cover_start + cover_size <= pos:
            continue
        if cover_start > pos:
            break
        pos = cover_start + cover_size
        if pos >= end:
            return None
    if pos >= end:
        return None
    # The gap runs up to the next range that starts inside it.
    gap_end = end
    for cover_start, cover_size in covers:
        if cover_size and pos < cover_start < gap_end:
            gap_end = cover_start
    return pos, gap_end - pos
